#include "store/bio_taxon_status_repo.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "biodata/sensitivity.h"
#include "biodata/taxon_status.h"
#include "biodata/text_trim.h"
#include "store/audit_repo.h"
#include "store/bio_summary_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

// A list's name or category is a short label, not a note.
constexpr std::size_t kLabelMaxBytes = 200;

nlohmann::json status_json(const BioTaxon& taxon) {
  return {{"sensitivity", taxon.sensitivity},
          {"iucn_category", taxon.iucn_category},
          {"establishment", taxon.establishment}};
}

void check_change(const TaxonStatusChange& change) {
  if (change.empty())
    throw TaxonChangeRefused(
        "nothing to change: give a sensitivity, an IUCN category or an "
        "establishment");
  if (change.sensitivity && !biodata::sensitivity_from_number(*change.sensitivity))
    throw TaxonChangeRefused("sensitivity " + std::to_string(*change.sensitivity) +
                             " is not a category (0 none … 4 withheld)");
  if (change.iucn_category && !change.iucn_category->empty() &&
      !biodata::is_iucn_category(*change.iucn_category))
    throw TaxonChangeRefused("'" + *change.iucn_category +
                             "' is not an IUCN category (EX, EW, CR, EN, VU, NT, LC, DD, NE)");
  if (change.establishment && !biodata::is_establishment(*change.establishment))
    throw TaxonChangeRefused("'" + *change.establishment +
                             "' is not an establishment (native, exotic, invasive, unknown)");
}

BioTaxon existing_taxon(Transaction& tx, std::int64_t taxon_id) {
  auto taxon = find_taxon(tx, taxon_id);
  if (!taxon) throw TaxonChangeRefused("no taxon has id " + std::to_string(taxon_id));
  return *taxon;
}

std::string checked_label(std::string_view text, std::string_view what) {
  std::string label(biodata::trim(text));
  if (label.empty()) throw TaxonChangeRefused(std::string(what) + " is empty");
  if (label.size() > kLabelMaxBytes)
    throw TaxonChangeRefused(std::string(what) + " is longer than " +
                             std::to_string(kLabelMaxBytes) + " bytes");
  return label;
}

std::vector<BioTaxon> taxa_of_ids(Transaction& tx, soci::statement& st, long long& id) {
  std::vector<long long> ids;
  st.execute();
  while (st.fetch()) ids.push_back(id);
  std::vector<BioTaxon> out;
  for (long long each : ids)
    if (auto taxon = find_taxon(tx, each)) out.push_back(std::move(*taxon));
  return out;
}

// A LIKE pattern matching `text` anywhere, its own % _ and \ taken literally.
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

// The taxon's category on the list, if it is on it.
std::optional<std::string> category_on_list(Transaction& tx, std::int64_t taxon_id,
                                            const std::string& list) {
  std::string category;
  soci::indicator found = soci::i_null;
  tx.sql() << "SELECT category FROM bio_taxon_lists WHERE taxon_id = :t AND list_name = :l",
      soci::use(taxon_id), soci::use(list), soci::into(category, found);
  if (!tx.sql().got_data() || found != soci::i_ok) return std::nullopt;
  return category;
}

nlohmann::json list_json(const std::string& list, const std::string& category) {
  return {{"list", list}, {"category", category}};
}

}  // namespace

void set_taxon_status(Transaction& tx, std::int64_t taxon_id, const TaxonStatusChange& change,
                      std::string_view actor) {
  check_change(change);
  BioTaxon before = existing_taxon(tx, taxon_id);
  BioTaxon after = before;
  if (change.sensitivity) after.sensitivity = *change.sensitivity;
  if (change.iucn_category) after.iucn_category = *change.iucn_category;
  if (change.establishment) after.establishment = *change.establishment;
  tx.sql() << "UPDATE bio_taxa SET sensitivity = :v, iucn_category = :i, establishment = :e "
              "WHERE id = :id",
      soci::use(after.sensitivity), soci::use(after.iucn_category), soci::use(after.establishment),
      soci::use(taxon_id);
  copy_taxon_marks(tx, taxon_id);
  append_audit(tx, {std::string(actor), "bio_taxon", std::to_string(taxon_id), "set_status",
                    status_json(before).dump(), status_json(after).dump()});
}

