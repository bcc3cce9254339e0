// 附錄2 per line, §3.2 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_budget_lines(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
