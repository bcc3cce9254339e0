// Where an occurrence was, as WGS84 longitude and latitude, read from its Darwin Core terms
// (decimalLatitude, decimalLongitude, geodeticDatum; or verbatimCoordinates in HK1980 Grid with
// verbatimCoordinateSystem or verbatimSRS saying so) and the flags earned on the way. Pure: the
// region test and the HK1980 conversion are given by the caller (geo/ does them with GEOS and
// PROJ), so this file is tested without either.
#pragma once
#include <functional>
#include <optional>
#include <string_view>

#include "biodata/occurrence_flag.h"
#include "core/lon_lat.h"

namespace bsap::biodata {

struct CoordinateTerms {
  std::string_view decimal_latitude;
  std::string_view decimal_longitude;
  std::string_view geodetic_datum;
  std::string_view verbatim_coordinates;        // "836694 819069" or "836694,819069"
  std::string_view verbatim_coordinate_system;  // "HK1980 Grid", "Hong Kong 1980 Grid System"
  std::string_view verbatim_srs;                // "EPSG:2326"
};

struct CoordinateContext {
  // True for a point on Hong Kong's land or in its waters.
  std::function<bool(LonLat)> in_home_region;
  // WGS84 of an HK1980 Grid easting and northing (metres), or none when it cannot be converted.
  std::function<std::optional<LonLat>(double easting, double northing)> from_hk1980_grid;
  // WGS84 of an HK1980 geographic longitude and latitude (EPSG:4611).
  std::function<std::optional<LonLat>(LonLat)> from_hk1980_geographic;
};

struct InterpretedCoordinate {
  std::optional<LonLat> point;  // none when none was given or none could be read
  FlagSet flags;
};

InterpretedCoordinate interpret_coordinate(const CoordinateTerms& terms,
                                           const CoordinateContext& context);

// A decimal number the way data files write one: optional sign, digits, a point, an exponent;
// surrounding blanks allowed. None for anything else ("22°30'", "n/a", "").
std::optional<double> parse_decimal(std::string_view text);

}  // namespace bsap::biodata
