#include "store/observation_repo.h"

#include <soci/soci.h>

#include <algorithm>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/repo_support.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using Json = nlohmann::json;

// A taxon joined as `t`, read into one place whether or not there is one.
struct TaxonColumns {
  std::int64_t id = 0;
  std::string scientific_name, name_zh, name_en;
  int sensitivity = 0;
  soci::indicator present = soci::i_null;

  std::optional<ObservationTaxon> value() const {
    if (present != soci::i_ok) return std::nullopt;
    return ObservationTaxon{id, scientific_name, name_zh, name_en, sensitivity};
  }
};

struct ObservationColumns {
  static std::string query(std::string_view condition) {
    return "SELECT o.id, o.submitted_by, " + shown_user_sql("u", "") +
           ", t.id, t.scientific_name, t.name_zh, t.name_en, t.sensitivity, o.latitude, "
           "o.longitude, o.observed_on, o.individual_count, o.notes, o.state, o.submitted_at, "
           "o.reviewed_at, o.review_note, (SELECT MAX(n.sensitivity) FROM "
           "observation_identifications i JOIN bio_taxa n ON n.id = i.taxon_id WHERE "
           "i.observation_id = o.id), (SELECT COUNT(*) FROM observation_photos p WHERE "
           "p.observation_id = o.id) FROM observations o JOIN users u ON u.id = "
           "o.submitted_by LEFT JOIN bio_taxa t ON t.id = o.taxon_id " +
           std::string(condition);
  }

  template <typename Statement>
  auto bind(Statement&& prepared) {
    return (std::forward<Statement>(prepared), soci::into(row.id), soci::into(row.submitted_by),
            soci::into(row.submitter_name), soci::into(taxon.id, taxon.present),
            soci::into(taxon.scientific_name, name_i), soci::into(taxon.name_zh, zh_i),
            soci::into(taxon.name_en, en_i), soci::into(taxon.sensitivity, sensitivity_i),
            soci::into(row.latitude), soci::into(row.longitude), soci::into(observed_on),
            soci::into(row.individual_count), soci::into(row.notes), soci::into(state),
            soci::into(row.submitted_at), soci::into(reviewed_at, reviewed_i),
            soci::into(row.review_note), soci::into(identified_sensitivity, identified_i),
            soci::into(photos));
  }

  StoredObservation value() {
    StoredObservation out = row;
    out.taxon = taxon.value();
    out.observed_on = stored_date(observed_on, "observations.observed_on");
    auto parsed = hub::parse_review_state(state);
    if (!parsed) throw StoreError("observations.state holds '" + state + "'");
    out.state = *parsed;
    out.reviewed_at = reviewed_i == soci::i_ok ? reviewed_at : "";
    out.place_sensitivity = std::max(out.taxon ? out.taxon->sensitivity : 0,
                                     identified_i == soci::i_ok ? identified_sensitivity : 0);
    out.photos = photos;
    return out;
  }

  StoredObservation row;
  TaxonColumns taxon;
  std::string observed_on, state, reviewed_at;
  int identified_sensitivity = 0;
  std::int64_t photos = 0;
  soci::indicator identified_i = soci::i_null;
  soci::indicator name_i = soci::i_null, zh_i = soci::i_null, en_i = soci::i_null,
                  sensitivity_i = soci::i_null, reviewed_i = soci::i_null;
};

template <typename... Uses>
std::vector<StoredObservation> select_observations(Transaction& tx, std::string_view condition,
                                                   Uses... uses) {
  ObservationColumns columns;
  soci::statement select =
      columns.bind(((tx.sql().prepare << ObservationColumns::query(condition)), ..., uses));
  select.execute();
  std::vector<StoredObservation> found;
  while (select.fetch()) found.push_back(columns.value());
  return found;
}

