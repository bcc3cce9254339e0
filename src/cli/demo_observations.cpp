#include "cli/demo_observations.h"

#include "hub/citizen_science.h"
#include "store/bio_taxon_status_repo.h"
#include "store/observation_repo.h"
#include "store/user_repo.h"

namespace bsap::cli {
namespace {

std::optional<std::int64_t> taxon_named(store::Transaction& tx, std::string_view name) {
  auto taxa = store::find_taxa_named(tx, name);
  if (taxa.empty()) return std::nullopt;
  return taxa.front().id;
}

hub::ObservationDetails seen(double lat, double lon, int year, unsigned month, unsigned day,
                             std::int64_t count, std::string notes) {
  return {{lon, lat}, *CivilDate::from_ymd(year, month, day), count, std::move(notes)};
}

}  // namespace

void add_demo_observations(store::Store& store) {
  auto tx = store.begin();
  auto citizen = store::find_user_by_username(*tx, "citizen");
  auto verifier = store::find_user_by_username(*tx, "verifier");
  if (!citizen || !verifier || !store::observations_by(*tx, citizen->id).empty()) return;
  auto frog = taxon_named(*tx, "Quasipaa spinosa");
  auto bulbul = taxon_named(*tx, "Pycnonotus jocosus");
  if (!frog) return;
  // Demonstration records, near the demo areas' Tai Po Kau and Shing Mun squares.
  const std::int64_t verified = store::add_observation(
      *tx, citizen->id,
      seen(22.4261, 114.1793, 2026, 10, 12, 2, "Demonstration: two calling by the stream"), frog);
  store::review_observation(*tx, verified, hub::ReviewState::verified, frog,
                            "Demonstration: the call and the spiny chest", verifier->id);
  const std::int64_t needs_id = store::add_observation(
      *tx, citizen->id,
      seen(22.3925, 114.1428, 2026, 11, 2, 1, "Demonstration: a small bird in the canopy"),
      std::nullopt);
  store::review_observation(*tx, needs_id, hub::ReviewState::needs_id, std::nullopt,
                            "Demonstration: a photograph would settle it", verifier->id);
  store::add_identification(*tx, needs_id, verifier->id, bulbul, "Red patch under the eye");
  store::add_observation(*tx, citizen->id,
                         seen(22.4249, 114.1811, 2026, 11, 20, 1, "Demonstration: awaiting review"),
                         bulbul);
  hub::rebuild_citizen_science_dataset(*tx, "demo");
  tx->commit();
}

}  // namespace bsap::cli
