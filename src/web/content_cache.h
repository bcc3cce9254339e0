// Rendered page content kept between requests, each entry valid for one version of the data
// (the audit log's head: store::audit_head_seq). A public page that is costly to build and the
// same for every visitor (the dashboard) renders once per change instead of once per request;
// the layout around it (visitor, language switch) is still rendered per request.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace bsap::web {

class ContentCache {
 public:
  // The content kept under key when it was built at this version; nullopt otherwise.
  std::optional<std::string> find(const std::string& key, std::int64_t version) const;
  // Keeps content under key for this version. The keys are few (a language and a year), so
  // nothing is evicted but an older version of the same key.
  void put(const std::string& key, std::int64_t version, std::string content);

 private:
  struct Entry {
    std::int64_t version = 0;
    std::string content;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace bsap::web
