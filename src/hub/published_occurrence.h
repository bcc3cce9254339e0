// A stored occurrence as one reader may see it (issue 9 §6): the Darwin Core values of the record,
// its point generalised or withheld for a sensitive taxon unless the reader is authorised staff,
// with dataGeneralizations and informationWithheld saying what was done. Every page, map,
// search answer and download of the hub shows records through this, so none shows more.
#pragma once
#include <optional>
#include <string>

#include "core/lon_lat.h"
#include "store/bio_query_repo.h"

namespace bsap::hub {

struct PublishedOccurrence {
  std::int64_t id = 0;
  std::string occurrence_id;  // the record's own, else its stable record key
  std::string dataset_key;
  std::string basis_of_record;
  std::string scientific_name;  // as the record gave it
  std::string accepted_name;    // the checklist's, "" when no name matched
  std::string event_date;
  std::string year;
  std::string individual_count;
  std::string locality;  // "" when withheld with the point
  std::string recorded_by;
  std::optional<LonLat> point;  // generalised or none, as the reader may see it
  std::optional<double> uncertainty_m;
  bool on_map = false;  // a point and no geospatial flag (GBIF's GEOSPATIAL_RULES)
  std::string issues;   // GBIF flag names, ";"-separated, as GBIF's `issue` column
  std::string data_generalizations;
  std::string information_withheld;
};

// `precise_allowed`: the reader is authorised staff (web/biodata_access.h decides who is).
PublishedOccurrence publish_occurrence(const store::StoredOccurrence& stored, bool precise_allowed);

}  // namespace bsap::hub