void put_taxon_on_list(Transaction& tx, std::int64_t taxon_id, std::string_view list_name,
                       std::string_view category, std::string_view actor) {
  const std::string list = checked_label(list_name, "the list's name");
  const std::string label = checked_label(category, "the category");
  existing_taxon(tx, taxon_id);
  const std::optional<std::string> before = category_on_list(tx, taxon_id, list);
  const bool listed = before.has_value();
  const std::string now = utc_timestamp();
  const std::string who(actor);
  if (listed)
    tx.sql() << "UPDATE bio_taxon_lists SET category = :c, added_by = :b, added_at = :a "
                "WHERE taxon_id = :t AND list_name = :l",
        soci::use(label), soci::use(who), soci::use(now), soci::use(taxon_id), soci::use(list);
  else
    tx.sql() << "INSERT INTO bio_taxon_lists (taxon_id, list_name, category, added_by, added_at) "
                "VALUES (:t, :l, :c, :b, :a)",
        soci::use(taxon_id), soci::use(list), soci::use(label), soci::use(who), soci::use(now);
  append_audit(tx,
               {who, "bio_taxon_list", std::to_string(taxon_id), listed ? "change" : "add",
                listed ? list_json(list, *before).dump() : "null", list_json(list, label).dump()});
}

void take_taxon_off_list(Transaction& tx, std::int64_t taxon_id, std::string_view list_name,
                         std::string_view actor) {
  const std::string list = checked_label(list_name, "the list's name");
  const BioTaxon taxon = existing_taxon(tx, taxon_id);
  const std::optional<std::string> before = category_on_list(tx, taxon_id, list);
  if (!before) {
    std::string on;
    for (const TaxonListEntry& entry : taxon_lists(tx, taxon_id))
      on += (on.empty() ? "" : ", ") + ("'" + entry.list_name + "'");
    throw TaxonChangeRefused(
        taxon.scientific_name + " is not on the list '" + list + "'; " +
        (on.empty() ? "it is on no named list" : "the lists it is on are " + on));
  }
  tx.sql() << "DELETE FROM bio_taxon_lists WHERE taxon_id = :t AND list_name = :l",
      soci::use(taxon_id), soci::use(list);
  append_audit(tx, {std::string(actor), "bio_taxon_list", std::to_string(taxon_id), "remove",
                    list_json(list, *before).dump(), "null"});
}

std::vector<TaxonListEntry> taxon_lists(Transaction& tx, std::int64_t taxon_id) {
  std::vector<TaxonListEntry> out;
  TaxonListEntry row;
  soci::statement st =
      (tx.sql().prepare << "SELECT list_name, category, added_by, added_at FROM bio_taxon_lists "
                           "WHERE taxon_id = :t ORDER BY list_name",
       soci::use(taxon_id), soci::into(row.list_name), soci::into(row.category),
       soci::into(row.added_by), soci::into(row.added_at));
  st.execute();
  while (st.fetch()) out.push_back(row);
  return out;
}

std::vector<BioTaxon> find_taxa_named(Transaction& tx, std::string_view name) {
  const std::string wanted(biodata::trim(name));
  long long id = 0;
  soci::statement st = (tx.sql().prepare << "SELECT id FROM bio_taxa WHERE scientific_name = :n "
                                            "OR canonical_name = :c ORDER BY id",
                        soci::use(wanted), soci::use(wanted), soci::into(id));
  return taxa_of_ids(tx, st, id);
}

std::vector<BioTaxon> search_taxa(Transaction& tx, std::string_view text, int limit) {
  const std::string pattern = contains_pattern(biodata::trim(text));
  long long id = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT id FROM bio_taxa WHERE lower(scientific_name) LIKE lower(:a) "
                           "ESCAPE '\\' OR name_zh LIKE :b ESCAPE '\\' OR lower(name_en) LIKE "
                           "lower(:c) ESCAPE '\\' ORDER BY scientific_name, id LIMIT :l",
       soci::use(pattern), soci::use(pattern), soci::use(pattern), soci::use(limit),
       soci::into(id));
  return taxa_of_ids(tx, st, id);
}

}  // namespace bsap::store
