#include "biodata/coordinate_interpretation.h"
#include "biodata/text_trim.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace bsap::biodata {
namespace {

using enum OccurrenceFlag;

std::string lowered(std::string_view text) {
  std::string out(trim(text));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

enum class Datum { absent, wgs84, hk1980, unknown };

// geodeticDatum as people write it: "WGS84", "WGS 84", "EPSG:4326", "HK1980", "EPSG:4611"...
Datum read_datum(std::string_view text) {
  std::string datum = lowered(text);
  std::erase_if(datum, [](char c) { return c == ' ' || c == '-' || c == '_'; });
  if (datum.empty()) return Datum::absent;
  if (datum == "wgs84" || datum == "epsg:4326" || datum == "wgs1984" ||
      datum == "worldgeodeticsystem1984")
    return Datum::wgs84;
  if (datum == "hk1980" || datum == "hongkong1980" || datum == "epsg:4611") return Datum::hk1980;
  return Datum::unknown;
}

// verbatimCoordinateSystem / verbatimSRS naming the Hong Kong 1980 Grid System (EPSG:2326).
bool names_hk1980_grid(const CoordinateTerms& terms) {
  std::string system =
      lowered(terms.verbatim_coordinate_system) + " " + lowered(terms.verbatim_srs);
  return contains(system, "2326") || (contains(system, "1980") && contains(system, "grid"));
}

// "836694 819069", "836694,819069", "836694; 819069": easting, then northing.
std::optional<std::array<double, 2>> read_grid_pair(std::string_view text) {
  std::string spaced(text);
  std::replace_if(
      spaced.begin(), spaced.end(), [](char c) { return c == ',' || c == ';'; }, ' ');
  std::string_view rest = trim(spaced);
  auto gap = rest.find_first_of(" \t");
  if (gap == std::string_view::npos) return std::nullopt;
  auto easting = parse_decimal(rest.substr(0, gap));
  auto northing = parse_decimal(rest.substr(gap));
  if (!easting || !northing) return std::nullopt;
  return std::array<double, 2>{*easting, *northing};
}

InterpretedCoordinate from_grid(const CoordinateTerms& terms, const CoordinateContext& context) {
  InterpretedCoordinate result;
  auto pair = read_grid_pair(terms.verbatim_coordinates);
  std::optional<LonLat> point;
  if (pair && context.from_hk1980_grid) point = context.from_hk1980_grid((*pair)[0], (*pair)[1]);
  if (!point) {
    result.flags.add(coordinate_invalid);
    return result;
  }
  result.point = point;
  result.flags.add(coordinate_reprojected);
  return result;
}

bool in_range(LonLat point) { return std::abs(point.lat) <= 90 && std::abs(point.lon) <= 180; }

bool in_region(LonLat point, const CoordinateContext& context) {
  return !context.in_home_region || context.in_home_region(point);
}

// Outside the region, or out of range: GBIF's two corrections, then the mismatch.
void place_in_region(InterpretedCoordinate& result, const CoordinateContext& context) {
  LonLat given = *result.point;
  LonLat swapped{given.lat, given.lon};
  LonLat negated{-given.lon, given.lat};
  if (in_range(given) && in_region(given, context)) return;
  if (in_range(swapped) && in_region(swapped, context) && context.in_home_region) {
    result.point = swapped;
    result.flags.add(presumed_swapped_coordinate);
  } else if (in_range(negated) && in_region(negated, context) && context.in_home_region) {
    result.point = negated;
    result.flags.add(presumed_negated_longitude);
  } else if (!in_range(given)) {
    result.point.reset();
    result.flags.add(coordinate_out_of_range);
  } else {
    result.flags.add(country_coordinate_mismatch);
  }
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

InterpretedCoordinate interpret_coordinate(const CoordinateTerms& terms,
                                           const CoordinateContext& context) {
  InterpretedCoordinate result;
  bool has_latitude = !trim(terms.decimal_latitude).empty();
  bool has_longitude = !trim(terms.decimal_longitude).empty();
  if (!has_latitude && !has_longitude) {
    if (trim(terms.verbatim_coordinates).empty()) return result;
    if (names_hk1980_grid(terms)) return from_grid(terms, context);
    result.flags.add(coordinate_invalid);
    return result;
  }
  auto latitude = parse_decimal(terms.decimal_latitude);
  auto longitude = parse_decimal(terms.decimal_longitude);
  if (!latitude || !longitude) {
    result.flags.add(coordinate_invalid);
    return result;
  }
  result.point = LonLat{*longitude, *latitude};
  if (*latitude == 0 && *longitude == 0) {
    result.flags.add(zero_coordinate);
    return result;
  }
  switch (read_datum(terms.geodetic_datum)) {
    case Datum::wgs84:
      break;
    case Datum::hk1980:
      if (auto shifted = context.from_hk1980_geographic
                             ? context.from_hk1980_geographic(*result.point)
                             : std::nullopt) {
        result.point = shifted;
        result.flags.add(coordinate_reprojected);
      } else {
        result.flags.add(geodetic_datum_assumed_wgs84);
      }
      break;
    case Datum::absent:
    case Datum::unknown:
      result.flags.add(geodetic_datum_assumed_wgs84);
      break;
  }
  place_in_region(result, context);
  return result;
}

}  // namespace bsap::biodata
