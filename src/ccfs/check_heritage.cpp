// §2.2, §2.7.12(a) — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_heritage(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
