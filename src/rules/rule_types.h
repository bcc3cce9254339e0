// The small value types every typed rule of a CCFS ruleset is made of: where it comes from (its
// clause), money caps, percentage limits and time limits. Pure: no file reading here.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.h"
#include "core/money.h"
#include "core/working_days.h"

namespace bsap::rules {

// Traditional Chinese as in the seed and our working English (the official English version is
// not in the seed; §1.1.3 says it would prevail).
struct Bilingual {
  std::string zh;
  std::string en;
  friend bool operator==(const Bilingual&, const Bilingual&) = default;
};

// Every typed rule keeps the clause it comes from (ARCHITECTURE.md principle 1), so a finding
// made with it can cite the clause in both languages.
struct RuleSource {
  std::string key_path;  // where it sits in the data: "limits.yaml#contribution_ratio"
  std::string clause;    // "§3.11.4", "附錄2 第13項", several joined by ", "
  Bilingual description;
};

// data/ccfs/README.md "Units": days are calendar days; working days skip weekends and Hong
// Kong general holidays.
enum class DurationUnit { days, working_days, months, years };

struct Duration {
  int amount = 0;  // > 0, checked by the loader
  DurationUnit unit = DurationUnit::days;
  friend bool operator==(const Duration&, const Duration&) = default;
};

// The date `duration` after `from`: calendar days and months on the civil calendar (a month
// clamps to the end of a shorter month), working days on `holidays`. Throws std::invalid_argument
// for working days without a calendar, std::out_of_range when the calendar lacks the year.
CivilDate add_duration(CivilDate from, Duration duration, const HolidayCalendar* holidays);

// A ceiling in money: met when the amount is at most `max` (the guidelines' 「上限」).
struct MoneyCap {
  RuleSource source;
  Money max;
  bool admits(Money amount) const { return amount <= max; }
};

// A cap as a share of a base (「不超逾…%」 inclusive, 「低於…%」 strict), compared exactly in
// cents.
struct PercentCap {
  RuleSource source;
  int max_pct = 0;
  bool inclusive = true;
  bool admits(Money part, Money base) const;
};

// A floor as a share of a base (「達到…%」), compared exactly in cents.
struct PercentFloor {
  RuleSource source;
  int min_pct = 0;
  bool met_by(Money part, Money base) const;
};

// A deadline counted from an event (`from`), or a notice counted before one: the guidelines give
// a maximum ("within 14 days") or a minimum ("at least six months before").
struct TimeLimit {
  RuleSource source;
  Duration duration;
  std::string anchor;  // the README's event names: request_date, project_completion, …
  // The last day on which something due within the limit is still on time.
  CivilDate last_day(CivilDate from, const HolidayCalendar* holidays = nullptr) const {
    return add_duration(from, duration, holidays);
  }
  bool met(CivilDate from, CivilDate done, const HolidayCalendar* holidays = nullptr) const {
    return done <= last_day(from, holidays);
  }
};

std::string_view duration_unit_name(DurationUnit unit);
std::optional<DurationUnit> parse_duration_unit(std::string_view name);

}  // namespace bsap::rules
