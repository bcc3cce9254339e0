#include "web/content_cache.h"

namespace bsap::web {

std::optional<std::string> ContentCache::find(const std::string& key, std::int64_t version) const {
  const std::lock_guard lock(mutex_);
  const auto entry = entries_.find(key);
  if (entry == entries_.end() || entry->second.version != version) return std::nullopt;
  return entry->second.content;
}

void ContentCache::put(const std::string& key, std::int64_t version, std::string content) {
  const std::lock_guard lock(mutex_);
  Entry& entry = entries_[key];
  // A slower request built from older data must not replace a newer entry.
  if (entry.version > version && !entry.content.empty()) return;
  entry = {version, std::move(content)};
}

}  // namespace bsap::web
