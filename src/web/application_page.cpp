// GET /LANG/portal/applications/{id}: the task list of an application: each part not started,
// in progress (answered, with something blocking) or completed, with links to check the
// answers, the history and the budget workbook; the sponsorships declared through the funding
// matching, counted or refused under §3.11.3.
#include "store/document_repo.h"
#include "web/application_checking.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/part_form.h"
#include "web/portal_access.h"
#include "web/portal_view.h"
#include "web/sponsorship_view.h"

namespace bsap::web {
namespace {

std::string part_status(const CheckedDraft& checked, const std::vector<PartSpec>& parts,
                        const PartSpec& part, std::string_view document_json) {
  if (!bind_document(part, document_json, 0).answered()) return "not_started";
  for (const ccfs::Finding& finding : checked.result.findings)
    if (finding.severity == ccfs::Severity::blocking &&
        part_of_field(parts, finding.field) == &part)
      return "in_progress";
  return "completed";
}

PageData task_rows(RequestContext& ctx, const store::StoredApplication& application,
                   const CheckedDraft& checked, const std::vector<PartSpec>& parts,
                   int& completed) {
  PageData rows{PageData::type::list};
  for (const PartSpec& part : parts) {
    const std::string status = part_status(checked, parts, part, application.document_json);
    completed += status == "completed";
    PageData row;
    row.set("key", part.key);
    row.set("title", part.title);
    row.set("href", ctx.link("/portal/applications/" + std::to_string(application.id) + "/parts/" +
                             part.key));
    row.set("status", status);
    row.set("status_name", ctx.text("app_status_" + status));
    rows.push_back(row);
  }
  return rows;
}

PageData attachment_rows(RequestContext& ctx, std::int64_t application_id) {
  auto tx = ctx.web().store.begin();
  PageData rows{PageData::type::list};
  for (const store::DocumentInfo& document : store::list_attachments(*tx, application_id)) {
    PageData row;
    row.set("kind", ctx.text("doc_kind_" + document.kind));
    row.set("filename", document.filename);
    row.set("href", ctx.link("/portal/documents/" + std::to_string(document.id)));
    rows.push_back(row);
  }
  return rows;
}

PageData attachment_choices(RequestContext& ctx) {
  PageData kinds{PageData::type::list};
  for (const std::string_view kind : attachment_kinds()) {
    PageData item;
    item.set("key", std::string(kind));
    item.set("name", ctx.text("doc_kind_" + std::string(kind)));
    kinds.push_back(item);
  }
  return kinds;
}

// §2.7.6 asks for the site's map, photos and (MA) habitat map with the application: they are
// uploaded here and the checker sees them (application_checking.cpp).
void add_attachments(RequestContext& ctx, PageData& data, const OpenedApplication& opened) {
  data.set("attachments", attachment_rows(ctx, opened.application.id));
  data.set("attachment_kinds", attachment_choices(ctx));
  data.set("attach_action", ctx.link("/portal/applications/" +
                                     std::to_string(opened.application.id) + "/attachments"));
  data.set("editable", opened.editable);
  const std::string outcome = ctx.query().get("attach");
  if (outcome == "attached")
    data.set("attach_done", ctx.text("app_attached"));
  else if (outcome.starts_with("upload_error_"))
    data.set("attach_error", ctx.text(outcome));
}

}  // namespace

Response application_page(RequestContext& ctx) {
  auto opened_or = [&] {
    auto tx = ctx.web().store.begin();
    return open_application(ctx, *tx);
  }();
  if (auto* refusal = std::get_if<Response>(&opened_or)) return std::move(*refusal);
  const store::StoredApplication& application = std::get<OpenedApplication>(opened_or).application;
  const CheckedDraft checked = check_draft(ctx, application);
  if (!checked.ruleset) return error_page(ctx, ErrorPage::server_error);
  const std::vector<PartSpec> parts = parts_for(ctx, *checked.ruleset, application.project_type);
  const std::string base = "/portal/applications/" + std::to_string(application.id);
  PageData data;
  int completed = 0;
  data.set("parts", task_rows(ctx, application, checked, parts, completed));
  data.set("progress_text", fill(fill(ctx.text("app_progress"), "done", std::to_string(completed)),
                                 "all", std::to_string(parts.size())));
  data.set("counts_text",
           fill(fill(fill(ctx.text("app_counts"), "blocking",
                          std::to_string(checked.result.count(ccfs::Severity::blocking))),
                     "justify",
                     std::to_string(checked.result.count(ccfs::Severity::needs_justification))),
                "info", std::to_string(checked.result.count(ccfs::Severity::info))));
  if (const auto* type = checked.ruleset->project_type(application.project_type))
    data.set("type_name", ctx.data_text(type->name.zh, type->name.en));
  data.set("application_title",
           application.title.empty() ? ctx.text("app_untitled") : application.title);
  if (application.reference) {
    data.set("reference", *application.reference);
    data.set("submitted", true);
    data.set("submitted_text",
             fill(ctx.text("app_submitted_frozen"), "reference", *application.reference));
  }
  add_attachments(ctx, data, std::get<OpenedApplication>(opened_or));
  {
    auto tx = ctx.web().store.begin();
    set_application_sponsorships(ctx, *tx, data, application.id, true);
  }
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("portal_href", ctx.link("/portal"));
  data.set("review_href", ctx.link(base + "/review"));
  data.set("assessment_href", ctx.link(base + "/assessment"));
  if (application.resubmission_of) data.set("differences_href", ctx.link(base + "/differences"));
  data.set("history_href", ctx.link(base + "/history"));
  data.set("budget_href", ctx.link(base + "/budget.xlsx"));
  return render_page(ctx, "application_tasks", "app_tasks_title", std::move(data));
}

}  // namespace bsap::web
