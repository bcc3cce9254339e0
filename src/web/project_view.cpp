#include "web/project_view.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "assess/assessment_service.h"
#include "core/upload_check.h"
#include "store/assessment_repo.h"
#include "store/document_repo.h"
#include "web/assessment_view.h"
#include "web/error_pages.h"
#include "web/portal_access.h"
#include "web/portal_view.h"

namespace bsap::web {

CivilDate project_today() { return today_in_hong_kong(std::chrono::system_clock::now()); }

std::string project_link(const RequestContext& ctx, std::int64_t id, std::string_view rest) {
  return ctx.link("/projects/" + std::to_string(id) + std::string(rest));
}

std::variant<OpenedProject, Response> open_project_page(RequestContext& ctx) {
  const auto id = parse_positive_id(ctx.path_parameter("id"));
  auto tx = ctx.web().store.begin();
  auto row = id ? store::find_project(*tx, *id) : std::nullopt;
  if (!row) return error_page(ctx, ErrorPage::not_found);
  const auto member = portal_member(ctx, *tx);
  OpenedProject opened;
  opened.secretariat = is_secretariat(ctx);
  opened.grantee = member && member->organisation.id == row->organisation_id;
  if (!opened.secretariat && !opened.grantee) return error_page(ctx, ErrorPage::forbidden);
  opened.row = std::move(*row);
  return opened;
}

Response project_errors(RequestContext& ctx, const OpenedProject& project,
                        std::vector<FieldError> errors, std::int64_t report_id,
                        std::int64_t capital_item_id) {
  ProjectFormState state;
  state.errors = std::move(errors);
  state.keep_values = true;
  state.report_id = report_id;
  state.capital_item_id = capital_item_id;
  return project_view(ctx, project, state, 422);
}

Response project_error(RequestContext& ctx, const OpenedProject& project, FieldError error,
                       std::int64_t report_id, std::int64_t capital_item_id) {
  return project_errors(ctx, project, {std::move(error)}, report_id, capital_item_id);
}

std::optional<std::string> run_project_step(RequestContext& ctx,
                                            const std::function<void(store::Transaction&)>& step) {
  try {
    store::in_transaction(ctx.web().store, step);
  } catch (const assess::StepRefused& refusal) {
    return refusal_text(ctx, refusal);
  } catch (const store::StaleState&) {
    return ctx.text("project_error_stale");
  } catch (const store::UploadRefused& refused) {
    return ctx.text(upload_fault_key(refused.fault()));
  }
  return std::nullopt;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first));
}

namespace {

std::string id_or(std::string_view error_id, std::string_view field) {
  return std::string(error_id.empty() ? field : error_id);
}

}  // namespace

std::optional<Money> optional_money_field(RequestContext& ctx, std::string_view field,
                                          std::string_view label_key,
                                          std::vector<FieldError>& errors, bool& valid,
                                          std::string_view error_id) {
  const std::string text = trimmed(ctx.form().get(field));
  valid = true;
  if (text.empty()) return std::nullopt;
  auto parsed = parse_money(text);
  if (auto* money = std::get_if<Money>(&parsed)) return *money;
  valid = false;
  errors.push_back({id_or(error_id, field),
                    fill(ctx.text("project_error_money"), "field", ctx.text(label_key))});
  return std::nullopt;
}

std::optional<Money> money_field(RequestContext& ctx, std::string_view field,
                                 std::string_view label_key, std::vector<FieldError>& errors,
                                 std::string_view error_id) {
  bool valid = true;
  auto money = optional_money_field(ctx, field, label_key, errors, valid, error_id);
  if (!money && valid)
    errors.push_back({id_or(error_id, field),
                      fill(ctx.text("project_error_money"), "field", ctx.text(label_key))});
  return money;
}

std::optional<CivilDate> date_field(RequestContext& ctx, std::string_view field,
                                    std::string_view label_key, std::vector<FieldError>& errors,
                                    std::string_view error_id) {
  const auto date = parse_iso_date(trimmed(ctx.form().get(field)));
  if (!date)
    errors.push_back({id_or(error_id, field),
                      fill(ctx.text("project_error_date"), "field", ctx.text(label_key))});
  return date;
}

std::optional<int> percent_to_bp(std::string_view text) {
  const std::string value = trimmed(text);
  const auto point = value.find('.');
  const std::string whole = value.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : value.substr(point + 1);
  const auto digits = [](const std::string& part) {
    return std::ranges::all_of(part, [](unsigned char c) { return c >= '0' && c <= '9'; });
  };
  // At most 99999.99 %, two decimals: a share typed by hand, not a figure to round.
  if (whole.empty() || whole.size() > 5 || fraction.size() > 2 || !digits(whole) ||
      !digits(fraction))
    return std::nullopt;
  if (point != std::string::npos && fraction.empty()) return std::nullopt;
  fraction.resize(2, '0');
  return std::stoi(whole) * 100 + std::stoi(fraction);
}

std::optional<long long> count_of(std::string_view text) {
  const std::string value = trimmed(text);
  long long number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc{} || end != value.data() + value.size() || number < 0)
    return std::nullopt;
  return number;
}

std::string upload_problem(const UploadedFile& file) {
  const UploadVerdict verdict = check_upload(file.filename, file.bytes);
  return verdict.ok() ? std::string() : upload_fault_key(verdict.fault);
}

}  // namespace bsap::web
