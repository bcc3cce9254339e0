// Each source (GeoJSON through nlohmann-json and GEOS's GeoJSON reader; a shapefile through
// shapefile_reader.h) gives raw features in the file's CRS; one pipeline then checks the code,
// corrects the names' characters, then (on several threads, LayerBuilder) brings the geometry to
// WGS 84, repairs it, measures it in the Grid and writes it as WKB. The pipeline throws
// GeoInputError for a fault of the whole file, caught at the edge of this file.
#include "geo/area_layer_reader.h"

#include <proj.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <exception>
#include <fstream>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

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

// The projection, made by PROJ on a thread of its own while the file is read and parsed (making it
// takes as long as parsing the DCCA layer); a failure to make it refuses the layer.
using ProjectionFuture = std::future<std::variant<HkGridProjection, GeoInputError>>;

// The features are checked one by one as their source gives them (names, codes, CRS: what can
// refuse the file); their geometries are then brought to WGS 84, repaired, measured and written
// by up to kMaxGeometryThreads threads, each with its own GEOS context and PROJ projection (GEOS
// MakeValid is most of a layer's time), and the report assembled in the file's order.
constexpr unsigned kMaxGeometryThreads = 4;

class LayerBuilder {
 public:
  LayerBuilder(std::string source, LayerCrs crs, const AreaLayerOptions& options,
               ProjectionFuture projection)
      : source_(std::move(source)),
        options_(options),
        projection_(std::move(projection)),
        crs_(crs) {}

  const Geos& geos() const { return geos_; }

  void add(RawFeature raw) {
    Slot& slot = slots_.emplace_back();
    correct_names(raw, options_, slot.notes);
    slot.raw = std::move(raw);
    if (slot.raw.code.empty()) return skip(slot, "no " + options_.code_property);
    check_unique(slot.raw);
    if (!slot.raw.geometry) return skip(slot, slot.raw.problem);
    if (GEOSisEmpty_r(geos_.context(), slot.raw.geometry.get()) == 1)
      return skip(slot, "empty geometry");
    if (crs_ == LayerCrs::wgs84) check_degrees(slot.raw);
    slot.pending = true;
  }

  AreaLayer finish() && {
    place_geometries();
    AreaLayer layer;
    layer.source_crs = crs_;
    for (Slot& slot : slots_) {
      std::move(slot.notes.begin(), slot.notes.end(), std::back_inserter(layer.report));
      if (slot.feature) layer.features.push_back(std::move(*slot.feature));
    }
    if (layer.features.empty())
      refuse(source_, 0,
             "no areas: none of its features is a polygon with a " + options_.code_property +
                 (layer.report.empty() ? "" : " (" + layer.report.front().message() + ")"));
    return layer;
  }

 private:
  // A feature and what became of it: the notes about it, in order, and the area kept.
  struct Slot {
    RawFeature raw;
    bool pending = false;  // its geometry is still to be placed
    std::vector<AreaImportNote> notes;
    std::optional<AreaFeature> feature;
  };

