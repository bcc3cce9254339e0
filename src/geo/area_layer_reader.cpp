// Each source (GeoJSON through nlohmann-json and GEOS's GeoJSON reader; a shapefile through
// shapefile_reader.h) gives raw features in the file's CRS; one pipeline then checks the code,
// corrects the names' characters, brings the geometry to WGS 84, repairs it, measures it in the
// Grid and writes it as WKB. The pipeline throws GeoInputError for a fault of the whole file,
// caught at the edge of this file.
#include "geo/area_layer_reader.h"

#include <proj.h>

#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "geo/geos_handle.h"
#include "geo/hk_grid_projection.h"
#include "geo/polygon_repair.h"
#include "geo/shapefile_reader.h"

namespace bsap::geo {
namespace {

using nlohmann::json;

// A feature as its file gives it, before the checks every layer shares.
struct RawFeature {
  int number = 0;
  std::string code, name_zh, name_en;
  Geometry geometry;    // in the file's CRS; null when `problem` says why
  std::string problem;  // why there is no geometry to read
};

[[noreturn]] void refuse(const std::string& source, int feature, std::string reason) {
  throw GeoInputError{source, feature, std::move(reason)};
}

std::string crs_name(LayerCrs crs) { return crs == LayerCrs::wgs84 ? "EPSG:4326" : "EPSG:2326"; }

// ---- names

// Text converted from Big5-HKSCS with older tables holds some characters in Unicode's private use
// area: CSD's district files write 埗 (Sham Shui Po) as U+E88C, and other datasets, which use the
// standard character, then never match them.
struct PrivateUseCharacter {
  std::string_view private_use;  // UTF-8
  std::string_view standard;
  std::string_view in_words;
};
constexpr PrivateUseCharacter kHkscsPrivateUse[] = {
    {"\xEE\xA2\x8C", "\xE5\x9F\x97", "HKSCS private-use character U+E88C for 埗 (U+57D7)"},
};

// Corrects `text` in place; what was corrected, or "" when nothing was.
std::string correct_private_use(std::string& text) {
  std::string corrected;
  for (const PrivateUseCharacter& character : kHkscsPrivateUse) {
    bool found = false;
    for (std::size_t at = text.find(character.private_use); at != std::string::npos;
         at = text.find(character.private_use, at + character.standard.size())) {
      text.replace(at, character.private_use.size(), character.standard);
      found = true;
    }
    if (found) corrected += (corrected.empty() ? "" : ", ") + std::string(character.in_words);
  }
  return corrected;
}

void correct_names(RawFeature& raw, const AreaLayerOptions& options,
                   std::vector<AreaImportNote>& report) {
  const std::pair<std::string*, const std::string*> fields[] = {
      {&raw.code, &options.code_property},
      {&raw.name_zh, &options.name_zh_property},
      {&raw.name_en, &options.name_en_property}};
  for (const auto& [text, property] : fields) {
    const std::string before = *text;
    const std::string corrected = correct_private_use(*text);
    if (corrected.empty()) continue;
    report.push_back({AreaImportNote::Kind::text_fixed, raw.number, raw.code,
                      *property + " \"" + before + "\" holds the " + corrected,
                      "read as \"" + *text + "\""});
  }
}

// ---- the pipeline every source shares

// GEOSGeom_transformXY_r's callbacks: a point through the projection, or failure (0).
int to_lon_lat_xy(double* x, double* y, void* projection) {
  const auto out = static_cast<HkGridProjection*>(projection)->to_lon_lat(GridPoint{*x, *y});
  if (!out) return 0;
  *x = out->lon;
  *y = out->lat;
  return 1;
}

int to_grid_xy(double* x, double* y, void* projection) {
  const auto out = static_cast<HkGridProjection*>(projection)->to_grid(LonLat{*x, *y});
  if (!out) return 0;
  *x = out->easting;
  *y = out->northing;
  return 1;
}

Geometry transformed(const Geos& geos, const GEOSGeometry* geometry, GEOSTransformXYCallback point,
                     HkGridProjection& projection) {
  return own(geos, GEOSGeom_transformXY_r(geos.context(), geometry, point, &projection));
}

class LayerBuilder {
 public:
  LayerBuilder(std::string source, LayerCrs crs, const AreaLayerOptions& options,
               HkGridProjection& projection)
      : source_(std::move(source)), options_(options), projection_(projection) {
    layer_.source_crs = crs;
  }

  const Geos& geos() const { return geos_; }

