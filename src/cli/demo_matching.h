// The demo's funding matching (000 優先行動 2.4 優先項目 2, 2.7; 002 §3.11): two funder profiles
// (a trust declaring none of the §3.11.3 categories, and a brewer declaring the liquor trade, so
// a declaration for under-18 activities is refused), two proposals of the demo NGO (one listed by
// the secretariat, one awaiting its review) and one pledge to the listed proposal. Through the
// same store calls the pages use, so every step is audited.
#pragma once
#include "store/store.h"

namespace bsap::cli {

// Does nothing when the demo funder already has a profile (the demo was loaded before), or when
// the demo users or the NGO's organisation are missing.
void add_demo_matching(store::Transaction& tx);

}  // namespace bsap::cli
