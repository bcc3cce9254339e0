// §2.1, 附錄1a/1b, §2.7.6 — not written yet.
#include "ccfs/check_step.h"

namespace bsap::ccfs {

void check_sites(const CheckInput&, FindingSink&) {}

}  // namespace bsap::ccfs
