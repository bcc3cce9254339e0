#include "web/cbi_hub_suggestions.h"

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

CbiSuggestion group_suggestion(const RequestContext& ctx, const plan::CbiGroupCount& count,
                               const plan::CbiHubCounts& counts, const std::string& source) {
  CbiSuggestion suggestion;
  suggestion.source = source;
  std::string key = "cbi_hub_group_";
  key += plan::group_code(count.group);
  const std::string group = ctx.text(key);
  std::map<std::string, std::string> values{{"group", group},
                                            {"count", std::to_string(count.native_species)},
                                            {"year", std::to_string(counts.year)}};
  suggestion.text = filled(ctx.text("cbi_hub_native_count"), values);
  if (count.native_gained && counts.previous_year) {
    values["gained"] = std::to_string(*count.native_gained);
    values["previous"] = std::to_string(*counts.previous_year);
    (suggestion.text += ' ') += filled(ctx.text("cbi_hub_native_gained"), values);
    suggestion.inputs["species_gained"] = static_cast<double>(*count.native_gained);
  } else {
    (suggestion.text += ' ') += ctx.text("cbi_hub_no_previous_year");
  }
  (suggestion.text += ' ') += ctx.text("cbi_hub_species_lost");
  return suggestion;
}

CbiSuggestion invasive_suggestion(const RequestContext& ctx, const plan::CbiHubCounts& counts,
                                  const std::string& source) {
  CbiSuggestion suggestion;
  suggestion.source = source;
  suggestion.text =
      filled(ctx.text("cbi_hub_invasive"), {{"invasive", std::to_string(counts.invasive_species)},
                                            {"total", std::to_string(counts.total_species)},
                                            {"year", std::to_string(counts.year)}});
  suggestion.inputs["invasive_alien_species"] = static_cast<double>(counts.invasive_species);
  suggestion.inputs["total_species"] = static_cast<double>(counts.total_species);
  return suggestion;
}

}  // namespace

std::map<int, CbiSuggestion> cbi_hub_suggestions(RequestContext& ctx, int year,
                                                 std::optional<int> previous_year) {
  std::vector<plan::RecordedSpecies> species;
  {
    auto tx = ctx.web().store.begin();
    species = store::recorded_species(*tx);
  }
  std::map<int, CbiSuggestion> out;
  if (species.empty()) return out;  // no hub data: nothing to suggest
  const plan::CbiHubCounts counts = plan::cbi_hub_counts(species, year, previous_year);
  const CivilDate today = today_in_hong_kong(std::chrono::system_clock::now());
  const std::string source = filled(ctx.text("cbi_hub_source"),
                                    {{"year", std::to_string(year)}, {"date", format_iso(today)}});
  for (const plan::CbiGroupCount& count : counts.groups)
    out[plan::group_indicator(count.group)] = group_suggestion(ctx, count, counts, source);
  out[plan::kInvasiveIndicator] = invasive_suggestion(ctx, counts, source);
  return out;
}

}  // namespace bsap::web
