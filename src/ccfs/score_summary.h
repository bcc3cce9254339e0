// What an assessment panel's page shows (§4.1.1, §4.1.2): each member's scores per criterion,
// the spread of each criterion's scores, and the members' recommendations. The seed gives no
// marks, weights or pass mark (assessment.yaml); bsap records each criterion on a 1–5 scale
// (docs/decisions/0007) and leaves the recommendation to the members' judgement. Pure.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccfs/assessment_criteria.h"

namespace bsap::ccfs {

inline constexpr int kLowestScore = 1;   // poor
inline constexpr int kHighestScore = 5;  // excellent

enum class Recommendation { support, support_in_part, not_support };
std::string_view recommendation_code(Recommendation recommendation);  // "support", …
std::optional<Recommendation> parse_recommendation(std::string_view code);
std::string_view recommendation_name_zh(Recommendation recommendation);
std::string_view recommendation_name_en(Recommendation recommendation);

struct MemberScore {
  std::int64_t member_id = 0;
  std::string criterion_key;  // ApplicableCriterion::key(): "ma_criteria.b"
  int score = 0;              // kLowestScore … kHighestScore
  std::string comment;
};

struct MemberRecommendation {
  std::int64_t member_id = 0;
  Recommendation recommendation = Recommendation::support;
  std::string note;
};

struct CriterionSpread {
  std::string criterion_key;
  int count = 0;  // members who scored it
  int lowest = 0;
  int highest = 0;
  int sum = 0;
  // The mean to one decimal, rounded half up, in integer arithmetic: "3.5"; "—" when unscored.
  std::string mean_text() const;
  int spread() const { return count == 0 ? 0 : highest - lowest; }
};

struct PanelSummary {
  std::vector<CriterionSpread> criteria;  // in the order of the applicable criteria
  int members_assigned = 0;               // assigned and not conflicted
  int members_complete = 0;               // who scored every criterion
  int support = 0;
  int support_in_part = 0;
  int not_support = 0;
  // The recommendation more than half of the members who recommended gave; nullopt without one.
  std::optional<Recommendation> majority;
  bool complete() const { return members_assigned > 0 && members_complete == members_assigned; }
};

// Scores for criteria not in `criteria` are ignored (a criterion set changed after scoring).
PanelSummary summarise_panel(const std::vector<ApplicableCriterion>& criteria,
                             const std::vector<std::int64_t>& member_ids,
                             const std::vector<MemberScore>& scores,
                             const std::vector<MemberRecommendation>& recommendations);

// Whether a score is on the scale; the refusal text cites the scale's decision record.
bool valid_score(int score);

}  // namespace bsap::ccfs