  void add(RawFeature raw) {
    correct_names(raw, options_, layer_.report);
    if (raw.code.empty()) return skip(raw, "no " + options_.code_property, "skipped");
    check_unique(raw);
    if (!raw.geometry) return skip(raw, raw.problem, "skipped");
    if (GEOSisEmpty_r(geos_.context(), raw.geometry.get()) == 1)
      return skip(raw, "empty geometry", "skipped");
    Geometry wgs84 = to_wgs84(raw);
    if (!wgs84) return skip(raw, "PROJ cannot bring its coordinates to EPSG:4326", "skipped");
    PolygonRepair repair = repair_polygon(geos_, std::move(wgs84));
    if (repair.repaired)
      layer_.report.push_back(
          {repair.geometry ? AreaImportNote::Kind::repaired : AreaImportNote::Kind::skipped,
           raw.number, raw.code, repair.reason_before, repair.action});
    if (!repair.geometry) return;
    keep(raw, repair.geometry.get());
  }

  AreaLayer finish() && {
    if (layer_.features.empty())
      refuse(source_, 0,
             "no areas: none of its features is a polygon with a " + options_.code_property +
                 (layer_.report.empty() ? "" : " (" + layer_.report.front().message() + ")"));
    return std::move(layer_);
  }

 private:
  void skip(const RawFeature& raw, std::string problem, std::string action) {
    layer_.report.push_back({AreaImportNote::Kind::skipped, raw.number, raw.code,
                             std::move(problem), std::move(action)});
  }

  void check_unique(const RawFeature& raw) {
    const auto [first, inserted] = first_feature_of_code_.emplace(raw.code, raw.number);
    if (!inserted)
      refuse(source_, raw.number,
             options_.code_property + " " + raw.code + " is feature " +
                 std::to_string(first->second) + "'s too: codes must be unique in a layer");
  }

  // Degrees must be degrees: a Grid file taken for WGS 84 has coordinates in the hundreds of
  // thousands, and every feature would be wrong.
  void check_degrees(const RawFeature& raw) const {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    const GEOSContextHandle_t context = geos_.context();
    GEOSGeom_getXMin_r(context, raw.geometry.get(), &x_min);
    GEOSGeom_getYMin_r(context, raw.geometry.get(), &y_min);
    GEOSGeom_getXMax_r(context, raw.geometry.get(), &x_max);
    GEOSGeom_getYMax_r(context, raw.geometry.get(), &y_max);
    if (x_min >= -180 && x_max <= 180 && y_min >= -90 && y_max <= 90) return;
    std::ostringstream where;
    where << "coordinates such as (" << x_max << ", " << y_max
          << ") are not longitude and latitude: if the file is in Hong Kong 1980 Grid, say "
             "EPSG:2326";
    refuse(source_, raw.number, where.str());
  }

  Geometry to_wgs84(const RawFeature& raw) {
    if (layer_.source_crs == LayerCrs::wgs84) {
      check_degrees(raw);
      return own(geos_, GEOSGeom_clone_r(geos_.context(), raw.geometry.get()));
    }
    return transformed(geos_, raw.geometry.get(), &to_lon_lat_xy, projection_);
  }

  double area_m2(const GEOSGeometry* wgs84) {
    const Geometry grid = transformed(geos_, wgs84, &to_grid_xy, projection_);
    double area = 0;
    if (grid) GEOSArea_r(geos_.context(), grid.get(), &area);
    return area;
  }

  void keep(RawFeature& raw, const GEOSGeometry* wgs84) {
    layer_.features.push_back({raw.number, std::move(raw.code), std::move(raw.name_zh),
                               std::move(raw.name_en), write_wkb(geos_, wgs84), area_m2(wgs84)});
  }

