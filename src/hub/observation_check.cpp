#include "hub/observation_check.h"

#include <charconv>
#include <cmath>

#include "biodata/text_trim.h"

namespace bsap::hub {
namespace {

std::optional<double> parse_degrees(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_count(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < 1 || value > kMostIndividuals) return std::nullopt;
  return value;
}

}  // namespace

CheckedObservation check_observation(const ObservationEntry& entry, const HomeRegion& region,
                                     CivilDate today) {
  CheckedObservation checked;
  auto fault = [&](std::string field, ObservationFault f) {
    checked.faults.push_back({std::move(field), f});
  };
  auto latitude = parse_degrees(biodata::trim(entry.latitude));
  auto longitude = parse_degrees(biodata::trim(entry.longitude));
  if (!latitude) fault("latitude", ObservationFault::latitude_not_number);
  if (!longitude) fault("longitude", ObservationFault::longitude_not_number);
  if (latitude && longitude && !region.contains({*longitude, *latitude}))
    fault("latitude", ObservationFault::place_outside_hong_kong);
  auto day = parse_iso_date(biodata::trim(entry.observed_on));
  if (!day)
    fault("observed_on", ObservationFault::date_not_a_day);
  else if (*day > today)
    fault("observed_on", ObservationFault::date_in_future);
  auto count = parse_count(biodata::trim(entry.individual_count));
  if (!count) fault("individual_count", ObservationFault::count_not_positive_whole);
  if (entry.notes.size() > kMostNoteBytes) fault("notes", ObservationFault::notes_too_long);
  if (checked.faults.empty())
    checked.details = ObservationDetails{
        {*longitude, *latitude}, *day, *count, std::string(biodata::trim(entry.notes))};
  return checked;
}

std::string observation_fault_key(ObservationFault fault) {
  switch (fault) {
    case ObservationFault::latitude_not_number:
      return "observation_fault_latitude";
    case ObservationFault::longitude_not_number:
      return "observation_fault_longitude";
    case ObservationFault::place_outside_hong_kong:
      return "observation_fault_outside";
    case ObservationFault::date_not_a_day:
      return "observation_fault_date";
    case ObservationFault::date_in_future:
      return "observation_fault_future";
    case ObservationFault::count_not_positive_whole:
      return "observation_fault_count";
    case ObservationFault::notes_too_long:
      return "observation_fault_notes";
  }
  return "observation_fault_date";
}

}  // namespace bsap::hub
