// What the plan tracker's working pages share (000_e0ccae9882b7fb64.txt 5.1: the departments
// report each priority item's progress; the working group's secretariat reviews and publishes):
// who the visitor acts as, the plan year a page is about, the names of statuses, states and
// departments in the reader's language, a step run in one transaction with what refused it, and
// the item page (tracker_item_page.cpp) shown again beside a form's errors with the posted values.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.h"
#include "plan/progress.h"
#include "store/tracker_repo.h"
#include "track/progress_service.h"
#include "web/http_message.h"
#include "web/page.h"
#include "web/request_context.h"

namespace bsap::web {

bool visitor_holds(RequestContext& ctx, Role role);
track::TrackerActor tracker_actor(RequestContext& ctx);

// A plan year (2026–2035) from a path segment or form field; nullopt otherwise.
std::optional<int> tracker_plan_year(std::string_view text);
// This year in Hong Kong, brought within the plan's years.
int current_plan_year();
// The plan years as <select> options, `selected` marked.
PageData plan_year_options(int selected);

std::string status_name(const RequestContext& ctx, plan::ItemStatus status);
std::string state_name(const RequestContext& ctx, plan::ReportState state);
std::string department_name(const RequestContext& ctx, const store::Department& department);
// "1.5.2 <the item's text>" in the reader's language.
std::string item_text(const RequestContext& ctx, const plan::ItemRef& item);

// "/en/tracker/items/1.5.2/2026" (+ rest).
std::string tracker_item_link(const RequestContext& ctx, std::string_view item_id, int year,
                              std::string_view rest = "");

PageData option(std::string value, std::string name, bool selected);
std::string error_of(const std::vector<FieldError>& errors, std::string_view field);
std::string trim_text(std::string_view text);
// A number as typed ("12.5", "-3"); nullopt when it is not one or not finite.
std::optional<double> parse_number(std::string_view text);
std::string format_number(double value);
// Sets done_message when the query's ?done= is one of keys: the text tracker_done_KEY.
void add_done_banner(RequestContext& ctx, PageData& data, std::span<const std::string_view> keys);

// Runs a step in one transaction; what refused it in the reader's language ("000 5.1: …" for a
// refused step), or nullopt when it was committed.
std::optional<std::string> run_tracker_step(RequestContext& ctx,
                                            const std::function<void(store::Transaction&)>& step);

// The item form's values as typed: kept when a save is refused.
struct ItemFormValues {
  std::string status;
  std::string narrative_zh;
  std::string narrative_en;
  std::vector<std::array<std::string, 4>> outputs;     // label zh, label en, value, unit
  std::vector<std::array<std::string, 4>> milestones;  // title zh, title en, due, done
  std::vector<std::array<std::string, 2>> links;       // label, https URL
};

struct ItemPageState {
  std::vector<FieldError> errors;
  std::optional<ItemFormValues> posted;  // the values to show instead of the stored report's
  std::string return_note;               // the secretariat's note as typed
};

// The item page for (item, year) with the state; 404 for an unknown item or year.
Response tracker_item_view(RequestContext& ctx, const std::string& item_id, int year,
                           const ItemPageState& state, int status);

}  // namespace bsap::web
