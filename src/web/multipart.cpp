#include "web/multipart.h"

#include <algorithm>
#include <cctype>

namespace bsap::web {
namespace {

constexpr std::size_t kMaxParts = 200;
constexpr std::size_t kMaxHeaderBlock = 8 * 1024;
constexpr std::size_t kMaxBoundary = 70;  // RFC 2046 §5.1.1

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of `name=` among "; "-separated parameters, unquoted; nullopt when absent.
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
  std::size_t at = 0;
  while ((at = header.find(';', at)) != std::string_view::npos) {
    std::string_view rest = trim(header.substr(++at));
    const std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos || lower(trim(rest.substr(0, eq))) != name) continue;
    std::string_view value = trim(rest.substr(eq + 1));
    if (value.starts_with('"')) {
      const std::size_t close = value.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(value.substr(1, close - 1));
    }
    return std::string(value.substr(0, value.find(';')));
  }
  return std::nullopt;
}

// "C:\\Users\\me\\photo.jpg" → "photo.jpg": old browsers send the whole path.
std::string base_name(std::string_view filename) {
  const std::size_t slash = filename.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? filename : filename.substr(slash + 1));
}

struct PartHeaders {
  std::optional<std::string> name;
  std::optional<std::string> filename;
  std::string content_type;
};

std::optional<PartHeaders> read_headers(std::string_view block) {
  PartHeaders headers;
  bool form_data = false;
  while (!block.empty()) {
    const std::size_t end = block.find("\r\n");
    const std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view{} : block.substr(end + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string key = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "content-disposition") {
      form_data = lower(value.substr(0, value.find(';'))) == "form-data";
      headers.name = parameter(value, "name");
      headers.filename = parameter(value, "filename");
    } else if (key == "content-type") {
      headers.content_type = std::string(value);
    }
  }
  if (!form_data || !headers.name || headers.name->empty()) return std::nullopt;
  return headers;
}

bool add_part(std::string_view part, MultipartBody& body) {
  const std::size_t split = part.find("\r\n\r\n");
  if (split == std::string_view::npos || split > kMaxHeaderBlock) return false;
  const auto headers = read_headers(part.substr(0, split));
  if (!headers) return false;
  std::string content(part.substr(split + 4));
  if (!headers->filename) {
    body.fields.add(*headers->name, std::move(content));
    return true;
  }
  body.files.push_back(
      {*headers->name, base_name(*headers->filename), headers->content_type, std::move(content)});
  return true;
}

}  // namespace

const UploadedFile* MultipartBody::file(std::string_view field) const {
  for (const UploadedFile& file : files)
    if (file.field == field && !(file.filename.empty() && file.bytes.empty())) return &file;
  return nullptr;
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  if (lower(trim(content_type.substr(0, content_type.find(';')))) != "multipart/form-data")
    return std::nullopt;
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > kMaxBoundary) return std::nullopt;
  return boundary;
}

std::optional<MultipartBody> parse_multipart(std::string_view boundary, std::string_view body) {
  const std::string delimiter = "--" + std::string(boundary);
  if (!body.starts_with(delimiter)) return std::nullopt;
  MultipartBody parsed;
  std::size_t at = delimiter.size();
  for (std::size_t parts = 0;; ++parts) {
    if (body.substr(at).starts_with("--")) return parsed;  // the closing delimiter
    if (parts == kMaxParts || !body.substr(at).starts_with("\r\n")) return std::nullopt;
    at += 2;
    const std::size_t next = body.find("\r\n" + delimiter, at);
    if (next == std::string_view::npos) return std::nullopt;
    if (!add_part(body.substr(at, next - at), parsed)) return std::nullopt;
    at = next + 2 + delimiter.size();
  }
}

}  // namespace bsap::web
