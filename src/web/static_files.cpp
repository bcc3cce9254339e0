#include "web/static_files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.h"

namespace bsap::web {
namespace {

// A strong validator: the first 128 bits of the content's SHA-256, quoted. Appended piece by piece:
// GCC 12 at -O2 warns falsely (-Wrestrict) of "\"" + std::string.
std::string etag_of(const std::string& body) {
  std::string etag(1, '"');
  etag.append(sha256_hex(body), 0, 32);
  etag += '"';
  return etag;
}

std::string content_type_for(const std::filesystem::path& path) {
  static const std::map<std::string, std::string, std::less<>> kTypes{
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto it = kTypes.find(path.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read static file " + path.string());
  std::ostringstream body;
  body << in.rdbuf();
  return body.str();
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Browser libraries installed by npm (package.json "dependencies") and served from the bsap home's
// node_modules rather than copied into static/: the name under /static/ and the file's path
// beside static/. Fixed names only, so a request still names nothing but what was read at start.
struct VendorFile {
  std::string_view name;
  std::string_view path;
};
constexpr VendorFile kVendorFiles[] = {
    {"vendor/echarts.min.js", "node_modules/echarts/dist/echarts.min.js"},
    {"vendor/leaflet.js", "node_modules/leaflet/dist/leaflet.js"},
    {"vendor/leaflet.css", "node_modules/leaflet/dist/leaflet.css"},
};

}  // namespace

StaticFiles StaticFiles::load(const std::filesystem::path& dir) {
  StaticFiles files;
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error("static folder not found: " + dir.string());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    std::string body = read_file(entry.path());
    std::string etag = etag_of(body);
    files.files_.emplace(entry.path().lexically_relative(dir).generic_string(),
                         StaticFile{std::make_shared<const std::string>(std::move(body)),
                                    content_type_for(entry.path()), etag});
  }
  // A vendor file that is not installed is left out: the charts' tables carry their figures
  // without it (`npm install` installs it).
  for (const VendorFile& vendor : kVendorFiles) {
    std::filesystem::path path = dir.parent_path() / vendor.path;
    if (!std::filesystem::is_regular_file(path)) continue;
    std::string body = read_file(path);
    std::string etag = etag_of(body);
    files.files_.insert_or_assign(std::string(vendor.name),
                                  StaticFile{std::make_shared<const std::string>(std::move(body)),
                                             content_type_for(path), etag});
  }
  return files;
}

const StaticFile* StaticFiles::find(std::string_view relative) const {
  auto it = files_.find(relative);
  return it == files_.end() ? nullptr : &it->second;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string_view candidate = trim(if_none_match.substr(0, comma));
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);  // weak comparison, RFC 9110
    if (candidate == "*" || candidate == etag) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace bsap::web
