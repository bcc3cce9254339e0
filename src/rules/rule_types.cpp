#include "rules/rule_types.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace bsap::rules {
namespace {

constexpr std::array<std::pair<DurationUnit, std::string_view>, 4> kUnitNames{{
    {DurationUnit::days, "days"},
    {DurationUnit::working_days, "working_days"},
    {DurationUnit::months, "months"},
    {DurationUnit::years, "years"},
}};

}  // namespace

std::string_view duration_unit_name(DurationUnit unit) {
  for (const auto& [known, name] : kUnitNames)
    if (known == unit) return name;
  return "";
}

std::optional<DurationUnit> parse_duration_unit(std::string_view name) {
  for (const auto& [unit, known] : kUnitNames)
    if (known == name) return unit;
  return std::nullopt;
}

CivilDate add_duration(CivilDate from, Duration duration, const HolidayCalendar* holidays) {
  switch (duration.unit) {
    case DurationUnit::days:
      return from.plus_days(duration.amount);
    case DurationUnit::working_days:
      if (!holidays) throw std::invalid_argument("a working-day limit needs a holiday calendar");
      return holidays->add_working_days(from, duration.amount);
    case DurationUnit::months:
      return from.plus_months(duration.amount);
    case DurationUnit::years:
      return from.plus_months(12 * duration.amount);
  }
  return from;
}

bool PercentCap::admits(Money part, Money base) const {
  if (inclusive) return at_most_percent(part, base, max_pct);
  // Strictly below (§3.5.8 「低於」): the floored ratio in basis points is below a whole
  // number of basis points exactly when the exact ratio is.
  if (base <= Money{}) return false;
  return ratio_bp(part, base) < std::int64_t{max_pct} * 100;
}

bool PercentFloor::met_by(Money part, Money base) const {
  if (base <= Money{}) return part >= Money{};
  // floor(ratio) >= n exactly when ratio >= n, n being a whole number of basis points.
  return ratio_bp(part, base) >= std::int64_t{min_pct} * 100;
}

}  // namespace bsap::rules
