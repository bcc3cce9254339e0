// Counting rules of the panel summary:
// - only members in `member_ids` count (assigned and not conflicted): a score or recommendation
//   of anyone else, or for a criterion not applicable, or off the scale, is left out;
// - a member who scored a criterion twice counts once, with the later score (the store keeps one
//   per member and criterion; this keeps the summary right whatever it is handed);
// - the majority is of the members who gave a recommendation, not of those assigned: a member
//   who has not yet recommended neither supports nor opposes.
#include "ccfs/score_summary.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

namespace bsap::ccfs {
namespace {

struct RecommendationInfo {
  Recommendation recommendation;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
};

constexpr std::array<RecommendationInfo, 3> kRecommendations{{
    {Recommendation::support, "support", "支持", "Support"},
    {Recommendation::support_in_part, "support_in_part", "支持部分項目", "Support in part"},
    {Recommendation::not_support, "not_support", "不支持", "Do not support"},
}};

const RecommendationInfo& info(Recommendation recommendation) {
  return *std::find_if(
      kRecommendations.begin(), kRecommendations.end(),
      [&](const RecommendationInfo& known) { return known.recommendation == recommendation; });
}

// (member, criterion key) → score, for the members and criteria that count.
using ScoreTable = std::map<std::pair<std::int64_t, std::string>, int>;

ScoreTable counted_scores(const std::set<std::string>& keys, const std::set<std::int64_t>& members,
                          const std::vector<MemberScore>& scores) {
  ScoreTable table;
  for (const MemberScore& score : scores)
    if (members.contains(score.member_id) && keys.contains(score.criterion_key) &&
        valid_score(score.score))
      table[{score.member_id, score.criterion_key}] = score.score;
  return table;
}

CriterionSpread spread_of(const std::string& key, const ScoreTable& table) {
  CriterionSpread spread{key, 0, 0, 0, 0};
  for (const auto& [member_and_key, score] : table) {
    if (member_and_key.second != key) continue;
    spread.lowest = spread.count == 0 ? score : std::min(spread.lowest, score);
    spread.highest = spread.count == 0 ? score : std::max(spread.highest, score);
    spread.sum += score;
    ++spread.count;
  }
  return spread;
}

int complete_members(const std::set<std::int64_t>& members, const std::set<std::string>& keys,
                     const ScoreTable& table) {
  return static_cast<int>(std::count_if(members.begin(), members.end(), [&](std::int64_t member) {
    return std::all_of(keys.begin(), keys.end(), [&](const std::string& key) {
      return table.contains({member, key});
    });
  }));
}

void count_recommendations(const std::set<std::int64_t>& members,
                           const std::vector<MemberRecommendation>& recommendations,
                           PanelSummary& summary) {
  std::map<std::int64_t, Recommendation> latest;
  for (const MemberRecommendation& given : recommendations)
    if (members.contains(given.member_id)) latest[given.member_id] = given.recommendation;
  for (const auto& [member, recommendation] : latest) {
    if (recommendation == Recommendation::support) ++summary.support;
    if (recommendation == Recommendation::support_in_part) ++summary.support_in_part;
    if (recommendation == Recommendation::not_support) ++summary.not_support;
  }
  const int recommended = static_cast<int>(latest.size());
  for (const auto& [recommendation, count] :
       {std::pair{Recommendation::support, summary.support},
        std::pair{Recommendation::support_in_part, summary.support_in_part},
        std::pair{Recommendation::not_support, summary.not_support}})
    if (count * 2 > recommended) summary.majority = recommendation;
}

}  // namespace

std::string_view recommendation_code(Recommendation recommendation) {
  return info(recommendation).code;
}

std::optional<Recommendation> parse_recommendation(std::string_view code) {
  for (const RecommendationInfo& known : kRecommendations)
    if (known.code == code) return known.recommendation;
  return std::nullopt;
}

std::string_view recommendation_name_zh(Recommendation recommendation) {
  return info(recommendation).name_zh;
}

std::string_view recommendation_name_en(Recommendation recommendation) {
  return info(recommendation).name_en;
}

std::string CriterionSpread::mean_text() const {
  if (count == 0) return "—";
  // Tenths rounded half up: floor((20 × sum + count) / (2 × count)) = round(10 × sum / count).
  const long long tenths = (20LL * sum + count) / (2LL * count);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

PanelSummary summarise_panel(const std::vector<ApplicableCriterion>& criteria,
                             const std::vector<std::int64_t>& member_ids,
                             const std::vector<MemberScore>& scores,
                             const std::vector<MemberRecommendation>& recommendations) {
  std::set<std::string> keys;
  for (const ApplicableCriterion& criterion : criteria) keys.insert(criterion.key());
  const std::set<std::int64_t> members(member_ids.begin(), member_ids.end());
  const ScoreTable table = counted_scores(keys, members, scores);
  PanelSummary summary;
  for (const ApplicableCriterion& criterion : criteria)
    summary.criteria.push_back(spread_of(criterion.key(), table));
  summary.members_assigned = static_cast<int>(members.size());
  summary.members_complete = complete_members(members, keys, table);
  count_recommendations(members, recommendations, summary);
  return summary;
}

bool valid_score(int score) { return score >= kLowestScore && score <= kHighestScore; }

}  // namespace bsap::ccfs
