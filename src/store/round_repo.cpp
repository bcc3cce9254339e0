#include "store/round_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/repo_support.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

template <typename... Uses>
std::vector<Round> select_rounds(Transaction& tx, const std::string& condition, Uses... uses) {
  Round row;
  std::string opens_on, closes_on;
  const std::string query =
      "SELECT id, name_zh, name_en, opens_on, closes_on, created_by, created_at "
      "FROM application_rounds " +
      condition + " ORDER BY closes_on DESC, id DESC";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id), soci::into(row.name_zh),
       soci::into(row.name_en), soci::into(opens_on), soci::into(closes_on),
       soci::into(row.created_by), soci::into(row.created_at));
  select.execute();
  std::vector<Round> rounds;
  while (select.fetch()) {
    row.opens_on = stored_date(opens_on, "application_rounds.opens_on");
    row.closes_on = stored_date(closes_on, "application_rounds.closes_on");
    rounds.push_back(row);
  }
  return rounds;
}

// Another round sharing a day with [opens_on, closes_on], if any.
std::optional<Round> overlapping_round(Transaction& tx, CivilDate opens_on, CivilDate closes_on) {
  const std::string opens = format_iso(opens_on), closes = format_iso(closes_on);
  auto found = select_rounds(tx, "WHERE opens_on <= :closes_on AND closes_on >= :opens_on",
                             soci::use(closes), soci::use(opens));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void check_new_round(const NewRound& round) {
  if (round.name_zh.empty() || round.name_en.empty())
    throw RoundRefused(
        "a round needs its name in Chinese and in English: the pages show one or the other");
  if (round.closes_on < round.opens_on)
    throw RoundRefused(fmt::format("the round \"{}\" would close on {}, before it opens on {}",
                                   round.name_en, format_iso(round.closes_on),
                                   format_iso(round.opens_on)));
}

// Two secretariat officers creating overlapping rounds at once must not both pass the check: on
// PostgreSQL the table lock makes the second wait for the first to commit, then see its round.
// (SQLite's BEGIN IMMEDIATE already serialises writers.)
void lock_rounds(Transaction& tx) {
  if (tx.backend() == Backend::postgres)
    tx.sql() << "LOCK TABLE application_rounds IN SHARE ROW EXCLUSIVE MODE";
}

}  // namespace

std::int64_t create_round(Transaction& tx, const NewRound& round, std::int64_t user_id) {
  check_new_round(round);
  const std::string actor = username_of(tx, user_id);
  lock_rounds(tx);
  if (auto other = overlapping_round(tx, round.opens_on, round.closes_on))
    throw RoundRefused(fmt::format(
        "the round \"{}\" ({} to {}) would overlap the round \"{}\" ({} to {}); rounds never "
        "overlap, so that each submission belongs to one round (guidelines §2.6.1)",
        round.name_en, format_iso(round.opens_on), format_iso(round.closes_on), other->name_en,
        format_iso(other->opens_on), format_iso(other->closes_on)));

  const std::string opens = format_iso(round.opens_on), closes = format_iso(round.closes_on),
                    now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO application_rounds (name_zh, name_en, opens_on, closes_on, created_by, "
              "created_at) VALUES (:name_zh, :name_en, :opens_on, :closes_on, :created_by, "
              ":created_at) RETURNING id",
      soci::use(round.name_zh), soci::use(round.name_en), soci::use(opens), soci::use(closes),
      soci::use(user_id), soci::use(now), soci::into(id);
  const json after = {{"name_zh", round.name_zh},
                      {"name_en", round.name_en},
                      {"opens_on", opens},
                      {"closes_on", closes}};
  append_audit(tx, {actor, "round", std::to_string(id), "create", "null", after.dump()});
  return id;
}

std::optional<Round> find_round(Transaction& tx, std::int64_t id) {
  auto found = select_rounds(tx, "WHERE id = :id", soci::use(id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Round> list_rounds(Transaction& tx) { return select_rounds(tx, ""); }

std::optional<Round> round_open_on(Transaction& tx, CivilDate day) {
  return overlapping_round(tx, day, day);
}

}  // namespace bsap::store
