#include "core/messages.h"

#include <opencc/opencc.h>
#include <yaml-cpp/yaml.h>

#include <mutex>
#include <set>
#include <stdexcept>

namespace bsap {

struct SimplifiedConverter::Impl {
  explicit Impl(const std::string& config) : converter(config) {}
  opencc::SimpleConverter converter;
  // OpenCC does not document its converters as safe to share between threads, so calls from
  // the web server's threads take turns.
  std::mutex mutex;
};

SimplifiedConverter::SimplifiedConverter(const std::string& opencc_config)
    : impl_(std::make_unique<Impl>(opencc_config)) {}

SimplifiedConverter::~SimplifiedConverter() = default;

std::string SimplifiedConverter::convert(std::string_view traditional) const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->converter.Convert(traditional.data(), traditional.size());
}

namespace {

const std::set<std::string> kEntryFields = {"zh", "en", "zh-hans"};

[[noreturn]] void refuse(const std::string& key, const YAML::Node& node, const std::string& what) {
  const std::string line =
      node.Mark().is_null() ? "" : " (line " + std::to_string(node.Mark().line + 1) + ")";
  throw std::invalid_argument("message '" + key + "'" + line + ": " + what);
}

std::string text_field(const std::string& key, const YAML::Node& entry, const std::string& field) {
  const YAML::Node value = entry[field];
  if (!value) return "";
  if (!value.IsScalar()) refuse(key, value, "'" + field + "' is not text");
  return value.Scalar();
}

void require_known_fields(const std::string& key, const YAML::Node& entry) {
  for (const auto& field : entry) {
    const auto name = field.first.as<std::string>();
    if (!kEntryFields.contains(name)) refuse(key, field.first, "unknown field '" + name + "'");
  }
}

CatalogueEntry parse_entry(const std::string& key, const YAML::Node& entry,
                           const SimplifiedConverter& converter) {
  if (!entry.IsMap()) refuse(key, entry, "expected {zh: ..., en: ...}");
  require_known_fields(key, entry);
  CatalogueEntry parsed{text_field(key, entry, "zh"), text_field(key, entry, "en"),
                        text_field(key, entry, "zh-hans")};
  // Every message exists in both official languages (ARCHITECTURE.md principle 7).
  if (parsed.zh_hant.empty()) refuse(key, entry, "missing 'zh'");
  if (parsed.en.empty()) refuse(key, entry, "missing 'en'");
  if (parsed.zh_hans.empty()) parsed.zh_hans = converter.convert(parsed.zh_hant);
  return parsed;
}

YAML::Node load_root(std::string_view yaml_text) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    if (root.IsNull()) return YAML::Node(YAML::NodeType::Map);
    if (!root.IsMap()) throw std::invalid_argument("message catalogue: expected a mapping of keys");
    return root;
  } catch (const YAML::Exception& error) {
    throw std::invalid_argument("message catalogue: " + std::string(error.what()));
  }
}

}  // namespace

MessageCatalogue MessageCatalogue::from_yaml(std::string_view yaml_text,
                                             const SimplifiedConverter& converter) {
  MessageCatalogue catalogue;
  for (const auto& item : load_root(yaml_text)) {
    const auto key = item.first.as<std::string>();
    CatalogueEntry entry = parse_entry(key, item.second, converter);
    if (!catalogue.entries_.emplace(key, std::move(entry)).second)
      refuse(key, item.first, "defined twice");
  }
  return catalogue;
}

bool MessageCatalogue::has(std::string_view key) const { return entries_.contains(key); }

std::string MessageCatalogue::get(std::string_view key, Lang lang) const {
  const auto found = entries_.find(key);
  if (found == entries_.end()) return "[" + std::string(key) + "]";
  switch (lang) {
    case Lang::zh_hant:
      return found->second.zh_hant;
    case Lang::en:
      return found->second.en;
    case Lang::zh_hans:
      return found->second.zh_hans;
  }
  return found->second.zh_hant;
}

}  // namespace bsap
