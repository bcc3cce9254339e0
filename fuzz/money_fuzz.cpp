// parse_money: the amounts people type into forms and send in application JSON. Beyond "no
// crash": an accepted amount formats as HK$ text that parses back to the same cents.
#include <cstdint>
#include <cstdlib>
#include <variant>

#include "core/lang.h"
#include "core/money.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = bsap::parse_money(bsap::fuzz::as_text(data, size));
  if (const auto* error = std::get_if<bsap::MoneyParseError>(&parsed)) {
    if (error->position > size) std::abort();  // the fault's position lies in the input
    (void)bsap::money_fault_code(error->fault);
    return 0;
  }
  const bsap::Money amount = std::get<bsap::Money>(parsed);
  for (const std::string& text :
       {bsap::format_hkd(amount), bsap::format_money(amount, bsap::Lang::zh_hant)}) {
    const auto again = bsap::parse_money(text);
    if (!std::holds_alternative<bsap::Money>(again) || std::get<bsap::Money>(again) != amount)
      std::abort();  // format_hkd's output must read back unchanged
  }
  (void)bsap::format_hkd_words_zh(amount, bsap::Lang::zh_hans);
  return 0;
}
