// Area layers for the biodiversity hub (country parks, special areas, marine parks, the funding
// scheme's sites, districts…): read from a GeoJSON FeatureCollection or an ESRI shapefile, in
// WGS 84 (EPSG:4326) or Hong Kong 1980 Grid (EPSG:2326), into areas stored in WGS 84 with their
// area measured in the Grid.
//
// Every polygon is checked and, when invalid, repaired (polygon_repair.h): real layers are dirty,
// and an invalid polygon gives different answers in different engines. What was repaired,
// skipped or corrected is reported feature by feature; a fault of the file as a whole (not a
// FeatureCollection, codes repeated…) refuses the layer.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geo/geo_input_error.h"

namespace bsap::geo {

enum class LayerCrs {
  wgs84,        // EPSG:4326, longitude and latitude in degrees
  hk1980_grid,  // EPSG:2326, easting and northing in metres
};

struct AreaLayerOptions {
  std::string code_property;     // the area's code, unique in the layer: "DCCA"
  std::string name_zh_property;  // optional ("" for none): "DCCA_CHIN"
  std::string name_en_property;  // optional: "DCCA_ENG"
  // The file's CRS when the caller knows it. Otherwise a GeoJSON's "crs" member, else EPSG:4326
  // (RFC 7946); a shapefile's .prj, else refused. A file that says otherwise is refused.
  std::optional<LayerCrs> crs;
  // A shapefile's .dbf text encoding as iconv names it ("BIG5-HKSCS"); "" for its .cpg's, else
  // UTF-8.
  std::string dbf_encoding;
};

struct AreaFeature {
  int feature = 0;  // 1-based, in the file's order
  std::string code;
  std::string name_zh;  // "" when the layer has none
  std::string name_en;
  std::vector<unsigned char> wkb;  // valid Polygon or MultiPolygon, EPSG:4326, little-endian WKB
  double area_m2 = 0;              // measured in EPSG:2326
};

// One line of the import report: a feature the reader changed or left out.
struct AreaImportNote {
  enum class Kind {
    repaired,    // invalid geometry made valid; kept
    skipped,     // left out of the layer (no code, not a polygon, nothing left after repair…)
    text_fixed,  // a name's characters corrected; kept
  };
  Kind kind = Kind::repaired;
  int feature = 0;      // 1-based
  std::string code;     // "" when the feature has none
  std::string problem;  // what was wrong: GEOSisValidReason's text for a geometry
  std::string action;   // what was done
  // "feature 12 (3515): Self-intersection[114.15 22.55] → made valid with GEOS MakeValid: …"
  std::string message() const;
};

struct AreaLayer {
  LayerCrs source_crs = LayerCrs::wgs84;  // the CRS the file was read in
  std::vector<AreaFeature> features;      // the areas kept, in the file's order
  std::vector<AreaImportNote> report;     // in the file's order
};

// A .geojson/.json or .shp file, by its extension.
std::variant<AreaLayer, GeoInputError> read_area_layer(const std::filesystem::path& file,
                                                       const AreaLayerOptions& options);

// GeoJSON already in memory (an upload); `source` names it in messages.
std::variant<AreaLayer, GeoInputError> read_geojson_area_layer(std::string_view geojson,
                                                               std::string_view source,
                                                               const AreaLayerOptions& options);

}  // namespace bsap::geo
