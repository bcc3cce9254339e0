// The message catalogue: every user-facing text by key, in 繁體中文 and English, and 简体中文
// derived from the Traditional text with OpenCC (hk2s) wherever no hand translation exists.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/lang.h"

namespace bsap {

// Hong Kong Traditional → Simplified, with OpenCC's hk2s configuration. Thread-safe.
class SimplifiedConverter {
 public:
  explicit SimplifiedConverter(const std::string& opencc_config = "hk2s.json");
  ~SimplifiedConverter();
  SimplifiedConverter(const SimplifiedConverter&) = delete;
  SimplifiedConverter& operator=(const SimplifiedConverter&) = delete;
  std::string convert(std::string_view traditional) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct CatalogueEntry {
  std::string zh_hant;
  std::string en;
  std::string zh_hans;  // hand translation, or derived from zh_hant
};

class MessageCatalogue {
 public:
  // Parses YAML text of the form `key: {zh: ..., en: ..., zh-hans: ...}` (zh-hans optional).
  // Throws std::invalid_argument naming the key and what is missing.
  static MessageCatalogue from_yaml(std::string_view yaml_text, const SimplifiedConverter& converter);

  bool has(std::string_view key) const;
  // The text in lang; an unknown key returns the key itself in brackets, so a gap shows on the
  // page instead of crashing it, and a test over the templates finds it.
  std::string get(std::string_view key, Lang lang) const;
  const std::map<std::string, CatalogueEntry, std::less<>>& entries() const { return entries_; }

 private:
  std::map<std::string, CatalogueEntry, std::less<>> entries_;
};

}  // namespace bsap