  static void skip(Slot& slot, std::string problem) {
    slot.notes.push_back({AreaImportNote::Kind::skipped, slot.raw.number, slot.raw.code,
                          std::move(problem), "skipped"});
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

  // Places the pending geometries on this thread and on helper threads of their own. A helper
  // whose PROJ projection cannot be made leaves the work to the others.
  void place_geometries() {
    auto projection = projection_.get();
    if (auto* error = std::get_if<GeoInputError>(&projection)) throw *error;
    std::vector<Slot*> pending;
    for (Slot& slot : slots_)
      if (slot.pending) pending.push_back(&slot);
    std::atomic<std::size_t> next = 0;
    auto work = [&](const Geos& geos, HkGridProjection& projection) {
      for (std::size_t i = next++; i < pending.size(); i = next++)
        place(*pending[i], geos, projection);
    };
    const unsigned threads =
        std::clamp(std::thread::hardware_concurrency(), 1U, kMaxGeometryThreads);
    std::vector<std::exception_ptr> failures(threads);
    {
      std::vector<std::jthread> helpers;
      for (unsigned t = 1; t < threads && t < pending.size(); ++t)
        helpers.emplace_back([&work, &failure = failures[t]] {
          try {
            auto projection = HkGridProjection::create();
            if (auto* made = std::get_if<HkGridProjection>(&projection)) work(Geos(), *made);
          } catch (...) {
            failure = std::current_exception();
          }
        });
      try {
        work(geos_, std::get<HkGridProjection>(projection));
      } catch (...) {
        failures[0] = std::current_exception();
        next = pending.size();  // the helpers stop after their current feature
      }
    }  // the helpers joined
    for (const std::exception_ptr& failure : failures)
      if (failure) std::rethrow_exception(failure);
  }

  // To WGS 84, repaired, measured in the Grid and written as WKB; or a note saying why not.
  void place(Slot& slot, const Geos& geos, HkGridProjection& projection) const {
    const RawFeature& raw = slot.raw;
    Geometry wgs84 = crs_ == LayerCrs::wgs84
                         ? own(geos, GEOSGeom_clone_r(geos.context(), raw.geometry.get()))
                         : transformed(geos, raw.geometry.get(), &to_lon_lat_xy, projection);
    if (!wgs84) return skip(slot, "PROJ cannot bring its coordinates to EPSG:4326");
    PolygonRepair repair = repair_polygon(geos, std::move(wgs84));
    if (repair.repaired)
      slot.notes.push_back(
          {repair.geometry ? AreaImportNote::Kind::repaired : AreaImportNote::Kind::skipped,
           raw.number, raw.code, repair.reason_before, repair.action});
    if (!repair.geometry) return;
    const Geometry grid = transformed(geos, repair.geometry.get(), &to_grid_xy, projection);
    double area_m2 = 0;
    if (grid) GEOSArea_r(geos.context(), grid.get(), &area_m2);
    slot.feature = AreaFeature{
        raw.number, raw.code, raw.name_zh, raw.name_en, write_wkb(geos, repair.geometry.get()),
        area_m2};
  }

  Geos geos_;
  std::string source_;
  const AreaLayerOptions& options_;
  ProjectionFuture projection_;
  LayerCrs crs_;
  std::vector<Slot> slots_;  // in the file's order
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

// An object's member, read in place (null when there is none).
const json& member(const json& object, const char* key) {
  static const json kNone;
  if (!object.is_object()) return kNone;
  const auto found = object.find(key);
  return found == object.end() ? kNone : *found;
}

// A GeoJSON ring of [x, y] positions as a GEOS ring; null when it is anything else or GEOS
// refuses it (not closed, too few points).
GEOSGeometry* geojson_ring(const Geos& geos, const json& ring) {
  if (!ring.is_array() || ring.empty()) return nullptr;
  std::vector<double> xy;
  xy.reserve(2 * ring.size());
  for (const json& position : ring) {
    if (!position.is_array() || position.size() != 2 || !position[0].is_number() ||
        !position[1].is_number())
      return nullptr;
    xy.push_back(position[0].get<double>());
    xy.push_back(position[1].get<double>());
  }
  return GEOSGeom_createLinearRing_r(
      geos.context(), GEOSCoordSeq_copyFromBuffer_r(geos.context(), xy.data(),
                                                    static_cast<unsigned>(ring.size()), 0, 0));
}

// A GeoJSON Polygon's rings (the shell, then its holes) as a GEOS Polygon; null as above.
GEOSGeometry* geojson_polygon(const Geos& geos, const json& rings) {
  if (!rings.is_array() || rings.empty()) return nullptr;
  std::vector<GEOSGeometry*> made;
  for (const json& ring : rings) {
    GEOSGeometry* each = geojson_ring(geos, ring);
    if (!each) {
      for (GEOSGeometry* done : made) GEOSGeom_destroy_r(geos.context(), done);
      return nullptr;
    }
    made.push_back(each);
  }
  return GEOSGeom_createPolygon_r(geos.context(), made.front(), made.data() + 1,
                                  static_cast<unsigned>(made.size() - 1));
}

// A GeoJSON Polygon or MultiPolygon of [x, y] positions made straight from the parsed document,
// as GEOS's GeoJSON reader makes it but without writing the coordinates out as text for it to
// parse again. Null for anything else (positions with a z, empty parts, unclosed rings…): the
// reader then reads it and says what is wrong.
Geometry geojson_polygonal(const Geos& geos, const std::string& type, const json& coordinates) {
  if (type == "Polygon") return own(geos, geojson_polygon(geos, coordinates));
  if (!coordinates.is_array() || coordinates.empty()) return own(geos, nullptr);
  std::vector<GEOSGeometry*> polygons;
  for (const json& rings : coordinates) {
    GEOSGeometry* polygon = geojson_polygon(geos, rings);
    if (!polygon) {
      for (GEOSGeometry* done : polygons) GEOSGeom_destroy_r(geos.context(), done);
      return own(geos, nullptr);
    }
    polygons.push_back(polygon);
  }
  return own(geos, GEOSGeom_createCollection_r(geos.context(), GEOS_MULTIPOLYGON, polygons.data(),
                                               static_cast<unsigned>(polygons.size())));
}

RawFeature raw_geojson_feature(const json& feature, int number, const AreaLayerOptions& options,
                               const GeoJsonReader& reader, const Geos& geos) {
  RawFeature raw;
  raw.number = number;
  if (string_member(feature, "type") != "Feature") {
    raw.problem = "not a GeoJSON Feature";
    return raw;
  }
  const json& properties = member(feature, "properties");
  raw.code = property_text(properties, options.code_property);
  raw.name_zh = property_text(properties, options.name_zh_property);
  raw.name_en = property_text(properties, options.name_en_property);
  const json& geometry = member(feature, "geometry");
  const std::string type = string_member(geometry, "type");
  if (type != "Polygon" && type != "MultiPolygon") {
    raw.problem = (type.empty() ? std::string("no geometry") : "a " + type) +
                  ": an area is a Polygon or MultiPolygon";
    return raw;
  }
  raw.geometry = geojson_polygonal(geos, type, member(geometry, "coordinates"));
  if (!raw.geometry) raw.geometry = reader.read(geometry.dump());
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
                        const AreaLayerOptions& options, ProjectionFuture projection) {
  check_options(options, source);
  const json root = parse_collection(text, source);
  const LayerCrs crs = layer_crs(options.crs, declared_crs(root, source), LayerCrs::wgs84, source);
  LayerBuilder builder(source, crs, options, std::move(projection));
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
                          ProjectionFuture projection) {
  const std::string source = shp.filename().string();
  check_options(options, source);
  auto read = read_shapefile(shp, options.dbf_encoding);
  if (auto* error = std::get_if<GeoInputError>(&read)) throw *error;
  const Shapefile& file = std::get<Shapefile>(read);
  LayerBuilder builder(source, shapefile_crs(file, options, source), options,
                       std::move(projection));
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
    return read(std::async(std::launch::async, &HkGridProjection::create));
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
  return reading([&](ProjectionFuture projection) {
    return geojson_layer(geojson, std::string(source), options, std::move(projection));
  });
}

std::variant<AreaLayer, GeoInputError> read_area_layer(const std::filesystem::path& file,
                                                       const AreaLayerOptions& options) {
  const std::string source = file.filename().string();
  const std::string extension = lower_extension(file);
  if (extension == ".shp")
    return reading([&](ProjectionFuture projection) {
      return shapefile_layer(file, options, std::move(projection));
    });
  if (extension != ".geojson" && extension != ".json")
    return GeoInputError{source, 0,
                         "not a layer this reader knows: give a .geojson, .json or .shp"};
  const std::optional<std::string> text = file_text(file);
  if (!text) return GeoInputError{source, 0, "cannot read the file (" + file.string() + ")"};
  return read_geojson_area_layer(*text, source, options);
}

}  // namespace bsap::geo
