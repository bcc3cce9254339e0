// shapelib reads the records; this file gives it file hooks that keep a rebuilt .shx in memory,
// converts the .dbf's text with iconv, and assembles rings into polygons.
#include "geo/shapefile_reader.h"

#include <iconv.h>
#include <shapefil.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace bsap::geo {
namespace {

// ---- file hooks: real files, except a .shx, which lives in memory

// shapelib's hooks carry no user data, so the in-memory .shx and the last error are the calling
// thread's: concurrent reads on several threads do not meet.
struct MemoryFile {
  std::string bytes;
  std::size_t position = 0;
};
thread_local MemoryFile* t_memory_shx = nullptr;
thread_local std::string t_shapelib_error;

struct Handle {
  std::FILE* file = nullptr;
  MemoryFile* memory = nullptr;
};

Handle* handle(SAFile file) { return reinterpret_cast<Handle*>(file); }

bool is_index(const char* filename) {
  const std::string_view name(filename);
  if (name.size() < 4) return false;
  std::string extension(name.substr(name.size() - 4));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".shx";
}

SAFile open_file(const char* filename, const char* access) {
  if (t_memory_shx && is_index(filename)) {
    if (std::strchr(access, 'w')) t_memory_shx->bytes.clear();
    t_memory_shx->position = 0;
    return reinterpret_cast<SAFile>(new Handle{nullptr, t_memory_shx});
  }
  std::FILE* file = std::fopen(filename, access);
  return file ? reinterpret_cast<SAFile>(new Handle{file, nullptr}) : nullptr;
}

SAOffset read_file(void* into, SAOffset size, SAOffset count, SAFile file) {
  Handle* h = handle(file);
  if (h->file) return std::fread(into, size, count, h->file);
  if (size == 0) return 0;
  MemoryFile& memory = *h->memory;
  const std::size_t available =
      memory.bytes.size() - std::min(memory.position, memory.bytes.size());
  const std::size_t items = std::min<std::size_t>(count, available / size);
  std::memcpy(into, memory.bytes.data() + memory.position, items * size);
  memory.position += items * size;
  return items;
}

SAOffset write_file(void* from, SAOffset size, SAOffset count, SAFile file) {
  Handle* h = handle(file);
  if (h->file) return std::fwrite(from, size, count, h->file);
  MemoryFile& memory = *h->memory;
  const std::size_t length = size * count;
  if (memory.bytes.size() < memory.position + length) memory.bytes.resize(memory.position + length);
  std::memcpy(memory.bytes.data() + memory.position, from, length);
  memory.position += length;
  return count;
}

SAOffset seek_file(SAFile file, SAOffset offset, int whence) {
  Handle* h = handle(file);
  if (h->file) return std::fseek(h->file, static_cast<long>(offset), whence);
  MemoryFile& memory = *h->memory;
  const std::size_t base = whence == SEEK_CUR   ? memory.position
                           : whence == SEEK_END ? memory.bytes.size()
                                                : 0;
  memory.position = base + offset;
  return 0;
}

SAOffset tell_file(SAFile file) {
  Handle* h = handle(file);
  return h->file ? static_cast<SAOffset>(std::ftell(h->file)) : h->memory->position;
}

int flush_file(SAFile file) {
  Handle* h = handle(file);
  return h->file ? std::fflush(h->file) : 0;
}

int close_file(SAFile file) {
  Handle* h = handle(file);
  const int status = h->file ? std::fclose(h->file) : 0;
  delete h;
  return status;
}

int remove_file(const char* filename) {
  return t_memory_shx && is_index(filename) ? 0 : std::remove(filename);
}

void keep_error(const char* message) { t_shapelib_error = message ? message : ""; }

double to_double(const char* text) { return std::strtod(text, nullptr); }

SAHooks memory_index_hooks() {
  SAHooks hooks;
  SASetupDefaultHooks(&hooks);
  hooks.FOpen = open_file;
  hooks.FRead = read_file;
  hooks.FWrite = write_file;
  hooks.FSeek = seek_file;
  hooks.FTell = tell_file;
  hooks.FFlush = flush_file;
  hooks.FClose = close_file;
  hooks.Remove = remove_file;
  hooks.Error = keep_error;
  hooks.Atof = to_double;
  return hooks;
}

// While alive, this thread's .shx reads and writes go to `file`.
class MemoryIndexScope {
 public:
  explicit MemoryIndexScope(MemoryFile& file) { t_memory_shx = &file; }
  ~MemoryIndexScope() { t_memory_shx = nullptr; }
  MemoryIndexScope(const MemoryIndexScope&) = delete;
  MemoryIndexScope& operator=(const MemoryIndexScope&) = delete;
};

struct ShpCloser {
  void operator()(SHPInfo* shp) const { SHPClose(shp); }
};
struct DbfCloser {
  void operator()(DBFInfo* dbf) const { DBFClose(dbf); }
};
struct ObjectDestroyer {
  void operator()(SHPObject* object) const { SHPDestroyObject(object); }
};
using ShpFile = std::unique_ptr<SHPInfo, ShpCloser>;
using DbfFile = std::unique_ptr<DBFInfo, DbfCloser>;
using ShapeObject = std::unique_ptr<SHPObject, ObjectDestroyer>;

// ---- the files

[[noreturn]] void refuse(const std::filesystem::path& shp, int record, std::string reason) {
  throw GeoInputError{shp.filename().string(), record, std::move(reason)};
}

std::optional<std::filesystem::path> sibling(const std::filesystem::path& shp, const char* lower,
                                             const char* upper) {
  for (const char* extension : {lower, upper}) {
    std::filesystem::path path = shp;
    path.replace_extension(extension);
    if (std::filesystem::exists(path)) return path;
  }
  return std::nullopt;
}

std::optional<std::string> text_of(const std::optional<std::filesystem::path>& path) {
  if (!path) return std::nullopt;
  std::ifstream in(*path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trimmed(std::string text) {
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && blank(static_cast<unsigned char>(text.back()))) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && blank(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

ShpFile open_shp(const std::filesystem::path& shp, SAHooks& hooks, MemoryFile& index,
                 bool& rebuilt) {
  rebuilt = !sibling(shp, ".shx", ".SHX");
  if (!rebuilt) return ShpFile(SHPOpenLL(shp.c_str(), "rb", &hooks));
  const MemoryIndexScope scope(index);
  if (!SHPRestoreSHX(shp.c_str(), "rb", &hooks)) return nullptr;
  return ShpFile(SHPOpenLL(shp.c_str(), "rb", &hooks));
}

// ---- text

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (int k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    i += length;
  }
  return true;
}

// A .cpg names its encoding as iconv does ("UTF-8", "BIG5") or by Windows code page ("65001",
// "950"), which iconv knows as "CP950".
std::string iconv_name(const std::string& cpg) {
  const std::string name = trimmed(cpg);
  if (name == "65001") return "UTF-8";
  const bool digits = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  });
  return digits ? "CP" + name : name;
}

// Text in `encoding` as UTF-8; nothing when it is not valid in that encoding.
class TextDecoder {
 public:
  explicit TextDecoder(const std::string& encoding)
      : utf8_(encoding.empty() || encoding == "UTF-8" || encoding == "UTF8" || encoding == "utf-8"),
        converter_(utf8_ ? iconv_t(-1) : iconv_open("UTF-8", encoding.c_str())) {}
  ~TextDecoder() {
    if (converter_ != iconv_t(-1)) iconv_close(converter_);
  }
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  bool usable() const { return utf8_ || converter_ != iconv_t(-1); }

