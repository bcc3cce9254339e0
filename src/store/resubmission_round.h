// §4.5.1: a revised application is considered "in the next round" (在下一輪), so it may only go
// to a round that opens after the rejected application's round closed. Internal to store/: both
// submit_application and assign_round hold to it.
#pragma once
#include <cstdint>

#include "store/round_repo.h"
#include "store/store.h"

namespace bsap::store {

// Throws NotALaterRound (application_repo.h) unless `round` opens after the round of the
// rejected application closed, or, if it was submitted outside any round, after the day it was
// submitted.
void require_later_round(Transaction& tx, std::int64_t rejected_application_id, const Round& round);

}  // namespace bsap::store
