// Where an occurrence falls: its 1 km square of the HK1980 Grid and the areas of every layer that
// contain it (issue 9 §4). Built from the store's areas once per import or layer change; a record
// with a geospatial flag is placed nowhere, since it has no place on a map (GBIF's rule).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "biodata/occurrence_interpretation.h"
#include "store/bio_area_repo.h"

namespace bsap::hub {

struct Placement {
  std::optional<std::string> grid_cell;  // "E836N818"
  std::vector<std::int64_t> area_ids;
};

class OccurrencePlacer {
 public:
  // std::runtime_error when PROJ cannot be set up or an area's geometry cannot be read.
  explicit OccurrencePlacer(const std::vector<store::BioArea>& areas);
  ~OccurrencePlacer();
  OccurrencePlacer(OccurrencePlacer&&) noexcept;

  Placement place(const biodata::Occurrence& occurrence);
  // The same into `out`, its storage reused: an import places a million records.
  void place(const biodata::Occurrence& occurrence, Placement& out);
  // WGS84 of an HK1980 Grid point, for the interpretation of verbatim grid coordinates.
  std::optional<LonLat> from_hk1980_grid(double easting, double northing);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace bsap::hub