  std::optional<std::string> decode(const std::string& text) const {
    if (utf8_) return valid_utf8(text) ? std::optional(text) : std::nullopt;
    iconv(converter_, nullptr, nullptr, nullptr, nullptr);
    std::string out(text.size() * 4 + 4, '\0');
    char* in = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    char* to = out.data();
    std::size_t out_left = out.size();
    constexpr auto failed = static_cast<std::size_t>(-1);
    if (iconv(converter_, &in, &in_left, &to, &out_left) == failed) return std::nullopt;
    // BIG5-HKSCS holds a character back to see whether the next one combines with it.
    if (iconv(converter_, nullptr, nullptr, &to, &out_left) == failed) return std::nullopt;
    out.resize(out.size() - out_left);
    return out;
  }

 private:
  bool utf8_;
  iconv_t converter_;
};

std::map<std::string, std::string> attributes_of(DBFHandle dbf, int record,
                                                 const TextDecoder& decoder,
                                                 const std::string& encoding,
                                                 const std::filesystem::path& shp) {
  std::map<std::string, std::string> attributes;
  for (int field = 0; field < DBFGetFieldCount(dbf); ++field) {
    char name[XBASE_FLDNAME_LEN_READ + 1] = {};
    DBFGetFieldInfo(dbf, field, name, nullptr, nullptr);
    if (DBFIsAttributeNULL(dbf, record, field)) continue;
    const char* raw = DBFReadStringAttribute(dbf, record, field);
    auto text = decoder.decode(raw ? raw : "");
    if (!text)
      refuse(shp, record + 1,
             std::string("field ") + name + " is not " +
                 (encoding.empty() ? "UTF-8 and there is no .cpg naming the .dbf's encoding"
                                   : "valid " + encoding) +
                 ": say the encoding (for Hong Kong government files often BIG5-HKSCS)");
    attributes[name] = trimmed(*text);
  }
  return attributes;
}

// ---- geometry

double signed_area(const ShapeRing& ring) {
  double twice = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
  return twice / 2;
}

// Even-odd ring test; a point on the ring may go either way, which only decides which shell a
// touching hole joins.
bool ring_contains(const ShapeRing& ring, ShapePoint point) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const ShapePoint& a = ring[i];
    const ShapePoint& b = ring[j];
    if ((a.y > point.y) != (b.y > point.y) &&
        point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

std::vector<ShapeRing> rings_of(const SHPObject& object) {
  std::vector<ShapeRing> rings;
  for (int part = 0; part < object.nParts; ++part) {
    const int begin = object.panPartStart[part];
    const int end = part + 1 < object.nParts ? object.panPartStart[part + 1] : object.nVertices;
    ShapeRing ring;
    for (int v = begin; v < end; ++v) ring.push_back({object.padfX[v], object.padfY[v]});
    if (!ring.empty() && (ring.front().x != ring.back().x || ring.front().y != ring.back().y))
      ring.push_back(ring.front());  // some writers leave rings open
    if (ring.size() >= 4) rings.push_back(std::move(ring));
  }
  return rings;
}

bool is_polygon_type(int type) {
  return type == SHPT_POLYGON || type == SHPT_POLYGONZ || type == SHPT_POLYGONM;
}

Shapefile read(const std::filesystem::path& shp, std::string_view dbf_encoding) {
  SAHooks hooks = memory_index_hooks();
  MemoryFile index;
  Shapefile result;
  ShpFile shapes = open_shp(shp, hooks, index, result.index_rebuilt);
  if (!shapes) refuse(shp, 0, "cannot read the shapefile: " + t_shapelib_error);
  const auto dbf_path = sibling(shp, ".dbf", ".DBF");
  if (!dbf_path) refuse(shp, 0, "no .dbf beside it: the areas' codes and names are there");
  DbfFile dbf(DBFOpenLL(dbf_path->c_str(), "rb", &hooks));
  if (!dbf) refuse(shp, 0, "cannot read its .dbf: " + t_shapelib_error);
  result.prj = text_of(sibling(shp, ".prj", ".PRJ"));

  int count = 0, type = 0;
  SHPGetInfo(shapes.get(), &count, &type, nullptr, nullptr);
  if (!is_polygon_type(type))
    refuse(shp, 0, std::string("holds ") + SHPTypeName(type) + " shapes: areas must be polygons");
  if (DBFGetRecordCount(dbf.get()) != count)
    refuse(shp, 0,
           "its .shp has " + std::to_string(count) + " shapes but its .dbf " +
               std::to_string(DBFGetRecordCount(dbf.get())) + " records");

  std::string encoding(dbf_encoding);
  if (encoding.empty()) encoding = iconv_name(text_of(sibling(shp, ".cpg", ".CPG")).value_or(""));
  const TextDecoder decoder(encoding);
  if (!decoder.usable()) refuse(shp, 0, "unknown text encoding \"" + encoding + "\"");

  for (int i = 0; i < count; ++i) {
    ShapeRecord record;
    record.number = i + 1;
    record.attributes = attributes_of(dbf.get(), i, decoder, encoding, shp);
    const ShapeObject object(SHPReadObject(shapes.get(), i));
    if (object && is_polygon_type(object->nSHPType))
      record.polygons = assemble_polygons(rings_of(*object));
    result.records.push_back(std::move(record));
  }
  return result;
}

}  // namespace

std::vector<ShapePolygon> assemble_polygons(std::vector<ShapeRing> rings) {
  std::vector<ShapePolygon> polygons;
  std::vector<ShapeRing> holes;
  for (ShapeRing& ring : rings) {
    if (signed_area(ring) < 0)
      polygons.push_back({std::move(ring), {}});
    else
      holes.push_back(std::move(ring));
  }
  if (polygons.empty()) {  // every ring turns the same way: the writer ignored the convention
    for (ShapeRing& ring : holes) polygons.push_back({std::move(ring), {}});
    return polygons;
  }
  for (ShapeRing& hole : holes) {
    ShapePolygon* owner = nullptr;
    double owner_area = 0;
    for (ShapePolygon& polygon : polygons) {
      const double area = -signed_area(polygon.shell);
      if (ring_contains(polygon.shell, hole.front()) && (!owner || area < owner_area)) {
        owner = &polygon;
        owner_area = area;
      }
    }
    if (owner)
      owner->holes.push_back(std::move(hole));
    else
      polygons.push_back({std::move(hole), {}});
  }
  return polygons;
}

std::variant<Shapefile, GeoInputError> read_shapefile(const std::filesystem::path& shp,
                                                      std::string_view dbf_encoding) {
  try {
    if (!std::filesystem::exists(shp)) return GeoInputError{shp.string(), 0, "no such file"};
    return read(shp, dbf_encoding);
  } catch (const GeoInputError& error) {
    return error;
  }
}

}  // namespace bsap::geo
