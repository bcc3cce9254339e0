// The reductions of §5.5.4 and §5.5.5, exact in cents. The grounds' texts are those of
// implementation.yaml#grant_adjustment (pro_rata_reduction.grounds a–g, performance_reduction).
#include "project/grant_reductions.h"

#include <algorithm>
#include <array>

namespace bsap::project {
namespace {

using enum ReductionGround;

struct GroundInfo {
  ReductionGround ground;
  std::string_view code;
  std::string_view clause;
  std::string_view zh;
  std::string_view en;
};

constexpr auto kGrounds = std::to_array<GroundInfo>({
    {scope_change, "scope_change", "§5.5.4(a)", "項目的範圍及／或活動有所改變",
     "Scope and/or activities changed"},
    {area, "area", "§5.5.4(b)", "受保育的地點的實際面積較原定目標為小",
     "Conserved area smaller than the original target"},
    {activities, "activities", "§5.5.4(c)", "舉辦活動(如實地視察)的實際次數較原定目標為少",
     "Fewer activities than targeted"},
    {participants, "participants", "§5.5.4(d)", "獲邀參與人數較原先建議的為少",
     "Fewer participants than proposed"},
    {printed_items, "printed_items", "§5.5.4(e)", "印刷品(如單張)的數量較原定目標為少",
     "Fewer printed items than targeted"},
    {opening_hours, "opening_hours", "§5.5.4(f)",
     "讓市民參觀涉及文物建築保育的建築物的時間較原定目標為少",
     "Less public opening time of the heritage building than targeted"},
    {duration, "duration", "§5.5.4(g)", "項目的推行時間較原定目標為短",
     "Shorter implementation than targeted"},
    {performance, "performance", "§5.5.5", "項目成效欠佳或無法達到項目目標",
     "Poor performance or project targets not met"},
});

const GroundInfo& info(ReductionGround ground) {
  return *std::find_if(kGrounds.begin(), kGrounds.end(),
                       [&](const GroundInfo& known) { return known.ground == ground; });
}

constexpr std::int64_t kWholeBp = 10000;

ReductionRefusal refusal(std::string zh, std::string en) {
  return {"§5.5.4", std::move(zh), std::move(en)};
}

}  // namespace

std::string_view reduction_ground_code(ReductionGround ground) { return info(ground).code; }

std::optional<ReductionGround> reduction_ground_from_code(std::string_view code) {
  for (const GroundInfo& known : kGrounds)
    if (known.code == code) return known.ground;
  return std::nullopt;
}

std::string reduction_ground_clause(ReductionGround ground) {
  return std::string(info(ground).clause);
}

// Simplified Chinese gets the Traditional text: reductions are shown to the secretariat and the
// grantee only, on pages in Traditional Chinese and English (ARCHITECTURE.md principle 7).
std::string reduction_ground_text(ReductionGround ground, Lang lang) {
  return std::string(lang == Lang::en ? info(ground).en : info(ground).zh);
}

std::optional<ReductionRefusal> check_pro_rata(const ProRataInput& input) {
  if (input.target <= 0)
    return refusal("原定目標為" + std::to_string(input.target) +
                       "：按比例減少資助額(第5.5.4節)須以大於零的原定目標計算。"
                       "請填寫申請表格及／或資助協議所述的原定目標；"
                       "沒有可量度目標的改變(如範圍改變)請直接填寫減少的款額。",
                   "The original target is " + std::to_string(input.target) +
                       ": a pro rata reduction (§5.5.4) needs a target above zero. Enter the "
                       "target in the application or agreement; for a change without a measure "
                       "(such as a change of scope) enter the reduction as an amount.");
  if (input.actual < 0)
    return refusal("實際數字為" + std::to_string(input.actual) +
                       "：實際數字不能為負數(第5.5.4節)。請填寫實際達到的數字。",
                   "The actual figure is " + std::to_string(input.actual) +
                       ": it cannot be negative (§5.5.4). Enter the figure actually achieved.");
  if (input.base < Money{})
    return refusal("計算基礎為" + format_hkd(input.base) +
                       "：按比例減少的計算基礎須為所涉部分的資助額，不能為負數(第5.5.4節)。",
                   "The base is " + format_hkd(input.base) +
                       ": the base of a pro rata reduction is the part of the grant concerned "
                       "and cannot be negative (§5.5.4).");
  return std::nullopt;
}

// Zero for an input check_pro_rata refuses: nothing is reduced on a figure that is not valid.
Money pro_rata_reduction(const ProRataInput& input) {
  if (check_pro_rata(input) || input.actual >= input.target) return Money{};
  // base ≤ 2^63 cents and shortfall ≤ target < 2^63: the product fits in 128 bits, and the
  // quotient, at most base, fits back in 64. All operands are non-negative, so / floors.
  const __int128 shortfall = input.target - input.actual;
  const __int128 reduced = __int128{input.base.cents()} * shortfall / input.target;
  return Money::from_cents(static_cast<std::int64_t>(reduced));
}

Money performance_reduction(Money base, int achieved_bp) {
  if (achieved_bp >= kWholeBp || base <= Money{}) return Money{};
  const std::int64_t missed_bp = kWholeBp - std::max(achieved_bp, 0);
  return share_of(base, missed_bp);
}

}  // namespace bsap::project
