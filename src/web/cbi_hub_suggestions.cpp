#include "web/cbi_hub_suggestions.h"

#include <algorithm>
#include <chrono>

#include "core/civil_date.h"
#include "plan/cbi_hub_counts.h"
#include "store/bio_feed_repo.h"
#include "web/page.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

std::string filled(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) text = web::fill(std::move(text), name, value);
  return text;
}

// "from 2015 to 2018", or "up to 2018" when the index was not applied before the previous year.
std::string previous_period(const RequestContext& ctx, const plan::CbiPeriods& periods) {
  const std::string previous = std::to_string(*periods.previous_year);
  if (!periods.period_start)
    return web::fill(ctx.text("cbi_hub_period_up_to"), "previous", previous);
  return filled(ctx.text("cbi_hub_period_from"),
                {{"from", std::to_string(*periods.period_start + 1)}, {"previous", previous}});
}

CbiSuggestion group_suggestion(const RequestContext& ctx, const plan::CbiGroupCount& count,
                               const plan::CbiHubCounts& counts, const std::string& source) {
  CbiSuggestion suggestion;
  suggestion.source = source;
  const plan::CbiPeriods& periods = counts.periods;
  std::string key = "cbi_hub_group_";
  key += plan::group_code(count.group);
  const std::string group = ctx.text(key);
  std::map<std::string, std::string> values{{"group", group},
                                            {"count", std::to_string(count.native_species)},
                                            {"year", std::to_string(periods.year)}};
  suggestion.text = filled(ctx.text("cbi_hub_native_count"), values);
  if (!periods.previous_year || !count.native_gained || !count.native_unrecorded_since) {
    (suggestion.text += ' ') += ctx.text("cbi_hub_no_previous_year");
    return suggestion;
  }
  values["gained"] = std::to_string(*count.native_gained);
  values["previous"] = std::to_string(*periods.previous_year);
  values["next"] = std::to_string(*periods.previous_year + 1);
  values["lost"] = std::to_string(*count.native_unrecorded_since);
  values["period"] = previous_period(ctx, periods);
  (suggestion.text += ' ') += filled(ctx.text("cbi_hub_native_gained"), values);
  (suggestion.text += ' ') += filled(ctx.text("cbi_hub_native_unrecorded"), values);
  suggestion.inputs["species_gained"] = static_cast<double>(*count.native_gained);
  suggestion.inputs["species_lost"] = static_cast<double>(*count.native_unrecorded_since);
  return suggestion;
}

// Indicator 3: the hub holds no built-up areas; it says so, with the whole city's native birds as
// what the figure cannot exceed.
CbiSuggestion built_up_birds(const RequestContext& ctx, const plan::CbiHubCounts& counts) {
  const auto birds =
      std::ranges::find(counts.groups, plan::CbiTaxonGroup::birds, &plan::CbiGroupCount::group);
  CbiSuggestion suggestion;
  suggestion.text =
      filled(ctx.text("cbi_hub_built_up"), {{"count", std::to_string(birds->native_species)},
                                            {"year", std::to_string(counts.periods.year)}});
  return suggestion;
}

// Indicators 7 and 8: the hub does not know the city's groups; it lists the native species of the
// classes the other indicators leave out.
CbiSuggestion city_group(const RequestContext& ctx, const plan::CbiHubCounts& counts) {
  const std::string year = std::to_string(counts.periods.year);
  CbiSuggestion suggestion;
  if (counts.other_classes.empty()) {
    suggestion.text = web::fill(ctx.text("cbi_hub_city_group_none"), "year", year);
    return suggestion;
  }
  std::string classes;
  for (const plan::CbiClassCount& one : counts.other_classes)
    classes += (classes.empty() ? "" : ctx.text("list_separator")) + one.class_name + " " +
               std::to_string(one.native_species);
  suggestion.text = filled(ctx.text("cbi_hub_city_group"), {{"classes", classes}, {"year", year}});
  return suggestion;
}

CbiSuggestion invasive_suggestion(const RequestContext& ctx, const plan::CbiHubCounts& counts,
                                  const std::string& source) {
  CbiSuggestion suggestion;
  suggestion.source = source;
  suggestion.text =
      filled(ctx.text("cbi_hub_invasive"), {{"invasive", std::to_string(counts.invasive_species)},
                                            {"total", std::to_string(counts.total_species)},
                                            {"year", std::to_string(counts.periods.year)}});
  suggestion.inputs["invasive_alien_species"] = static_cast<double>(counts.invasive_species);
  suggestion.inputs["total_species"] = static_cast<double>(counts.total_species);
  return suggestion;
}

}  // namespace

std::map<int, CbiSuggestion> cbi_hub_suggestions(RequestContext& ctx,
                                                 const plan::CbiPeriods& periods) {
  std::vector<plan::RecordedSpecies> species;
  {
    auto tx = ctx.web().store.begin();
    species = store::recorded_species(*tx);
  }
  std::map<int, CbiSuggestion> out;
  if (species.empty()) return out;  // no hub data: nothing to suggest
  const plan::CbiHubCounts counts = plan::cbi_hub_counts(species, periods);
  const CivilDate today = today_in_hong_kong(std::chrono::system_clock::now());
  const std::string source =
      filled(ctx.text("cbi_hub_source"),
             {{"year", std::to_string(periods.year)}, {"date", format_iso(today)}});
  for (const plan::CbiGroupCount& count : counts.groups)
    out[plan::group_indicator(count.group)] = group_suggestion(ctx, count, counts, source);
  out[plan::kBuiltUpBirdsIndicator] = built_up_birds(ctx, counts);
  for (int indicator : plan::kCityGroupIndicators) out[indicator] = city_group(ctx, counts);
  out[plan::kInvasiveIndicator] = invasive_suggestion(ctx, counts, source);
  return out;
}

}  // namespace bsap::web
