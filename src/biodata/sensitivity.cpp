#include "biodata/sensitivity.h"

#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace bsap::biodata {
namespace {

double cell_degrees(Sensitivity sensitivity) {
  switch (sensitivity) {
    case Sensitivity::to_0_001_degree:
      return 0.001;
    case Sensitivity::to_0_01_degree:
      return 0.01;
    case Sensitivity::to_0_1_degree:
      return 0.1;
    default:
      return 0;
  }
}

// The cell's index along one axis. The small epsilon keeps a coordinate written exactly on a
// line (22.3 at 0.1°) in the cell it names rather than the one below, which binary floating point
// would otherwise pick.
double cell_floor(double value, double size) { return std::floor(value / size + 1e-9); }

constexpr double kMetresPerDegree = 6'371'008.8 * std::numbers::pi / 180.0;  // WGS84 mean radius

// Metres from a cell's centre to its corner at the cell's latitude.
double half_diagonal_m(double size, double lat) {
  double north = size / 2 * kMetresPerDegree;
  double east = north * std::cos(lat * std::numbers::pi / 180.0);
  return std::hypot(north, east);
}

}  // namespace

std::optional<Sensitivity> sensitivity_from_number(int number) {
  if (number < 0 || number > 4) return std::nullopt;
  return static_cast<Sensitivity>(number);
}

std::string sensitivity_name(Sensitivity sensitivity) {
  switch (sensitivity) {
    case Sensitivity::none:
      return "none";
    case Sensitivity::withheld:
      return "withheld";
    default:
      return fmt::format("{:g}", cell_degrees(sensitivity));
  }
}

std::optional<Sensitivity> sensitivity_from_name(std::string_view name) {
  for (int number = 0; number <= 4; ++number)
    if (sensitivity_name(static_cast<Sensitivity>(number)) == name)
      return static_cast<Sensitivity>(number);
  return std::nullopt;
}

PublishedLocation publish_location(std::optional<LonLat> point, std::optional<double> uncertainty_m,
                                   Sensitivity sensitivity, bool precise_allowed) {
  PublishedLocation out;
  if (precise_allowed || sensitivity == Sensitivity::none || !point) {
    out.point = point;
    out.uncertainty_m = uncertainty_m;
    if (!point && sensitivity == Sensitivity::withheld && !precise_allowed)
      out.information_withheld = "location withheld: sensitive species";
    return out;
  }
  out.generalised = true;
  if (sensitivity == Sensitivity::withheld) {
    out.information_withheld = "location withheld: sensitive species; ask the data custodian";
    out.data_generalizations = "coordinates withheld";
    return out;
  }
  double size = cell_degrees(sensitivity);
  LonLat centre{(cell_floor(point->lon, size) + 0.5) * size,
                (cell_floor(point->lat, size) + 0.5) * size};
  out.point = centre;
  out.uncertainty_m = std::max(uncertainty_m.value_or(0), half_diagonal_m(size, centre.lat));
  out.data_generalizations =
      fmt::format("coordinates generalised to the centre of a {:g}° grid cell", size);
  out.information_withheld = "precise location withheld: sensitive species";
  return out;
}

bool presence_shown_in_area(Sensitivity sensitivity, double area_m2, double latitude,
                            bool precise_allowed) {
  if (precise_allowed || sensitivity == Sensitivity::none) return true;
  if (sensitivity == Sensitivity::withheld) return false;
  double side_m = cell_degrees(sensitivity) * kMetresPerDegree;
  double cell_m2 = side_m * side_m * std::cos(latitude * std::numbers::pi / 180.0);
  return area_m2 >= cell_m2;
}

}  // namespace bsap::biodata
