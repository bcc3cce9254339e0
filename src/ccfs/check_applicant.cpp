// §2.3, §2.6.3, §3.10.2 註 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_applicant(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
