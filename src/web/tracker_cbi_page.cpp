// The City Biodiversity Index for an assessment year (000_e0ccae9882b7fb64.txt 5.2 and its note
// 3; the Singapore Index on Cities' Biodiversity, CBD Technical Series No. 98):
// GET  /LANG/tracker/cbi/{year}: each of the 28 indicators with its inputs (current values and
//      sources), the value calculated from them and the points it earns under the handbook's
//      bands or those an administrator entered; an indicator without bands says so.
//      Beside the species indicators, the figures the biodiversity hub counts (issue 9 §7,
//      cbi_hub_suggestions.h); ?take=N puts indicator N's into its form, unsaved.
// POST /LANG/tracker/cbi/{year}: the working group's secretariat records an indicator's inputs
//      with their source (required).
// POST /LANG/tracker/cbi-bands/{n}: an administrator enters indicator n's bands (points 0–4,
//      each with min and max, open or closed) with their source (required).
// Each answers 303 back to the year's page, or the page (422) with what to fix.
#include <algorithm>
#include <map>

#include "web/cbi_hub_suggestions.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

// The index was first published in 2008; a city's assessments start after it.
constexpr int kFirstCbiYear = 2008;
constexpr int kMaxPoints = 4;

constexpr std::string_view kDoneKeys[] = {"inputs", "bands"};

std::optional<int> cbi_year(std::string_view text) {
  const auto year = parse_number(text);
  if (!year || *year != static_cast<int>(*year) || *year < kFirstCbiYear ||
      *year > track::kLastPlanYear)
    return std::nullopt;
  return static_cast<int>(*year);
}

// What a refused form brings back to the page.
struct CbiFormState {
  int indicator = 0;   // the indicator whose form was posted
  bool bands = false;  // the bands form rather than the inputs form
  std::vector<FieldError> errors;
};

// Appended piece by piece: GCC 12 at -O2 warns falsely (-Wrestrict) of "[" + std::string.
std::string band_text(const plan::ScoreBand& band) {
  std::string text;
  if (band.min) {
    text += band.min_inclusive ? "[" : "(";
    text += format_number(*band.min);
  } else {
    text += "(−∞";
  }
  text += ", ";
  if (band.max) {
    text += format_number(*band.max);
    text += band.max_inclusive ? "]" : ")";
  } else {
    text += "∞)";
  }
  return text;
}

const plan::ScoreBand* band_for(const plan::CbiIndicator& indicator, int points) {
  const auto found = std::ranges::find(indicator.bands, points, &plan::ScoreBand::points);
  return found == indicator.bands.end() ? nullptr : &*found;
}

// The form's value of an input: as posted, else the hub's suggestion being taken (the other
// inputs left empty, so that saving does not re-source them), else as recorded.
std::string kept_input(RequestContext& ctx, const std::string& key, const std::string& field,
                       const std::map<std::string, store::CbiInputValue>& recorded, bool posted,
                       const CbiSuggestion* taken) {
  if (posted) return ctx.form().get(field);
  if (taken) {
    const auto suggested = taken->inputs.find(key);
    return suggested == taken->inputs.end() ? "" : format_number(suggested->second);
  }
  const auto value = recorded.find(key);
  return value == recorded.end() ? "" : format_number(value->second.value);
}

PageData input_rows(RequestContext& ctx, const plan::CbiIndicator& indicator,
                    const std::map<std::string, store::CbiInputValue>& recorded, bool posted,
                    const std::vector<FieldError>& errors, const CbiSuggestion* taken) {
  PageData rows{PageData::type::list};
  for (const plan::CbiInput& input : indicator.inputs) {
    PageData row;
    const auto value = recorded.find(input.key);
    const std::string field = "input_" + input.key;
    const std::string id = "cbi-" + std::to_string(indicator.number) + "-" + input.key;
    row.set("input_label", ctx.data_text(input.label.zh, input.label.en));
    row.set("input_unit", input.unit);
    row.set("input_value", value == recorded.end() ? "" : format_number(value->second.value));
    row.set("input_source", value == recorded.end() ? "" : value->second.source);
    row.set("input_field", field);
    row.set("input_id", id);
    row.set("input_kept", kept_input(ctx, input.key, field, recorded, posted, taken));
    if (posted) set_if_text(row, "input_error", error_of(errors, id));
    rows.push_back(row);
  }
  return rows;
}

