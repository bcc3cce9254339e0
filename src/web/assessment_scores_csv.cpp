// GET /LANG/assessment/rounds/{id}/scores.csv: every score of a round's applications, one row per
// application, body, member and criterion, with the member's comment and recommendation (§4.1.1,
// §4.1.2), for the secretariat's papers to the panels and the committee. UTF-8 with a byte-order
// mark, so that spreadsheet programs read the Chinese correctly.
#include <map>

#include "core/csv.h"
#include "store/assessment_repo.h"
#include "store/panel_repo.h"
#include "store/round_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"

namespace bsap::web {
namespace {

constexpr std::string_view kBodies[] = {"assessment_panel", "approval_panel", "committee"};

std::string round_scores(store::Transaction& tx, std::int64_t round_id) {
  std::string csv = "\xEF\xBB\xBF" +
                    csv_record({"reference", "organisation", "title", "body", "member", "criterion",
                                "score", "comment", "recommendation", "recommendation_note"});
  for (const store::AssessmentRow& row : store::list_assessments(tx, round_id)) {
    std::map<std::pair<std::string, std::int64_t>, store::Assignment> members;
    for (const store::Assignment& assignment : store::list_assignments(tx, row.application_id))
      members.emplace(std::pair{assignment.body, assignment.user_id}, assignment);
    const std::string organisation = row.organisation_name_zh + " " + row.organisation_name_en;
    for (const std::string_view body : kBodies)
      for (const store::StoredScore& score : store::list_scores(tx, row.application_id, body)) {
        const auto member = members.find({score.body, score.user_id});
        const bool known = member != members.end();
        csv += csv_record({row.reference, organisation, row.title, score.body,
                           known ? member->second.member_name : std::to_string(score.user_id),
                           score.criterion_key, std::to_string(score.score), score.comment,
                           known ? member->second.recommendation : "",
                           known ? member->second.recommendation_note : ""});
      }
  }
  return csv;
}

}  // namespace

Response assessment_scores_csv(RequestContext& ctx) {
  const auto id = parse_positive_id(ctx.path_parameter("id"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  auto tx = ctx.web().store.begin();
  if (!store::find_round(*tx, *id)) {
    tx.reset();
    return error_page(ctx, ErrorPage::not_found);
  }
  Response response;
  response.content_type = "text/csv; charset=utf-8";
  response.add_header("Content-Disposition",
                      "attachment; filename=\"ccfs-round-" + std::to_string(*id) + "-scores.csv\"");
  response.add_header("Cache-Control", "private, no-store");
  response.body = round_scores(*tx, *id);
  return response;
}

}  // namespace bsap::web