Json observation_json(const StoredObservation& o) {
  return {{"taxon_id", o.taxon ? Json(o.taxon->id) : Json()},
          {"latitude", o.latitude},
          {"longitude", o.longitude},
          {"observed_on", format_iso(o.observed_on)},
          {"individual_count", o.individual_count},
          {"state", hub::review_state_code(o.state)},
          {"review_note", o.review_note}};
}

void audit(Transaction& tx, std::int64_t actor_id, std::string_view entity, std::int64_t id,
           std::string_view action, const Json& before, const Json& after) {
  append_audit(tx, {username_of(tx, actor_id), std::string(entity), std::to_string(id),
                    std::string(action), before.dump(), after.dump()});
}

}  // namespace

std::int64_t add_observation(Transaction& tx, std::int64_t submitted_by,
                             const hub::ObservationDetails& details,
                             std::optional<std::int64_t> taxon_id) {
  auto& sql = tx.sql();
  const std::string now = utc_timestamp();
  const std::string day = format_iso(details.observed_on);
  auto taxon = nullable(taxon_id);
  std::int64_t count = details.individual_count;
  sql << "INSERT INTO observations (submitted_by, taxon_id, latitude, longitude, observed_on, "
         "individual_count, notes, state, submitted_at) VALUES (:u, :t, :lat, :lon, :d, :c, :n, "
         "'submitted', :at)",
      soci::use(submitted_by), soci::use(taxon.value, taxon.indicator),
      soci::use(details.point.lat), soci::use(details.point.lon), soci::use(day), soci::use(count),
      soci::use(details.notes), soci::use(now);
  std::int64_t id = 0;
  sql << "SELECT MAX(id) FROM observations WHERE submitted_by = :u", soci::use(submitted_by),
      soci::into(id);
  audit(tx, submitted_by, "observation", id, "submit", nullptr,
        observation_json(*find_observation(tx, id)));
  if (taxon_id) add_identification(tx, id, submitted_by, taxon_id, "");
  return id;
}

