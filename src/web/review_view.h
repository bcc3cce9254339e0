// What the panel and committee members' pages share (reviews_page.cpp, review_declaration_page.cpp,
// review_page.cpp, review_results.cpp, review_forms.cpp): the application's particulars in the
// request's language, and the member's page of one application, shown again with the values and
// errors of a form that posted to it.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ccfs/assessment_criteria.h"
#include "ccfs/score_summary.h"
#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/panel_repo.h"
#include "web/application_checking.h"
#include "web/member_access.h"
#include "web/page.h"

namespace bsap::web {

// The applicant organisation's name in the request's language (the other when it has one only).
std::string organisation_name(const RequestContext& ctx, const store::AssessmentRow& row);
// A body by its code: "Assessment Panel" for assessment_panel.
std::string body_name(const RequestContext& ctx, std::string_view body);
// The project type's name from the ruleset in force, else its key.
std::string project_type_name(const RequestContext& ctx, const std::string& project_type);

// "§4.2.1 (a1)": the id alone is ambiguous once an MA application also meets §4.3's set.
std::string criterion_label(const ccfs::ApplicableCriterion& criterion);
// "Support in part" in the request's language.
std::string recommendation_text(const RequestContext& ctx, ccfs::Recommendation recommendation);
// "score-ma_criteria-a1": the id of a criterion's score fieldset, which an error links to.
std::string score_field_id(std::string_view criterion_key);

// One submitted application as the member's page shows it; read in one transaction.
struct ReviewCase {
  MemberCase member;
  store::StoredApplication application;
  std::vector<store::Assignment> assignments;                     // every body's
  std::map<std::string, std::vector<store::StoredScore>> scores;  // by body code
  std::optional<store::Decision> decision;
  CheckedDraft checked;  // the checker's findings, and the ruleset the page assesses by
  std::vector<ccfs::ApplicableCriterion> criteria;  // §4.2, §4.3
  std::vector<PartSpec> parts;

  // The body's scores, by member then criterion (none for the committee, which decides).
  const std::vector<store::StoredScore>& scores_of(std::string_view body) const;
  // The panels score (§4.1.1, §4.1.2); the committee decides.
  bool member_on_a_panel() const { return member.assignment.body != "committee"; }
  // The application is before the member's body now: a panel member scores, a committee member
  // decides.
  bool before_member_body() const { return member.assessment.state == member.assignment.body; }
};

// The application for a member who may see it (member_access.h), or the refusal.
std::variant<ReviewCase, Response> open_review_case(RequestContext& ctx);

// What a form posted, to show again beside its errors: criterion key → score and comment.
struct ScoreForm {
  std::map<std::string, std::string> scores;
  std::map<std::string, std::string> comments;
  std::string recommendation;
  std::string recommendation_note;
};

struct DecisionForm {
  std::string decision;  // approve, approve_in_part, reject
  std::string amount;
  std::string duration_months;
  std::string conditions;
  std::string reason;
};

// The panels' summaries and recommendations the member sees (review_results.cpp).
PageData panel_results(const RequestContext& ctx, const ReviewCase& review);

// The member's page; posted is the form to show again (nullptr: the stored values).
Response render_review(RequestContext& ctx, const ReviewCase& review, const ScoreForm* scores,
                       const DecisionForm* decision, const std::vector<FieldError>& errors);

}  // namespace bsap::web
