#include "rules/yaml_json.h"

#include <regex>

#include "rules/yaml_cursor.h"

namespace bsap::rules {
namespace {

bool reads_as_number(const std::string& text) {
  static const std::regex number(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?)");
  return std::regex_match(text, number);
}

}  // namespace

std::string json_string(const std::string& text) {
  static const char* const kHex = "0123456789abcdef";
  std::string json = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      json += '\\';
      json += c;
    } else if (c == '\n') {
      json += "\\n";
    } else if (byte < 0x20) {
      json += std::string("\\u00") + kHex[byte >> 4] + kHex[byte & 0xF];
    } else {
      json += c;
    }
  }
  return json + "\"";
}

std::string scalar_json(const YAML::Node& scalar) {
  if (scalar.IsNull()) return "null";
  const std::string& text = scalar.Scalar();
  if (!is_plain_scalar(scalar)) return json_string(text);
  if (text == "true" || text == "false") return text;
  if (text == "null" || text == "~") return "null";
  return reads_as_number(text) ? text : json_string(text);
}

std::string to_json(const YAML::Node& node) {
  if (node.IsSequence()) {
    std::string json = "[";
    for (std::size_t i = 0; i < node.size(); ++i) json += (i ? "," : "") + to_json(node[i]);
    return json + "]";
  }
  if (node.IsMap()) {
    std::string json = "{";
    for (const auto& member : node)
      json += (json.size() > 1 ? "," : "") + json_string(member.first.Scalar()) + ":" +
              to_json(member.second);
    return json + "}";
  }
  return scalar_json(node);
}

void append_leaves(const YAML::Node& node, const std::string& path, std::vector<RuleLeaf>& leaves) {
  if ((node.IsSequence() || node.IsMap()) && node.size() == 0) {
    leaves.push_back({path, node.IsMap() ? "{}" : "[]"});
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      append_leaves(node[i], item_path(path, i), leaves);
  } else if (node.IsMap()) {
    for (const auto& member : node)
      append_leaves(member.second, join_path(path, member.first.Scalar()), leaves);
  } else {
    leaves.push_back({path, scalar_json(node)});
  }
}

}  // namespace bsap::rules