PageData band_rows(RequestContext& ctx, const plan::CbiIndicator& indicator, bool posted,
                   const std::vector<FieldError>& errors) {
  PageData rows{PageData::type::list};
  const std::string prefix = "band-" + std::to_string(indicator.number) + "-";
  for (int points = 0; points <= kMaxPoints; ++points) {
    const plan::ScoreBand* band = band_for(indicator, points);
    const std::string p = std::to_string(points);
    PageData row;
    row.set("band_points", p);
    row.set("band_id", prefix + p);
    if (posted) set_if_text(row, "band_error", error_of(errors, prefix + p));
    const auto kept = [&](const std::string& field, const std::optional<double>& stored) {
      return posted ? ctx.form().get("band_" + p + "_" + field)
                    : (stored ? format_number(*stored) : "");
    };
    row.set("band_min", kept("min", band ? band->min : std::nullopt));
    row.set("band_max", kept("max", band ? band->max : std::nullopt));
    row.set("band_min_inclusive", posted ? ctx.form().get("band_" + p + "_min_inclusive") == "yes"
                                         : (!band || band->min_inclusive));
    row.set("band_max_inclusive", posted ? ctx.form().get("band_" + p + "_max_inclusive") == "yes"
                                         : (!band || band->max_inclusive));
    rows.push_back(row);
  }
  return rows;
}

// The year the index was last applied before `year`: the latest earlier year with inputs.
std::optional<int> previous_cbi_year(RequestContext& ctx, int year) {
  std::vector<int> years;
  {
    auto tx = ctx.web().store.begin();
    years = store::cbi_years(*tx);
  }
  std::optional<int> previous;
  for (int each : years)
    if (each < year) previous = each;
  return previous;
}

void add_suggestion(RequestContext& ctx, PageData& row, int year, const std::string& n,
                    const CbiSuggestion& suggestion) {
  row.set("hub_text", suggestion.text);
  if (!suggestion.inputs.empty())
    row.set("hub_take_href",
            ctx.link("/tracker/cbi/" + std::to_string(year)) + "?take=" + n + "#cbi-" + n);
}

