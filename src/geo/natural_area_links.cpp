// Natural-area patches and the links between them, for the effective mesh size of the City
// Biodiversity Index's connectivity indicator (000_e0ccae9882b7fb64.txt 5.2 note 3). GeoJSON is
// split into features here (so a fault names its feature); each feature's geometry is read,
// checked and measured by GEOS (C API, re-entrant `_r` functions, one context per call). An
// STRtree finds the patches within the gap of each other, so the work is not all pairs.
#include "geo/natural_area_links.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "geo/geos_handle.h"

namespace bsap::geo {
namespace {

using nlohmann::json;

// An STRtree of geometries owned elsewhere; items are their indices.
class Index {
 public:
  Index(GEOSContextHandle_t context, const std::vector<Geometry>& geometries)
      : context_(context), tree_(GEOSSTRtree_create_r(context, 10)), ids_(geometries.size()) {
    for (std::size_t i = 0; i < geometries.size(); ++i) {
      ids_[i] = i;
      GEOSSTRtree_insert_r(context_, tree_, geometries[i].get(), &ids_[i]);
    }
  }
  ~Index() { GEOSSTRtree_destroy_r(context_, tree_); }
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // The indices of the geometries whose envelopes meet the envelope of `area`.
  std::vector<std::size_t> candidates(const GEOSGeometry* area) const {
    std::vector<std::size_t> found;
    GEOSSTRtree_query_r(context_, tree_, area, &Index::collect, &found);
    std::sort(found.begin(), found.end());
    return found;
  }

