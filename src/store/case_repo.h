// Good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1) as kept in the store, with
// their outcomes, funding sources and links to the plan's actions, KMGBF targets and SDGs. Every
// write appends its audit record (action "case.<verb>") in the caller's transaction. Who may do
// what is the web edge's rule (web/case_view.h); these functions keep the life of a case
// (plan/good_practice.h) and record who moved it.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "plan/good_practice.h"
#include "store/store.h"

namespace bsap::store {

// Creates the case as a draft (its id 0) or replaces the content of an editable one (a draft or a
// returned case: plan::case_editable); returns its id. The state, owner and organisation of an
// existing case stay as they are. StoreError when the case is not editable or does not exist.
std::int64_t save_case(Transaction& tx, const plan::GoodPracticeCase& c,
                       std::int64_t actor_user_id);

// Takes the event in the case's life (plan::next_case_state); `reason` is kept for a return.
// StoreError when the event does not apply to the case's present state.
void move_case(Transaction& tx, std::int64_t case_id, plan::CaseEvent event,
               std::string_view reason, std::int64_t actor_user_id);

// Shows the stored photograph (store/photo_repo.h) with the case, after those it has. StoreError
// when the case is not editable or has plan::kMaxPhotos already.
void add_case_photo(Transaction& tx, std::int64_t case_id, std::int64_t photo_id,
                    std::int64_t actor_user_id);

std::optional<plan::GoodPracticeCase> find_case(Transaction& tx, std::int64_t case_id);
// Newest change first.
std::vector<plan::GoodPracticeCase> list_cases_in_state(Transaction& tx, plan::CaseState state);
// An organisation's cases, or (organisation_id nullopt) the cases a user made without one.
std::vector<plan::GoodPracticeCase> list_cases_of_owner(Transaction& tx,
                                                        std::optional<std::int64_t> organisation_id,
                                                        std::int64_t user_id);

}  // namespace bsap::store
