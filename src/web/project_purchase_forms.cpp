// Purchases and capital items of a funded project (guidelines §5.13, §5.14):
// POST /LANG/projects/{id}/purchases: a purchase with its quotations, judged by §5.13's rules;
//      only the secretariat's form carries what it agreed in advance (§5.13.2, §5.13.3) and a
//      single source approved with the application (§5.13.5).
// POST /LANG/projects/{id}/capital-items/{cid}/photo: the grantee's fresh photograph of a
//      capital item with its condition, before each progress report (§5.13.6).
// POST /LANG/projects/{id}/capital-items/{cid}/disposal: the secretariat's disposal of an item
//      at the end, with any sale proceeds (§5.14.2).
// Each answers 303 back to its section, or the project page with what refused it.
#include "core/upload_check.h"
#include "manage/project_service.h"
#include "store/document_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/project_view.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

// Rows of the purchase form's quotation table (project_money_sections.cpp offers as many).
constexpr int kQuotationRows = 6;

Response done(RequestContext& ctx, const OpenedProject& project, std::string_view what,
              std::string_view section) {
  return redirect_see_other(project_link(ctx, project.row.application_id) +
                            "?done=" + std::string(what) + "#" + std::string(section));
}

bool box(RequestContext& ctx, std::string_view field) { return ctx.form().get(field) == "yes"; }

// The filled quotation rows, in order, and the one chosen (by its row number in the form).
void read_quotations(RequestContext& ctx, store::PurchaseRow& purchase,
                     std::vector<FieldError>& errors) {
  const std::string chosen_row = ctx.form().get("purchase_chosen");
  for (int n = 1; n <= kQuotationRows; ++n) {
    const std::string number = std::to_string(n);
    const std::string supplier = trimmed(ctx.form().get("supplier_" + number));
    const std::string amount_text = trimmed(ctx.form().get("quotation_" + number));
    if (supplier.empty() && amount_text.empty()) continue;
    if (supplier.empty()) {
      errors.push_back({"supplier_" + number, ctx.text("project_error_supplier")});
      continue;
    }
    const auto amount = money_field(ctx, "quotation_" + number, "project_quotation_amount", errors);
    if (!amount) continue;
    if (chosen_row == number) purchase.chosen = static_cast<int>(purchase.quotations.size());
    purchase.quotations.push_back({supplier, *amount});
  }
  if (!chosen_row.empty() && !purchase.chosen && errors.empty())
    errors.push_back({"purchase_chosen", ctx.text("project_error_chosen")});
}

// The capital item named by {cid}, of this project; 404 otherwise.
std::optional<std::int64_t> capital_item_of(RequestContext& ctx, const OpenedProject& project) {
  const auto id = parse_positive_id(ctx.path_parameter("cid"));
  if (!id) return std::nullopt;
  auto tx = ctx.web().store.begin();
  const auto owner = store::capital_item_project(*tx, *id);
  if (!owner || *owner != project.row.application_id) return std::nullopt;
  return id;
}

}  // namespace

Response project_purchase_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  std::vector<FieldError> errors;
  store::NewPurchase purchase;
  purchase.application_id = project.row.application_id;
  purchase.user_id = ctx.user()->id;
  store::PurchaseRow& row = purchase.purchase;
  row.description = trimmed(ctx.form().get("purchase_description"));
  if (row.description.empty())
    errors.push_back({"purchase_description", ctx.text("project_error_purchase_description")});
  if (const auto value = money_field(ctx, "purchase_value", "project_purchase_value", errors))
    row.value = *value;
  read_quotations(ctx, row, errors);
  if (!errors.empty()) return project_errors(ctx, project, errors);
  row.open_tender = box(ctx, "purchase_open_tender");
  row.brand_specified = box(ctx, "purchase_brand_specified");
  row.capital_item = box(ctx, "purchase_capital_item");
  row.non_lowest_justification = trimmed(ctx.form().get("purchase_justification"));
  // What the secretariat agrees is never taken from the grantee's form.
  row.agreed_otherwise = project.secretariat && box(ctx, "purchase_agreed_otherwise");
  row.non_lowest_agreed = project.secretariat && box(ctx, "purchase_non_lowest_agreed");
  row.single_source_approved = project.secretariat && box(ctx, "purchase_single_source");
  row.recorded_on = project_today();
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::record_purchase(tx, *ruleset, {ctx.user()->id, project.secretariat}, purchase);
      }))
    return project_error(ctx, project, {"purchase_description", *refused});
  return done(ctx, project, "purchase", "purchases");
}

Response project_item_photo_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  if (!project.grantee) return error_page(ctx, ErrorPage::forbidden);
  const auto item = capital_item_of(ctx, project);
  if (!item) return error_page(ctx, ErrorPage::not_found);
  const std::string cid = std::to_string(*item);
  std::vector<FieldError> errors;
  const UploadedFile* photo = ctx.upload("photo_file");
  if (!photo) {
    errors.push_back({"photo-" + cid, ctx.text("upload_error_empty")});
  } else {
    // §5.13.6 asks for a photograph: an image, not a PDF.
    const UploadVerdict verdict = check_upload(photo->filename, photo->bytes);
    if (!verdict.ok())
      errors.push_back({"photo-" + cid, ctx.text(upload_problem(*photo))});
    else if (verdict.accepted == UploadMediaType::pdf)
      errors.push_back({"photo-" + cid, ctx.text("project_error_photo_type")});
  }
  const std::string condition = trimmed(ctx.form().get("condition"));
  if (condition.empty())
    errors.push_back({"condition-" + cid, ctx.text("project_error_condition")});
  if (!errors.empty()) return project_errors(ctx, project, errors, 0, *item);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        const std::int64_t document =
            store::store_document(tx, project.row.organisation_id, "capital_item_photo",
                                  photo->filename, photo->bytes, ctx.user()->id);
        manage::record_item_photo(tx, {ctx.user()->id, false}, *item, document, project_today(),
                                  condition);
      }))
    return project_error(ctx, project, {"photo-" + cid, *refused}, 0, *item);
  return done(ctx, project, "photo", "capital-items");
}

Response project_item_disposal_submit(RequestContext& ctx) {
  auto opened = open_project_page(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedProject& project = std::get<OpenedProject>(opened);
  const auto item = capital_item_of(ctx, project);
  if (!item) return error_page(ctx, ErrorPage::not_found);
  const std::string cid = std::to_string(*item);
  std::vector<FieldError> errors;
  bool valid = true;
  const auto proceeds =
      optional_money_field(ctx, "proceeds", "project_proceeds", errors, valid, "proceeds-" + cid);
  if (!errors.empty()) return project_errors(ctx, project, errors, 0, *item);
  if (auto refused = run_project_step(ctx, [&](store::Transaction& tx) {
        manage::dispose_capital_item(tx, *item, trimmed(ctx.form().get("disposal")), proceeds,
                                     project_today(), ctx.user()->id);
      }))
    return project_error(ctx, project, {"disposal-" + cid, *refused}, 0, *item);
  return done(ctx, project, "disposal", "capital-items");
}

}  // namespace bsap::web
