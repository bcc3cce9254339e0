// Citizen-science observations and their identifications (migration 13; issue 11, 000 優先行動
// 2.2 item 1). Rows come back precise, with their taxon's sensitivity: the caller decides what a
// reader may see (biodata/sensitivity.h), as with the hub's records. Every change is audited.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "hub/observation_check.h"
#include "hub/observation_grade.h"
#include "store/store.h"

namespace bsap::store {

struct ObservationTaxon {
  std::int64_t id = 0;
  std::string scientific_name, name_zh, name_en;
  int sensitivity = 0;  // bio_taxa.sensitivity
};

struct StoredObservation {
  std::int64_t id = 0;
  std::int64_t submitted_by = 0;
  std::string submitter_name;  // display name, else username
  std::optional<ObservationTaxon> taxon;
  double latitude = 0, longitude = 0;
  CivilDate observed_on = CivilDate::from_days_since_epoch(0);  // read back: the day seen
  std::int64_t individual_count = 1;
  std::string notes;
  hub::ReviewState state = hub::ReviewState::submitted;
  std::string submitted_at;
  std::string reviewed_at;  // "" until reviewed
  std::string review_note;
  // The highest sensitivity of its taxon and of every taxon an identification names: what its
  // place is generalised by, so that naming a sensitive species in an identification hides the
  // point at once, before any verifier looks.
  int place_sensitivity = 0;
  std::int64_t photos = 0;  // how many photographs it has (observation_photos)
};

struct StoredIdentification {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string user_name;
  std::optional<ObservationTaxon> taxon;  // none: "I do not know"
  std::string comment;
  std::string added_at;
};

// Adds a submitted observation; when the submitter named a taxon, that is its first
// identification.
std::int64_t add_observation(Transaction& tx, std::int64_t submitted_by,
                             const hub::ObservationDetails& details,
                             std::optional<std::int64_t> taxon_id);
std::optional<StoredObservation> find_observation(Transaction& tx, std::int64_t id);
// Newest first.
std::vector<StoredObservation> observations_in_state(Transaction& tx, hub::ReviewState state);
std::vector<StoredObservation> observations_by(Transaction& tx, std::int64_t user_id);

// The different people who submitted an observation seen in the year, whatever its review: the
// plan's citizen_scientists indicator (track/volunteer_engagement.h).
std::int64_t observers_in(Transaction& tx, int year);

void add_identification(Transaction& tx, std::int64_t observation_id, std::int64_t user_id,
                        std::optional<std::int64_t> taxon_id, std::string_view comment);
std::vector<StoredIdentification> identifications_of(Transaction& tx, std::int64_t observation_id);

// Links a stored photograph (store/photo_repo.h) to the observation, after its others; audited.
void add_observation_photo(Transaction& tx, std::int64_t observation_id, std::int64_t photo_id,
                           std::int64_t actor_id);
// Its photographs' ids, in the order they were added.
std::vector<std::int64_t> observation_photo_ids(Transaction& tx, std::int64_t observation_id);

// A verifier's decision: the new state, the taxon it is verified as (required for verified), a
// note. StoreError for `submitted` or a verification without a taxon.
void review_observation(Transaction& tx, std::int64_t observation_id, hub::ReviewState state,
                        std::optional<std::int64_t> taxon_id, std::string_view note,
                        std::int64_t reviewer_id);

}  // namespace bsap::store
