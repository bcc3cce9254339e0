#include "web/biodata_view.h"

#include <charconv>
#include <cmath>

#include "biodata/taxon_status.h"
#include "hub/species_search.h"
#include "web/url.h"

namespace bsap::web {
namespace {

PageData marks(const RequestContext& ctx, std::int64_t id, const std::string& common,
               const std::string& scientific, const std::string& establishment,
               const std::string& iucn, int sensitivity) {
  PageData data;
  data.set("common_name", common);
  data.set("scientific_name", scientific);
  data.set("has_common_name", common != scientific);
  data.set("href", species_href(ctx, id));
  data.set("establishment", ctx.text("bio_establishment_" + establishment));
  data.set("iucn", iucn);
  data.set("has_iucn", !iucn.empty());
  if (!iucn.empty()) data.set("iucn_label", ctx.text("bio_iucn_" + iucn));
  data.set("threatened", biodata::is_threatened(iucn));
  data.set("invasive", establishment == "invasive");
  data.set("sensitive", sensitivity > 0);
  return data;
}

}  // namespace

std::string taxon_common_name(const RequestContext& ctx, const std::string& name_zh,
                              const std::string& name_en, const std::string& scientific) {
  std::string common = ctx.data_text(name_zh, name_en);
  if (common.empty() && ctx.lang() != Lang::en) common = name_en;
  return common.empty() ? scientific : common;
}

std::string taxon_common_name(const RequestContext& ctx, const store::BioTaxon& taxon) {
  return taxon_common_name(ctx, taxon.name_zh, taxon.name_en, taxon.scientific_name);
}

PageData taxon_marks(const RequestContext& ctx, const store::BioTaxon& taxon) {
  return marks(ctx, taxon.id, taxon_common_name(ctx, taxon), taxon.scientific_name,
               taxon.establishment, taxon.iucn_category, taxon.sensitivity);
}

PageData area_species_marks(const RequestContext& ctx, const store::AreaSpecies& species) {
  return marks(ctx, species.taxon_id,
               taxon_common_name(ctx, species.name_zh, species.name_en, species.scientific_name),
               species.scientific_name, species.establishment, species.iucn_category,
               species.sensitivity);
}

std::vector<store::TaxonHit> find_species(const RequestContext& ctx, store::Transaction& tx,
                                          std::string_view text, int limit) {
  // One per process: it is kept per audit head hash, which two databases share only while both
  // logs are empty, and then neither holds a taxon (a checklist import is audited).
  static hub::SimplifiedNameIndex names;
  return hub::search_species(tx, names, ctx.web().domain.converter, text, limit);
}

std::string species_href(const RequestContext& ctx, std::int64_t taxon_id) {
  return ctx.link("/species/" + std::to_string(taxon_id));
}

std::string area_href(const RequestContext& ctx, const std::string& layer,
                      const std::string& area) {
  return ctx.link("/areas/" + percent_encode(layer) + "/" + percent_encode(area));
}

std::string layer_name(const RequestContext& ctx, const store::BioLayer& layer) {
  std::string name = ctx.data_text(layer.name_zh, layer.name_en);
  return name.empty() ? layer.code : name;
}

std::string area_name(const RequestContext& ctx, const store::BioArea& area) {
  std::string name = ctx.data_text(area.name_zh, area.name_en);
  if (name.empty()) name = ctx.lang() == Lang::en ? area.name_zh : area.name_en;
  return name.empty() ? area.code : name;
}

std::optional<std::int64_t> species_id_parameter(const RequestContext& ctx) {
  const std::string text = ctx.path_parameter("id");
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::optional<SpeciesRecords> species_records(RequestContext& ctx) {
  auto id = species_id_parameter(ctx);
  if (!id) return std::nullopt;
  auto tx = ctx.web().store.begin();
  auto taxon = store::find_taxon(*tx, *id);
  if (!taxon) return std::nullopt;
  return SpeciesRecords{std::move(*taxon), store::taxon_occurrences(*tx, *id)};
}

std::string format_degrees(double degrees) {
  char buffer[32];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, std::round(degrees * 1e6) / 1e6);
  return error == std::errc{} ? std::string(buffer, end) : std::string();
}

Response hub_data_response(std::string content_type, std::string body, bool precise) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.add_header("Cache-Control", precise ? "private, no-store" : "public, max-age=300");
  response.add_header("Vary", "Cookie");
  return response;
}

void set_hub_links(const RequestContext& ctx, PageData& data) {
  data.set("species_search_href", ctx.link("/species"));
  data.set("areas_href", ctx.link("/areas"));
  data.set("richness_href", ctx.link("/richness"));
}

}  // namespace bsap::web
