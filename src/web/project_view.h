// What the funded projects' pages share (guidelines §5; projects_page.cpp, project_page.cpp and
// the project_*_forms.cpp handlers): the project a route's {id} names with its object rule, the
// project page shown again beside a form's errors, the step a form takes run in one transaction,
// and the form fields read the way every project form reads them.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"
#include "store/ledger_repo.h"
#include "store/project_repo.h"
#include "web/http_message.h"
#include "web/page.h"
#include "web/request_context.h"

namespace bsap::web {

// Today in Hong Kong: the day every step is taken on and every due date is counted from.
CivilDate project_today();

// "/en/projects/12" (+ rest): a project's page in the request's language.
std::string project_link(const RequestContext& ctx, std::int64_t id, std::string_view rest = "");

// A text the project module gives per language, in the request's: Simplified derived from the
// Traditional as every data text is (principle 7).
template <typename Text>
std::string in_reader_language(const RequestContext& ctx, Text text) {
  return ctx.data_text(text(Lang::zh_hant), text(Lang::en));
}

// The project named by the route's {id}, for a visitor who may act on it: the secretariat, or a
// member of the grantee organisation. 404 when there is no such project, 403 for anyone else
// (portal_access.h: an applicant sees only its own organisation's objects).
struct OpenedProject {
  store::ProjectRow row;
  bool secretariat = false;  // the visitor holds the secretariat role
  bool grantee = false;      // the visitor is a member of the project's organisation
};
std::variant<OpenedProject, Response> open_project_page(RequestContext& ctx);

// A §5.5.4/§5.5.5 reduction computed from the form, shown before the secretariat confirms it.
struct ReductionPreview {
  store::ReductionRow reduction;  // ground, base, target, actual, achieved_bp, amount, note
  std::string achieved_text;      // the achieved share as typed
};

// What a refused or invalid form brings back to the project page.
struct ProjectFormState {
  std::vector<FieldError> errors;
  bool keep_values = false;          // show the posted values in the forms again
  std::int64_t report_id = 0;        // the report whose form was posted
  std::int64_t capital_item_id = 0;  // the capital item whose form was posted
  std::optional<ReductionPreview> preview;
};

// The project page (project_page.cpp) with the form's state.
Response project_view(RequestContext& ctx, const OpenedProject& project,
                      const ProjectFormState& state, int status);
// The same, 422, with the posted values kept and the errors (an invalid field, a refused step)
// beside the fields they name; report_id and capital_item_id name the row whose form posted.
Response project_errors(RequestContext& ctx, const OpenedProject& project,
                        std::vector<FieldError> errors, std::int64_t report_id = 0,
                        std::int64_t capital_item_id = 0);
Response project_error(RequestContext& ctx, const OpenedProject& project, FieldError error,
                       std::int64_t report_id = 0, std::int64_t capital_item_id = 0);

// Runs a step in one transaction; what refused it, in the reader's language ("§5.5.1: …" for
// a refused step), or nullopt when it was committed.
std::optional<std::string> run_project_step(RequestContext& ctx,
                                            const std::function<void(store::Transaction&)>& step);

// Form fields. Each adds an error naming the field (by its label's catalogue key) when the
// value is missing or malformed, and returns nullopt then.
std::optional<Money> money_field(RequestContext& ctx, std::string_view field,
                                 std::string_view label_key, std::vector<FieldError>& errors,
                                 std::string_view error_id = "");
// An empty field is not an error: nullopt, and no error.
std::optional<Money> optional_money_field(RequestContext& ctx, std::string_view field,
                                          std::string_view label_key,
                                          std::vector<FieldError>& errors, bool& valid,
                                          std::string_view error_id = "");
std::optional<CivilDate> date_field(RequestContext& ctx, std::string_view field,
                                    std::string_view label_key, std::vector<FieldError>& errors,
                                    std::string_view error_id = "");
// A share typed as a percentage ("25", "37.5") in basis points (3750); nullopt when malformed.
std::optional<int> percent_to_bp(std::string_view text);
// A whole number ≥ 0; nullopt when malformed.
std::optional<long long> count_of(std::string_view text);
std::string trimmed(std::string_view text);

// The catalogue key of an upload's refusal, or "" when the file passes (core/upload_check.h).
std::string upload_problem(const UploadedFile& file);

}  // namespace bsap::web
