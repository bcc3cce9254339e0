// §4.5.1: a rejected application may be revised and resubmitted to a later round, stating
// clearly how it differs from the rejected one.
// GET  /LANG/portal/applications/{id}/differences: every field that differs between the rejected
//      application and this revision (ccfs/document_diff.h), and the applicant's statement.
// POST /LANG/portal/applications/{id}/differences: saves the statement (a revision like any).
#include <nlohmann/json.hpp>

#include "ccfs/document_diff.h"
#include "store/application_repo.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/portal_access.h"

namespace bsap::web {
namespace {

struct Revised {
  OpenedApplication opened;
  store::StoredApplication rejected;
};

std::variant<Revised, Response> open_revised(RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  auto opened = open_application(ctx, *tx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  OpenedApplication application = std::get<OpenedApplication>(std::move(opened));
  const auto earlier = application.application.resubmission_of;
  auto rejected = earlier ? store::find_application(*tx, *earlier) : std::nullopt;
  tx.reset();
  if (!rejected) return error_page(ctx, ErrorPage::not_found);
  return Revised{std::move(application), std::move(*rejected)};
}

// The statement itself is not one of the differences to list.
PageData change_rows(RequestContext& ctx, const Revised& revised) {
  PageData rows{PageData::type::list};
  for (const ccfs::DocumentChange& change : ccfs::diff_documents(
           revised.rejected.document_json, revised.opened.application.document_json)) {
    if (change.path == "resubmission_differences" || change.path == "justifications") continue;
    PageData row;
    row.set("path", change.path);
    row.set("kind", ctx.text("app_diff_" + std::string(ccfs::change_kind_name(change.kind))));
    row.set("before", change.before);
    row.set("after", change.after);
    rows.push_back(row);
  }
  return rows;
}

std::string statement_of(const std::string& document_json) {
  const auto document = nlohmann::json::parse(document_json, nullptr, false);
  if (!document.is_object() || !document.contains("resubmission_differences") ||
      !document["resubmission_differences"].is_string())
    return "";
  return document["resubmission_differences"].get<std::string>();
}

Response render(RequestContext& ctx, const Revised& revised, const std::string& error, int status) {
  const std::int64_t id = revised.opened.application.id;
  PageData data;
  data.set("rejected_reference", revised.rejected.reference.value_or(""));
  data.set("changes", change_rows(ctx, revised));
  data.set("statement", error.empty() ? statement_of(revised.opened.application.document_json)
                                      : ctx.form().get("resubmission_differences"));
  data.set("editable", revised.opened.editable);
  data.set("revision", std::to_string(revised.opened.application.revision));
  data.set("action", ctx.link("/portal/applications/" + std::to_string(id) + "/differences"));
  data.set("application_href", ctx.link("/portal/applications/" + std::to_string(id)));
  data.set("csrf_token", ctx.session().csrf_token());
  if (!error.empty()) add_errors(data, {{"resubmission_differences", error}});
  if (ctx.query().get("done") == "saved") data.set("done_message", ctx.text("app_diff_saved"));
  return render_page(ctx, "application_differences", "app_diff_title", std::move(data), status);
}

}  // namespace

Response application_differences_page(RequestContext& ctx) {
  auto revised = open_revised(ctx);
  if (auto* refusal = std::get_if<Response>(&revised)) return std::move(*refusal);
  return render(ctx, std::get<Revised>(revised), "", 200);
}

Response application_differences_submit(RequestContext& ctx) {
  auto revised_or = open_revised(ctx);
  if (auto* refusal = std::get_if<Response>(&revised_or)) return std::move(*refusal);
  const Revised& revised = std::get<Revised>(revised_or);
  if (!revised.opened.editable) return error_page(ctx, ErrorPage::forbidden);
  const std::string statement = ctx.form().get("resubmission_differences");
  if (statement.find_first_not_of(" \t\r\n") == std::string::npos)
    return render(ctx, revised, ctx.text("app_diff_statement_missing"), 422);
  auto document = nlohmann::json::parse(revised.opened.application.document_json, nullptr, false);
  if (!document.is_object()) return error_page(ctx, ErrorPage::server_error);
  document["resubmission_differences"] = statement;
  const int revision = std::atoi(ctx.form().get("revision").c_str());
  try {
    store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
      store::save_application(tx, revised.opened.application.id, revision, "differences",
                              document.dump(2), revised.opened.application.title, ctx.user()->id);
    });
  } catch (const store::RevisionConflict&) {
    return render(ctx, revised, ctx.text("app_conflict"), 409);
  }
  return redirect_see_other(ctx.link("/portal/applications/" +
                                     std::to_string(revised.opened.application.id) +
                                     "/differences?done=saved"));
}

}  // namespace bsap::web
