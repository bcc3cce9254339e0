#include "hub/observation_grade.h"

#include <algorithm>
#include <array>

namespace bsap::hub {
namespace {

constexpr std::array<std::pair<ReviewState, std::string_view>, 4> kStates{{
    {ReviewState::submitted, "submitted"},
    {ReviewState::needs_id, "needs_id"},
    {ReviewState::verified, "verified"},
    {ReviewState::rejected, "rejected"},
}};

}  // namespace

std::string_view review_state_code(ReviewState state) {
  return std::ranges::find(kStates, state, &std::pair<ReviewState, std::string_view>::first)
      ->second;
}

std::optional<ReviewState> parse_review_state(std::string_view code) {
  auto found = std::ranges::find(kStates, code, &std::pair<ReviewState, std::string_view>::second);
  if (found == kStates.end()) return std::nullopt;
  return found->first;
}

std::string_view quality_grade_code(QualityGrade grade) {
  switch (grade) {
    case QualityGrade::casual:
      return "casual";
    case QualityGrade::needs_id:
      return "needs_id";
    case QualityGrade::research:
      return "research";
  }
  return "casual";
}

std::optional<QualityGrade> quality_grade(ReviewState state, bool has_photograph) {
  if (!is_published(state)) return std::nullopt;
  if (!has_photograph) return QualityGrade::casual;
  return state == ReviewState::verified ? QualityGrade::research : QualityGrade::needs_id;
}

std::optional<std::int64_t> community_taxon(
    std::span<const std::optional<std::int64_t>> identified) {
  if (identified.size() < 2) return std::nullopt;
  for (const auto& candidate : identified) {
    if (!candidate) continue;
    auto agreeing = std::ranges::count(identified, candidate);
    // More than two thirds, in whole numbers: 3 * agreeing > 2 * all.
    if (3 * static_cast<std::size_t>(agreeing) > 2 * identified.size()) return candidate;
  }
  return std::nullopt;
}

}  // namespace bsap::hub
