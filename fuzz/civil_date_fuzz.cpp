// parse_iso_date: the "YYYY-MM-DD" days of forms, application JSON and data files. An accepted
// date formats back to the same text (the parse is strict: exactly ten characters, a real day).
#include <cstdint>
#include <cstdlib>

#include "core/civil_date.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = bsap::fuzz::as_text(data, size);
  const auto date = bsap::parse_iso_date(text);
  if (!date) return 0;
  if (bsap::format_iso(*date) != text) std::abort();
  const auto same = bsap::CivilDate::from_ymd(date->year(), date->month(), date->day());
  if (!same || *same != *date) std::abort();
  if (bsap::CivilDate::from_days_since_epoch(date->days_since_epoch()) != *date) std::abort();
  (void)date->weekday();
  return 0;
}
