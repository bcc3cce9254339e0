// §3.10.7, §5.5.1 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_disbursement(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
