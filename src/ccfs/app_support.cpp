#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view glue) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : std::string(glue)) + item;
  return text;
}

// "1 month", "3 months".
std::string counted(int amount, std::string_view unit) {
  return std::to_string(amount) + " " + std::string(unit) + (amount == 1 ? "" : "s");
}

}  // namespace

bool is_ma_project_type(const rules::ProjectType& type) { return type.application_form == "ma"; }

bool is_ma_project_type(const rules::Ruleset& ruleset, std::string_view type_key) {
  const rules::ProjectType* type = ruleset.project_type(type_key);
  return type && is_ma_project_type(*type);
}

bool is_heritage_building(const rules::ProjectType& type) {
  return type.key == "heritage_building";
}

int months_of(rules::Duration duration) {
  return duration.unit == rules::DurationUnit::years ? 12 * duration.amount : duration.amount;
}

std::string item_field(std::string_view list, std::size_t index, std::string_view member) {
  std::string field = std::string(list) + "[" + std::to_string(index) + "]";
  if (!member.empty()) field += "." + std::string(member);
  return field;
}

std::string joined_zh(const std::vector<std::string>& items) { return joined(items, "、"); }
std::string joined_en(const std::vector<std::string>& items) { return joined(items, ", "); }

std::string months_zh(int months) { return std::to_string(months) + "個月"; }
std::string months_en(int months) { return counted(months, "month"); }

std::string duration_zh(rules::Duration duration) {
  switch (duration.unit) {
    case rules::DurationUnit::days:
      return std::to_string(duration.amount) + "個曆日";
    case rules::DurationUnit::working_days:
      return std::to_string(duration.amount) + "個工作天";
    case rules::DurationUnit::months:
      return months_zh(duration.amount);
    case rules::DurationUnit::years:
      return std::to_string(duration.amount) + "年";
  }
  return std::to_string(duration.amount);
}

std::string duration_en(rules::Duration duration) {
  switch (duration.unit) {
    case rules::DurationUnit::days:
      return counted(duration.amount, "day");
    case rules::DurationUnit::working_days:
      return counted(duration.amount, "working day");
    case rules::DurationUnit::months:
      return months_en(duration.amount);
    case rules::DurationUnit::years:
      return counted(duration.amount, "year");
  }
  return std::to_string(duration.amount);
}

}  // namespace bsap::ccfs
