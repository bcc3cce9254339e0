#include "hub/published_occurrence.h"

#include "biodata/occurrence_flag.h"
#include "biodata/sensitivity.h"

namespace bsap::hub {
namespace {

std::string issue_names(biodata::FlagSet flags) {
  std::string names;
  for (biodata::OccurrenceFlag flag : biodata::all_flags()) {
    if (!flags.has(flag)) continue;
    if (!names.empty()) names += ';';
    names += biodata::flag_name(flag);
  }
  return names;
}

}  // namespace

PublishedOccurrence publish_occurrence(const store::StoredOccurrence& stored,
                                       bool precise_allowed) {
  PublishedOccurrence out;
  out.id = stored.id;
  out.occurrence_id = stored.occurrence_id.empty() ? stored.record_key : stored.occurrence_id;
  out.dataset_key = stored.dataset_key;
  out.basis_of_record = stored.basis_of_record;
  out.scientific_name = stored.scientific_name;
  out.accepted_name = stored.accepted_name;
  out.event_date = stored.event_date;
  out.year = stored.year ? std::to_string(*stored.year) : "";
  out.individual_count = stored.individual_count ? std::to_string(*stored.individual_count) : "";
  out.recorded_by = stored.recorded_by;
  const biodata::FlagSet flags(stored.flags);
  out.issues = issue_names(flags);

  std::optional<LonLat> point;
  if (stored.longitude && stored.latitude) point = LonLat{*stored.longitude, *stored.latitude};
  // An unknown number is treated as the strictest category: withholding too much is the safe
  // mistake.
  const biodata::Sensitivity sensitivity =
      biodata::sensitivity_from_number(stored.sensitivity).value_or(biodata::Sensitivity::withheld);
  biodata::PublishedLocation shown =
      biodata::publish_location(point, stored.uncertainty_m, sensitivity, precise_allowed);
  out.point = shown.point;
  out.uncertainty_m = shown.uncertainty_m;
  out.data_generalizations = shown.data_generalizations;
  out.information_withheld = shown.information_withheld;
  // A locality names the place the point was withheld to hide (Chapman 2020 §3: generalise the
  // text with the coordinates).
  if (shown.generalised) {
    out.information_withheld += "; locality withheld";
  } else {
    out.locality = stored.locality;
  }
  out.on_map = out.point.has_value() && !flags.has_geospatial_issue();
  return out;
}

}  // namespace bsap::hub
