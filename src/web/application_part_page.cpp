// GET  /LANG/portal/applications/{id}/parts/{part}: one part of the application (§2.7), with
//      the checker's findings for it beside the inputs they concern.
// POST .../parts/{part}/check: the findings the part would have with the form as it stands,
//      without saving (JSON; the page's script shows them as the applicant types).
// POST the same: saves the part as a new revision (who, when, which part: the history), unless
//      a value cannot be read (the page says which and how to fix it) or someone else saved
//      since the page was loaded (the page shows their version; nothing is overwritten).
#include <nlohmann/json.hpp>

#include "store/application_repo.h"
#include "web/application_checking.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/part_view.h"
#include "web/portal_access.h"

namespace bsap::web {
namespace {

struct PartPage {
  OpenedApplication opened;
  CheckedDraft checked;
  std::vector<PartSpec> parts;
  const PartSpec* part = nullptr;
};

std::string part_href(RequestContext& ctx, const PartPage& page) {
  return ctx.link("/portal/applications/" + std::to_string(page.opened.application.id) + "/parts/" +
                  page.part->key);
}

std::vector<ccfs::Finding> part_findings(const PartPage& page) {
  std::vector<ccfs::Finding> found;
  for (const ccfs::Finding& finding : page.checked.result.findings)
    if (part_of_field(page.parts, finding.field) == page.part) found.push_back(finding);
  return found;
}

// Blocking findings shown on their inputs too; the first per input.
std::map<std::string, std::string> finding_errors(RequestContext& ctx,
                                                  const std::vector<ccfs::Finding>& findings) {
  std::map<std::string, std::string> errors;
  for (const ccfs::Finding& finding : findings)
    if (finding.severity == ccfs::Severity::blocking)
      errors.emplace(finding.field, finding_message(ctx, finding));
  return errors;
}

Response render(RequestContext& ctx, const PartPage& page, const BoundPart& bound,
                const std::map<std::string, std::string>& errors, bool saved, bool conflict) {
  PageData data;
  const std::vector<ccfs::Finding> findings = part_findings(page);
  add_findings(ctx, data, findings, [&](const ccfs::Finding& finding) {
    return finding.field.empty() ? std::string{} : "#" + input_id(finding.field);
  });
  std::map<std::string, std::string> shown = finding_errors(ctx, findings);
  for (const auto& [name, message] : errors) shown[name] = message;
  add_part_fields(data, bound, shown);
  std::vector<FieldError> summary;
  for (const auto& [name, message] : errors) summary.push_back({input_id(name), message});
  add_errors(data, summary);
  data.set("tasks_href",
           ctx.link("/portal/applications/" + std::to_string(page.opened.application.id)));
  data.set("application_title", page.opened.application.title);
  data.set("clause", page.part->clause);
  data.set("editable", page.opened.editable);
  data.set("action", part_href(ctx, page));
  data.set("check_action", part_href(ctx, page) + "/check");
  data.set("revision", std::to_string(page.opened.application.revision));
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("saved", saved);
  data.set("conflict", conflict);
  return render_titled_page(ctx, "application_part", page.part->title, std::move(data),
                            errors.empty() ? 200 : 422);
}

// Opens the application and the part named in the path, or the error page to answer with. Its
// transaction ends here: pages render and the checker runs without holding the store.
std::variant<PartPage, Response> open_part(RequestContext& ctx) {
  auto opened = [&] {
    auto tx = ctx.web().store.begin();
    return open_application(ctx, *tx);
  }();
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  PartPage page{std::get<OpenedApplication>(std::move(opened)), {}, {}, nullptr};
  page.checked = check_draft(ctx, page.opened.application);
  if (!page.checked.ruleset) return error_page(ctx, ErrorPage::server_error);
  page.parts = parts_for(ctx, *page.checked.ruleset, page.opened.application.project_type);
  page.part = find_part(page.parts, ctx.path_parameter("part"));
  if (!page.part) return error_page(ctx, ErrorPage::not_found);
  return page;
}

std::map<std::string, std::string> problem_messages(RequestContext& ctx,
                                                    const std::vector<FieldProblem>& problems) {
  std::map<std::string, std::string> messages;
  for (const FieldProblem& problem : problems)
    messages.emplace(problem.name, ctx.text(problem.message_key));
  return messages;
}

}  // namespace

Response application_part_page(RequestContext& ctx) {
  auto opened = open_part(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const PartPage& page = std::get<PartPage>(opened);
  const int blank_rows = ctx.query().get("more").empty() ? 1 : 5;
  return render(ctx, page,
                bind_document(*page.part, page.opened.application.document_json, blank_rows), {},
                !ctx.query().get("saved").empty(), false);
}

Response application_part_submit(RequestContext& ctx) {
  auto opened = open_part(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  PartPage& page = std::get<PartPage>(opened);
  if (!page.opened.editable) return error_page(ctx, ErrorPage::forbidden);
  const FormData& form = ctx.form();
  const PartUpdate update =
      apply_submission(*page.part, page.opened.application.document_json, form);
  if (!update.problems.empty())
    return render(ctx, page, bind_submission(*page.part, form),
                  problem_messages(ctx, update.problems), false, false);
  auto parsed = ccfs::parse_application_json(update.document_json);
  if (const auto* error = std::get_if<ccfs::ParseError>(&parsed))
    return render(ctx, page, bind_submission(*page.part, form),
                  {{error->path, ctx.data_text(error->message_zh, error->message_en)}}, false,
                  false);
  const auto revision = parse_positive_id(form.get("revision")).value_or(0);
  try {
    store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
      store::save_application(tx, page.opened.application.id, static_cast<int>(revision),
                              page.part->key, update.document_json,
                              document_value(update.document_json, "title"), ctx.user()->id);
    });
  } catch (const store::RevisionConflict&) {
    // Someone saved in between: show their version; the applicant applies the change again.
    auto reopened = open_part(ctx);
    if (auto* refusal = std::get_if<Response>(&reopened)) return std::move(*refusal);
    const PartPage& current = std::get<PartPage>(reopened);
    return render(ctx, current,
                  bind_document(*current.part, current.opened.application.document_json, 1), {},
                  false, true);
  }
  if (form.get("then") == "more")
    return redirect_see_other(part_href(ctx, page) + "?saved=1&more=1");
  return redirect_see_other(
      ctx.link("/portal/applications/" + std::to_string(page.opened.application.id)));
}

namespace {

Response json_findings(RequestContext& ctx, const std::vector<ccfs::Finding>& findings,
                       std::string_view problem) {
  nlohmann::json list = nlohmann::json::array();
  for (const ccfs::Finding& finding : findings)
    list.push_back({{"severity", ccfs::severity_name(finding.severity)},
                    {"severity_name", severity_text(ctx, finding.severity)},
                    {"message", finding_message(ctx, finding)},
                    {"clause", finding.clause},
                    {"input", finding.field.empty() ? "" : input_id(finding.field)}});
  Response response;
  response.content_type = "application/json; charset=utf-8";
  response.add_header("Cache-Control", "no-store");
  response.body = nlohmann::json{{"findings", list}, {"problem", problem}}.dump();
  return response;
}

}  // namespace

Response application_part_check(RequestContext& ctx) {
  auto opened = open_part(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  PartPage& page = std::get<PartPage>(opened);
  if (!page.opened.editable) return error_page(ctx, ErrorPage::forbidden);
  const PartUpdate update =
      apply_submission(*page.part, page.opened.application.document_json, ctx.form());
  if (!update.problems.empty())
    return json_findings(ctx, {}, ctx.text(update.problems.front().message_key));
  store::StoredApplication unsaved = page.opened.application;
  unsaved.document_json = update.document_json;
  page.checked = check_draft(ctx, unsaved);
  if (page.checked.parse_error)
    return json_findings(
        ctx, {},
        ctx.data_text(page.checked.parse_error->message_zh, page.checked.parse_error->message_en));
  return json_findings(ctx, part_findings(page), "");
}

}  // namespace bsap::web
