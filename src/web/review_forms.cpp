// POST /LANG/reviews/{id}/scores: a panel member's score (1–5) and comment per criterion and
//      recommendation (§4.1.1, §4.1.2, §4.2, §4.3), through assess::save_scores.
// POST /LANG/reviews/{id}/decision: a committee member records the committee's decision: approve,
//      approve in part (amount, duration, conditions) or reject (reasons), through
//      assess::take_step.
// Both answer 303 back to the page, or the page again with the values as typed, the errors and
// 422; a step the assessment refuses is shown with its clause.
#include <charconv>
#include <chrono>

#include "assess/assessment_service.h"
#include "ccfs/score_summary.h"
#include "web/assessment_view.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/review_view.h"

namespace bsap::web {
namespace {

std::optional<int> whole_number(std::string_view text) {
  int number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return number;
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
}

ScoreForm posted_scores(RequestContext& ctx, const ReviewCase& review) {
  ScoreForm form;
  for (const ccfs::ApplicableCriterion& criterion : review.criteria) {
    const std::string key = criterion.key();
    form.scores[key] = trimmed(ctx.form().get("score." + key));
    form.comments[key] = ctx.form().get("comment." + key);
  }
  form.recommendation = ctx.form().get("recommendation");
  form.recommendation_note = ctx.form().get("recommendation_note");
  return form;
}

// The entries to save and what is wrong with the form. A criterion left without a score and
// without a comment is left as it was, so a member may score in several sittings.
std::vector<assess::ScoreEntry> score_entries(RequestContext& ctx, const ReviewCase& review,
                                              const ScoreForm& form,
                                              std::vector<FieldError>& errors) {
  std::vector<assess::ScoreEntry> entries;
  for (const ccfs::ApplicableCriterion& criterion : review.criteria) {
    const std::string key = criterion.key();
    const std::string& score = form.scores.at(key);
    const std::string& comment = form.comments.at(key);
    const std::string field = score_field_id(key);
    if (score.empty() && trimmed(comment).empty()) continue;
    const auto number = whole_number(score);
    if (!number || !ccfs::valid_score(*number)) {
      errors.push_back(
          {field, fill(ctx.text("review_error_score"), "criterion", criterion_label(criterion))});
      continue;
    }
    entries.push_back({key, *number, comment});
  }
  if (!form.recommendation.empty() && !ccfs::parse_recommendation(form.recommendation))
    errors.push_back({"recommendation", ctx.text("review_error_recommendation")});
  if (form.recommendation.empty() && !trimmed(form.recommendation_note).empty())
    errors.push_back({"recommendation", ctx.text("review_error_recommendation")});
  if (errors.empty() && entries.empty() && form.recommendation.empty())
    errors.push_back({"scores", ctx.text("review_error_nothing_to_save")});
  return entries;
}

DecisionForm posted_decision(RequestContext& ctx) {
  return {ctx.form().get("decision"), trimmed(ctx.form().get("amount")),
          trimmed(ctx.form().get("duration_months")), ctx.form().get("conditions"),
          ctx.form().get("reason")};
}

// The step the form asks for; what the assessment itself checks (an amount for an approval, a
// reason for a rejection, the amount against the request) it says with its clause.
std::optional<assess::Step> decision_step(RequestContext& ctx, const ReviewCase& review,
                                          const DecisionForm& form,
                                          std::vector<FieldError>& errors) {
  const auto event = ccfs::parse_event(form.decision);
  const bool decision = event && (*event == ccfs::AssessmentEvent::approve ||
                                  *event == ccfs::AssessmentEvent::approve_in_part ||
                                  *event == ccfs::AssessmentEvent::reject);
  if (!decision) errors.push_back({"decision", ctx.text("review_error_decision")});
  assess::Step step;
  step.application_id = review.application.id;
  step.reason = form.reason;
  step.conditions = form.conditions;
  step.today = today_in_hong_kong(std::chrono::system_clock::now());
  const bool approval = decision && *event != ccfs::AssessmentEvent::reject;
  if (approval && !form.amount.empty()) {
    auto amount = parse_money(form.amount);
    if (auto* money = std::get_if<Money>(&amount))
      step.approved_amount = *money;
    else
      errors.push_back({"amount", ctx.text("review_error_amount")});
  }
  if (approval && !form.duration_months.empty()) {
    step.duration_months = whole_number(form.duration_months);
    if (!step.duration_months || *step.duration_months <= 0)
      errors.push_back({"duration_months", ctx.text("review_error_duration")});
  }
  if (!errors.empty()) return std::nullopt;
  step.event = *event;
  return step;
}

}  // namespace

Response review_scores_submit(RequestContext& ctx) {
  auto opened = open_review_case(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const ReviewCase& review = std::get<ReviewCase>(opened);
  const ScoreForm form = posted_scores(ctx, review);
  if (!review.member_on_a_panel())
    return render_review(ctx, review, nullptr, nullptr,
                         {{"particulars", ctx.text("review_error_committee_scores")}});
  std::vector<FieldError> errors;
  const auto entries = score_entries(ctx, review, form, errors);
  if (!errors.empty()) return render_review(ctx, review, &form, nullptr, errors);
  const auto body = ccfs::parse_state(review.member.assignment.body);
  if (!body) return error_page(ctx, ErrorPage::server_error);
  try {
    store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
      assess::save_scores(tx, *review.checked.ruleset, review.application.id, ctx.user()->id, *body,
                          entries, form.recommendation, form.recommendation_note);
    });
  } catch (const assess::StepRefused& refusal) {
    return render_review(ctx, review, &form, nullptr, {{"scores", refusal_text(ctx, refusal)}});
  }
  return redirect_see_other(review_link(ctx, review.application.id) + "?done=scores#scores");
}

Response review_decision_submit(RequestContext& ctx) {
  auto opened = open_review_case(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const ReviewCase& review = std::get<ReviewCase>(opened);
  const DecisionForm form = posted_decision(ctx);
  std::vector<FieldError> errors;
  const auto step = decision_step(ctx, review, form, errors);
  if (!step) return render_review(ctx, review, nullptr, &form, errors);
  try {
    store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
      assess::take_step(tx, *review.checked.ruleset,
                        assess::Actor{ccfs::TransitionActor::committee, ctx.user()->id}, *step);
    });
  } catch (const assess::StepRefused& refusal) {
    return render_review(ctx, review, nullptr, &form, {{"decision", refusal_text(ctx, refusal)}});
  } catch (const store::StaleState&) {
    return render_review(ctx, review, nullptr, &form,
                         {{"decision", ctx.text("review_error_moved_on")}});
  }
  return redirect_see_other(review_link(ctx, review.application.id) + "?done=decision");
}

}  // namespace bsap::web
