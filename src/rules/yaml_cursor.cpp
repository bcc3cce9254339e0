#include "rules/yaml_cursor.h"

#include <charconv>

namespace bsap::rules {
namespace {

std::string shown(const YAML::Node& node) {
  return node.IsScalar() ? node.Scalar() : "a list or map";
}

std::optional<std::int64_t> plain_integer(const YAML::Node& node) {
  if (!is_plain_scalar(node)) return std::nullopt;
  const std::string& text = node.Scalar();
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

int line_of(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }

bool is_plain_scalar(const YAML::Node& node) { return node.IsScalar() && node.Tag() != "!"; }

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string item_path(const std::string& list, std::size_t index) {
  return list + "[" + std::to_string(index) + "]";
}

void YamlCursor::fail(const std::string& reason) const { throw YamlFault{line(), path_, reason}; }

bool YamlCursor::has(const std::string& key) const {
  return node_.IsMap() && static_cast<bool>(node_[key]);
}

YamlCursor YamlCursor::operator[](const std::string& key) const {
  if (!node_.IsMap()) fail("expected a mapping holding '" + key + "'");
  const YAML::Node child = node_[key];
  if (!child) throw YamlFault{line(), join_path(path_, key), "missing"};
  return YamlCursor(child, join_path(path_, key));
}

std::optional<YamlCursor> YamlCursor::find(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return (*this)[key];
}

std::vector<YamlCursor> YamlCursor::items() const {
  if (!node_.IsSequence()) fail("expected a list");
  std::vector<YamlCursor> items;
  for (std::size_t i = 0; i < node_.size(); ++i) items.emplace_back(node_[i], item_path(path_, i));
  return items;
}

std::vector<std::pair<std::string, YamlCursor>> YamlCursor::members() const {
  if (!node_.IsMap()) fail("expected a mapping");
  std::vector<std::pair<std::string, YamlCursor>> members;
  for (const auto& member : node_) {
    const std::string key = member.first.Scalar();
    members.emplace_back(key, YamlCursor(member.second, join_path(path_, key)));
  }
  return members;
}

std::string YamlCursor::text() const {
  if (!node_.IsScalar() || node_.Scalar().empty()) fail("expected a non-empty text");
  return node_.Scalar();
}

std::int64_t YamlCursor::integer() const {
  const auto value = plain_integer(node_);
  if (!value) fail("expected an integer, not '" + shown(node_) + "'");
  return *value;
}

bool YamlCursor::boolean() const {
  if (is_plain_scalar(node_) && (node_.Scalar() == "true" || node_.Scalar() == "false"))
    return node_.Scalar() == "true";
  fail("expected true or false, not '" + shown(node_) + "'");
}

Money YamlCursor::money() const {
  const auto cents = plain_integer(node_);
  if (!cents || *cents < 0)
    fail("expected an amount in whole cents >= 0, not '" + shown(node_) + "'");
  return Money::from_cents(*cents);
}

int YamlCursor::percent() const {
  const auto pct = plain_integer(node_);
  if (!pct || *pct < 0 || *pct > 100)
    fail("expected a whole percent 0–100, not '" + shown(node_) + "'");
  return static_cast<int>(*pct);
}

Duration YamlCursor::duration() const {
  const YamlCursor amount = (*this)["amount"];
  const auto count = plain_integer(amount.node());
  if (!count || *count <= 0 || *count > 1000)
    amount.fail("expected a duration amount > 0, not '" + shown(amount.node()) + "'");
  const YamlCursor unit = (*this)["unit"];
  const auto parsed = parse_duration_unit(unit.text());
  if (!parsed) unit.fail("unknown unit '" + unit.text() + "' (days, working_days, months, years)");
  return Duration{static_cast<int>(*count), *parsed};
}

CivilDate YamlCursor::date() const {
  const auto parsed = parse_iso_date(text());
  if (!parsed) fail("expected a date YYYY-MM-DD, not '" + shown(node_) + "'");
  return *parsed;
}

Bilingual YamlCursor::bilingual() const { return {(*this)["zh"].text(), (*this)["en"].text()}; }

std::vector<std::string> YamlCursor::texts() const {
  if (node_.IsScalar()) return {text()};
  std::vector<std::string> texts;
  for (const YamlCursor& item : items()) texts.push_back(item.text());
  return texts;
}

}  // namespace bsap::rules
