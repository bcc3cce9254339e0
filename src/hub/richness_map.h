// The richness map (issue 9 §5): species per 1 km square of the Hong Kong 1980 Grid as GeoJSON
// for a web map, each square a polygon in WGS 84 with its code and its species count. Which
// species are counted is the caller's choice (the reader's rights: biodata/sensitivity.h).
#pragma once
#include <span>
#include <string>

#include "geo/hk_grid_projection.h"
#include "store/bio_query_repo.h"

namespace bsap::hub {

// A FeatureCollection; a square whose code does not parse or whose corners PROJ cannot convert
// is left out.
std::string richness_geojson(std::span<const store::SquareRichness> squares,
                             geo::HkGridProjection& projection);

}  // namespace bsap::hub
