#include "web/observation_view.h"

#include <algorithm>

#include "biodata/sensitivity.h"
#include "biodata/text_trim.h"
#include "web/biodata_access.h"
#include "web/biodata_view.h"
#include "web/portal_access.h"

namespace bsap::web {
namespace {

constexpr int kMostChoices = 10;

bool is_submitter(RequestContext& ctx, const store::StoredObservation& observation) {
  return ctx.user() && ctx.user()->id == observation.submitted_by;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// A name typed in full picks its taxon even when it is also part of others' names.
bool names_exactly(const store::BioTaxon& taxon, std::string_view typed) {
  const std::string wanted = lowercase(typed);
  return lowercase(taxon.scientific_name) == wanted || lowercase(taxon.canonical_name) == wanted ||
         taxon.name_zh == typed || lowercase(taxon.name_en) == wanted;
}

// The place as a reader who sees it precisely, or as the public, is shown it.
biodata::PublishedLocation shown_place(const store::StoredObservation& observation, bool precise) {
  auto sensitivity = biodata::sensitivity_from_number(observation.place_sensitivity)
                         .value_or(biodata::Sensitivity::withheld);
  return biodata::publish_location(LonLat{observation.longitude, observation.latitude},
                                   std::nullopt, sensitivity, precise);
}

}  // namespace

std::unique_ptr<store::Transaction> begin_for_visitor(RequestContext& ctx) {
  ctx.session();
  return ctx.web().store.begin();
}

bool holds_role(RequestContext& ctx, Role role) {
  return ctx.user() && std::ranges::find(ctx.user()->roles, role) != ctx.user()->roles.end();
}

bool is_verifier(RequestContext& ctx) { return holds_role(ctx, Role::verifier); }

bool sees_precise_observation(RequestContext& ctx, const store::StoredObservation& observation) {
  return is_submitter(ctx, observation) || is_verifier(ctx) || sees_precise_locations(ctx);
}

bool may_see_observation(RequestContext& ctx, const store::StoredObservation& observation) {
  return hub::is_published(observation.state) || sees_precise_observation(ctx, observation);
}

std::string observation_href(const RequestContext& ctx, std::int64_t id) {
  return ctx.link("/observations/" + std::to_string(id));
}

std::string taxon_label(const RequestContext& ctx, const store::ObservationTaxon& taxon) {
  return taxon_common_name(ctx, taxon.name_zh, taxon.name_en, taxon.scientific_name);
}

PageData observation_row(RequestContext& ctx, const store::StoredObservation& observation) {
  PageData row;
  row.set("id", std::to_string(observation.id));
  row.set("href", observation_href(ctx, observation.id));
  row.set("species", observation.taxon ? taxon_label(ctx, *observation.taxon)
                                       : ctx.text("observation_species_unknown"));
  if (observation.taxon) row.set("scientific_name", observation.taxon->scientific_name);
  row.set("observed_on", format_iso(observation.observed_on));
  row.set("count", std::to_string(observation.individual_count));
  row.set("submitter", observation.submitter_name);
  row.set("state",
          ctx.text("observation_state_" + std::string(hub::review_state_code(observation.state))));
  if (auto grade = hub::quality_grade(observation.state, observation.photos > 0))
    row.set("grade", ctx.text("observation_grade_" + std::string(hub::quality_grade_code(*grade))));
  const biodata::PublishedLocation place =
      shown_place(observation, sees_precise_observation(ctx, observation));
  // The map shows every reader the public place, so that a map drawn for staff shows no more.
  if (const auto map_point = shown_place(observation, false).point) {
    row.set("map_lat", format_degrees(map_point->lat));
    row.set("map_lon", format_degrees(map_point->lon));
  }
  if (place.point)
    row.set("place", format_degrees(place.point->lat) + ", " + format_degrees(place.point->lon));
  else
    row.set("withheld", true);
  row.set("generalised", place.generalised);
  if (place.generalised && place.uncertainty_m)
    row.set("generalised_note", fill(ctx.text("observation_place_generalised"), "metres",
                                     std::to_string(static_cast<long long>(*place.uncertainty_m))));
  return row;
}

PageData observation_rows(RequestContext& ctx,
                          const std::vector<store::StoredObservation>& observations) {
  PageData rows{PageData::type::list};
  for (const auto& observation : observations) rows.push_back(observation_row(ctx, observation));
  return rows;
}

SpeciesAnswer read_species(RequestContext& ctx, store::Transaction& tx, bool unknown_allowed) {
  const FormData& form = ctx.form();
  SpeciesAnswer answer;
  if (auto id = parse_positive_id(form.get("taxon_id")); id && store::find_taxon(tx, *id)) {
    answer.taxon_id = id;
    return answer;
  }
  if (unknown_allowed && form.get("unknown") == "yes") return answer;
  const std::string typed(biodata::trim(form.get("species")));
  if (typed.empty()) {
    answer.error_key =
        unknown_allowed ? "observation_error_species_empty" : "observation_error_species_needed";
    return answer;
  }
  std::vector<store::TaxonHit> hits = find_species(ctx, tx, typed, kMostChoices + 1);
  auto exact = std::ranges::find_if(
      hits, [&](const store::TaxonHit& hit) { return names_exactly(hit.taxon, typed); });
  if (exact != hits.end() || hits.size() == 1) {
    answer.taxon_id = (exact != hits.end() ? *exact : hits.front()).taxon.id;
    return answer;
  }
  if (hits.empty()) {
    answer.error_key = "observation_error_species_none";
    return answer;
  }
  if (hits.size() > static_cast<std::size_t>(kMostChoices)) hits.resize(kMostChoices);
  answer.error_key = "observation_error_species_several";
  answer.choices = std::move(hits);
  return answer;
}

PageData species_choices(const RequestContext& ctx, const std::vector<store::TaxonHit>& choices) {
  PageData list{PageData::type::list};
  for (const auto& hit : choices) {
    PageData item;
    item.set("taxon_id", std::to_string(hit.taxon.id));
    item.set("name", taxon_common_name(ctx, hit.taxon));
    item.set("scientific_name", hit.taxon.scientific_name);
    list.push_back(item);
  }
  return list;
}

PageData species_names(const RequestContext& ctx,
                       const std::vector<store::ObservationTaxon>& taxa) {
  PageData list{PageData::type::list};
  std::vector<std::int64_t> listed;
  for (const store::ObservationTaxon& taxon : taxa) {
    if (std::ranges::find(listed, taxon.id) != listed.end()) continue;
    listed.push_back(taxon.id);
    PageData item;
    item.set("scientific_name", taxon.scientific_name);
    item.set("name", taxon_label(ctx, taxon));
    list.push_back(item);
  }
  return list;
}

}  // namespace bsap::web
