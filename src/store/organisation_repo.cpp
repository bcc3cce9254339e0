#include "store/organisation_repo.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/key_format.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

User require_user(Transaction& tx, std::int64_t user_id) {
  auto user = find_user(tx, user_id);
  if (!user) throw StoreError("no user with id " + std::to_string(user_id));
  return *user;
}

void check_new_organisation(const NewOrganisation& organisation) {
  if (organisation.name_zh.empty() && organisation.name_en.empty())
    throw StoreError("the organisation needs a name, in Chinese or English or both");
  if (!looks_like_key(organisation.kind))
    throw StoreError("the organisation's kind \"" + organisation.kind +
                     "\" is not an applicant type key such as charitable_institution");
}

// Throws when the user already belongs to an organisation, naming it.
void check_not_yet_member(Transaction& tx, std::int64_t user_id, const std::string& username) {
  if (auto current = organisation_of_user(tx, user_id))
    throw StoreError("user \"" + username + "\" already belongs to organisation " +
                     std::to_string(current->id) + " (" +
                     (current->name_zh.empty() ? current->name_en : current->name_zh) +
                     "); a user belongs to at most one organisation");
}

// Inserts the membership; false when the user is already a member somewhere (another session may
// have added them since check_not_yet_member).
bool insert_member(Transaction& tx, std::int64_t organisation_id, std::int64_t user_id,
                   bool is_person_in_charge, const std::string& post) {
  const std::string added_at = utc_timestamp();
  const int flag = is_person_in_charge ? 1 : 0;
  std::int64_t inserted = 0;
  tx.sql() << "INSERT INTO organisation_members (organisation_id, user_id, is_person_in_charge, "
              "post, added_at) VALUES (:organisation_id, :user_id, :flag, :post, :added_at) "
              "ON CONFLICT DO NOTHING RETURNING user_id",
      soci::use(organisation_id), soci::use(user_id), soci::use(flag), soci::use(post),
      soci::use(added_at), soci::into(inserted);
  return tx.sql().got_data();
}

void audit_organisation(Transaction& tx, std::int64_t id, std::string_view actor,
                        std::string action, const json& before, const json& after) {
  append_audit(tx, {std::string(actor), "organisation", std::to_string(id), std::move(action),
                    before.dump(), after.dump()});
}

template <typename... Uses>
std::vector<Organisation> select_organisations(Transaction& tx, const std::string& condition,
                                               Uses... uses) {
  Organisation row;
  int societies = 0;
  const std::string query =
      "SELECT o.id, o.name_zh, o.name_en, o.kind, o.registered_under_societies_ordinance, "
      "o.created_at, o.created_by FROM organisations o " +
      condition + " ORDER BY o.id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id), soci::into(row.name_zh),
       soci::into(row.name_en), soci::into(row.kind), soci::into(societies),
       soci::into(row.created_at), soci::into(row.created_by));
  select.execute();
  std::vector<Organisation> organisations;
  while (select.fetch()) {
    row.registered_under_societies_ordinance = societies != 0;
    organisations.push_back(row);
  }
  return organisations;
}

template <typename... Uses>
std::vector<Member> select_members(Transaction& tx, const std::string& condition, Uses... uses) {
  Member row;
  int in_charge = 0;
  const std::string query =
      "SELECT m.organisation_id, m.user_id, u.username, u.display_name, u.email, "
      "m.is_person_in_charge, m.post, m.added_at FROM organisation_members m "
      "JOIN users u ON u.id = m.user_id " +
      condition + " ORDER BY m.is_person_in_charge DESC, m.added_at, m.user_id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.organisation_id),
       soci::into(row.user_id), soci::into(row.username), soci::into(row.display_name),
       soci::into(row.email), soci::into(in_charge), soci::into(row.post),
       soci::into(row.added_at));
  select.execute();
  std::vector<Member> members;
  while (select.fetch()) {
    row.is_person_in_charge = in_charge != 0;
    members.push_back(row);
  }
  return members;
}

template <typename Row>
std::optional<Row> first(std::vector<Row> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

Organisation require_organisation(Transaction& tx, std::int64_t id) {
  auto organisation = find_organisation(tx, id);
  if (!organisation) throw StoreError("no organisation with id " + std::to_string(id));
  return *organisation;
}

std::optional<Member> current_person_in_charge(Transaction& tx, std::int64_t organisation_id) {
  return first(
      select_members(tx, "WHERE m.organisation_id = :organisation_id AND m.is_person_in_charge = 1",
                     soci::use(organisation_id)));
}

}  // namespace

