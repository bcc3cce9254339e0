// The interpretation flags of an occurrence record, named and meant as GBIF's occurrence issues
// (org.gbif.api.vocabulary.OccurrenceIssue) so that a record's flags read the same here as on
// GBIF.org. A record keeps every flag it earns; the geospatial ones keep it off maps and out of
// spatial counts, as GBIF's GEOSPATIAL_RULES do.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace bsap::biodata {

enum class OccurrenceFlag : std::uint8_t {
  zero_coordinate,                        // exactly 0°, 0°: a null written as zeros
  coordinate_out_of_range,                // latitude beyond ±90° or longitude beyond ±180°
  coordinate_invalid,                     // given, but not a number
  presumed_swapped_coordinate,            // latitude and longitude swapped: corrected
  presumed_negated_longitude,             // longitude with the wrong sign: corrected
  country_coordinate_mismatch,            // outside Hong Kong's land and waters
  geodetic_datum_assumed_wgs84,           // no datum given, or one not known
  coordinate_reprojected,                 // given in HK1980 (Grid), reprojected to WGS84
  recorded_date_invalid,                  // not a date, or no such day
  recorded_date_unlikely,                 // before 1600 or in the future
  taxon_match_none,                       // no name of the checklist matches
  taxon_match_fuzzy,                      // matched only with a spelling difference
  basis_of_record_invalid,                // missing, or not a term of the vocabulary
  individual_count_invalid,               // not a whole number of zero or more
  coordinate_uncertainty_meters_invalid,  // not a number, not above 0, or over 5,000 km
};

inline constexpr std::size_t kOccurrenceFlagCount = 15;

// GBIF's name of the flag: "ZERO_COORDINATE".
std::string_view flag_name(OccurrenceFlag flag);
// The flag a GBIF name stands for, or none.
std::optional<OccurrenceFlag> flag_from_name(std::string_view name);
// Every flag, in the order above.
std::span<const OccurrenceFlag> all_flags();
// True for the flags whose record is left out of maps and spatial counts.
bool is_geospatial(OccurrenceFlag flag);

// A record's flags as a bit set: one bit per flag, as stored.
class FlagSet {
 public:
  constexpr FlagSet() = default;
  constexpr explicit FlagSet(std::uint32_t bits) : bits_(bits) {}

  void add(OccurrenceFlag flag) { bits_ |= bit(flag); }
  void add(FlagSet other) { bits_ |= other.bits_; }
  bool has(OccurrenceFlag flag) const { return (bits_ & bit(flag)) != 0; }
  bool empty() const { return bits_ == 0; }
  std::uint32_t bits() const { return bits_; }
  // True when any geospatial flag is set: the record has no place on a map.
  bool has_geospatial_issue() const;

  friend bool operator==(FlagSet, FlagSet) = default;

 private:
  static constexpr std::uint32_t bit(OccurrenceFlag flag) {
    return std::uint32_t{1} << static_cast<unsigned>(flag);
  }
  std::uint32_t bits_ = 0;
};

// The bits of every geospatial flag, for a store's "flags & mask = 0" filter.
std::uint32_t geospatial_flag_mask();

}  // namespace bsap::biodata