Response cbi_view(RequestContext& ctx, int year, const CbiFormState& state, int status) {
  const bool secretariat = visitor_holds(ctx, Role::plan_secretariat);
  const bool administrator = visitor_holds(ctx, Role::administrator);
  PageData data;
  add_errors(data, state.errors);
  add_done_banner(ctx, data, kDoneKeys);
  std::map<int, std::map<std::string, store::CbiInputValue>> recorded;
  std::map<int, std::map<std::string, double>> inputs;
  plan::CbiHandbook handbook;
  {
    auto tx = ctx.web().store.begin();
    for (store::CbiInputValue& input : store::list_cbi_inputs(*tx, year)) {
      inputs[input.indicator][input.key] = input.value;
      recorded[input.indicator][input.key] = std::move(input);
    }
    handbook = plan::with_overrides(ctx.web().domain.cbi, store::list_cbi_bands(*tx));
  }
  const plan::CbiScoring scoring = plan::score_cbi(handbook, year, inputs);
  const std::optional<int> previous = previous_cbi_year(ctx, year);
  const auto suggestions = cbi_hub_suggestions(
      ctx, {year, previous, previous ? previous_cbi_year(ctx, *previous) : std::nullopt});
  const std::string take = ctx.query().get("take");
  PageData rows{PageData::type::list};
  for (const plan::CbiIndicator& indicator : handbook.indicators) {
    const bool posted = state.indicator == indicator.number;
    PageData row;
    const std::string n = std::to_string(indicator.number);
    row.set("number", n);
    row.set("component", ctx.text("tracker_cbi_component_" +
                                  std::string(plan::component_code(indicator.component))));
    row.set("name", ctx.data_text(indicator.name.zh, indicator.name.en));
    row.set("calculation",
            ctx.data_text(indicator.calculation_text.zh, indicator.calculation_text.en));
    row.set("unit", indicator.unit);
    const auto suggestion = suggestions.find(indicator.number);
    const CbiSuggestion* taken =
        suggestion != suggestions.end() && take == n && !posted ? &suggestion->second : nullptr;
    row.set("inputs", input_rows(ctx, indicator, recorded[indicator.number], posted && !state.bands,
                                 state.errors, taken));
    if (suggestion != suggestions.end()) add_suggestion(ctx, row, year, n, suggestion->second);
    const auto score =
        std::ranges::find(scoring.indicators, indicator.number, &plan::CbiIndicatorScore::number);
    if (score != scoring.indicators.end()) {
      row.set("computed_value", score->value ? format_number(*score->value) : "");
      row.set("points", score->points ? std::to_string(*score->points) : "");
      row.set("outcome", ctx.text("tracker_cbi_outcome_" + [&] {
        switch (score->outcome) {
          case plan::ScoreOutcome::scored:
            return std::string("scored");
          case plan::ScoreOutcome::inputs_missing:
            return std::string("inputs_missing");
          case plan::ScoreOutcome::bands_not_set:
            return std::string("bands_not_set");
          case plan::ScoreOutcome::outside_bands:
            return std::string("outside_bands");
        }
        return std::string("inputs_missing");
      }()));
    }
    row.set("bands_set", !indicator.bands.empty());
    PageData bands{PageData::type::list};
    for (const plan::ScoreBand& band : indicator.bands) {
      PageData item;
      item.set("band_text", std::to_string(band.points) + ": " + band_text(band));
      bands.push_back(item);
    }
    row.set("bands", bands);
    row.set("bands_source", indicator.bands_source);
    row.set("inputs_action", ctx.link("/tracker/cbi/" + std::to_string(year)));
    row.set("bands_action", ctx.link("/tracker/cbi-bands/" + n));
    row.set("source_id", "cbi-" + n + "-source");
    if (posted && !state.bands)
      set_if_text(row, "source_error", error_of(state.errors, "cbi-" + n + "-source"));
    row.set("source_kept", posted && !state.bands ? ctx.form().get("source")
                           : taken                ? taken->source
                                                  : "");
    if (administrator) {
      row.set("band_rows", band_rows(ctx, indicator, posted && state.bands, state.errors));
      row.set("bands_source_id", "band-" + n + "-source");
      if (posted && state.bands)
        set_if_text(row, "bands_source_error", error_of(state.errors, "band-" + n + "-source"));
      row.set("bands_source_kept",
              posted && state.bands ? ctx.form().get("bands_source") : indicator.bands_source);
    }
    rows.push_back(row);
  }
  data.set("cbi_rows", rows);
  data.set("enters_inputs", secretariat);
  data.set("enters_bands", administrator);
  data.set("year", std::to_string(year));
  data.set("total", std::to_string(scoring.total));
  data.set("max_points", std::to_string(scoring.max_points()));
  data.set("scored", std::to_string(scoring.scored));
  data.set("citation", handbook.citation);
  data.set("tracker_href", ctx.link("/tracker"));
  return render_titled_page(ctx, "tracker_cbi",
                            ctx.text("tracker_cbi_title") + " · " + std::to_string(year),
                            std::move(data), status);
}

Response done(RequestContext& ctx, int year, std::string_view what, int indicator) {
  return redirect_see_other(ctx.link("/tracker/cbi/" + std::to_string(year)) +
                            "?done=" + std::string(what) + "#cbi-" + std::to_string(indicator));
}

const plan::CbiIndicator* find_cbi_indicator(const RequestContext& ctx, std::string_view number) {
  const auto n = parse_number(number);
  if (!n) return nullptr;
  const auto& indicators = ctx.web().domain.cbi.indicators;
  const auto found =
      std::ranges::find(indicators, static_cast<int>(*n), &plan::CbiIndicator::number);
  return found == indicators.end() || *n != found->number ? nullptr : &*found;
}

