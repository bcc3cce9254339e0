// The files under static/ (CSS, images, browser assets), read into memory at start. A request
// can only name a file found then, so no path — "..", encoded or not — reaches the disk.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace bsap::web {

struct StaticFile {
  std::shared_ptr<const std::string> body;  // shared with the responses that send it
  std::string content_type;
  std::string etag;  // quoted, from the content's SHA-256
};

class StaticFiles {
 public:
  // Reads every regular file under dir (following no symbolic link out of it).
  static StaticFiles load(const std::filesystem::path& dir);
  // relative is the path under /static/, e.g. "css/bsap.css"; nullptr when not found.
  const StaticFile* find(std::string_view relative) const;

 private:
  std::map<std::string, StaticFile, std::less<>> files_;
};

// True when the If-None-Match header names etag (or is "*"), so a 304 may answer.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace bsap::web
