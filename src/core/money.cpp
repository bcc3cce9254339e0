#include "core/money.h"

#include <limits>
#include <optional>
#include <stdexcept>

namespace bsap {
namespace {

using Wide = __int128;  // holds any product of two int64 values, so comparisons never round

constexpr std::int64_t kCentsPerDollar = 100;
constexpr std::int64_t kBasisPointsPerWhole = 10'000;
// The largest magnitude a negative amount may have: INT64_MIN cents.
constexpr std::uint64_t kMaxNegativeMagnitude = std::uint64_t{1} << 63;
constexpr std::uint64_t kMaxPositiveMagnitude = kMaxNegativeMagnitude - 1;

std::int64_t checked_narrow(Wide value, const char* what) {
  if (value < std::numeric_limits<std::int64_t>::min() ||
      value > std::numeric_limits<std::int64_t>::max())
    throw std::overflow_error(what);
  return static_cast<std::int64_t>(value);
}

// Division rounding towards minus infinity, for any sign of either operand (b != 0).
Wide floor_div(Wide a, Wide b) {
  Wide quotient = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --quotient;
  return quotient;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

// A hand-written scanner over one trimmed amount. Each step either advances or records the
// first fault; positions are offsets into the caller's original text.
class MoneyScanner {
 public:
  MoneyScanner(std::string_view text, std::size_t offset) : text_(text), offset_(offset) {}

  std::variant<Money, MoneyParseError> scan() {
    const bool negative = accept('-');
    accept_currency_prefix();
    const std::size_t number_start = pos_;
    scan_integer_part();
    if (!fault_) scan_fraction();
    if (!fault_) reject_trailing();
    if (!fault_ && pos_ == number_start) fail(MoneyFault::empty);
    if (fault_) return MoneyParseError{*fault_, fault_position_};
    return to_money(negative, number_start);
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void fail(MoneyFault fault) { fail_at(fault, pos_); }
  void fail_at(MoneyFault fault, std::size_t pos) {
    if (fault_) return;
    fault_ = fault;
    fault_position_ = offset_ + pos;
  }

  void accept_currency_prefix() {
    const std::string_view rest = text_.substr(pos_);
    if (rest.size() >= 3 && (rest[0] == 'H' || rest[0] == 'h') &&
        (rest[1] == 'K' || rest[1] == 'k') && rest[2] == '$') {
      pos_ += 3;
      return;
    }
    accept('$');
  }

  std::size_t scan_digit_run() {
    const std::size_t start = pos_;
    for (; is_digit(peek()); ++pos_) append_integer_digit(text_[pos_]);
    return pos_ - start;
  }

  // Stops growing just past the largest whole-dollar count any amount can have, so the
  // accumulator cannot wrap; to_money then checks the exact limit for the sign.
  void append_integer_digit(char digit) {
    const std::uint64_t grown = whole_dollars_ * 10 + static_cast<std::uint64_t>(digit - '0');
    if (grown > kMaxNegativeMagnitude / kCentsPerDollar) return fail(MoneyFault::out_of_range);
    whole_dollars_ = grown;
  }

  // Either plain digits, or a lead group of 1–3 digits followed by ",ddd" groups.
  void scan_integer_part() {
    const std::size_t lead = scan_digit_run();
    if (peek() != ',') return;
    if (lead == 0 || lead > 3) return fail(MoneyFault::misplaced_separator);
    while (peek() == ',') {
      const std::size_t comma = pos_++;
      if (scan_digit_run() != 3) return fail_at(MoneyFault::misplaced_separator, comma);
    }
  }

  void scan_fraction() {
    if (peek() != '.') return;
    const std::size_t point = pos_++;
    std::size_t decimals = 0;
    while (is_digit(peek())) {
      if (++decimals > 2) return fail(MoneyFault::too_many_decimals);
      fraction_cents_ += static_cast<std::uint64_t>(text_[pos_++] - '0') * (decimals == 1 ? 10 : 1);
    }
    if (decimals == 0) fail_at(MoneyFault::misplaced_separator, point);
  }

  void reject_trailing() {
    if (at_end()) return;
    fail(peek() == ',' || peek() == '.' ? MoneyFault::misplaced_separator
                                        : MoneyFault::invalid_character);
  }

  std::variant<Money, MoneyParseError> to_money(bool negative, std::size_t number_start) {
    const std::uint64_t magnitude = whole_dollars_ * kCentsPerDollar + fraction_cents_;
    const std::uint64_t limit = negative ? kMaxNegativeMagnitude : kMaxPositiveMagnitude;
    if (magnitude > limit) return MoneyParseError{MoneyFault::out_of_range, offset_ + number_start};
    const Wide signed_cents = negative ? -Wide{magnitude} : Wide{magnitude};
    return Money::from_cents(static_cast<std::int64_t>(signed_cents));
  }

  std::string_view text_;
  std::size_t offset_;
  std::size_t pos_ = 0;
  std::uint64_t whole_dollars_ = 0;
  std::uint64_t fraction_cents_ = 0;
  std::optional<MoneyFault> fault_;
  std::size_t fault_position_ = 0;
};

std::uint64_t magnitude_of(Money amount) {
  const std::int64_t cents = amount.cents();
  // Negating INT64_MIN overflows, so the magnitude is taken in unsigned arithmetic.
  return cents < 0 ? ~static_cast<std::uint64_t>(cents) + 1 : static_cast<std::uint64_t>(cents);
}

// "1,234.56" for 123456 cents: the figure without sign or currency.
std::string grouped_figure(Money amount) {
  const std::uint64_t magnitude = magnitude_of(amount);
  const std::string dollars = std::to_string(magnitude / kCentsPerDollar);
  std::string out;
  for (std::size_t i = 0; i < dollars.size(); ++i) {
    if (i > 0 && (dollars.size() - i) % 3 == 0) out += ',';
    out += dollars[i];
  }
  const std::uint64_t cents = magnitude % kCentsPerDollar;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

std::string sign_of(Money amount) { return amount.cents() < 0 ? "-" : ""; }

}  // namespace

Money operator+(Money a, Money b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a.cents(), b.cents(), &sum)) throw std::overflow_error("Money +");
  return Money(sum);
}

Money operator-(Money a, Money b) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a.cents(), b.cents(), &difference))
    throw std::overflow_error("Money -");
  return Money(difference);
}

