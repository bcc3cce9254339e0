// GET /LANG/species/ID: one species (issue 9 §5) — its names, classification and marks, a map of
// its records, its records by year, the records themselves and their downloads. A synonym's page
// sends the reader on to its accepted name. For the public and applicants a sensitive species'
// records are generalised or withheld (§6: hub/published_occurrence.h); the page says so.
#include "biodata/sensitivity.h"
#include "hub/published_occurrence.h"
#include "store/bio_infraspecific_repo.h"
#include "store/bio_query_repo.h"
#include "web/biodata_access.h"
#include "web/biodata_view.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

constexpr std::size_t kRecordsShown = 200;

PageData classification(const RequestContext& ctx, const store::BioTaxon& taxon) {
  PageData rows{PageData::type::list};
  auto add = [&](std::string_view rank, const std::string& name) {
    if (name.empty()) return;
    PageData row;
    row.set("rank", ctx.text("bio_rank_" + std::string(rank)));
    row.set("name", name);
    rows.push_back(row);
  };
  add("kingdom", taxon.kingdom);
  add("phylum", taxon.phylum);
  add("class", taxon.class_name);
  add("order", taxon.order_name);
  add("family", taxon.family);
  add("genus", taxon.genus);
  return rows;
}

PageData years(const std::vector<store::YearCount>& counts, const std::string& undated) {
  PageData rows{PageData::type::list};
  for (const store::YearCount& count : counts) {
    PageData row;
    row.set("year", count.year ? std::to_string(*count.year) : undated);
    row.set("records", std::to_string(count.records));
    rows.push_back(row);
  }
  return rows;
}

std::string place_text(const RequestContext& ctx, const hub::PublishedOccurrence& record) {
  if (!record.point)
    return ctx.text(record.data_generalizations.empty() ? "bio_place_none" : "bio_place_withheld");
  // Appended piece by piece: GCC 12 at -O2 warns falsely (-Wrestrict) on a + b + c of strings.
  std::string text = format_degrees(record.point->lat);
  text += ", ";
  text += format_degrees(record.point->lon);
  if (!record.data_generalizations.empty()) {
    text += ' ';
    text += ctx.text("bio_place_generalised");
  }
  return text;
}

PageData record_rows(const RequestContext& ctx,
                     const std::vector<hub::PublishedOccurrence>& records) {
  PageData rows{PageData::type::list};
  for (std::size_t i = 0; i < records.size() && i < kRecordsShown; ++i) {
    const hub::PublishedOccurrence& record = records[i];
    PageData row;
    row.set("date", record.event_date.empty() ? ctx.text("bio_undated") : record.event_date);
    row.set("place", place_text(ctx, record));
    row.set("locality", record.locality);
    row.set("recorded_by", record.recorded_by);
    row.set("dataset", record.dataset_key);
    row.set("issues", record.issues);
    rows.push_back(row);
  }
  return rows;
}

// What the reader is told of the records' places: precise, generalised to a grid, or withheld.
std::string precision_note(const RequestContext& ctx, int sensitivity, bool precise) {
  auto category = biodata::sensitivity_from_number(sensitivity);
  if (!category || *category == biodata::Sensitivity::none) return "";
  if (precise) return ctx.text("bio_sensitive_staff");
  if (*category == biodata::Sensitivity::withheld) return ctx.text("bio_sensitive_withheld");
  return fill(ctx.text("bio_sensitive_generalised"), "degrees",
              biodata::sensitivity_name(*category));
}

}  // namespace

Response species_page(RequestContext& ctx) {
  auto id = species_id_parameter(ctx);
  if (!id) return error_page(ctx, ErrorPage::not_found);
  const bool precise = sees_precise_locations(ctx);
  std::optional<store::BioTaxon> taxon;
  std::vector<store::StoredOccurrence> stored;
  std::vector<store::YearCount> by_year;
  std::vector<store::BioTaxon> infraspecific;
  {
    auto tx = ctx.web().store.begin();
    taxon = store::find_taxon(*tx, *id);
    if (taxon && taxon->accepted_id)
      return redirect_see_other(species_href(ctx, *taxon->accepted_id));
    if (taxon) {
      stored = store::taxon_occurrences(*tx, *id);
      by_year = store::taxon_records_by_year(*tx, *id);
      infraspecific = store::infraspecific_taxa_of(*tx, *id);
    }
  }
  if (!taxon) return error_page(ctx, ErrorPage::not_found);
  std::vector<hub::PublishedOccurrence> records;
  records.reserve(stored.size());
  std::size_t on_map = 0;
  for (const store::StoredOccurrence& occurrence : stored) {
    records.push_back(hub::publish_occurrence(occurrence, precise));
    on_map += records.back().on_map ? 1 : 0;
  }
  PageData data = taxon_marks(ctx, *taxon);
  data.set("name_zh", ctx.data_text(taxon->name_zh, taxon->name_zh));
  data.set("name_en", taxon->name_en);
  data.set("rank", taxon->rank);
  data.set("taxonomic_status", taxon->taxonomic_status);
  data.set("classification", classification(ctx, *taxon));
  data.set("records_count", std::to_string(records.size()));
  data.set("records_summary", fill(fill(ctx.text("bio_species_records_summary"), "count",
                                        std::to_string(records.size())),
                                   "mapped", std::to_string(on_map)));
  if (!infraspecific.empty()) {
    std::string names;
    for (const store::BioTaxon& each : infraspecific)
      names += (names.empty() ? "" : ctx.text("list_separator")) + each.scientific_name;
    data.set("infraspecific_text", fill(ctx.text("bio_species_infraspecific"), "names", names));
  }
  data.set("has_records", !records.empty());
  data.set("records", record_rows(ctx, records));
  data.set("records_cut", records.size() > kRecordsShown);
  data.set("records_cut_text",
           fill(ctx.text("bio_species_records_cut"), "count", std::to_string(kRecordsShown)));
  data.set("years", years(by_year, ctx.text("bio_undated")));
  set_if_text(data, "precision_note", precision_note(ctx, taxon->sensitivity, precise));
  const std::string base = "/open-data/biodata/species/" + std::to_string(*id);
  data.set("map_data_href", "/api/v1/biodata/species/" + std::to_string(*id) + "/occurrences");
  data.set("csv_href", base + "/occurrences.csv");
  data.set("dwca_href", base + "/occurrences.zip");
  set_hub_links(ctx, data);
  return render_titled_page(ctx, "species", taxon_common_name(ctx, *taxon), std::move(data));
}

}  // namespace bsap::web
