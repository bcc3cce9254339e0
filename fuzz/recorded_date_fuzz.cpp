// When an occurrence was recorded, from the eventDate, year, month and day cells of a Darwin Core
// record (interpret_recorded_date). The input is the four cells cut at "\n---\n".
#include <cstdint>
#include <cstdlib>

#include "biodata/recorded_date.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto cells = bsap::fuzz::split_pieces(bsap::fuzz::as_text(data, size), 4);
  const bsap::biodata::DateTerms terms{cells[0], cells[1], cells[2], cells[3]};
  const bsap::biodata::CalendarDate today{2026, 3, 1};
  const auto interpreted = bsap::biodata::interpret_recorded_date(terms, today);
  if (!interpreted.date) return 0;
  const bsap::biodata::CalendarDate& date = *interpreted.date;
  // A month is 1–12 or unknown; a day is known only with its month and exists in it.
  if (date.month < 0 || date.month > 12 || date.day < 0 || date.day > 31) std::abort();
  if (date.day > 0 && date.month == 0) std::abort();
  (void)date.iso();
  return 0;
}
