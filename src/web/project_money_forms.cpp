// The money recorded against a funded project (guidelines §5.5, §5.6):
// POST /LANG/projects/{id}/expenditures: the grantee records spending against an approved item,
//      with its receipt (§5.5.3, §5.5.6).
// POST /LANG/projects/{id}/increases: the secretariat approves an item increase (§5.5.3).
// POST /LANG/projects/{id}/income: income, sponsorship, interest or asset proceeds (§5.5.2,
//      §5.6.2); only the secretariat records a re-investment the Approval Panel agreed (§5.5.8).
// POST /LANG/projects/{id}/reductions: the secretariat's reduction (§5.5.4, §5.5.5): the first
//      submit (preview) shows the figure computed; the second (confirm) records it.
// POST /LANG/projects/{id}/refunds: money the grantee returned (§5.5.7, §5.16.3).
// Each answers 303 back to its section, or the project page with what refused it.
#include "manage/project_service.h"
#include "project/grant_reductions.h"
#include "store/document_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/project_view.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

Response done(RequestContext& ctx, const OpenedProject& project, std::string_view what,
              std::string_view section) {
  return redirect_see_other(project_link(ctx, project.row.application_id) +
                            "?done=" + std::string(what) + "#" + std::string(section));
}

std::optional<int> item_field(RequestContext& ctx, const std::string& field,
                              std::vector<FieldError>& errors) {
  const auto item = parse_positive_id(ctx.form().get(field));
  if (!item || *item > 100000) {
    errors.push_back({field, ctx.text("project_error_item")});
    return std::nullopt;
  }
  return static_cast<int>(*item);
}

manage::ProjectActor actor_of(RequestContext& ctx, const OpenedProject& project) {
  return {ctx.user()->id, project.secretariat};
}

// The reduction the form describes, computed as §5.5.4 and §5.5.5 say; nullopt with the errors.
std::optional<ReductionPreview> reduction_of(RequestContext& ctx, const OpenedProject& project,
                                             std::vector<FieldError>& errors) {
  const FormData& form = ctx.form();
  const auto ground = project::reduction_ground_from_code(form.get("reduction_ground"));
  if (!ground) {
    errors.push_back({"reduction_ground", ctx.text("project_error_reduction_ground")});
    return std::nullopt;
  }
  ReductionPreview preview;
  store::ReductionRow& reduction = preview.reduction;
  reduction.ground = std::string(project::reduction_ground_code(*ground));
  reduction.note = trimmed(form.get("reduction_note"));
  bool valid = true;
  const auto base =
      optional_money_field(ctx, "reduction_base", "project_reduction_base", errors, valid);
  if (!valid) return std::nullopt;
  reduction.base = base.value_or(project.row.approved);
  if (*ground == project::ReductionGround::scope_change) {
    // §5.5.4(a) has no measure: the secretariat enters the amount itself.
    if (!base) {
      errors.push_back({"reduction_base", ctx.text("project_error_scope_amount")});
      return std::nullopt;
    }
    reduction.amount = *base;
    return preview;
  }
  if (*ground == project::ReductionGround::performance) {
    preview.achieved_text = trimmed(form.get("reduction_achieved"));
    const auto achieved = percent_to_bp(preview.achieved_text);
    if (!achieved) {
      errors.push_back({"reduction_achieved", ctx.text("project_error_achieved")});
      return std::nullopt;
    }
    reduction.achieved_bp = *achieved;
    reduction.amount = project::performance_reduction(reduction.base, *achieved);
    return preview;
  }
  const auto target = count_of(form.get("reduction_target"));
  const auto actual = count_of(form.get("reduction_actual"));
  if (!target) errors.push_back({"reduction_target", ctx.text("project_error_count")});
  if (!actual) errors.push_back({"reduction_actual", ctx.text("project_error_count")});
  if (!target || !actual) return std::nullopt;
  const project::ProRataInput input{reduction.base, *target, *actual};
  if (const auto refusal = project::check_pro_rata(input)) {
    errors.push_back(
        {"reduction_target",
         refusal->clause + ": " + ctx.data_text(refusal->message_zh, refusal->message_en)});
    return std::nullopt;
  }
  reduction.target = *target;
  reduction.actual = *actual;
  reduction.amount = project::pro_rata_reduction(input);
  return preview;
}

}  // namespace

