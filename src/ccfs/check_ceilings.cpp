// §2.5.1, 註10, 註11 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_ceilings(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
