#include "web/part_form.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

namespace bsap::web {
namespace {

using nlohmann::json;

constexpr int kMaxRows = 500;  // a form claiming more rows is cut here, not trusted

// "applicant.receives_government_subvention" → {"applicant", "receives_government_subvention"}.
// Under details and justifications the rest is one key: a rule key has dots of its own.
std::vector<std::string> segments(std::string_view path) {
  for (std::string_view map_root : {"details.", "justifications."})
    if (path.starts_with(map_root))
      return {std::string(map_root.substr(0, map_root.size() - 1)),
              std::string(path.substr(map_root.size()))};
  std::vector<std::string> parts;
  for (std::size_t dot; (dot = path.find('.')) != std::string_view::npos;) {
    parts.emplace_back(path.substr(0, dot));
    path.remove_prefix(dot + 1);
  }
  parts.emplace_back(path);
  return parts;
}

const json* find_at(const json& object, std::string_view path) {
  const json* at = &object;
  for (const std::string& key : segments(path)) {
    if (!at->is_object()) return nullptr;
    const auto found = at->find(key);
    if (found == at->end()) return nullptr;
    at = &*found;
  }
  return at;
}

json parse_object(std::string_view text) {
  json parsed = json::parse(text, nullptr, false);
  return parsed.is_object() ? parsed : json::object();
}

std::string shown_value(const json* value, FieldKind kind) {
  if (!value || value->is_null()) return {};
  if (value->is_string()) return value->get<std::string>();
  if (value->is_boolean()) {
    if (kind == FieldKind::checkbox) return value->get<bool>() ? "on" : "";
    return value->get<bool>() ? "yes" : "no";
  }
  if (value->is_number_integer()) return std::to_string(value->get<long long>());
  if (value->is_array()) {
    std::string lines;
    for (const json& item : *value) {
      if (!item.is_string()) continue;
      if (!lines.empty()) lines += '\n';
      lines += item.get_ref<const std::string&>();
    }
    return lines;
  }
  return value->dump();
}

std::string row_name(const GroupSpec& group, int index, const FieldSpec& column) {
  return group.path + "[" + std::to_string(index) + "]." + column.path;
}

BoundRow bind_row(const GroupSpec& group, int index, const json* row) {
  BoundRow bound{index, {}};
  for (const FieldSpec& column : group.columns)
    bound.fields.push_back({&column, row_name(group, index, column),
                            row ? shown_value(find_at(*row, column.path), column.kind) : ""});
  return bound;
}

std::string trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

int submitted_rows(const GroupSpec& group, const FormData& form) {
  const std::string count = form.get(group.path + ".rows");
  int rows = 0;
  const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), rows);
  if (error != std::errc{} || end != count.data() + count.size() || rows < 0) return 0;
  return std::min(rows, kMaxRows);
}

// The JSON for one submitted input; nullopt when the answer is blank (the key is then left out,
// which the application format reads as "not answered").
std::optional<json> submitted_value(const FieldSpec& spec, const std::string& raw,
                                    const std::string& name, std::vector<FieldProblem>& problems) {
  const std::string text = trimmed(raw);
  switch (spec.kind) {
    case FieldKind::checkbox:
      return json(!text.empty());
    case FieldKind::yes_no:
      if (text == "yes" || text == "no") return json(text == "yes");
      return std::nullopt;
    case FieldKind::lines: {
      json lines = json::array();
      std::size_t start = 0;
      for (std::size_t end; start <= raw.size(); start = end + 1) {
        end = std::min(raw.find('\n', start), raw.size());
        if (std::string line = trimmed(std::string_view(raw).substr(start, end - start));
            !line.empty())
          lines.push_back(std::move(line));
      }
      if (lines.empty()) return std::nullopt;
      return lines;
    }
    case FieldKind::integer: {
      if (text.empty()) return std::nullopt;
      long long number = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (error != std::errc{} || end != text.data() + text.size() || number < 0 ||
          number > 1'000'000'000) {
        problems.push_back({name, "app_error_whole_number"});
        return std::nullopt;
      }
      return json(number);
    }
    default:
      if (text.empty()) return std::nullopt;
      return json(spec.kind == FieldKind::textarea ? trimmed(raw) : text);
  }
}