  Geos geos_;
  std::string source_;
  const AreaLayerOptions& options_;
  HkGridProjection& projection_;
  AreaLayer layer_;
  std::map<std::string, int> first_feature_of_code_;
};

// ---- GeoJSON

// A property's value as text: strings as they are, numbers as JSON writes them, else "".
std::string property_text(const json& properties, const std::string& key) {
  if (key.empty() || !properties.is_object() || !properties.contains(key)) return "";
  const json& value = properties[key];
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  return "";
}

std::string string_member(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

// The old GeoJSON "crs" member (2008 specification; ogr2ogr and QGIS still write it), by name.
std::optional<LayerCrs> declared_crs(const json& root, const std::string& source) {
  if (!root.contains("crs") || root["crs"].is_null()) return std::nullopt;
  if (!root["crs"].is_object()) refuse(source, 0, "its \"crs\" is not an object");
  const std::string name = string_member(root["crs"].value("properties", json::object()), "name");
  if (name.find("2326") != std::string::npos) return LayerCrs::hk1980_grid;
  if (name.find("4326") != std::string::npos || name.find("CRS84") != std::string::npos)
    return LayerCrs::wgs84;
  refuse(source, 0,
         "its CRS " + root["crs"].dump() +
             " is neither EPSG:4326 nor EPSG:2326: reproject it to one of them");
}

LayerCrs layer_crs(std::optional<LayerCrs> said, std::optional<LayerCrs> declared,
                   LayerCrs otherwise, const std::string& source) {
  if (said && declared && *said != *declared)
    refuse(source, 0,
           "the file says " + crs_name(*declared) + " but it was imported as " + crs_name(*said));
  return said ? *said : declared ? *declared : otherwise;
}

RawFeature raw_geojson_feature(const json& feature, int number, const AreaLayerOptions& options,
                               const GeoJsonReader& reader, const Geos& geos) {
  RawFeature raw;
  raw.number = number;
  if (string_member(feature, "type") != "Feature") {
    raw.problem = "not a GeoJSON Feature";
    return raw;
  }
  const json properties = feature.value("properties", json::object());
  raw.code = property_text(properties, options.code_property);
  raw.name_zh = property_text(properties, options.name_zh_property);
  raw.name_en = property_text(properties, options.name_en_property);
  const json geometry = feature.value("geometry", json());
  const std::string type = string_member(geometry, "type");
  if (type != "Polygon" && type != "MultiPolygon") {
    raw.problem = (type.empty() ? std::string("no geometry") : "a " + type) +
                  ": an area is a Polygon or MultiPolygon";
    return raw;
  }
  raw.geometry = reader.read(geometry.dump());
  if (!raw.geometry) raw.problem = "unreadable geometry: " + geos.last_error();
  return raw;
}

json parse_collection(std::string_view text, const std::string& source) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& error) {
    refuse(source, 0, std::string("not JSON: ") + error.what());
  }
  if (string_member(root, "type") != "FeatureCollection")
    refuse(source, 0,
           "not a GeoJSON FeatureCollection (its \"type\" is " +
               (root.is_object() && root.contains("type") ? root["type"].dump() : "missing") + ")");
  if (!root.contains("features") || !root["features"].is_array())
    refuse(source, 0, "its \"features\" is not a list");
  return root;
}

void check_options(const AreaLayerOptions& options, const std::string& source) {
  if (options.code_property.empty())
    refuse(source, 0, "no code property named: say which property holds each area's code");
}

AreaLayer geojson_layer(std::string_view text, const std::string& source,
                        const AreaLayerOptions& options, HkGridProjection& projection) {
  check_options(options, source);
  const json root = parse_collection(text, source);
  const LayerCrs crs = layer_crs(options.crs, declared_crs(root, source), LayerCrs::wgs84, source);
  LayerBuilder builder(source, crs, options, projection);
  const GeoJsonReader reader(builder.geos().context());
  int number = 0;
  for (const json& feature : root["features"])
    builder.add(raw_geojson_feature(feature, ++number, options, reader, builder.geos()));
  return std::move(builder).finish();
}

// ---- shapefile

// A .prj's WKT (ESRI's dialect or OGC's) as one of the two CRSs, by PROJ's identification.
std::optional<LayerCrs> crs_of_prj(const std::string& wkt) {
  PJ_CONTEXT* context = proj_context_create();
  proj_log_level(context, PJ_LOG_NONE);
  std::optional<LayerCrs> found;
  if (PJ* crs = proj_create(context, wkt.c_str())) {
    int* confidence = nullptr;
    if (PJ_OBJ_LIST* candidates = proj_identify(context, crs, "EPSG", nullptr, &confidence)) {
      for (int i = 0; i < proj_list_get_count(candidates) && !found; ++i) {
        PJ* candidate = proj_list_get(context, candidates, i);
        const std::string code =
            proj_get_id_code(candidate, 0) ? proj_get_id_code(candidate, 0) : "";
        if (confidence[i] >= 70 && code == "2326") found = LayerCrs::hk1980_grid;
        if (confidence[i] >= 70 && code == "4326") found = LayerCrs::wgs84;
        proj_destroy(candidate);
      }
      proj_int_list_destroy(confidence);
      proj_list_destroy(candidates);
    }
    proj_destroy(crs);
  }
  proj_context_destroy(context);
  return found;
}

LayerCrs shapefile_crs(const Shapefile& file, const AreaLayerOptions& options,
                       const std::string& source) {
  std::optional<LayerCrs> declared;
  if (file.prj) {
    declared = crs_of_prj(*file.prj);
    if (!declared && !options.crs)
      refuse(source, 0, "its .prj names neither EPSG:4326 nor EPSG:2326: reproject it");
  }
  if (!declared && !options.crs)
    refuse(source, 0, "no .prj says its CRS: import it as EPSG:2326 or EPSG:4326");
  return layer_crs(options.crs, declared, LayerCrs::wgs84, source);
}

GEOSGeometry* ring_geometry(const Geos& geos, const ShapeRing& ring) {
  GEOSCoordSequence* points = GEOSCoordSeq_copyFromBuffer_r(
      geos.context(), &ring.data()->x, static_cast<unsigned>(ring.size()), 0, 0);
  return GEOSGeom_createLinearRing_r(geos.context(), points);
}

Geometry shape_geometry(const Geos& geos, const std::vector<ShapePolygon>& polygons) {
  const GEOSContextHandle_t context = geos.context();
  std::vector<GEOSGeometry*> parts;
  for (const ShapePolygon& polygon : polygons) {
    std::vector<GEOSGeometry*> holes;
    for (const ShapeRing& hole : polygon.holes) holes.push_back(ring_geometry(geos, hole));
    parts.push_back(GEOSGeom_createPolygon_r(context, ring_geometry(geos, polygon.shell),
                                             holes.data(), static_cast<unsigned>(holes.size())));
  }
  if (parts.size() == 1) return own(geos, parts.front());
  return own(geos, GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, parts.data(),
                                               static_cast<unsigned>(parts.size())));
}