std::optional<StoredObservation> find_observation(Transaction& tx, std::int64_t id) {
  auto found = select_observations(tx, "WHERE o.id = :id", soci::use(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<StoredObservation> observations_in_state(Transaction& tx, hub::ReviewState state) {
  std::string code(hub::review_state_code(state));
  return select_observations(tx, "WHERE o.state = :s ORDER BY o.id DESC", soci::use(code));
}

std::vector<StoredObservation> observations_by(Transaction& tx, std::int64_t user_id) {
  return select_observations(tx, "WHERE o.submitted_by = :u ORDER BY o.id DESC",
                             soci::use(user_id));
}

std::int64_t observers_in(Transaction& tx, int year) {
  // observed_on is "YYYY-MM-DD": the year's days sort between these two.
  const std::string first = fmt::format("{:04}-01-01", year);
  const std::string last = fmt::format("{:04}-12-31", year);
  std::int64_t people = 0;
  tx.sql() << "SELECT COUNT(DISTINCT submitted_by) FROM observations WHERE observed_on BETWEEN "
              ":first AND :last",
      soci::use(first), soci::use(last), soci::into(people);
  return people;
}

void add_identification(Transaction& tx, std::int64_t observation_id, std::int64_t user_id,
                        std::optional<std::int64_t> taxon_id, std::string_view comment) {
  const std::string now = utc_timestamp();
  const std::string text(comment);
  auto taxon = nullable(taxon_id);
  tx.sql() << "INSERT INTO observation_identifications (observation_id, user_id, taxon_id, "
              "comment, added_at) VALUES (:o, :u, :t, :c, :at)",
      soci::use(observation_id), soci::use(user_id), soci::use(taxon.value, taxon.indicator),
      soci::use(text), soci::use(now);
  audit(tx, user_id, "observation", observation_id, "identify", nullptr,
        {{"taxon_id", taxon_id ? Json(*taxon_id) : Json()}, {"comment", text}});
}

std::vector<StoredIdentification> identifications_of(Transaction& tx, std::int64_t observation_id) {
  StoredIdentification row;
  TaxonColumns taxon;
  soci::indicator name_i = soci::i_null, zh_i = soci::i_null, en_i = soci::i_null,
                  sensitivity_i = soci::i_null;
  soci::statement select =
      (tx.sql().prepare << "SELECT i.id, i.user_id, " + shown_user_sql("u", "") +
                               ", t.id, t.scientific_name, t.name_zh, t.name_en, t.sensitivity, "
                               "i.comment, i.added_at FROM observation_identifications i JOIN "
                               "users u ON u.id = i.user_id LEFT JOIN bio_taxa t ON t.id = "
                               "i.taxon_id WHERE i.observation_id = :o ORDER BY i.id",
       soci::use(observation_id), soci::into(row.id), soci::into(row.user_id),
       soci::into(row.user_name), soci::into(taxon.id, taxon.present),
       soci::into(taxon.scientific_name, name_i), soci::into(taxon.name_zh, zh_i),
       soci::into(taxon.name_en, en_i), soci::into(taxon.sensitivity, sensitivity_i),
       soci::into(row.comment), soci::into(row.added_at));
  select.execute();
  std::vector<StoredIdentification> found;
  while (select.fetch()) {
    row.taxon = taxon.value();
    found.push_back(row);
  }
  return found;
}

void add_observation_photo(Transaction& tx, std::int64_t observation_id, std::int64_t photo_id,
                           std::int64_t actor_id) {
  std::int64_t position = 0;
  tx.sql() << "SELECT COUNT(*) FROM observation_photos WHERE observation_id = :o",
      soci::use(observation_id), soci::into(position);
  ++position;
  tx.sql() << "INSERT INTO observation_photos (observation_id, photo_id, position) VALUES (:o, "
              ":p, :n)",
      soci::use(observation_id), soci::use(photo_id), soci::use(position);
  audit(tx, actor_id, "observation", observation_id, "add_photo", nullptr,
        {{"photo_id", photo_id}, {"position", position}});
}

std::vector<std::int64_t> observation_photo_ids(Transaction& tx, std::int64_t observation_id) {
  std::vector<std::int64_t> ids;
  std::int64_t id = 0;
  soci::statement select = (tx.sql().prepare << "SELECT photo_id FROM observation_photos WHERE "
                                                "observation_id = :o ORDER BY position",
                            soci::use(observation_id), soci::into(id));
  select.execute();
  while (select.fetch()) ids.push_back(id);
  return ids;
}

void review_observation(Transaction& tx, std::int64_t observation_id, hub::ReviewState state,
                        std::optional<std::int64_t> taxon_id, std::string_view note,
                        std::int64_t reviewer_id) {
  if (state == hub::ReviewState::submitted)
    throw StoreError("a review decides: verified, needs_id or rejected");
  if (state == hub::ReviewState::verified && !taxon_id)
    throw StoreError("an observation is verified as a taxon: name one");
  auto before = find_observation(tx, observation_id);
  if (!before) throw StoreError("no observation has id " + std::to_string(observation_id));
  const std::string now = utc_timestamp();
  const std::string code(hub::review_state_code(state));
  const std::string text(note);
  // Verified as a taxon, the observation takes it; otherwise it keeps the submitter's.
  auto taxon = nullable(state == hub::ReviewState::verified
                            ? taxon_id
                            : (before->taxon ? std::optional(before->taxon->id) : std::nullopt));
  tx.sql() << "UPDATE observations SET state = :s, taxon_id = :t, reviewed_by = :r, "
              "reviewed_at = :at, review_note = :n WHERE id = :id",
      soci::use(code), soci::use(taxon.value, taxon.indicator), soci::use(reviewer_id),
      soci::use(now), soci::use(text), soci::use(observation_id);
  audit(tx, reviewer_id, "observation", observation_id, "review", observation_json(*before),
        observation_json(*find_observation(tx, observation_id)));
}

}  // namespace bsap::store
