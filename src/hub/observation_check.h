// An observation a member of the public submits (000 優先行動 2.2 item 1, citizen science): what
// the form gave, checked. The place must be a point inside the hub's home region (Hong Kong's
// land and waters as data/biodata/home_region.yaml defines them, the same test the hub's imports
// flag COUNTRY_COORDINATE_MISMATCH with), the day no later than today in Hong Kong, the count a
// whole number of at least one. Pure: the caller gives the region and the day.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/lon_lat.h"
#include "hub/home_region.h"

namespace bsap::hub {

inline constexpr std::int64_t kMostIndividuals = 1'000'000;
inline constexpr std::size_t kMostNoteBytes = 2000;

// As typed into the form.
struct ObservationEntry {
  std::string latitude, longitude, observed_on, individual_count, notes;
};

enum class ObservationFault {
  latitude_not_number,  // not decimal degrees
  longitude_not_number,
  place_outside_hong_kong,   // a point, but outside the home region
  date_not_a_day,            // not YYYY-MM-DD
  date_in_future,            // after today in Hong Kong
  count_not_positive_whole,  // not a whole number from 1 to kMostIndividuals
  notes_too_long,            // over kMostNoteBytes
};

struct ObservationFieldFault {
  std::string field;  // the form input's id
  ObservationFault fault;
};

struct ObservationDetails {
  LonLat point;
  CivilDate observed_on;
  std::int64_t individual_count = 1;
  std::string notes;
};

struct CheckedObservation {
  std::optional<ObservationDetails> details;  // none when any fault
  std::vector<ObservationFieldFault> faults;
};

CheckedObservation check_observation(const ObservationEntry& entry, const HomeRegion& region,
                                     CivilDate today);

// "observation_fault_date_in_future", ... (data/i18n/messages.yaml).
std::string observation_fault_key(ObservationFault fault);

}  // namespace bsap::hub
