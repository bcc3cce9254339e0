// Who assesses an application (guidelines §4.1.1, §4.1.2) and what they said. The secretariat
// assigns members of the assessment panel, the approval panel and the committee to an
// application; before a member sees anything of it, the member declares any conflict of interest
// (§5.17.3). A declared conflict removes the member from that application: the assignment stays,
// for the record, but gives no access and no vote. Each member scores each criterion with a
// comment and gives a recommendation. Every change is audited in the same transaction.
//
// The body is stored as its assessment state code: "assessment_panel", "approval_panel",
// "committee". Declarations: "" (none yet), "no_conflict", "conflict".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace bsap::store {

struct Assignment {
  std::int64_t application_id = 0;
  std::int64_t user_id = 0;
  std::string body;
  std::string member_name;  // display name, else username
  std::int64_t assigned_by = 0;
  std::string assigned_at;
  std::string declaration;  // "", "no_conflict", "conflict"
  std::string declaration_note;
  std::optional<std::string> declared_at;
  std::string recommendation;  // "" until given; ccfs::recommendation_code
  std::string recommendation_note;
  bool may_see() const { return declaration == "no_conflict"; }
};

// The user must hold the body's role (user_repo), else StoreError naming it. Assigning the same
// member to the same body twice is refused.
void assign_member(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                   std::string_view body, std::int64_t assigned_by);
// Removes an assignment that has no declaration yet (audited); refused once declared.
void unassign_member(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                     std::string_view body, std::int64_t by_user);
// Once only: a declaration cannot be changed (StoreError). A conflict needs a note.
void declare_interest(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                      std::string_view body, bool conflict, std::string_view note);
std::optional<Assignment> find_assignment(Transaction& tx, std::int64_t application_id,
                                          std::int64_t user_id, std::string_view body);
// The user's assignments on the application, any body.
std::vector<Assignment> user_assignments(Transaction& tx, std::int64_t application_id,
                                         std::int64_t user_id);
// The application's assignments, by body then assignment time.
std::vector<Assignment> list_assignments(Transaction& tx, std::int64_t application_id);
// Every assignment of the user, newest first: the member's work list.
std::vector<Assignment> list_member_assignments(Transaction& tx, std::int64_t user_id);

struct StoredScore {
  std::int64_t application_id = 0;
  std::int64_t user_id = 0;
  std::string body;
  std::string criterion_key;  // "ma_criteria.b"
  int score = 0;
  std::string comment;
  std::string scored_at;
};

// Sets or replaces the member's score and comment (audited with the old and new values). The
// caller has checked the score's range and the criterion; the store refuses a member whose
// assignment is missing or not declared no_conflict.
void save_score(Transaction& tx, const StoredScore& score);
// Every score of the application for the body, by member then criterion.
std::vector<StoredScore> list_scores(Transaction& tx, std::int64_t application_id,
                                     std::string_view body);
// Sets the member's recommendation (same refusals as save_score).
void save_recommendation(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                         std::string_view body, std::string_view recommendation,
                         std::string_view note);

}  // namespace bsap::store
