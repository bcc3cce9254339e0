// The panels' results on the member's page (§4.1.1, §4.1.2): for each panel the member's body
// sees — its own, and those before it, the assessment panel's going to the approval panel and
// both panels' to the committee — each criterion's count, lowest, highest, mean and spread, the
// members who have scored everything, the recommendations and the majority; and, within the
// member's own panel only, each member's scores and comments.
#include "ccfs/score_summary.h"
#include "web/assessment_view.h"
#include "web/review_view.h"

namespace bsap::web {
namespace {

// The panels whose results the member's body sees: its own, and those before it.
std::vector<std::string_view> panels_seen(std::string_view body) {
  if (body == "assessment_panel") return {"assessment_panel"};
  return {"assessment_panel", "approval_panel"};
}

std::vector<const store::Assignment*> body_members(const ReviewCase& review,
                                                   std::string_view body) {
  std::vector<const store::Assignment*> members;
  for (const store::Assignment& assignment : review.assignments)
    if (assignment.body == body && assignment.declaration != "conflict")
      members.push_back(&assignment);
  return members;
}

ccfs::PanelSummary summarise(const ReviewCase& review, std::string_view body) {
  std::vector<std::int64_t> member_ids;
  std::vector<ccfs::MemberRecommendation> recommendations;
  for (const store::Assignment* member : body_members(review, body)) {
    member_ids.push_back(member->user_id);
    if (auto recommendation = ccfs::parse_recommendation(member->recommendation))
      recommendations.push_back({member->user_id, *recommendation, member->recommendation_note});
  }
  std::vector<ccfs::MemberScore> scores;
  for (const store::StoredScore& score : review.scores_of(body))
    scores.push_back({score.user_id, score.criterion_key, score.score, score.comment});
  return ccfs::summarise_panel(review.criteria, member_ids, scores, recommendations);
}

PageData spread_rows(const ReviewCase& review, const ccfs::PanelSummary& summary) {
  PageData rows{PageData::type::list};
  for (std::size_t i = 0; i < summary.criteria.size() && i < review.criteria.size(); ++i) {
    const ccfs::CriterionSpread& spread = summary.criteria[i];
    const bool scored = spread.count > 0;
    PageData row;
    row.set("criterion", criterion_label(review.criteria[i]));
    row.set("count", std::to_string(spread.count));
    row.set("lowest", scored ? std::to_string(spread.lowest) : "—");
    row.set("highest", scored ? std::to_string(spread.highest) : "—");
    row.set("mean", spread.mean_text());
    row.set("spread", scored ? std::to_string(spread.spread()) : "—");
    rows.push_back(row);
  }
  return rows;
}

PageData recommendation_counts(const RequestContext& ctx, const ccfs::PanelSummary& summary) {
  PageData rows{PageData::type::list};
  for (const auto& [recommendation, count] :
       {std::pair{ccfs::Recommendation::support, summary.support},
        std::pair{ccfs::Recommendation::support_in_part, summary.support_in_part},
        std::pair{ccfs::Recommendation::not_support, summary.not_support}}) {
    PageData row;
    row.set("name", recommendation_text(ctx, recommendation));
    row.set("count", std::to_string(count));
    rows.push_back(row);
  }
  return rows;
}

PageData member_recommendations(const RequestContext& ctx, const ReviewCase& review,
                                std::string_view body) {
  PageData rows{PageData::type::list};
  for (const store::Assignment* member : body_members(review, body)) {
    const auto recommendation = ccfs::parse_recommendation(member->recommendation);
    PageData row;
    row.set("member", member->member_name);
    row.set("recommendation", recommendation ? recommendation_text(ctx, *recommendation)
                                             : ctx.text("review_not_yet"));
    row.set("note", member->recommendation_note);
    rows.push_back(row);
  }
  return rows;
}

std::string member_name(const ReviewCase& review, std::int64_t user_id) {
  for (const store::Assignment& assignment : review.assignments)
    if (assignment.user_id == user_id) return assignment.member_name;
  return std::to_string(user_id);
}

std::string criterion_label_of(const ReviewCase& review, const std::string& key) {
  for (const ccfs::ApplicableCriterion& criterion : review.criteria)
    if (criterion.key() == key) return criterion_label(criterion);
  return key;
}

PageData member_score_rows(const ReviewCase& review, std::string_view body) {
  PageData rows{PageData::type::list};
  for (const store::StoredScore& score : review.scores_of(body)) {
    PageData row;
    row.set("member", member_name(review, score.user_id));
    row.set("criterion", criterion_label_of(review, score.criterion_key));
    row.set("score", std::to_string(score.score));
    row.set("comment", score.comment);
    rows.push_back(row);
  }
  return rows;
}

PageData panel_result(const RequestContext& ctx, const ReviewCase& review, std::string_view body) {
  const ccfs::PanelSummary summary = summarise(review, body);
  const std::string name = body_name(ctx, body);
  PageData result;
  result.set("id", std::string(body));
  result.set("heading", fill(ctx.text("review_summary_heading"), "body", name));
  result.set("caption", fill(ctx.text("review_summary_caption"), "body", name));
  result.set("criteria", spread_rows(review, summary));
  result.set("complete_text", fill(fill(ctx.text("review_members_complete"), "complete",
                                        std::to_string(summary.members_complete)),
                                   "assigned", std::to_string(summary.members_assigned)));
  result.set("recommendation_counts", recommendation_counts(ctx, summary));
  result.set("majority", summary.majority ? fill(ctx.text("review_majority"), "recommendation",
                                                 recommendation_text(ctx, *summary.majority))
                                          : ctx.text("review_no_majority"));
  result.set("recommendations_caption",
             fill(ctx.text("review_recommendations_caption"), "body", name));
  result.set("recommendations", member_recommendations(ctx, review, body));
  // Each member's scores and comments stay within the body; the others see the summary.
  if (body == review.member.assignment.body) {
    PageData scores = member_score_rows(review, body);
    result.set("has_member_scores", !scores.is_empty_list());
    result.set("member_scores_caption",
               fill(ctx.text("review_member_scores_caption"), "body", name));
    result.set("member_scores", std::move(scores));
  }
  return result;
}

}  // namespace

PageData panel_results(const RequestContext& ctx, const ReviewCase& review) {
  PageData results{PageData::type::list};
  for (std::string_view body : panels_seen(review.member.assignment.body))
    results.push_back(panel_result(ctx, review, body));
  return results;
}

}  // namespace bsap::web
