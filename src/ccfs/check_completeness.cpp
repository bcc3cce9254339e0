// §2.7.2 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_completeness(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
