// GET /open-data/biodata/species/ID/occurrences.{csv,zip} and
// /open-data/biodata/areas/LAYER/AREA/occurrences.{csv,zip}: a species' or an area's records as
// CSV or as a Darwin Core Archive (issue 9 §5). Records go through hub::publish_occurrence (§6):
// the public and applicants get sensitive records generalised, with dataGeneralizations and
// informationWithheld; an area's download leaves out the species its page does not list.
#include <cctype>
#include <chrono>

#include "core/civil_date.h"
#include "hub/occurrence_download.h"
#include "store/bio_area_repo.h"
#include "store/bio_query_repo.h"
#include "web/biodata_access.h"
#include "web/biodata_view.h"
#include "web/error_pages.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

enum class Format { csv, archive };

struct Selection {
  std::string file_stem;  // "species-12", "areas-dcca-A01"
  std::string title;      // for the archive's eml.xml
  std::vector<hub::PublishedOccurrence> records;
};

std::string safe_stem(std::string text) {
  for (char& c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return text;
}

Response download(const Selection& selection, Format format, bool precise) {
  std::string abstract =
      selection.title + ". " +
      (precise ? "Precise locations, for authorised staff only: do not redistribute."
               : "Records of sensitive species are generalised or withheld after Chapman (2020), "
                 "as each record's dataGeneralizations and informationWithheld say.");
  Response response =
      format == Format::csv
          ? hub_data_response("text/csv; charset=utf-8", hub::occurrences_csv(selection.records),
                              precise)
          : hub_data_response(
                "application/zip",
                hub::occurrence_archive(
                    selection.records,
                    {selection.title, abstract,
                     format_iso(today_in_hong_kong(std::chrono::system_clock::now()))}),
                precise);
  response.add_header("Content-Disposition", "attachment; filename=\"" +
                                                 safe_stem(selection.file_stem) +
                                                 (format == Format::csv ? ".csv\"" : ".zip\""));
  return response;
}

Response species_download(RequestContext& ctx, Format format) {
  auto species = species_records(ctx);
  if (!species) return error_page(ctx, ErrorPage::not_found);
  const bool precise = sees_precise_locations(ctx);
  Selection selection{"species-" + std::to_string(species->taxon.id),
                      "Occurrences of " + species->taxon.scientific_name + " in Hong Kong",
                      {}};
  for (const store::StoredOccurrence& occurrence : species->records)
    selection.records.push_back(hub::publish_occurrence(occurrence, precise));
  return download(selection, format, precise);
}

Response area_download(RequestContext& ctx, Format format) {
  const bool precise = sees_precise_locations(ctx);
  const std::string layer = ctx.path_parameter("layer"), code = ctx.path_parameter("area");
  std::optional<store::BioArea> area;
  std::vector<store::StoredOccurrence> stored;
  {
    auto tx = ctx.web().store.begin();
    area = store::find_area(*tx, layer, code);
    if (area) stored = store::area_occurrences(*tx, area->id);
  }
  if (!area) return error_page(ctx, ErrorPage::not_found);
  Selection selection{
      "areas-" + layer + "-" + code,
      "Occurrences in " + (area->name_en.empty() ? code : area->name_en) + " (" + layer + ")",
      {}};
  for (const store::StoredOccurrence& occurrence : stored)
    if (presence_shown(occurrence.sensitivity, area->area_m2, precise))
      selection.records.push_back(hub::publish_occurrence(occurrence, precise));
  return download(selection, format, precise);
}

}  // namespace

Response biodata_species_csv(RequestContext& ctx) { return species_download(ctx, Format::csv); }
Response biodata_species_archive(RequestContext& ctx) {
  return species_download(ctx, Format::archive);
}
Response biodata_area_csv(RequestContext& ctx) { return area_download(ctx, Format::csv); }
Response biodata_area_archive(RequestContext& ctx) { return area_download(ctx, Format::archive); }

}  // namespace bsap::web
