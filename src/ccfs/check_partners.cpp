// §2.7.9, §2.7.10, §3.11.3 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_partners(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