void put_at(json& object, std::string_view path, std::optional<json> value) {
  const std::vector<std::string> keys = segments(path);
  json* at = &object;
  for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
    json& next = (*at)[keys[i]];
    if (!next.is_object()) next = json::object();
    at = &next;
  }
  if (value)
    (*at)[keys.back()] = std::move(*value);
  else
    at->erase(keys.back());
}

bool row_is_blank(const json& row) {
  for (const auto& [key, value] : row.items())
    if (!(value.is_boolean() && !value.get<bool>())) return false;
  return true;
}

json submitted_group(const GroupSpec& group, const FormData& form,
                     std::vector<FieldProblem>& problems) {
  json rows = json::array();
  for (int index = 0; index < submitted_rows(group, form); ++index) {
    json row = json::object();
    for (const FieldSpec& column : group.columns) {
      const std::string name = row_name(group, index, column);
      put_at(row, column.path, submitted_value(column, form.get(name), name, problems));
    }
    if (!row_is_blank(row)) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

bool BoundPart::answered() const {
  const auto has_value = [](const BoundField& field) { return !field.value.empty(); };
  if (std::ranges::any_of(fields, has_value)) return true;
  return std::ranges::any_of(groups, [&](const BoundGroup& group) {
    return std::ranges::any_of(group.rows, [&](const BoundRow& row) {
      return std::ranges::any_of(row.fields, has_value);
    });
  });
}

BoundPart bind_document(const PartSpec& part, std::string_view document_json, int blank_rows) {
  const json document = parse_object(document_json);
  BoundPart bound;
  for (const FieldSpec& spec : part.fields)
    bound.fields.push_back(
        {&spec, spec.path, shown_value(find_at(document, spec.path), spec.kind)});
  for (const GroupSpec& group : part.groups) {
    BoundGroup rows{&group, {}};
    const json* stored = find_at(document, group.path);
    const int count = stored && stored->is_array() ? static_cast<int>(stored->size()) : 0;
    for (int index = 0; index < count + blank_rows; ++index)
      rows.rows.push_back(bind_row(
          group, index, index < count ? &(*stored)[static_cast<std::size_t>(index)] : nullptr));
    bound.groups.push_back(std::move(rows));
  }
  return bound;
}

BoundPart bind_submission(const PartSpec& part, const FormData& form) {
  BoundPart bound;
  for (const FieldSpec& spec : part.fields)
    bound.fields.push_back({&spec, spec.path, form.get(spec.path)});
  for (const GroupSpec& group : part.groups) {
    BoundGroup rows{&group, {}};
    for (int index = 0; index < std::max(submitted_rows(group, form), 1); ++index) {
      BoundRow row{index, {}};
      for (const FieldSpec& column : group.columns) {
        const std::string name = row_name(group, index, column);
        row.fields.push_back({&column, name, form.get(name)});
      }
      rows.rows.push_back(std::move(row));
    }
    bound.groups.push_back(std::move(rows));
  }
  return bound;
}

PartUpdate apply_submission(const PartSpec& part, std::string_view document_json,
                            const FormData& form) {
  json document = parse_object(document_json);
  PartUpdate update;
  for (const FieldSpec& spec : part.fields)
    put_at(document, spec.path,
           submitted_value(spec, form.get(spec.path), spec.path, update.problems));
  for (const GroupSpec& group : part.groups)
    put_at(document, group.path, submitted_group(group, form, update.problems));
  update.document_json = document.dump(2);
  return update;
}

std::string document_value(std::string_view document_json, std::string_view path) {
  const json document = parse_object(document_json);
  return shown_value(find_at(document, path), FieldKind::text);
}

}  // namespace bsap::web
