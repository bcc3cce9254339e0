// §3.11.4 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_contribution(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
