// POST /LANG/portal/applications/import: starts a draft from an application written offline in
// the JSON format of docs/application-format.md (the format `bsap check` reads), so work done in
// another tool is not typed in again. The file is read whole by the same parser as the API; a
// file that is not a valid application is refused with the JSON path and what to fix, and nothing
// is stored. The organisation's record replaces what the file says of the applicant (§2.3.1).
#include <variant>

#include "ccfs/application_json.h"
#include "store/application_repo.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/portal_view.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

Response refuse(RequestContext& ctx, const std::string& message) {
  return portal_view(ctx, {{"application_file", message}}, 422);
}

std::string parse_error_text(RequestContext& ctx, const ccfs::ParseError& error) {
  const std::string where = error.path.empty() ? "" : error.path + ": ";
  return where + ctx.data_text(error.message_zh, error.message_en);
}

}  // namespace

Response portal_import_application(RequestContext& ctx) {
  const UploadedFile* file = ctx.upload("application_file");
  if (!file) return refuse(ctx, ctx.text("portal_import_missing"));
  if (file->bytes.size() > ccfs::kMaxApplicationJsonBytes)
    return refuse(ctx, parse_error_text(ctx, ccfs::oversize_error(file->bytes.size())));
  auto parsed = ccfs::parse_application_json(file->bytes);
  if (const auto* error = std::get_if<ccfs::ParseError>(&parsed))
    return refuse(ctx, parse_error_text(ctx, *error));
  ccfs::Application application =
      std::get<ccfs::ApplicationDocument>(std::move(parsed)).application;
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset || !ruleset->project_type(application.project_type))
    return refuse(ctx, ctx.text("portal_error_type"));
  std::int64_t id = 0;
  {
    auto tx = ctx.web().store.begin();
    const auto member = portal_member(ctx, *tx);
    if (!member) {
      tx.reset();
      return portal_view(ctx, {{"application_file", ctx.text("portal_no_organisation")}}, 403);
    }
    const store::Organisation& organisation = member->organisation;
    application.applicant.name_zh = organisation.name_zh;
    application.applicant.name_en = organisation.name_en;
    application.applicant.kind = organisation.kind;
    application.applicant.registered_under_societies_ordinance =
        organisation.registered_under_societies_ordinance;
    id = store::create_application(
        *tx,
        {organisation.id, application.project_type, application.title, ccfs::to_json(application)},
        ctx.user()->id);
    tx->commit();
  }
  return redirect_see_other(ctx.link("/portal/applications/" + std::to_string(id)));
}

}  // namespace bsap::web