 private:
  static void collect(void* item, void* found) {
    static_cast<std::vector<std::size_t>*>(found)->push_back(*static_cast<std::size_t*>(item));
  }
  GEOSContextHandle_t context_;
  GEOSSTRtree* tree_;
  std::vector<std::size_t> ids_;  // stable addresses for the tree's items
};

// ---- the GeoJSON files

struct Feature {
  std::string name;
  std::string geometry_json;
};

struct FileRules {
  const char* source;  // "patches" or "barriers"
  std::vector<std::string> geometry_types;
  const char* expected;  // the types in words, for the fault
};

const FileRules kPatchRules = {"patches", {"Polygon", "MultiPolygon"}, "a Polygon or MultiPolygon"};
const FileRules kBarrierRules = {"barriers",
                                 {"LineString", "MultiLineString", "Polygon", "MultiPolygon"},
                                 "a LineString, MultiLineString, Polygon or MultiPolygon"};

// A member that is a string, or "" (GeoJSON written by hand may hold anything).
std::string string_member(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

[[noreturn]] void refuse(const FileRules& rules, int feature, std::string reason) {
  throw GeoInputError{rules.source, feature, std::move(reason)};
}

std::string feature_name(const json& feature, int number) {
  auto scalar = [](const json& value) -> std::string {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    return "";
  };
  if (feature.contains("id") && !scalar(feature["id"]).empty()) return scalar(feature["id"]);
  if (feature.contains("properties") && feature["properties"].is_object()) {
    const json& properties = feature["properties"];
    for (const char* key : {"name", "id"})
      if (properties.contains(key) && !scalar(properties[key]).empty())
        return scalar(properties[key]);
  }
  return "#" + std::to_string(number);
}

// A file in degrees would give areas in square degrees: the CRS member, when present, must not
// be geographic (RFC 7946 GeoJSON without it is WGS 84, but tools writing projected files name
// their CRS, as QGIS and ogr2ogr do).
void check_crs(const json& root, const FileRules& rules) {
  if (!root.contains("crs")) return;
  const std::string crs = root["crs"].dump();
  for (const char* geographic : {"4326", "CRS84", "4269", "4611"})
    if (crs.find(geographic) != std::string::npos)
      refuse(rules, 0,
             "geographic coordinates (" + crs +
                 "): reproject to a metric CRS such as Hong Kong 1980 Grid (EPSG:2326)");
}

std::vector<Feature> features_of(std::string_view text, const FileRules& rules) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& error) {
    refuse(rules, 0, std::string("not JSON: ") + error.what());
  }
  if (string_member(root, "type") != "FeatureCollection")
    refuse(rules, 0,
           "not a GeoJSON FeatureCollection (its \"type\" is " +
               (root.is_object() && root.contains("type") ? root["type"].dump() : "missing") + ")");
  check_crs(root, rules);
  if (!root.contains("features") || !root["features"].is_array())
    refuse(rules, 0, "its \"features\" is not a list");
  std::vector<Feature> features;
  for (const json& feature : root["features"]) {
    const int number = static_cast<int>(features.size()) + 1;
    if (string_member(feature, "type") != "Feature") refuse(rules, number, "not a GeoJSON Feature");
    const std::string name = feature_name(feature, number);
    if (!feature.contains("geometry") || !feature["geometry"].is_object())
      refuse(rules, number, "(" + name + ") has no geometry");
    const json& geometry = feature["geometry"];
    const std::string type = string_member(geometry, "type");
    if (std::find(rules.geometry_types.begin(), rules.geometry_types.end(), type) ==
        rules.geometry_types.end())
      refuse(rules, number,
             "(" + name + ") is a " + (type.empty() ? std::string("geometry without type") : type) +
                 " where " + rules.expected + " is expected");
    features.push_back({name, geometry.dump()});
  }
  return features;
}

std::vector<Geometry> read_geometries(const Geos& geos, const std::vector<Feature>& features,
                                      const FileRules& rules) {
  const GeoJsonReader reader(geos.context());
  std::vector<Geometry> geometries;
  for (std::size_t i = 0; i < features.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    const std::string named = "(" + features[i].name + ") ";
    Geometry geometry = reader.read(features[i].geometry_json);
    if (!geometry) refuse(rules, number, named + "unreadable geometry: " + geos.last_error());
    if (GEOSisEmpty_r(geos.context(), geometry.get()) == 1)
      refuse(rules, number, named + "empty geometry");
    if (GEOSisValid_r(geos.context(), geometry.get()) != 1) {
      char* why = GEOSisValidReason_r(geos.context(), geometry.get());
      const std::string reason = why ? why : geos.last_error();
      GEOSFree_r(geos.context(), why);
      refuse(rules, number, named + "invalid geometry: " + reason);
    }
    geometries.push_back(std::move(geometry));
  }
  return geometries;
}

// ---- links

// The envelope of `geometry` grown by `margin` on every side.
Geometry grown_envelope(GEOSContextHandle_t context, const GEOSGeometry* geometry, double margin) {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  GEOSGeom_getXMin_r(context, geometry, &x_min);
  GEOSGeom_getYMin_r(context, geometry, &y_min);
  GEOSGeom_getXMax_r(context, geometry, &x_max);
  GEOSGeom_getYMax_r(context, geometry, &y_max);
  return Geometry(GEOSGeom_createRectangle_r(context, x_min - margin, y_min - margin,
                                             x_max + margin, y_max + margin),
                  GeometryDeleter{context});
}

// Whether the shortest segment between two patches crosses (or touches) a barrier.
bool barrier_between(GEOSContextHandle_t context, const GEOSGeometry* a, const GEOSGeometry* b,
                     const std::vector<Geometry>& barriers, const Index& barrier_index) {
  GEOSCoordSequence* ends = GEOSNearestPoints_r(context, a, b);
  if (!ends) return false;
  const Geometry segment(GEOSGeom_createLineString_r(context, ends), GeometryDeleter{context});
  if (!segment) return false;
  for (std::size_t k : barrier_index.candidates(segment.get()))
    if (GEOSIntersects_r(context, segment.get(), barriers[k].get()) == 1) return true;
  return false;
}

NaturalAreaLinks link(const Geos& geos, const std::vector<Feature>& patch_features,
                      const std::vector<Geometry>& patches, const std::vector<Geometry>& barriers,
                      double gap_m) {
  const GEOSContextHandle_t context = geos.context();
  NaturalAreaLinks result;
  for (std::size_t i = 0; i < patches.size(); ++i) {
    double area = 0;
    GEOSArea_r(context, patches[i].get(), &area);
    result.patches.push_back({patch_features[i].name, area});
  }
  const Index patch_index(context, patches);
  const Index barrier_index(context, barriers);
  for (std::size_t i = 0; i < patches.size(); ++i) {
    const Geometry reach = grown_envelope(context, patches[i].get(), gap_m);
    for (std::size_t j : patch_index.candidates(reach.get())) {
      if (j <= i) continue;
      double distance = 0;
      if (GEOSDistance_r(context, patches[i].get(), patches[j].get(), &distance) != 1) continue;
      if (distance >= gap_m) continue;  // "less than 100 m apart"
      // Touching patches are one patch to the rule; only a gap can hold a barrier.
      if (distance > 0 && !barriers.empty() &&
          barrier_between(context, patches[i].get(), patches[j].get(), barriers, barrier_index))
        continue;
      result.links.emplace_back(static_cast<int>(i), static_cast<int>(j));
    }
  }
  return result;
}

}  // namespace

std::variant<NaturalAreaLinks, GeoInputError> link_natural_areas(
    std::string_view patches_geojson, std::optional<std::string_view> barriers_geojson,
    double gap_m) {
  try {
    if (!std::isfinite(gap_m) || gap_m <= 0)
      return GeoInputError{"gap", 0, "must be a positive distance in metres"};
    const Geos geos;
    const std::vector<Feature> patch_features = features_of(patches_geojson, kPatchRules);
    if (patch_features.empty())
      return GeoInputError{"patches", 0, "no features: there are no natural areas to link"};
    const std::vector<Geometry> patches = read_geometries(geos, patch_features, kPatchRules);
    std::vector<Geometry> barriers;
    if (barriers_geojson) {
      const std::vector<Feature> barrier_features = features_of(*barriers_geojson, kBarrierRules);
      barriers = read_geometries(geos, barrier_features, kBarrierRules);
    }
    return link(geos, patch_features, patches, barriers, gap_m);
  } catch (const GeoInputError& error) {
    return error;
  }
}

}  // namespace bsap::geo
