// The Census and Statistics Department's 2001 district layers, read where the shared data keeps
// them (SHARED_DIR/data/geo/hk-districts-2001; never copied into the repository).
#pragma once
#include <gtest/gtest.h>

#include <filesystem>

#include "geo/area_layer_reader.h"

namespace bsap::geo::testing {

inline std::filesystem::path hk_districts_file(const char* name) {
  return std::filesystem::path(SHARED_DIR) / "data/geo/hk-districts-2001" / name;
}

// The 390 District Council constituency areas (DCCA), land only, simplified, in WGS 84.
inline AreaLayerOptions constituency_options() {
  AreaLayerOptions options;
  options.code_property = "DCCA";
  options.name_en_property = "DCCA_ENG";
  return options;
}

// dcca.shp: the same areas unclipped and unsimplified, in Hong Kong 1980 Grid, with no .shx and
// no .prj, its .dbf in Big5-HKSCS.
inline AreaLayerOptions constituency_shapefile_options() {
  AreaLayerOptions options = constituency_options();
  options.name_zh_property = "DCCA_CHIN";
  options.crs = LayerCrs::hk1980_grid;
  options.dbf_encoding = "BIG5-HKSCS";
  return options;
}

inline AreaLayer read_or_fail(const std::variant<AreaLayer, GeoInputError>& result) {
  if (const auto* error = std::get_if<GeoInputError>(&result)) {
    ADD_FAILURE() << error->message();
    return {};
  }
  return std::get<AreaLayer>(result);
}

inline AreaLayer constituencies() {
  return read_or_fail(
      read_area_layer(hk_districts_file("dcca_land.lowres.geo.json"), constituency_options()));
}

}  // namespace bsap::geo::testing
