#include "store/panel_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/role.h"
#include "store/assessment_repo.h"
#include "store/audit_repo.h"
#include "store/key_format.h"
#include "store/repo_support.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

// The bodies in the order an application meets them (§4.1.1, §4.1.2); each is also the role its
// members hold.
constexpr std::string_view kBodies[] = {"assessment_panel", "approval_panel", "committee"};
constexpr std::string_view kBodyOrder =
    "CASE pa.body WHEN 'assessment_panel' THEN 1 WHEN 'approval_panel' THEN 2 ELSE 3 END";

Role body_role(std::string_view body) {
  const bool known = std::find(std::begin(kBodies), std::end(kBodies), body) != std::end(kBodies);
  if (!known)
    throw StoreError(fmt::format(
        "\"{}\" is not an assessing body: assessment_panel, approval_panel or committee", body));
  return *parse_role(body);
}

template <typename... Uses>
std::vector<Assignment> select_assignments(Transaction& tx, const std::string& condition,
                                           const std::string& order, Uses... uses) {
  Assignment row;
  std::string declared_at;
  soci::indicator declared_present = soci::i_null;
  const std::string query =
      "SELECT pa.application_id, pa.user_id, pa.body, CASE WHEN u.display_name = '' THEN "
      "u.username ELSE u.display_name END, pa.assigned_by, pa.assigned_at, pa.declaration, "
      "pa.declaration_note, pa.declared_at, pa.recommendation, pa.recommendation_note "
      "FROM panel_assignments pa JOIN users u ON u.id = pa.user_id " +
      condition + " ORDER BY " + order;
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.application_id),
       soci::into(row.user_id), soci::into(row.body), soci::into(row.member_name),
       soci::into(row.assigned_by), soci::into(row.assigned_at), soci::into(row.declaration),
       soci::into(row.declaration_note), soci::into(declared_at, declared_present),
       soci::into(row.recommendation), soci::into(row.recommendation_note));
  select.execute();
  std::vector<Assignment> assignments;
  while (select.fetch()) {
    row.declared_at = present(declared_at, declared_present);
    assignments.push_back(row);
  }
  return assignments;
}

std::string describe(std::int64_t application_id, std::int64_t user_id, std::string_view body) {
  return fmt::format("user {} on the {} of application {}", user_id, body, application_id);
}

Assignment require_assignment(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                              std::string_view body) {
  auto assignment = find_assignment(tx, application_id, user_id, body);
  if (!assignment)
    throw StoreError(fmt::format("{} is not assigned", describe(application_id, user_id, body)));
  return *assignment;
}

// §5.17.3: only a member who declared no conflict sees the application, scores or recommends.
Assignment require_cleared_member(Transaction& tx, std::int64_t application_id,
                                  std::int64_t user_id, std::string_view body) {
  Assignment assignment = require_assignment(tx, application_id, user_id, body);
  if (!assignment.may_see())
    throw StoreError(fmt::format("{} has {}, so may not assess it (guidelines §5.17.3)",
                                 describe(application_id, user_id, body),
                                 assignment.declaration.empty()
                                     ? "not yet declared any conflict of interest"
                                     : "declared a conflict of interest"));
  return assignment;
}

// "ma_criteria.b": keys joined by dots.
void check_criterion_key(const std::string& key) {
  std::size_t start = 0;
  for (;;) {
    const auto dot = key.find('.', start);
    if (!looks_like_key(std::string_view(key).substr(start, dot - start)))
      throw StoreError(fmt::format(
          "\"{}\" is not a criterion key (keys joined by dots, like ma_criteria.b)", key));
    if (dot == std::string::npos) return;
    start = dot + 1;
  }
}

void audit_assignment(Transaction& tx, const std::string& actor, std::int64_t application_id,
                      std::string action, json before, json after) {
  append_audit(tx, {actor, "panel_assignment", std::to_string(application_id), std::move(action),
                    before.dump(), after.dump()});
}

json who(std::int64_t user_id, std::string_view body) {
  return {{"user_id", user_id}, {"body", body}};
}

