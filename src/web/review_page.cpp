// GET /LANG/reviews/{id}: the application as a panel or committee member assesses it (§4.1.1,
//     §4.1.2): its answers read-only, the checker's findings, the criteria it is assessed on
//     (§4.2, §4.3) and, while it is before the member's body, the member's score form (a panel)
//     or the decision form (the committee). Each body sees its own members' scores and comments
//     and the summaries and recommendations of the panels before it: the assessment panel's go
//     to the approval panel, and both panels' to the committee (§4.1.2). Beside the application,
//     the species and threatened species the hub holds for its sites (issue 9 §7), and the
//     sponsorships declared through the funding matching, counted or refused under §3.11.3.
#include <array>

#include "ccfs/score_summary.h"
#include "web/application_answers.h"
#include "web/assessment_view.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/part_view.h"
#include "web/review_view.h"
#include "web/rules_view.h"
#include "web/site_species_view.h"
#include "web/sponsorship_view.h"

namespace bsap::web {
namespace {

constexpr std::array<std::string_view, 2> kPanels = {"assessment_panel", "approval_panel"};
constexpr std::array<ccfs::Recommendation, 3> kRecommendations = {
    ccfs::Recommendation::support, ccfs::Recommendation::support_in_part,
    ccfs::Recommendation::not_support};
constexpr std::array<ccfs::AssessmentEvent, 3> kDecisions = {ccfs::AssessmentEvent::approve,
                                                             ccfs::AssessmentEvent::approve_in_part,
                                                             ccfs::AssessmentEvent::reject};

std::string html_id(std::string_view prefix, std::string_view key) {
  std::string id(prefix);
  for (char c : key) id += c == '.' ? '-' : c;
  return id;
}

// ---- the forms

ScoreForm stored_scores(const ReviewCase& review) {
  ScoreForm form;
  const store::Assignment& own = review.member.assignment;
  for (const store::StoredScore& score : review.scores_of(own.body)) {
    if (score.user_id != own.user_id) continue;
    form.scores[score.criterion_key] = std::to_string(score.score);
    form.comments[score.criterion_key] = score.comment;
  }
  form.recommendation = own.recommendation;
  form.recommendation_note = own.recommendation_note;
  return form;
}

std::string value_at(const std::map<std::string, std::string>& values, const std::string& key) {
  const auto found = values.find(key);
  return found == values.end() ? "" : found->second;
}

// One radio button of a group: its value, its element id, its label, whether it is chosen.
PageData radio_option(const std::string& value, const std::string& id, const std::string& label,
                      bool checked) {
  PageData option;
  option.set("value", value);
  option.set("id", id);
  option.set("label", label);
  option.set("checked", checked);
  return option;
}

PageData score_options(const RequestContext& ctx, const std::string& key,
                       const std::string& chosen) {
  PageData options{PageData::type::list};
  for (int score = ccfs::kLowestScore; score <= ccfs::kHighestScore; ++score) {
    const std::string value = std::to_string(score);
    options.push_back(radio_option(value, score_field_id(key) + "-" + value,
                                   ctx.text("review_score_" + value), chosen == value));
  }
  return options;
}

std::string error_for(const std::vector<FieldError>& errors, const std::string& field) {
  for (const FieldError& error : errors)
    if (error.field == field) return error.message;
  return "";
}

void add_score_form(const RequestContext& ctx, PageData& data, const ReviewCase& review,
                    const ScoreForm& form, const std::vector<FieldError>& errors) {
  PageData criteria{PageData::type::list};
  for (const ccfs::ApplicableCriterion& criterion : review.criteria) {
    const std::string key = criterion.key();
    PageData item;
    item.set("id", score_field_id(key));
    if (std::string error = error_for(errors, score_field_id(key)); !error.empty())
      item.set("error", std::move(error));
    item.set("name", "score." + key);
    item.set("legend", criterion_label(criterion));
    item.set("text", ctx.data_text(criterion.description.zh, criterion.description.en));
    item.set("options", score_options(ctx, key, value_at(form.scores, key)));
    item.set("comment_id", html_id("comment-", key));
    item.set("comment_name", "comment." + key);
    item.set("comment_label",
             fill(ctx.text("review_comment_label"), "criterion", criterion_label(criterion)));
    item.set("comment", value_at(form.comments, key));
    criteria.push_back(item);
  }
  data.set("score_criteria", criteria);
  PageData recommendations{PageData::type::list};
  for (ccfs::Recommendation recommendation : kRecommendations) {
    const std::string code(ccfs::recommendation_code(recommendation));
    recommendations.push_back(radio_option(code, "recommendation-" + code,
                                           recommendation_text(ctx, recommendation),
                                           form.recommendation == code));
  }
  data.set("recommendation_options", recommendations);
  data.set("recommendation_note", form.recommendation_note);
}

void add_decision_form(const RequestContext& ctx, PageData& data, const DecisionForm& form) {
  PageData options{PageData::type::list};
  for (ccfs::AssessmentEvent event : kDecisions) {
    const std::string code(ccfs::event_code(event));
    options.push_back(
        radio_option(code, "decision-" + code, event_text(ctx, event), form.decision == code));
  }
  data.set("decision_options", options);
  data.set("decision_amount", form.amount);
  data.set("decision_duration", form.duration_months);
  data.set("decision_conditions", form.conditions);
  data.set("decision_reason", form.reason);
}

void add_recorded_decision(const RequestContext& ctx, PageData& data,
                           const store::Decision& decision) {
  PageData recorded;
  recorded.set("outcome", state_text(ctx, decision.outcome));
  if (decision.approved_amount)
    recorded.set("amount", format_money(*decision.approved_amount, ctx.lang()));
  if (decision.duration_months)
    recorded.set("duration", fill(ctx.text("review_months"), "months",
                                  std::to_string(*decision.duration_months)));
  recorded.set("conditions", decision.conditions);
  recorded.set("reason", decision.reason);
  recorded.set("decided_on", format_iso(decision.decided_on));
  data.set("recorded_decision", recorded);
}

// ---- the page

void add_particulars(const RequestContext& ctx, PageData& data, const ReviewCase& review) {
  const store::AssessmentRow& row = review.member.assessment;
  data.set("reference", row.reference);
  data.set("organisation", organisation_name(ctx, row));
  data.set("type", project_type_name(ctx, row.project_type));
  data.set("state", state_text(ctx, row.state));
  data.set("body", body_name(ctx, review.member.assignment.body));
  data.set("submitted_on", row.submitted_on);
}

PageData criteria_rows(const RequestContext& ctx, const ReviewCase& review) {
  PageData rows{PageData::type::list};
  for (const ccfs::ApplicableCriterion& criterion : review.criteria) {
    PageData row;
    row.set("clause", criterion.clause);
    row.set("id", "(" + criterion.id + ")");
    row.set("text", ctx.data_text(criterion.description.zh, criterion.description.en));
    rows.push_back(row);
  }
  return rows;
}

void add_answers(RequestContext& ctx, PageData& data, const ReviewCase& review) {
  // A finding links to the part it concerns, on this page: the part pages are the applicant's.
  add_findings(ctx, data, review.checked.result.findings, [&](const ccfs::Finding& finding) {
    const PartSpec* part = part_of_field(review.parts, finding.field);
    return part ? "#part-" + part->key : std::string{};
  });
  add_site_species(ctx, data, review.checked);
  data.set("parts", application_answers(
                        ctx, review.parts, review.application.document_json,
                        [](const PartSpec& part, PageData& item) { item.set("key", part.key); }));
}

}  // namespace

std::string recommendation_text(const RequestContext& ctx, ccfs::Recommendation recommendation) {
  return ctx.data_text(ccfs::recommendation_name_zh(recommendation),
                       ccfs::recommendation_name_en(recommendation));
}

std::string criterion_label(const ccfs::ApplicableCriterion& criterion) {
  return criterion.clause + " (" + criterion.id + ")";
}

std::string score_field_id(std::string_view criterion_key) {
  return html_id("score-", criterion_key);
}

std::string organisation_name(const RequestContext& ctx, const store::AssessmentRow& row) {
  const std::string& zh =
      row.organisation_name_zh.empty() ? row.organisation_name_en : row.organisation_name_zh;
  const std::string& en =
      row.organisation_name_en.empty() ? row.organisation_name_zh : row.organisation_name_en;
  return ctx.data_text(zh, en);
}

std::string body_name(const RequestContext& ctx, std::string_view body) {
  const std::string key = "review_body_" + std::string(body);
  return ctx.web().messages.has(key) ? ctx.text(key) : std::string(body);
}

std::string project_type_name(const RequestContext& ctx, const std::string& project_type) {
  const auto ruleset = ruleset_in_force_today(ctx);
  const auto* type = ruleset ? ruleset->project_type(project_type) : nullptr;
  return type ? ctx.data_text(type->name.zh, type->name.en) : project_type;
}

const std::vector<store::StoredScore>& ReviewCase::scores_of(std::string_view body) const {
  static const std::vector<store::StoredScore> none;
  const auto found = scores.find(std::string(body));
  return found == scores.end() ? none : found->second;
}

std::variant<ReviewCase, Response> open_review_case(RequestContext& ctx) {
  ReviewCase review;
  {
    auto tx = ctx.web().store.begin();
    auto opened = open_member_case(ctx, *tx);
    if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
    review.member = std::get<MemberCase>(std::move(opened));
    const std::int64_t id = review.member.assessment.application_id;
    auto application = store::find_application(*tx, id);
    if (!application) return error_page(ctx, ErrorPage::not_found);
    review.application = std::move(*application);
    review.assignments = store::list_assignments(*tx, id);
    for (std::string_view body : kPanels)
      review.scores[std::string(body)] = store::list_scores(*tx, id, body);
    review.decision = store::find_decision(*tx, id);
  }
  review.checked = check_draft(ctx, review.application);
  if (!review.checked.ruleset) return error_page(ctx, ErrorPage::server_error);
  if (review.checked.document)
    review.criteria =
        ccfs::applicable_criteria(review.checked.document->application, *review.checked.ruleset);
  review.parts = parts_for(ctx, *review.checked.ruleset, review.application.project_type);
  return review;
}

Response render_review(RequestContext& ctx, const ReviewCase& review, const ScoreForm* scores,
                       const DecisionForm* decision, const std::vector<FieldError>& errors) {
  PageData data;
  add_particulars(ctx, data, review);
  add_answers(ctx, data, review);
  data.set("has_criteria", !review.criteria.empty());
  data.set("criteria", criteria_rows(ctx, review));
  data.set("panel_results", panel_results(ctx, review));
  {
    auto tx = ctx.web().store.begin();
    set_application_sponsorships(ctx, *tx, data, review.application.id, false);
  }
  const std::string base = review_link(ctx, review.application.id);
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("reviews_href", ctx.link("/reviews"));
  if (review.member_on_a_panel() && review.before_member_body()) {
    data.set("may_score", true);
    data.set("scores_action", base + "/scores");
    add_score_form(ctx, data, review, scores ? *scores : stored_scores(review), errors);
  }
  if (review.decision) add_recorded_decision(ctx, data, *review.decision);
  if (!review.member_on_a_panel() && review.before_member_body() && !review.decision) {
    data.set("may_decide", true);
    data.set("decision_action", base + "/decision");
    add_decision_form(ctx, data, decision ? *decision : DecisionForm{});
  }
  if (const std::string done = ctx.query().get("done");
      done == "scores" || done == "decision" || done == "declared")
    data.set("done_message", ctx.text("review_done_" + done));
  add_errors(data, errors);
  std::string title =
      review.application.title.empty() ? ctx.text("app_untitled") : review.application.title;
  return render_titled_page(ctx, "review", std::move(title), std::move(data),
                            errors.empty() ? 200 : 422);
}

Response review_page(RequestContext& ctx) {
  auto review = open_review_case(ctx);
  if (auto* refusal = std::get_if<Response>(&review)) return std::move(*refusal);
  return render_review(ctx, std::get<ReviewCase>(review), nullptr, nullptr, {});
}

}  // namespace bsap::web
