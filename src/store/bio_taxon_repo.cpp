#include "store/bio_taxon_repo.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/bio_summary_repo.h"

namespace bsap::store {
namespace {

std::optional<long long> taxon_id_of(Transaction& tx, const std::string& checklist,
                                     const std::string& source_taxon_id) {
  long long id = 0;
  soci::indicator found = soci::i_null;
  tx.sql() << "SELECT id FROM bio_taxa WHERE checklist = :c AND source_taxon_id = :s",
      soci::use(checklist), soci::use(source_taxon_id), soci::into(id, found);
  if (!tx.sql().got_data() || found != soci::i_ok) return std::nullopt;
  return id;
}

void write_taxon(Transaction& tx, const std::string& checklist, const BioTaxon& t) {
  auto& sql = tx.sql();
  if (auto id = taxon_id_of(tx, checklist, t.source_taxon_id)) {
    sql << "UPDATE bio_taxa SET scientific_name = :n, canonical_name = :c, taxon_rank = :r, "
           "kingdom = :k, phylum = :p, class_name = :cl, order_name = :o, family = :f, genus = "
           ":g, taxonomic_status = :s, name_zh = :zh, name_en = :en, establishment = :e, "
           "iucn_category = :i, sensitivity = :v WHERE id = :id",
        soci::use(t.scientific_name), soci::use(t.canonical_name), soci::use(t.rank),
        soci::use(t.kingdom), soci::use(t.phylum), soci::use(t.class_name), soci::use(t.order_name),
        soci::use(t.family), soci::use(t.genus), soci::use(t.taxonomic_status),
        soci::use(t.name_zh), soci::use(t.name_en), soci::use(t.establishment),
        soci::use(t.iucn_category), soci::use(t.sensitivity), soci::use(*id);
    return;
  }
  sql << "INSERT INTO bio_taxa (checklist, source_taxon_id, scientific_name, canonical_name, "
         "taxon_rank, kingdom, phylum, class_name, order_name, family, genus, taxonomic_status, "
         "name_zh, name_en, establishment, iucn_category, sensitivity) VALUES (:cl, :id, :n, :c, "
         ":r, :k, :p, :cls, :o, :f, :g, :s, :zh, :en, :e, :i, :v)",
      soci::use(checklist), soci::use(t.source_taxon_id), soci::use(t.scientific_name),
      soci::use(t.canonical_name), soci::use(t.rank), soci::use(t.kingdom), soci::use(t.phylum),
      soci::use(t.class_name), soci::use(t.order_name), soci::use(t.family), soci::use(t.genus),
      soci::use(t.taxonomic_status), soci::use(t.name_zh), soci::use(t.name_en),
      soci::use(t.establishment), soci::use(t.iucn_category), soci::use(t.sensitivity);
}

}  // namespace

std::size_t import_checklist(Transaction& tx, const std::string& checklist,
                             const std::vector<BioTaxon>& taxa, std::string_view actor) {
  for (const BioTaxon& taxon : taxa) write_taxon(tx, checklist, taxon);
  // Synonyms after all names exist: an accepted name may come later in the file.
  for (const BioTaxon& taxon : taxa) {
    std::optional<long long> accepted;
    if (!taxon.accepted_source_id.empty() && taxon.accepted_source_id != taxon.source_taxon_id)
      accepted = taxon_id_of(tx, checklist, taxon.accepted_source_id);
    long long value = accepted.value_or(0);
    soci::indicator indicator = accepted ? soci::i_ok : soci::i_null;
    tx.sql()
        << "UPDATE bio_taxa SET accepted_id = :a WHERE checklist = :c AND source_taxon_id = :s",
        soci::use(value, indicator), soci::use(checklist), soci::use(taxon.source_taxon_id);
  }
  copy_all_taxon_marks(tx);  // names may have changed under existing summaries
  append_audit(tx, {std::string(actor), "bio_checklist", checklist, "import", "null",
                    nlohmann::json{{"names", taxa.size()}}.dump()});
  return taxa.size();
}

std::vector<biodata::ChecklistName> checklist_names(Transaction& tx) {
  std::vector<biodata::ChecklistName> out;
  long long id = 0, accepted = 0;
  std::string name;
  soci::indicator accepted_i = soci::i_null;
  soci::statement st = (tx.sql().prepare << "SELECT id, scientific_name, accepted_id FROM bio_taxa "
                                            "ORDER BY id",
                        soci::into(id), soci::into(name), soci::into(accepted, accepted_i));
  st.execute();
  while (st.fetch())
    out.push_back(
        {id, name,
         accepted_i == soci::i_ok ? std::optional<std::int64_t>(accepted) : std::nullopt});
  return out;
}

std::optional<BioTaxon> find_taxon(Transaction& tx, std::int64_t id) {
  BioTaxon t;
  long long accepted = 0;
  soci::indicator accepted_i = soci::i_null;
  tx.sql() << "SELECT source_taxon_id, scientific_name, canonical_name, taxon_rank, kingdom, "
              "phylum, class_name, order_name, family, genus, taxonomic_status, accepted_id, "
              "name_zh, name_en, establishment, iucn_category, sensitivity FROM bio_taxa WHERE id "
              "= :id",
      soci::use(id), soci::into(t.source_taxon_id), soci::into(t.scientific_name),
      soci::into(t.canonical_name), soci::into(t.rank), soci::into(t.kingdom), soci::into(t.phylum),
      soci::into(t.class_name), soci::into(t.order_name), soci::into(t.family), soci::into(t.genus),
      soci::into(t.taxonomic_status), soci::into(accepted, accepted_i), soci::into(t.name_zh),
      soci::into(t.name_en), soci::into(t.establishment), soci::into(t.iucn_category),
      soci::into(t.sensitivity);
  if (!tx.sql().got_data()) return std::nullopt;
  t.id = id;
  if (accepted_i == soci::i_ok) t.accepted_id = accepted;
  return t;
}

std::int64_t count_taxa(Transaction& tx) {
  long long count = 0;
  tx.sql() << "SELECT COUNT(*) FROM bio_taxa", soci::into(count);
  return count;
}

}  // namespace bsap::store