std::optional<StoredScore> find_score(Transaction& tx, const StoredScore& key) {
  StoredScore found = key;
  tx.sql() << "SELECT score, comment, scored_at FROM panel_scores WHERE application_id = :id "
              "AND user_id = :user_id AND body = :body AND criterion_key = :criterion_key",
      soci::use(key.application_id), soci::use(key.user_id), soci::use(key.body),
      soci::use(key.criterion_key), soci::into(found.score), soci::into(found.comment),
      soci::into(found.scored_at);
  if (!tx.sql().got_data()) return std::nullopt;
  return found;
}

}  // namespace

void assign_member(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                   std::string_view body, std::int64_t assigned_by) {
  const Role role = body_role(body);
  if (!find_assessment(tx, application_id))
    throw StoreError(fmt::format(
        "application {} has not been submitted, so no one is assigned to it", application_id));
  const auto member = find_user(tx, user_id);
  if (!member) throw StoreError(fmt::format("no user with id {}", user_id));
  if (std::find(member->roles.begin(), member->roles.end(), role) == member->roles.end())
    throw StoreError(fmt::format("user \"{}\" is not a member of the {} (no role {})",
                                 member->username, body, role_code(role)));
  if (member->disabled)
    throw StoreError(
        fmt::format("user \"{}\" is disabled and cannot be assigned", member->username));
  const std::string actor = username_of(tx, assigned_by);

  const std::string body_code(body), now = utc_timestamp();
  std::int64_t inserted = 0;
  tx.sql() << "INSERT INTO panel_assignments (application_id, user_id, body, assigned_by, "
              "assigned_at) VALUES (:application_id, :user_id, :body, :assigned_by, :assigned_at) "
              "ON CONFLICT DO NOTHING RETURNING user_id",
      soci::use(application_id), soci::use(user_id), soci::use(body_code), soci::use(assigned_by),
      soci::use(now), soci::into(inserted);
  if (!tx.sql().got_data())
    throw StoreError(fmt::format("user \"{}\" is already assigned to the {} of application {}",
                                 member->username, body, application_id));
  audit_assignment(tx, actor, application_id, "assign", nullptr, who(user_id, body));
}

void unassign_member(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                     std::string_view body, std::int64_t by_user) {
  const Assignment assignment = require_assignment(tx, application_id, user_id, body);
  const std::string actor = username_of(tx, by_user);
  // Once declared, the assignment is part of the record (§5.17.3) and stays.
  soci::statement remove =
      (tx.sql().prepare << "DELETE FROM panel_assignments WHERE application_id = :id AND "
                           "user_id = :user_id AND body = :body AND declaration = ''",
       soci::use(application_id), soci::use(user_id), soci::use(assignment.body));
  remove.execute(true);
  if (remove.get_affected_rows() != 1)
    throw StoreError(
        fmt::format("{} has declared an interest, so the assignment stays on the record",
                    describe(application_id, user_id, body)));
  audit_assignment(tx, actor, application_id, "unassign", who(user_id, body), nullptr);
}

void declare_interest(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                      std::string_view body, bool conflict, std::string_view note) {
  const Assignment assignment = require_assignment(tx, application_id, user_id, body);
  if (conflict && note.empty())
    throw StoreError("a declared conflict of interest needs a note saying what it is");
  const std::string actor = username_of(tx, user_id);

  const std::string declaration = conflict ? "conflict" : "no_conflict", note_text(note),
                    now = utc_timestamp();
  // The empty-declaration condition makes the declaration once only, even for two at once.
  soci::statement update =
      (tx.sql().prepare << "UPDATE panel_assignments SET declaration = :declaration, "
                           "declaration_note = :note, declared_at = :declared_at "
                           "WHERE application_id = :id AND user_id = :user_id AND body = :body "
                           "AND declaration = ''",
       soci::use(declaration), soci::use(note_text), soci::use(now), soci::use(application_id),
       soci::use(user_id), soci::use(assignment.body));
  update.execute(true);
  if (update.get_affected_rows() != 1)
    throw StoreError(fmt::format("{} has declared already; a declaration cannot be changed",
                                 describe(application_id, user_id, body)));
  json after = who(user_id, body);
  after["declaration"] = declaration;
  after["note"] = note_text;
  audit_assignment(tx, actor, application_id, "declare", {{"declaration", ""}}, after);
}

