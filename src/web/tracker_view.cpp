#include "web/tracker_view.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <sstream>

#include "core/civil_date.h"
#include "store/assessment_repo.h"
#include "web/assessment_view.h"

namespace bsap::web {

bool visitor_holds(RequestContext& ctx, Role role) {
  const auto& user = ctx.user();
  return user && std::ranges::find(user->roles, role) != user->roles.end();
}

track::TrackerActor tracker_actor(RequestContext& ctx) {
  track::TrackerActor actor;
  actor.user_id = ctx.user() ? ctx.user()->id : 0;
  actor.plan_secretariat = visitor_holds(ctx, Role::plan_secretariat);
  return actor;
}

std::optional<int> tracker_plan_year(std::string_view text) {
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (year < track::kFirstPlanYear || year > track::kLastPlanYear) return std::nullopt;
  return year;
}

int current_plan_year() {
  const int year = today_in_hong_kong(std::chrono::system_clock::now()).year();
  return std::clamp(year, track::kFirstPlanYear, track::kLastPlanYear);
}

PageData plan_year_options(int selected) {
  PageData options{PageData::type::list};
  for (int year = track::kFirstPlanYear; year <= track::kLastPlanYear; ++year)
    options.push_back(option(std::to_string(year), std::to_string(year), year == selected));
  return options;
}

std::string status_name(const RequestContext& ctx, plan::ItemStatus status) {
  return ctx.text("tracker_status_" + std::string(plan::status_code(status)));
}

std::string state_name(const RequestContext& ctx, plan::ReportState state) {
  return ctx.text("tracker_state_" + std::string(plan::state_code(state)));
}

std::string department_name(const RequestContext& ctx, const store::Department& department) {
  return ctx.data_text(department.name_zh, department.name_en);
}

std::string item_text(const RequestContext& ctx, const plan::ItemRef& item) {
  return ctx.data_text(item.item->text.zh, item.item->text.en);
}

std::string tracker_item_link(const RequestContext& ctx, std::string_view item_id, int year,
                              std::string_view rest) {
  return ctx.link("/tracker/items/" + std::string(item_id) + "/" + std::to_string(year) +
                  std::string(rest));
}

PageData option(std::string value, std::string name, bool selected) {
  PageData item;
  item.set("value", std::move(value));
  item.set("name", std::move(name));
  item.set("selected", selected);
  return item;
}

std::string error_of(const std::vector<FieldError>& errors, std::string_view field) {
  for (const FieldError& error : errors)
    if (error.field == field) return error.message;
  return "";
}

std::string trim_text(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first));
}

std::optional<double> parse_number(std::string_view text) {
  const std::string value = trim_text(text);
  double number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc{} || end != value.data() + value.size() ||
      !std::isfinite(number))
    return std::nullopt;
  return number;
}

std::string format_number(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

void add_done_banner(RequestContext& ctx, PageData& data, std::span<const std::string_view> keys) {
  const std::string done = ctx.query().get("done");
  for (std::string_view key : keys)
    if (done == key) data.set("done_message", ctx.text("tracker_done_" + done));
}

std::optional<std::string> run_tracker_step(RequestContext& ctx,
                                            const std::function<void(store::Transaction&)>& step) {
  try {
    store::in_transaction(ctx.web().store, step);
  } catch (const assess::StepRefused& refusal) {
    return refusal_text(ctx, refusal);
  } catch (const store::StaleState&) {
    return ctx.text("tracker_error_stale");
  } catch (const store::StoreError&) {
    // A report no longer in draft, an unknown department: the data moved under the form.
    return ctx.text("tracker_error_stale");
  }
  return std::nullopt;
}

}  // namespace bsap::web