// One band as the form gives it: nullopt when its row is left empty.
std::optional<plan::ScoreBand> posted_band(RequestContext& ctx, int points, const std::string& id,
                                           std::vector<FieldError>& errors) {
  const std::string p = "band_" + std::to_string(points) + "_";
  const std::string min_text = trim_text(ctx.form().get(p + "min"));
  const std::string max_text = trim_text(ctx.form().get(p + "max"));
  if (min_text.empty() && max_text.empty()) return std::nullopt;
  plan::ScoreBand band;
  band.points = points;
  band.min_inclusive = ctx.form().get(p + "min_inclusive") == "yes";
  band.max_inclusive = ctx.form().get(p + "max_inclusive") == "yes";
  if (!min_text.empty()) band.min = parse_number(min_text);
  if (!max_text.empty()) band.max = parse_number(max_text);
  if ((!min_text.empty() && !band.min) || (!max_text.empty() && !band.max))
    errors.push_back({id, ctx.text("tracker_error_band_number")});
  else if (band.min && band.max && *band.min > *band.max)
    errors.push_back({id, ctx.text("tracker_error_band_order")});
  return band;
}

}  // namespace

Response tracker_cbi_page(RequestContext& ctx) {
  const auto year = cbi_year(ctx.path_parameter("year"));
  if (!year) return error_page(ctx, ErrorPage::not_found);
  return cbi_view(ctx, *year, {}, 200);
}

Response tracker_cbi_inputs_save(RequestContext& ctx) {
  const auto year = cbi_year(ctx.path_parameter("year"));
  if (!year) return error_page(ctx, ErrorPage::not_found);
  const plan::CbiIndicator* indicator = find_cbi_indicator(ctx, ctx.form().get("indicator"));
  if (!indicator) {
    CbiFormState state;
    state.errors.push_back({"cbi", ctx.text("tracker_error_cbi_indicator")});
    return cbi_view(ctx, *year, state, 422);
  }
  const std::string n = std::to_string(indicator->number);
  CbiFormState state;
  state.indicator = indicator->number;
  std::vector<store::CbiInputValue> values;
  const std::string source = trim_text(ctx.form().get("source"));
  for (const plan::CbiInput& input : indicator->inputs) {
    const std::string text = trim_text(ctx.form().get("input_" + input.key));
    if (text.empty()) continue;
    const auto value = parse_number(text);
    if (!value) {
      state.errors.push_back({"cbi-" + n + "-" + input.key, ctx.text("tracker_error_cbi_input")});
      continue;
    }
    values.push_back({*year, indicator->number, input.key, *value, source, false});
  }
  if (values.empty() && state.errors.empty() && !indicator->inputs.empty())
    state.errors.push_back(
        {"cbi-" + n + "-" + indicator->inputs.front().key, ctx.text("tracker_error_cbi_no_input")});
  if (source.empty())
    state.errors.push_back({"cbi-" + n + "-source", ctx.text("tracker_error_source")});
  if (!state.errors.empty()) return cbi_view(ctx, *year, state, 422);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        for (const store::CbiInputValue& value : values)
          store::record_cbi_input(tx, value, ctx.user()->username);
      })) {
    state.errors.push_back({"cbi-" + n + "-source", *refusal});
    return cbi_view(ctx, *year, state, 422);
  }
  return done(ctx, *year, "inputs", indicator->number);
}

Response tracker_cbi_bands_save(RequestContext& ctx) {
  const plan::CbiIndicator* indicator = find_cbi_indicator(ctx, ctx.path_parameter("n"));
  if (!indicator) return error_page(ctx, ErrorPage::not_found);
  const int year = cbi_year(ctx.form().get("year")).value_or(current_plan_year());
  const std::string n = std::to_string(indicator->number);
  CbiFormState state;
  state.indicator = indicator->number;
  state.bands = true;
  plan::BandOverride bands;
  bands.indicator = indicator->number;
  bands.source = trim_text(ctx.form().get("bands_source"));
  for (int points = 0; points <= kMaxPoints; ++points)
    if (auto band =
            posted_band(ctx, points, "band-" + n + "-" + std::to_string(points), state.errors))
      bands.bands.push_back(*band);
  if (bands.bands.empty() && state.errors.empty())
    state.errors.push_back({"band-" + n + "-0", ctx.text("tracker_error_band_none")});
  if (bands.source.empty())
    state.errors.push_back({"band-" + n + "-source", ctx.text("tracker_error_source")});
  if (!state.errors.empty()) return cbi_view(ctx, year, state, 422);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        store::set_cbi_bands(tx, bands, ctx.user()->username);
      })) {
    state.errors.push_back({"band-" + n + "-source", *refusal});
    return cbi_view(ctx, year, state, 422);
  }
  return done(ctx, year, "bands", indicator->number);
}

}  // namespace bsap::web
