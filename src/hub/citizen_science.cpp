#include "hub/citizen_science.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "hub/occurrence_placer.h"
#include "store/bio_area_repo.h"
#include "store/bio_occurrence_repo.h"
#include "store/observation_repo.h"
#include "store/utc_clock.h"

namespace bsap::hub {
namespace {

// The record as the hub keeps it. The submitter's name and notes stay out: a member of the
// public's personal data is not published in open data (docs/privacy.md).
biodata::Occurrence as_occurrence(const store::StoredObservation& observation) {
  biodata::Occurrence o;
  o.record_key = std::string(kCitizenScienceDataset) + ":" + std::to_string(observation.id);
  o.occurrence_id = o.record_key;
  o.scientific_name = observation.taxon->scientific_name;
  o.taxon = observation.taxon->id;
  o.basis_of_record = "HumanObservation";
  o.date = biodata::CalendarDate{observation.observed_on.year(),
                                 static_cast<int>(observation.observed_on.month()),
                                 static_cast<int>(observation.observed_on.day())};
  o.point = LonLat{observation.longitude, observation.latitude};
  o.individual_count = observation.individual_count;
  return o;
}

}  // namespace

std::int64_t rebuild_citizen_science_dataset(store::Transaction& tx, std::string_view actor) {
  const std::vector<store::StoredObservation> verified =
      store::observations_in_state(tx, ReviewState::verified);
  OccurrencePlacer placer(store::list_all_areas(tx));
  std::vector<biodata::Occurrence> occurrences;
  occurrences.reserve(verified.size());
  for (const auto& observation : verified) occurrences.push_back(as_occurrence(observation));
  std::vector<store::OccurrenceRow> rows;
  rows.reserve(occurrences.size());
  for (const auto& occurrence : occurrences) {
    Placement placement = placer.place(occurrence);
    rows.push_back({&occurrence, std::move(placement.grid_cell), std::move(placement.area_ids)});
  }
  const auto records = static_cast<std::int64_t>(rows.size());
  // The record itself has no column for it: the dataset's report says how many are of each grade.
  const auto research = std::ranges::count_if(verified, [](const auto& observation) {
    return quality_grade(observation.state, observation.photos > 0) == QualityGrade::research;
  });
  store::BioDataset dataset{0,
                            std::string(kCitizenScienceDataset),
                            "BSAP citizen science: verified observations",
                            "observations",
                            store::utc_timestamp(),
                            std::string(actor),
                            records,
                            records,
                            nlohmann::json{{"verified_observations", records},
                                           {"research_grade", research},
                                           {"casual_grade", records - research}}
                                .dump()};
  const std::int64_t dataset_id = store::begin_dataset_import(tx, dataset);
  store::OccurrenceWriter writer(tx, dataset_id);
  writer.write(rows);
  store::SpeciesTally tally;
  store::tally_rows(tally, rows);
  writer.finish(tally);
  store::finish_dataset_import(tx, dataset, actor);
  return records;
}

}  // namespace bsap::hub