Response project_expenditure_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  if (!project.grantee) return error_page(ctx, ErrorPage::forbidden);
  std::vector<FieldError> errors;
  store::NewExpenditure expenditure;
  expenditure.application_id = project.row.application_id;
  expenditure.user_id = ctx.user()->id;
  if (const auto item = item_field(ctx, "expenditure_item", errors)) expenditure.item_no = *item;
  if (const auto on = date_field(ctx, "expenditure_date", "project_expenditure_date", errors))
    expenditure.spent_on = *on;
  if (const auto amount = money_field(ctx, "expenditure_amount", "project_amount", errors))
    expenditure.amount = *amount;
  expenditure.description = trimmed(ctx.form().get("expenditure_description"));
  const UploadedFile* receipt = ctx.upload("expenditure_receipt");
  if (receipt)
    if (const std::string problem = upload_problem(*receipt); !problem.empty())
      errors.push_back({"expenditure_receipt", ctx.text(problem)});
  if (!errors.empty()) return project_errors(ctx, project, errors);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        if (receipt)
          expenditure.receipt_document_id =
              store::store_document(tx, project.row.organisation_id, "receipt", receipt->filename,
                                    receipt->bytes, ctx.user()->id);
        manage::record_expenditure(tx, actor_of(ctx, project), expenditure);
      }))
    return project_error(ctx, project, {"expenditure_amount", *refused});
  return done(ctx, project, "expenditure", "expenditures");
}

Response project_increase_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  std::vector<FieldError> errors;
  const auto item = item_field(ctx, "increase_item", errors);
  const auto amount = money_field(ctx, "increase_amount", "project_amount", errors);
  if (!errors.empty()) return project_errors(ctx, project, errors);
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::approve_increase(tx, *ruleset, project.row.application_id, *item, *amount,
                                 trimmed(ctx.form().get("increase_reason")), project_today(),
                                 ctx.user()->id);
      }))
    return project_error(ctx, project, {"increase_amount", *refused});
  return done(ctx, project, "increase", "budget");
}

Response project_income_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  std::vector<FieldError> errors;
  const auto kind = project::income_kind_from_code(ctx.form().get("income_kind"));
  if (!kind) errors.push_back({"income_kind", ctx.text("project_error_income_kind")});
  const auto amount = money_field(ctx, "income_amount", "project_amount", errors);
  const auto received_on = date_field(ctx, "income_date", "project_income_date", errors);
  if (!errors.empty()) return project_errors(ctx, project, errors);
  const bool reinvestment = ctx.form().get("income_reinvestment") == "yes";
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::record_income(tx, actor_of(ctx, project), project.row.application_id, *kind,
                              *amount, *received_on, trimmed(ctx.form().get("income_description")),
                              reinvestment);
      }))
    return project_error(ctx, project, {"income_amount", *refused});
  return done(ctx, project, "income", "income");
}

Response project_reduction_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  std::vector<FieldError> errors;
  const auto preview = reduction_of(ctx, project, errors);
  if (!preview) return project_errors(ctx, project, errors);
  // The figure is computed again on confirming, never taken from the form.
  if (ctx.form().get("confirm").empty()) {
    ProjectFormState state;
    state.keep_values = true;
    state.preview = preview;
    return project_view(ctx, project, state, 200);
  }
  store::ReductionRow reduction = preview->reduction;
  reduction.confirmed_on = project_today();
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::confirm_reduction(tx, project.row.application_id, reduction, ctx.user()->id);
      }))
    return project_error(ctx, project, {"reduction_ground", *refused});
  return done(ctx, project, "reduction", "reductions");
}

Response project_refund_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  std::vector<FieldError> errors;
  const auto amount = money_field(ctx, "refund_amount", "project_amount", errors);
  const auto received_on = date_field(ctx, "refund_date", "project_refund_date", errors);
  if (!errors.empty()) return project_errors(ctx, project, errors);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::record_refund(tx, project.row.application_id, *amount, *received_on,
                              trimmed(ctx.form().get("refund_note")), ctx.user()->id);
      }))
    return project_error(ctx, project, {"refund_amount", *refused});
  return done(ctx, project, "refund", "settlement");
}

}  // namespace bsap::web