std::string attribute(const ShapeRecord& record, const std::string& name) {
  if (name.empty()) return "";
  const auto found = record.attributes.find(name);
  return found == record.attributes.end() ? "" : found->second;
}

AreaLayer shapefile_layer(const std::filesystem::path& shp, const AreaLayerOptions& options,
                          HkGridProjection& projection) {
  const std::string source = shp.filename().string();
  check_options(options, source);
  auto read = read_shapefile(shp, options.dbf_encoding);
  if (auto* error = std::get_if<GeoInputError>(&read)) throw *error;
  const Shapefile& file = std::get<Shapefile>(read);
  LayerBuilder builder(source, shapefile_crs(file, options, source), options, projection);
  for (const ShapeRecord& record : file.records) {
    RawFeature raw;
    raw.number = record.number;
    raw.code = attribute(record, options.code_property);
    raw.name_zh = attribute(record, options.name_zh_property);
    raw.name_en = attribute(record, options.name_en_property);
    if (record.polygons.empty())
      raw.problem = "no geometry (a null shape)";
    else
      raw.geometry = shape_geometry(builder.geos(), record.polygons);
    builder.add(std::move(raw));
  }
  return std::move(builder).finish();
}

// ---- files

std::string lower_extension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

std::optional<std::string> file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename Read>
std::variant<AreaLayer, GeoInputError> reading(Read read) {
  try {
    auto projection = HkGridProjection::create();
    if (auto* error = std::get_if<GeoInputError>(&projection)) return *error;
    return read(std::get<HkGridProjection>(projection));
  } catch (const GeoInputError& error) {
    return error;
  }
}

}  // namespace

std::string AreaImportNote::message() const {
  return "feature " + std::to_string(feature) + (code.empty() ? "" : " (" + code + ")") + ": " +
         problem + " → " + action;
}

std::variant<AreaLayer, GeoInputError> read_geojson_area_layer(std::string_view geojson,
                                                               std::string_view source,
                                                               const AreaLayerOptions& options) {
  return reading([&](HkGridProjection& projection) {
    return geojson_layer(geojson, std::string(source), options, projection);
  });
}

std::variant<AreaLayer, GeoInputError> read_area_layer(const std::filesystem::path& file,
                                                       const AreaLayerOptions& options) {
  const std::string source = file.filename().string();
  const std::string extension = lower_extension(file);
  if (extension == ".shp")
    return reading(
        [&](HkGridProjection& projection) { return shapefile_layer(file, options, projection); });
  if (extension != ".geojson" && extension != ".json")
    return GeoInputError{source, 0,
                         "not a layer this reader knows: give a .geojson, .json or .shp"};
  const std::optional<std::string> text = file_text(file);
  if (!text) return GeoInputError{source, 0, "cannot read the file (" + file.string() + ")"};
  return read_geojson_area_layer(*text, source, options);
}

}  // namespace bsap::geo
