// The demo's volunteering (issue 11; 000_e0ccae9882b7fb64.txt 優先行動 2.2 item 1 names the
// wetland park's and the country parks' volunteer programmes and 「自己山徑自己修」): the three,
// run by AFCD for item 2.2.1, published by the working group's secretariat and marked as
// demonstration data; past events whose attendance the department's focal point recorded, so the
// plan's indicators and item 2.2.1 show people engaged and hours served; and coming events with
// sign-ups, one full with a waiting list. Dates are counted from the day the demo is loaded.
#pragma once
#include "core/civil_date.h"
#include "store/store.h"

namespace bsap::cli {

// After add_demo_tracker (it needs AFCD and its focal point `department`); does nothing when
// AFCD already runs a programme (the demo was loaded before) or a demo user is missing.
void add_demo_volunteering(store::Transaction& tx, CivilDate today);

}  // namespace bsap::cli
