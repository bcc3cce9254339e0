// §2.7.13 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_kpis(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
