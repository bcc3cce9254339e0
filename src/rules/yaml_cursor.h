// Typed reading of one node of a rules data file, with the dotted key path that led to it.
// A check that fails throws a YamlFault with the node's line and the path; the loader catches it
// and turns it into a RulesLoadError naming the file, so the fault never leaves the module.
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"
#include "rules/rule_types.h"

namespace bsap::rules {

struct YamlFault {
  int line = 0;  // 1-based; 0 when no node carries a position
  std::string key;
  std::string reason;
};

// 1-based line of a node, 0 when it has none.
int line_of(const YAML::Node& node);
// A plain (unquoted) scalar: quoted "5" is text, never a number or a flag.
bool is_plain_scalar(const YAML::Node& node);
std::string join_path(const std::string& parent, const std::string& key);
std::string item_path(const std::string& list, std::size_t index);  // "list[3]"

class YamlCursor {
 public:
  YamlCursor(YAML::Node node, std::string path) : node_(std::move(node)), path_(std::move(path)) {}

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  int line() const { return line_of(node_); }
  [[noreturn]] void fail(const std::string& reason) const;

  bool has(const std::string& key) const;
  YamlCursor operator[](const std::string& key) const;  // a missing key is a fault
  std::optional<YamlCursor> find(const std::string& key) const;
  std::vector<YamlCursor> items() const;  // of a list, paths "list[0]", "list[1]", …
  std::vector<std::pair<std::string, YamlCursor>> members() const;  // of a mapping, in order

  std::string text() const;  // a non-empty scalar
  std::int64_t integer() const;
  bool boolean() const;
  Money money() const;          // integer cents >= 0 (README Units: keys ending _cents)
  int percent() const;          // a whole percent 0–100 (keys ending _pct)
  Duration duration() const;    // {amount > 0, unit}
  CivilDate date() const;       // YYYY-MM-DD
  Bilingual bilingual() const;  // this mapping's own zh and en
  // A list of non-empty scalars; a single scalar counts as a list of one.
  std::vector<std::string> texts() const;

 private:
  YAML::Node node_;
  std::string path_;
};

}  // namespace bsap::rules
