// §5.13.5 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_procurement(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