Money operator*(Money amount, std::int64_t factor) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(amount.cents(), factor, &product))
    throw std::overflow_error("Money *");
  return Money(product);
}

Money Money::operator-() const { return Money() - *this; }

std::string_view money_fault_code(MoneyFault fault) {
  switch (fault) {
    case MoneyFault::empty:
      return "empty";
    case MoneyFault::invalid_character:
      return "invalid_character";
    case MoneyFault::misplaced_separator:
      return "misplaced_separator";
    case MoneyFault::too_many_decimals:
      return "too_many_decimals";
    case MoneyFault::out_of_range:
      return "out_of_range";
  }
  return "invalid_character";
}

std::variant<Money, MoneyParseError> parse_money(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  if (begin == end) return MoneyParseError{MoneyFault::empty, 0};
  return MoneyScanner(text.substr(begin, end - begin), begin).scan();
}

std::string format_hkd(Money amount) { return sign_of(amount) + "HK$" + grouped_figure(amount); }

std::string format_hkd_words_zh(Money amount, Lang script) {
  switch (script) {
    case Lang::zh_hant:
      return sign_of(amount) + "港幣" + grouped_figure(amount) + "元";
    case Lang::zh_hans:
      return sign_of(amount) + "港币" + grouped_figure(amount) + "元";
    case Lang::en:
      break;
  }
  return format_hkd(amount);
}

std::string format_money(Money amount, Lang /*every language prints HK$*/) {
  return format_hkd(amount);
}

Money share_of(Money total, std::int64_t basis_points) {
  const Wide share = floor_div(Wide{total.cents()} * basis_points, kBasisPointsPerWhole);
  return Money::from_cents(checked_narrow(share, "share_of"));
}

std::int64_t ratio_bp(Money part, Money whole) {
  if (whole.cents() == 0) throw std::invalid_argument("ratio_bp: whole is zero");
  return checked_narrow(floor_div(Wide{part.cents()} * kBasisPointsPerWhole, whole.cents()),
                        "ratio_bp");
}

bool at_most_percent(Money part, Money whole, std::int64_t percent) {
  return Wide{part.cents()} * 100 <= Wide{whole.cents()} * percent;
}

FloorDivision divide_floor(Money total, std::int64_t parts) {
  if (parts <= 0) throw std::invalid_argument("divide_floor: parts must be positive");
  const Wide per_part = floor_div(total.cents(), parts);
  const Wide remainder = Wide{total.cents()} - per_part * parts;
  return {Money::from_cents(static_cast<std::int64_t>(per_part)),
          Money::from_cents(static_cast<std::int64_t>(remainder))};
}

}  // namespace bsap
