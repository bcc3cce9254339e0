#include "core/csv.h"

#include <algorithm>
#include <cctype>

namespace bsap {
namespace {

// "-12", "+3.5", "0.10": a plain decimal number, which spreadsheets read as a number, not a
// formula.
bool is_number(std::string_view value) {
  if (!value.empty() && (value.front() == '-' || value.front() == '+')) value.remove_prefix(1);
  if (value.empty() || value.front() == '.' || value.back() == '.') return false;
  if (std::ranges::count(value, '.') > 1) return false;
  return std::ranges::all_of(value, [](unsigned char c) { return std::isdigit(c) || c == '.'; });
}

bool starts_like_formula(std::string_view value) {
  return !value.empty() &&
         std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos &&
         !is_number(value);
}

}  // namespace

std::string csv_field(std::string_view value) {
  const std::string text =
      starts_like_formula(value) ? "'" + std::string(value) : std::string(value);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string record;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) record += ',';
    record += csv_field(fields[i]);
  }
  return record + "\r\n";
}

}  // namespace bsap
