#include "hub/checklist_import.h"

#include <algorithm>
#include <cctype>

#include "biodata/archive_reader.h"
#include "biodata/taxon_matcher.h"
#include "store/bio_taxon_repo.h"

namespace bsap::hub {
namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view short_type(const biodata::TableDescriptor& table) {
  return table.short_row_type();
}

// IUCN categories as a Distribution's threatStatus writes them ("VU", "vulnerable").
std::string iucn_category(std::string_view text) {
  static const std::vector<std::pair<std::string, std::string>> kCategories{
      {"extinct in the wild", "EW"}, {"extinct", "EX"},        {"critically endangered", "CR"},
      {"endangered", "EN"},          {"vulnerable", "VU"},     {"near threatened", "NT"},
      {"least concern", "LC"},       {"data deficient", "DD"}, {"not evaluated", "NE"}};
  std::string value = lowered(text);
  for (const auto& [name, code] : kCategories)
    if (value == name || value == lowered(code)) return code;
  return "";
}

// establishmentMeans / degreeOfEstablishment: native, introduced (exotic), invasive.
std::string establishment(std::string_view means, std::string_view degree) {
  std::string d = lowered(degree), m = lowered(means);
  if (d == "invasive" || m == "invasive") return "invasive";
  if (m == "native") return "native";
  if (m == "introduced" || m == "naturalised" || m == "naturalized" || m == "vagrant")
    return "exotic";
  return "unknown";
}

void read_extensions(const biodata::CoreRecord& record, const biodata::ArchiveDescriptor& d,
                     store::BioTaxon& taxon) {
  for (std::size_t e = 0; e < d.extensions.size() && e < record.extensions.size(); ++e) {
    std::string_view type = short_type(d.extensions[e]);
    for (const biodata::Record& row : record.extensions[e]) {
      if (type == "VernacularName") {
        std::string language = vernacular_language(row.value("language"));
        std::string name(row.value("vernacularName"));
        if (language == "zh" && taxon.name_zh.empty()) taxon.name_zh = name;
        if (language == "en" && taxon.name_en.empty()) taxon.name_en = name;
      } else if (type == "Distribution") {
        if (taxon.iucn_category.empty())
          taxon.iucn_category = iucn_category(row.value("threatStatus"));
        std::string kind =
            establishment(row.value("establishmentMeans"), row.value("degreeOfEstablishment"));
        if (kind != "unknown") taxon.establishment = kind;
      }
    }
  }
}

}  // namespace

std::string vernacular_language(std::string_view code) {
  std::string value = lowered(code);
  if (value == "zh" || value.starts_with("zh-") || value.starts_with("zh_") || value == "chi" ||
      value == "zho" || value == "chinese")
    return "zh";
  if (value == "en" || value.starts_with("en-") || value == "eng" || value == "english")
    return "en";
  return "";
}

std::variant<ChecklistSummary, biodata::ArchiveError> import_checklist_archive(
    store::Store& store, const std::filesystem::path& archive, std::string checklist,
    const std::string& actor) {
  auto opened = biodata::ArchiveReader::open(archive);
  if (auto* error = std::get_if<biodata::ArchiveError>(&opened)) return *error;
  auto& reader = std::get<biodata::ArchiveReader>(opened);
  if (short_type(reader.descriptor().core) != "Taxon")
    return biodata::ArchiveError{archive.filename().string(),
                                 "its core is " +
                                     std::string(short_type(reader.descriptor().core)) +
                                     ", not Taxon: import occurrences with `bsap biodata import`"};
  ChecklistSummary summary;
  summary.checklist = std::move(checklist);
  std::vector<store::BioTaxon> taxa;
  biodata::CoreRecord record;
  while (reader.next(record)) {
    store::BioTaxon taxon;
    const biodata::Record& core = record.core;
    taxon.source_taxon_id = !core.id.empty() ? core.id : std::string(core.value("taxonID"));
    taxon.scientific_name = core.value("scientificName");
    if (taxon.source_taxon_id.empty() || taxon.scientific_name.empty()) {
      summary.notes.push_back("line " + std::to_string(core.line) +
                              ": no taxonID or no scientificName (skipped)");
      continue;
    }
    taxon.canonical_name = biodata::canonical_name(taxon.scientific_name);
    taxon.rank = lowered(core.value("taxonRank"));
    taxon.kingdom = core.value("kingdom");
    taxon.phylum = core.value("phylum");
    taxon.class_name = core.value("class");
    taxon.order_name = core.value("order");
    taxon.family = core.value("family");
    taxon.genus = core.value("genus");
    taxon.taxonomic_status = lowered(core.value("taxonomicStatus"));
    taxon.accepted_source_id = core.value("acceptedNameUsageID");
    read_extensions(record, reader.descriptor(), taxon);
    if (!taxon.accepted_source_id.empty() && taxon.accepted_source_id != taxon.source_taxon_id)
      ++summary.synonyms;
    summary.with_chinese_name += !taxon.name_zh.empty();
    summary.with_english_name += !taxon.name_en.empty();
    taxa.push_back(std::move(taxon));
  }
  if (reader.error()) return *reader.error();
  store::in_transaction(store, [&](store::Transaction& tx) {
    summary.names = store::import_checklist(tx, summary.checklist, taxa, actor);
  });
  return summary;
}

}  // namespace bsap::hub
