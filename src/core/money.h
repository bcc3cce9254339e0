// Money: exact integer cents of Hong Kong dollars (ARCHITECTURE.md principle 3: no floating point
// anywhere near money).
//
// Contract, the same for every function here:
// - user input enters only through parse_money, which returns its fault as a value;
// - arithmetic that would leave int64 cents throws std::overflow_error, and a zero or negative
//   divisor throws std::invalid_argument. Both are bugs in the caller (a sum beyond
//   HK$92 quadrillion is not a budget), so they are not dressed up as values.
#pragma once
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/lang.h"

namespace bsap {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }
  constexpr std::int64_t cents() const { return cents_; }

  friend constexpr auto operator<=>(Money, Money) = default;

  friend Money operator+(Money a, Money b);
  friend Money operator-(Money a, Money b);
  friend Money operator*(Money amount, std::int64_t factor);
  friend Money operator*(std::int64_t factor, Money amount) { return amount * factor; }
  Money operator-() const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
  std::int64_t cents_ = 0;
};

// Why parse_money refused its input. The code names are stable: the web module turns them into
// catalogue keys (`money.fault.<code>`) so the reason is shown in the reader's language.
enum class MoneyFault {
  empty,                // nothing but spaces
  invalid_character,    // a letter, a second sign, a stray symbol
  misplaced_separator,  // "1,23.00", "12,", "1.2.3", "12."
  too_many_decimals,    // "1.234": HKD has cents and no smaller unit
  out_of_range,         // beyond int64 cents
};
std::string_view money_fault_code(MoneyFault fault);

struct MoneyParseError {
  MoneyFault fault;
  std::size_t position;  // byte offset in the input where the fault was found
};

// Accepts what people type into a form: "1234", "1234.5", "1,234.56", "HK$1,234.56", "$1,234.5",
// "-12.30", "-HK$12.30" (the output of format_hkd), with spaces around. Thousands separators are
// all or nothing: "1234,567.00" and "1,23.00" are refused.
std::variant<Money, MoneyParseError> parse_money(std::string_view text);

// Figures as Hong Kong government tables print them, in every language: "HK$1,234.56",
// "-HK$1,234.56".
std::string format_hkd(Money amount);
// Chinese prose as Hong Kong government pages write it: "港幣1,234.56元" (zh_hant) or
// "港币1,234.56元" (zh_hans); a negative amount keeps the minus sign in front. For Lang::en it
// is format_hkd.
std::string format_hkd_words_zh(Money amount, Lang script);
// The figure for a page in `lang`: format_hkd, since the HK$ figure is what the government's
// pages in all three languages print in tables and forms.
std::string format_money(Money amount, Lang lang);

// A share given in basis points (25 % = 2500 bp), floored to the cent: the CCFS guidelines cap
// items at whole percentages of a budget and never round a cap up.
Money share_of(Money total, std::int64_t basis_points);
// part / whole in basis points, floored. Throws std::invalid_argument when whole is zero.
std::int64_t ratio_bp(Money part, Money whole);
// part <= whole × percent / 100, compared exactly (part × 100 <= whole × percent), so a limit of
// 20 % admits exactly 20.00 % and refuses one cent more.
bool at_most_percent(Money part, Money whole, std::int64_t percent);

struct FloorDivision {
  Money per_part;   // total / parts floored to the cent
  Money remainder;  // total - per_part × parts, always in [0, parts) cents
};
// Guidelines §5.5.1: each instalment is rounded down to the cent; the schedule says where the
// leftover cents go. Throws std::invalid_argument when parts <= 0.
FloorDivision divide_floor(Money total, std::int64_t parts);

}  // namespace bsap