std::int64_t create_organisation(Transaction& tx, const NewOrganisation& organisation,
                                 std::int64_t creator_user_id, std::string_view post) {
  check_new_organisation(organisation);
  const User creator = require_user(tx, creator_user_id);
  check_not_yet_member(tx, creator_user_id, creator.username);

  const std::string created_at = utc_timestamp();
  const int societies = organisation.registered_under_societies_ordinance ? 1 : 0;
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO organisations (name_zh, name_en, kind, "
              "registered_under_societies_ordinance, created_at, created_by) "
              "VALUES (:name_zh, :name_en, :kind, :societies, :created_at, :created_by) "
              "RETURNING id",
      soci::use(organisation.name_zh), soci::use(organisation.name_en),
      soci::use(organisation.kind), soci::use(societies), soci::use(created_at),
      soci::use(creator_user_id), soci::into(id);
  const std::string post_text(post);
  if (!insert_member(tx, id, creator_user_id, true, post_text))
    throw StoreError("user \"" + creator.username +
                     "\" joined another organisation meanwhile; a user belongs to at most one");

  const json after = {
      {"name_zh", organisation.name_zh},
      {"name_en", organisation.name_en},
      {"kind", organisation.kind},
      {"registered_under_societies_ordinance", organisation.registered_under_societies_ordinance},
      {"person_in_charge", creator.username},
      {"post", post_text}};
  audit_organisation(tx, id, creator.username, "create", nullptr, after);
  return id;
}

std::optional<Organisation> find_organisation(Transaction& tx, std::int64_t id) {
  return first(select_organisations(tx, "WHERE o.id = :id", soci::use(id)));
}

std::optional<Organisation> organisation_of_user(Transaction& tx, std::int64_t user_id) {
  return first(select_organisations(
      tx, "JOIN organisation_members m ON m.organisation_id = o.id WHERE m.user_id = :user_id",
      soci::use(user_id)));
}

void add_member(Transaction& tx, std::int64_t organisation_id, std::int64_t user_id,
                std::string_view post, std::string_view actor) {
  require_organisation(tx, organisation_id);
  const User user = require_user(tx, user_id);
  check_not_yet_member(tx, user_id, user.username);
  const std::string post_text(post);
  if (!insert_member(tx, organisation_id, user_id, false, post_text))
    throw StoreError("user \"" + user.username +
                     "\" joined an organisation meanwhile; a user belongs to at most one");
  audit_organisation(tx, organisation_id, actor, "add_member", nullptr,
                     {{"member", user.username}, {"post", post_text}});
}

std::vector<Member> list_members(Transaction& tx, std::int64_t organisation_id) {
  return select_members(tx, "WHERE m.organisation_id = :organisation_id",
                        soci::use(organisation_id));
}

std::optional<Member> find_member(Transaction& tx, std::int64_t organisation_id,
                                  std::int64_t user_id) {
  return first(select_members(tx,
                              "WHERE m.organisation_id = :organisation_id AND m.user_id = :user_id",
                              soci::use(organisation_id), soci::use(user_id)));
}

Member require_member(Transaction& tx, std::int64_t organisation_id, std::int64_t user_id) {
  if (auto member = find_member(tx, organisation_id, user_id)) return *member;
  throw NotAMember("user " + std::to_string(user_id) + " is not a member of organisation " +
                   std::to_string(organisation_id) +
                   "; only its members may act for it (ask its person-in-charge to add you)");
}

void set_person_in_charge(Transaction& tx, std::int64_t organisation_id, std::int64_t user_id,
                          std::string_view actor) {
  const Member chosen = require_member(tx, organisation_id, user_id);
  const auto previous = current_person_in_charge(tx, organisation_id);
  if (previous && previous->user_id == user_id) return;  // already so: nothing changes
  // Demote first: the unique index admits one person-in-charge per organisation at any moment.
  tx.sql() << "UPDATE organisation_members SET is_person_in_charge = 0 "
              "WHERE organisation_id = :organisation_id AND is_person_in_charge = 1",
      soci::use(organisation_id);
  tx.sql() << "UPDATE organisation_members SET is_person_in_charge = 1 "
              "WHERE organisation_id = :organisation_id AND user_id = :user_id",
      soci::use(organisation_id), soci::use(user_id);
  const json before = {{"person_in_charge", previous ? json(previous->username) : json(nullptr)}};
  audit_organisation(tx, organisation_id, actor, "set_person_in_charge", before,
                     {{"person_in_charge", chosen.username}});
}

}  // namespace bsap::store