std::optional<Assignment> find_assignment(Transaction& tx, std::int64_t application_id,
                                          std::int64_t user_id, std::string_view body) {
  const std::string body_code(body);
  auto found = select_assignments(
      tx, "WHERE pa.application_id = :id AND pa.user_id = :user_id AND pa.body = :body",
      "pa.application_id", soci::use(application_id), soci::use(user_id), soci::use(body_code));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Assignment> user_assignments(Transaction& tx, std::int64_t application_id,
                                         std::int64_t user_id) {
  return select_assignments(tx, "WHERE pa.application_id = :id AND pa.user_id = :user_id",
                            std::string(kBodyOrder), soci::use(application_id), soci::use(user_id));
}

std::vector<Assignment> list_assignments(Transaction& tx, std::int64_t application_id) {
  return select_assignments(tx, "WHERE pa.application_id = :id",
                            std::string(kBodyOrder) + ", pa.assigned_at, pa.user_id",
                            soci::use(application_id));
}

std::vector<Assignment> list_member_assignments(Transaction& tx, std::int64_t user_id) {
  return select_assignments(
      tx, "WHERE pa.user_id = :user_id",
      "pa.assigned_at DESC, pa.application_id DESC, " + std::string(kBodyOrder) + " DESC",
      soci::use(user_id));
}

void save_score(Transaction& tx, const StoredScore& score) {
  check_criterion_key(score.criterion_key);
  require_cleared_member(tx, score.application_id, score.user_id, score.body);
  const std::string actor = username_of(tx, score.user_id);

  const auto before = find_score(tx, score);
  const std::string now = utc_timestamp();
  tx.sql() << "INSERT INTO panel_scores (application_id, user_id, body, criterion_key, score, "
              "comment, scored_at) VALUES (:application_id, :user_id, :body, :criterion_key, "
              ":score, :comment, :scored_at) ON CONFLICT (application_id, user_id, body, "
              "criterion_key) DO UPDATE SET score = excluded.score, comment = excluded.comment, "
              "scored_at = excluded.scored_at",
      soci::use(score.application_id), soci::use(score.user_id), soci::use(score.body),
      soci::use(score.criterion_key), soci::use(score.score), soci::use(score.comment),
      soci::use(now);

  json after = who(score.user_id, score.body);
  after["criterion_key"] = score.criterion_key;
  after["score"] = score.score;
  after["comment"] = score.comment;
  const json old =
      before ? json{{"score", before->score}, {"comment", before->comment}} : json(nullptr);
  append_audit(tx, {actor, "panel_score", std::to_string(score.application_id),
                    before ? "replace" : "create", old.dump(), after.dump()});
}

std::vector<StoredScore> list_scores(Transaction& tx, std::int64_t application_id,
                                     std::string_view body) {
  StoredScore row;
  const std::string body_code(body);
  soci::statement select =
      (tx.sql().prepare << "SELECT application_id, user_id, body, criterion_key, score, comment, "
                           "scored_at FROM panel_scores WHERE application_id = :id AND body = "
                           ":body ORDER BY user_id, criterion_key",
       soci::use(application_id), soci::use(body_code), soci::into(row.application_id),
       soci::into(row.user_id), soci::into(row.body), soci::into(row.criterion_key),
       soci::into(row.score), soci::into(row.comment), soci::into(row.scored_at));
  select.execute();
  std::vector<StoredScore> scores;
  while (select.fetch()) scores.push_back(row);
  return scores;
}

void save_recommendation(Transaction& tx, std::int64_t application_id, std::int64_t user_id,
                         std::string_view body, std::string_view recommendation,
                         std::string_view note) {
  check_code("recommendation", recommendation);
  const Assignment before = require_cleared_member(tx, application_id, user_id, body);
  const std::string actor = username_of(tx, user_id);

  const std::string code(recommendation), note_text(note), now = utc_timestamp();
  tx.sql() << "UPDATE panel_assignments SET recommendation = :recommendation, "
              "recommendation_note = :note, recommended_at = :recommended_at "
              "WHERE application_id = :id AND user_id = :user_id AND body = :body",
      soci::use(code), soci::use(note_text), soci::use(now), soci::use(application_id),
      soci::use(user_id), soci::use(before.body);
  json after = who(user_id, body);
  after["recommendation"] = code;
  after["note"] = note_text;
  audit_assignment(
      tx, actor, application_id, "recommend",
      {{"recommendation", before.recommendation}, {"note", before.recommendation_note}}, after);
}

}  // namespace bsap::store
