// The plan's indicators as the working group's secretariat keeps them (000_e0ccae9882b7fb64.txt
// 5.2: the working group tracks quantitative and semi-quantitative indicators):
// GET  /LANG/tracker/indicators: each indicator of data/bsap2035/indicators.yaml with its yearly
//      series and their sources; an indicator the system computes from its own data
//      (computed_from, track/computed_indicators.h) shows its computed values and says so.
// POST /LANG/tracker/indicators/{code}: records a year's value with its source (required); a
//      second value for the same year replaces the first (both audited). Computed indicators take
//      no typed values.
#include <algorithm>

#include "track/computed_indicators.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

// Baselines reach back before the plan (the seed cites 2011–2021 figures).
constexpr int kFirstValueYear = 1990;

constexpr std::string_view kDoneKeys[] = {"value"};

const plan::Indicator* find_indicator(const RequestContext& ctx, std::string_view code) {
  const auto& indicators = ctx.web().domain.indicators;
  const auto found = std::ranges::find(indicators, code, &plan::Indicator::code);
  return found == indicators.end() ? nullptr : &*found;
}

PageData series_rows(std::vector<plan::IndicatorValue> series) {
  std::ranges::sort(series, {}, &plan::IndicatorValue::year);
  PageData rows{PageData::type::list};
  for (const plan::IndicatorValue& value : series) {
    PageData row;
    row.set("value_year", std::to_string(value.year));
    row.set("amount", format_number(value.value));
    row.set("source", value.source);
    row.set("demonstration", value.demonstration);
    rows.push_back(row);
  }
  return rows;
}

Response indicators_view(RequestContext& ctx, const std::string& posted_code,
                         const std::vector<FieldError>& errors, int status) {
  PageData data;
  add_errors(data, errors);
  add_done_banner(ctx, data, kDoneKeys);
  PageData rows{PageData::type::list};
  auto tx = ctx.web().store.begin();
  for (const plan::Indicator& indicator : ctx.web().domain.indicators) {
    PageData row;
    row.set("code", indicator.code);
    row.set("name", ctx.data_text(indicator.name.zh, indicator.name.en));
    row.set("definition", ctx.data_text(indicator.definition.zh, indicator.definition.en));
    row.set("unit", indicator.unit);
    row.set("source", indicator.source);
    row.set("baseline", indicator.baseline_value ? format_number(*indicator.baseline_value) + " (" +
                                                       std::to_string(indicator.baseline_year) + ")"
                                                 : ctx.text("tracker_not_known"));
    row.set("target", indicator.target_value ? format_number(*indicator.target_value) + " (" +
                                                   std::to_string(indicator.target_year) + ")"
                                             : ctx.text("tracker_not_set"));
    const bool computed = !indicator.computed_from.empty();
    row.set("computed", computed);
    const auto series = computed ? track::indicator_series_with_computed(*tx, indicator)
                                 : store::indicator_series(*tx, indicator.code);
    row.set("has_series", !series.empty());
    row.set("series", series_rows(series));
    row.set("value_action", ctx.link("/tracker/indicators/" + indicator.code));
    const bool posted = indicator.code == posted_code;
    for (const char* field : {"year", "value", "source"}) {
      const std::string id = indicator.code + "-" + field;
      row.set(std::string("id_") + field, id);
      row.set(std::string("kept_") + field, posted ? ctx.form().get(field) : "");
      if (posted) set_if_text(row, std::string("error_") + field, error_of(errors, id));
    }
    rows.push_back(row);
  }
  data.set("indicator_rows", rows);
  data.set("has_indicators", !ctx.web().domain.indicators.empty());
  data.set("tracker_href", ctx.link("/tracker"));
  return render_page(ctx, "tracker_indicators", "tracker_indicators_title", std::move(data),
                     status);
}

}  // namespace

Response tracker_indicators_page(RequestContext& ctx) { return indicators_view(ctx, "", {}, 200); }

Response tracker_indicator_value_save(RequestContext& ctx) {
  const std::string code = ctx.path_parameter("code");
  const plan::Indicator* indicator = find_indicator(ctx, code);
  if (!indicator) return error_page(ctx, ErrorPage::not_found);
  std::vector<FieldError> errors;
  const std::string id = code + "-";
  if (!indicator->computed_from.empty())
    errors.push_back({id + "value", ctx.text("tracker_error_indicator_computed")});
  const auto year = parse_number(ctx.form().get("year"));
  const bool year_ok = year && *year == static_cast<int>(*year) && *year >= kFirstValueYear &&
                       *year <= track::kLastPlanYear;
  if (!year_ok)
    errors.push_back({id + "year", fill(fill(ctx.text("tracker_error_indicator_year"), "first",
                                             std::to_string(kFirstValueYear)),
                                        "last", std::to_string(track::kLastPlanYear))});
  const auto value = parse_number(ctx.form().get("value"));
  if (!value) errors.push_back({id + "value", ctx.text("tracker_error_indicator_value")});
  const std::string source = trim_text(ctx.form().get("source"));
  if (source.empty()) errors.push_back({id + "source", ctx.text("tracker_error_source")});
  if (!errors.empty()) return indicators_view(ctx, code, errors, 422);
  plan::IndicatorValue recorded;
  recorded.code = code;
  recorded.year = static_cast<int>(*year);
  recorded.value = *value;
  recorded.source = source;
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        store::record_indicator_value(tx, recorded, ctx.user()->username);
      }))
    return indicators_view(ctx, code, {{id + "value", *refusal}}, 422);
  return redirect_see_other(ctx.link("/tracker/indicators") + "?done=value#" + code);
}

}  // namespace bsap::web
