// An ESRI shapefile of polygons (.shp with its .dbf, and its .prj when there is one) read into
// plain records: rings assembled into polygons, attributes as UTF-8 text. A .shp without its .shx
// index (as files passed around often are) is read too: the index is rebuilt in memory, never
// written beside the data.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geo/geo_input_error.h"

namespace bsap::geo {

struct ShapePoint {
  double x = 0;
  double y = 0;
};
using ShapeRing = std::vector<ShapePoint>;  // closed: the last point repeats the first

struct ShapePolygon {
  ShapeRing shell;
  std::vector<ShapeRing> holes;
};

struct ShapeRecord {
  int number = 0;                                 // 1-based, in the file's order
  std::vector<ShapePolygon> polygons;             // empty for a null shape
  std::map<std::string, std::string> attributes;  // every .dbf field, trimmed
};

struct Shapefile {
  std::vector<ShapeRecord> records;
  std::optional<std::string> prj;  // the .prj's WKT
  bool index_rebuilt = false;      // there was no .shx
};

// `dbf_encoding`: the .dbf's text encoding as iconv names it ("BIG5-HKSCS"); empty for the one its
// .cpg names, else UTF-8. Text that is not in the encoding is refused, naming record and field.
std::variant<Shapefile, GeoInputError> read_shapefile(const std::filesystem::path& shp,
                                                      std::string_view dbf_encoding = "");

// Shapefile rings are shells when clockwise, holes when counter-clockwise (ESRI's specification);
// a hole belongs to the smallest shell around it. A ring left without a shell, or a record whose
// rings all turn the same way, is taken as shells: the repair step judges what that makes.
std::vector<ShapePolygon> assemble_polygons(std::vector<ShapeRing> rings);

}  // namespace bsap::geo
