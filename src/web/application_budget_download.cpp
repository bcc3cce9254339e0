// GET /LANG/portal/applications/{id}/budget.xlsx: the budget as the scheme's Excel workbook
// (§3.1), for applicants who work offline.
#include "sheets/budget_workbook.h"
#include "web/application_checking.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"

namespace bsap::web {

Response application_budget_download(RequestContext& ctx) {
  auto opened = [&] {
    auto tx = ctx.web().store.begin();
    return open_application(ctx, *tx);
  }();
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const store::StoredApplication& application = std::get<OpenedApplication>(opened).application;
  const CheckedDraft checked = check_draft(ctx, application);
  if (!checked.document || !checked.ruleset) return error_page(ctx, ErrorPage::server_error);
  sheets::WorkbookHeading heading{"", "", checked.ruleset->version};
  if (const auto* type = checked.ruleset->project_type(application.project_type))
    heading = {type->name.zh, type->name.en, checked.ruleset->version};
  auto workbook = sheets::budget_workbook(checked.document->application, heading);
  if (std::holds_alternative<sheets::WorkbookError>(workbook))
    return error_page(ctx, ErrorPage::server_error);
  Response response;
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  response.add_header("Content-Disposition", "attachment; filename=\"budget-" +
                                                 std::to_string(application.id) + ".xlsx\"");
  response.add_header("Cache-Control", "private, no-store");
  response.body = std::get<std::string>(std::move(workbook));
  return response;
}

}  // namespace bsap::web
