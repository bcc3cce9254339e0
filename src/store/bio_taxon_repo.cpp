#include "store/bio_taxon_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "store/audit_repo.h"
#include "store/bio_summary_repo.h"

namespace bsap::store {
namespace {

// The checklist's names held, by taxonID: one query instead of one per name.
std::unordered_map<std::string, long long> ids_by_source(Transaction& tx,
                                                         const std::string& checklist) {
  std::unordered_map<std::string, long long> out;
  long long id = 0;
  std::string source;
  soci::statement st = (tx.sql().prepare << "SELECT id, source_taxon_id FROM bio_taxa "
                                            "WHERE checklist = :c",
                        soci::use(checklist), soci::into(id), soci::into(source));
  st.execute();
  while (st.fetch()) out.emplace(source, id);
  return out;
}

// New names go in kInsertBatch rows to an INSERT: SQLite runs a statement's once-only work (the
// lookup tables of bio_taxa's two CHECK (… IN (…)) lists, the AUTOINCREMENT counter) per
// execution, which was a third of a name's cost one row at a time.
constexpr std::size_t kInsertBatch = 50;

// An INSERT of `rows` names, prepared once; its rows are bound to rows().
class TaxonInsert {
 public:
  TaxonInsert(Transaction& tx, const std::string& checklist, std::size_t rows)
      : rows_(rows), statement_(tx.sql()) {
    std::string sql =
        "INSERT INTO bio_taxa (checklist, source_taxon_id, scientific_name, canonical_name, "
        "taxon_rank, kingdom, phylum, class_name, order_name, family, genus, taxonomic_status, "
        "name_zh, name_en, establishment, iucn_category, sensitivity) VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
      sql += r == 0 ? "(" : ", (";
      for (int column = 0; column < 17; ++column)
        sql += (column == 0 ? ":v" : ", :v") + std::to_string(r) + "_" + std::to_string(column);
      sql += ")";
      BioTaxon& t = rows_[r];
      statement_.exchange(soci::use(checklist));
      for (std::string* text :
           {&t.source_taxon_id, &t.scientific_name, &t.canonical_name, &t.rank, &t.kingdom,
            &t.phylum, &t.class_name, &t.order_name, &t.family, &t.genus, &t.taxonomic_status,
            &t.name_zh, &t.name_en, &t.establishment, &t.iucn_category})
        statement_.exchange(soci::use(*text));
      statement_.exchange(soci::use(t.sensitivity));
    }
    statement_.alloc();
    statement_.prepare(sql);
    statement_.define_and_bind();
  }

  std::vector<BioTaxon>& rows() { return rows_; }
  void run() { statement_.execute(true); }

 private:
  std::vector<BioTaxon> rows_;  // never resized: the statement holds references into it
  soci::statement statement_;
};

// Adds the names not held, kInsertBatch at a time, and updates those held, in the file's order
// (a taxonID given twice is added, then updated: the names waiting to be added go first).
void write_taxa(Transaction& tx, const std::string& checklist, const std::vector<BioTaxon>& taxa,
                std::unordered_set<std::string> held) {
  BioTaxon t;
  soci::statement update =
      (tx.sql().prepare
           << "UPDATE bio_taxa SET scientific_name = :n, canonical_name = :c, taxon_rank = :r, "
              "kingdom = :k, phylum = :p, class_name = :cl, order_name = :o, family = :f, genus = "
              ":g, taxonomic_status = :s, name_zh = :zh, name_en = :en, establishment = :e, "
              "iucn_category = :i, sensitivity = :v WHERE checklist = :list AND source_taxon_id = "
              ":id",
       soci::use(t.scientific_name), soci::use(t.canonical_name), soci::use(t.rank),
       soci::use(t.kingdom), soci::use(t.phylum), soci::use(t.class_name), soci::use(t.order_name),
       soci::use(t.family), soci::use(t.genus), soci::use(t.taxonomic_status), soci::use(t.name_zh),
       soci::use(t.name_en), soci::use(t.establishment), soci::use(t.iucn_category),
       soci::use(t.sensitivity), soci::use(checklist), soci::use(t.source_taxon_id));
  std::optional<TaxonInsert> batch;
  std::vector<const BioTaxon*> waiting;
  auto add_waiting = [&] {
    for (std::size_t start = 0; start < waiting.size(); start += kInsertBatch) {
      const std::size_t rows = std::min(kInsertBatch, waiting.size() - start);
      std::optional<TaxonInsert> last;  // the remainder's statement, used once
      if (rows == kInsertBatch && !batch) batch.emplace(tx, checklist, kInsertBatch);
      TaxonInsert& insert = rows == kInsertBatch ? *batch : last.emplace(tx, checklist, rows);
      for (std::size_t r = 0; r < rows; ++r) insert.rows()[r] = *waiting[start + r];
      insert.run();
    }
    waiting.clear();
  };
  for (const BioTaxon& taxon : taxa) {
    if (held.insert(taxon.source_taxon_id).second) {
      waiting.push_back(&taxon);
      continue;
    }
    add_waiting();
    t = taxon;
    update.execute(true);
  }
  add_waiting();
}

// Links each name to its accepted name (NULL for an accepted name or one whose accepted name is
// not in the checklist), by the last row of the file that gives the taxonID. A name added by this
// import and accepted already has NULL: only the others are written.
void link_synonyms(Transaction& tx, const std::string& checklist, const std::vector<BioTaxon>& taxa,
                   const std::unordered_map<std::string, long long>& held_before) {
  const std::unordered_map<std::string, long long> ids = ids_by_source(tx, checklist);
  std::unordered_map<std::string, std::optional<long long>> accepted_of;
  for (const BioTaxon& taxon : taxa) {
    std::optional<long long> accepted;
    if (!taxon.accepted_source_id.empty() && taxon.accepted_source_id != taxon.source_taxon_id)
      if (auto found = ids.find(taxon.accepted_source_id); found != ids.end())
        accepted = found->second;
    accepted_of.insert_or_assign(taxon.source_taxon_id, accepted);
  }
  long long id = 0, value = 0;
  soci::indicator indicator = soci::i_null;
  soci::statement update =
      (tx.sql().prepare << "UPDATE bio_taxa SET accepted_id = :a WHERE id = :id",
       soci::use(value, indicator), soci::use(id));
  for (const auto& [source, accepted] : accepted_of) {
    if (!accepted && !held_before.contains(source)) continue;
    id = ids.at(source);
    value = accepted.value_or(0);
    indicator = accepted ? soci::i_ok : soci::i_null;
    update.execute(true);
  }
}

}  // namespace

std::size_t import_checklist(Transaction& tx, const std::string& checklist,
                             const std::vector<BioTaxon>& taxa, std::string_view actor) {
  const std::unordered_map<std::string, long long> held = ids_by_source(tx, checklist);
  std::unordered_set<std::string> sources;
  for (const auto& [source, id] : held) sources.insert(source);
  write_taxa(tx, checklist, taxa, std::move(sources));
  // Synonyms after all names exist: an accepted name may come later in the file.
  link_synonyms(tx, checklist, taxa, held);
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
