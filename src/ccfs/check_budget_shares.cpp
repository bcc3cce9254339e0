// shares of the total — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_budget_shares(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
