#include "biodata/occurrence_flag.h"

#include <array>

namespace bsap::biodata {
namespace {

using enum OccurrenceFlag;

constexpr std::array<OccurrenceFlag, kOccurrenceFlagCount> kAll{
    zero_coordinate,
    coordinate_out_of_range,
    coordinate_invalid,
    presumed_swapped_coordinate,
    presumed_negated_longitude,
    country_coordinate_mismatch,
    geodetic_datum_assumed_wgs84,
    coordinate_reprojected,
    recorded_date_invalid,
    recorded_date_unlikely,
    taxon_match_none,
    taxon_match_fuzzy,
    basis_of_record_invalid,
    individual_count_invalid,
    coordinate_uncertainty_meters_invalid,
};

constexpr std::array<std::string_view, kOccurrenceFlagCount> kNames{
    "ZERO_COORDINATE",
    "COORDINATE_OUT_OF_RANGE",
    "COORDINATE_INVALID",
    "PRESUMED_SWAPPED_COORDINATE",
    "PRESUMED_NEGATED_LONGITUDE",
    "COUNTRY_COORDINATE_MISMATCH",
    "GEODETIC_DATUM_ASSUMED_WGS84",
    "COORDINATE_REPROJECTED",
    "RECORDED_DATE_INVALID",
    "RECORDED_DATE_UNLIKELY",
    "TAXON_MATCH_NONE",
    "TAXON_MATCH_FUZZY",
    "BASIS_OF_RECORD_INVALID",
    "INDIVIDUAL_COUNT_INVALID",
    "COORDINATE_UNCERTAINTY_METERS_INVALID",
};

}  // namespace

std::string_view flag_name(OccurrenceFlag flag) { return kNames[static_cast<std::size_t>(flag)]; }

std::optional<OccurrenceFlag> flag_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return kAll[i];
  return std::nullopt;
}

std::span<const OccurrenceFlag> all_flags() { return kAll; }

// GBIF's GEOSPATIAL_RULES: a corrected swap or sign still keeps the record off maps, since the
// correction is a guess.
bool is_geospatial(OccurrenceFlag flag) {
  switch (flag) {
    case zero_coordinate:
    case coordinate_out_of_range:
    case coordinate_invalid:
    case presumed_swapped_coordinate:
    case presumed_negated_longitude:
    case country_coordinate_mismatch:
      return true;
    default:
      return false;
  }
}

std::uint32_t geospatial_flag_mask() {
  static const std::uint32_t mask = [] {
    FlagSet flags;
    for (OccurrenceFlag flag : kAll)
      if (is_geospatial(flag)) flags.add(flag);
    return flags.bits();
  }();
  return mask;
}

bool FlagSet::has_geospatial_issue() const { return (bits_ & geospatial_flag_mask()) != 0; }

}  // namespace bsap::biodata
