// Sensitive species (issue 9 §6; the plan's 優先行動 1.6 is about poaching): who may see where a
// record was. For the public and applicants, a sensitive taxon's coordinates are generalised to
// its category's grid, after GBIF's best practice (Chapman 2020, "Current Best Practices for
// Generalizing Sensitive Species Occurrence Data"): withheld, 0.1°, 0.01° or 0.001°, with
// dataGeneralizations and informationWithheld saying so. Authorised staff see the precise point.
// Pure: the caller says who asks.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/lon_lat.h"

namespace bsap::biodata {

// As stored (bio_taxa.sensitivity): higher is more sensitive.
enum class Sensitivity {
  none = 0,
  to_0_001_degree = 1,
  to_0_01_degree = 2,
  to_0_1_degree = 3,
  withheld = 4,
};

// The stored number as a category; none for a number outside 0–4.
std::optional<Sensitivity> sensitivity_from_number(int number);
// "none", "0.001", "0.01", "0.1", "withheld" — as administrators set it.
std::string sensitivity_name(Sensitivity sensitivity);
std::optional<Sensitivity> sensitivity_from_name(std::string_view name);

struct PublishedLocation {
  std::optional<LonLat> point;          // none when withheld
  std::optional<double> uncertainty_m;  // the generalised cell's reach, or as recorded
  std::string data_generalizations;     // Darwin Core dataGeneralizations; "" when precise
  std::string information_withheld;     // Darwin Core informationWithheld; "" when nothing is
  bool generalised = false;             // true whenever the precise point is not shown
};

// What a reader may see of a record's place. `precise_allowed`: the reader is authorised staff.
// A generalised point is the centre of the grid cell that holds it; its uncertainty is the
// distance from the centre to the cell's corner, so that the cell is inside the circle.
PublishedLocation publish_location(std::optional<LonLat> point, std::optional<double> uncertainty_m,
                                   Sensitivity sensitivity, bool precise_allowed);

// Whether a reader may learn that a taxon was recorded inside an area of area_m2 square metres
// near `latitude` (an area's species list, a square of the richness map). Telling that a
// sensitive taxon is in an area smaller than its category's cell would place it more precisely
// than its generalised records do, so the presence is shown only in an area at least as large as
// that cell; never for a withheld taxon; always to authorised staff.
bool presence_shown_in_area(Sensitivity sensitivity, double area_m2, double latitude,
                            bool precise_allowed);

}  // namespace bsap::biodata
