// §2.5.2, §2.5.3 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_cumulative(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
