// The demo's good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1): three plausible
// cases, two by the demo NGO's organisation and one by the demo funder, taken through the same
// steps the pages take (saved, submitted, published by the working group's secretariat) and
// marked as demonstration data wherever the public sees them.
#pragma once
#include "store/store.h"

namespace bsap::cli {

// Does nothing when any case is already there (the demo was loaded before), or when the demo's
// NGO, funder or secretariat is missing.
void add_demo_cases(store::Transaction& tx);

}  // namespace bsap::cli
