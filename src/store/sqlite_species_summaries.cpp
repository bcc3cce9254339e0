#include "store/sqlite_species_summaries.h"

#include <algorithm>
#include <future>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "store/area_species.h"
#include "store/cell_taxa_list.h"
#include "store/sqlite_statement.h"

namespace bsap::store {
namespace {

// ---- taxa's names and marks -----------------------------------------------------------------

struct TaxonMarks {
  std::string scientific_name, name_zh, name_en, iucn_category, establishment;
  int sensitivity = 0;
};

// Taxa's names and marks, read from bio_taxa first and then looked up, from any thread.
class TaxonMarksTable {
 public:
  TaxonMarksTable(Transaction& tx, std::span<const std::int64_t> taxon_ids) {
    SqliteStatement st(tx,
                       "SELECT scientific_name, name_zh, name_en, iucn_category, establishment, "
                       "sensitivity FROM bio_taxa WHERE id = ?",
                       "reading the names and marks of a taxon");
    for (std::int64_t id : taxon_ids) {
      if (marks_.contains(id)) continue;
      st.bind(1, id);
      if (!st.next_row()) continue;  // find() names it
      marks_[id] = {std::string(st.column_text(0)), std::string(st.column_text(1)),
                    std::string(st.column_text(2)), std::string(st.column_text(3)),
                    std::string(st.column_text(4)), static_cast<int>(st.column_int64(5))};
      while (st.next_row()) {
      }
    }
  }

  const TaxonMarks& find(std::int64_t taxon_id) const {
    auto at = marks_.find(taxon_id);
    if (at == marks_.end())
      throw StoreError("the species summaries name taxon " + std::to_string(taxon_id) +
                       ", which bio_taxa does not hold");
    return at->second;
  }

 private:
  std::unordered_map<std::int64_t, TaxonMarks> marks_;
};

void set_marks(AreaSpeciesFields& fields, const TaxonMarks& m) {
  fields.scientific_name = m.scientific_name, fields.name_zh = m.name_zh,
  fields.name_en = m.name_en;
  fields.iucn_category = m.iucn_category, fields.establishment = m.establishment;
  fields.sensitivity = m.sensitivity;
}

AreaSpeciesFields fields_of(const AreaSpecies& s) {
  return {s.taxon_id, s.records,       s.sensitivity,   s.scientific_name, s.name_zh,
          s.name_en,  s.iucn_category, s.establishment, s.first_date,      s.last_date};
}

// ---- the lists' rows ------------------------------------------------------------------------

// Reads and writes the packed lists of one table: an area's (key area_id, text) or a square's
// (key grid_cell, bytes). A list written empty is removed.
class ListRows {
 public:
  ListRows(Transaction& tx, std::string_view table, std::string_view key, std::string_view value,
           bool bytes, std::string doing)
      : bytes_(bytes),
        read_(tx, select(table, key, value), doing),
        write_(tx,
               "INSERT INTO " + std::string(table) + " (" + std::string(key) + ", " +
                   std::string(value) + ") VALUES (?1, ?2) ON CONFLICT (" + std::string(key) +
                   ") DO UPDATE SET " + std::string(value) + " = excluded." + std::string(value),
               doing),
        remove_(tx, "DELETE FROM " + std::string(table) + " WHERE " + std::string(key) + " = ?",
                doing) {}

  // The packed list, or none; valid until the next read.
  template <typename Key>
  std::optional<std::string_view> read(const Key& key) {
    read_.bind(1, key);
    if (!read_.next_row()) return std::nullopt;
    held_.assign(read_.column_text(0));
    while (read_.next_row()) {
    }
    return std::string_view(held_);
  }

  template <typename Key>
  void write(const Key& key, std::string_view packed, bool empty) {
    if (empty) {
      remove_.bind(1, key);
      return remove_.run();
    }
    write_.bind(1, key);
    if (bytes_)
      write_.bind_blob(2, packed);
    else
      write_.bind(2, packed);
    write_.run();
  }

 private:
  static std::string select(std::string_view table, std::string_view key, std::string_view value) {
    return "SELECT " + std::string(value) + " FROM " + std::string(table) + " WHERE " +
           std::string(key) + " = ?";
  }

  bool bytes_;
  SqliteStatement read_, write_, remove_;
  std::string held_;
};

ListRows area_lists(Transaction& tx) {
  return ListRows(tx, "bio_area_species_lists", "area_id", "species", false,
                  "writing the species list of an area");
}

ListRows cell_lists(Transaction& tx) {
  return ListRows(tx, "bio_cell_taxon_lists", "grid_cell", "taxa", true,
                  "writing the species of a 1 km square");
}

std::vector<AreaSpecies> unpack_area_list(std::int64_t area_id, std::string_view packed) {
  try {
    return unpack_area_species(packed);
  } catch (const std::invalid_argument& e) {
    throw StoreError("the species list of area " + std::to_string(area_id) +
                     " is damaged: " + e.what());
  }
}

std::vector<TaxonRecords> unpack_cell_list(const std::string& cell, std::string_view packed) {
  try {
    return unpack_cell_taxa(packed);
  } catch (const std::invalid_argument& e) {
    throw StoreError("the species of square " + cell + " are damaged: " + e.what());
  }
}

// Byte order of the scientific name, then the taxon: sort_by_scientific_name's order.
void sort_fields(std::vector<AreaSpeciesFields>& fields) {
  std::ranges::sort(fields, [](const AreaSpeciesFields& a, const AreaSpeciesFields& b) {
    return std::tie(a.scientific_name, a.taxon_id) < std::tie(b.scientific_name, b.taxon_id);
  });
}

std::string pack_fields(const std::vector<AreaSpeciesFields>& fields) {
  AreaSpeciesPacker packer;
  for (const AreaSpeciesFields& f : fields) packer.add(f);
  return packer.finish();
}

// ---- an import's tally ----------------------------------------------------------------------

// A date widens a range of ISO dates ("" for none), as MIN and MAX of the records' text do.
void widen(std::string_view& first, std::string_view& last, std::string_view date) {
  if (date.empty()) return;
  if (first.empty() || date < first) first = date;
  if (last.empty() || date > last) last = date;
}

// One area's list with the tally's rows for it added.
std::string merged_area_list(std::optional<std::string_view> packed, std::int64_t area_id,
                             std::span<const SpeciesTally::AreaTaxon> added,
                             const TaxonMarksTable& marks) {
  const std::vector<AreaSpecies> held =
      packed ? unpack_area_list(area_id, *packed) : std::vector<AreaSpecies>{};
  std::vector<AreaSpeciesFields> fields;
  fields.reserve(held.size() + added.size());
  std::unordered_map<std::int64_t, std::size_t> held_at;
  for (const AreaSpecies& s : held) {
    held_at.emplace(s.taxon_id, fields.size());
    fields.push_back(fields_of(s));
  }
  std::vector<std::string> dates(2 * added.size());  // never resized: the fields point into it
  for (std::size_t i = 0; i < added.size(); ++i) {
    const SpeciesTally::AreaTaxon& row = added[i];
    if (row.first) dates[2 * i] = row.first->iso();
    if (row.last) dates[2 * i + 1] = row.last->iso();
    if (auto at = held_at.find(row.taxon_id); at != held_at.end()) {
      AreaSpeciesFields& f = fields[at->second];
      f.records += row.records;
      widen(f.first_date, f.last_date, dates[2 * i]);
      widen(f.first_date, f.last_date, dates[2 * i + 1]);
      continue;
    }
    AreaSpeciesFields f;
    f.taxon_id = row.taxon_id, f.records = row.records;
    set_marks(f, marks.find(row.taxon_id));
    f.first_date = dates[2 * i], f.last_date = dates[2 * i + 1];
    fields.push_back(f);
  }
  sort_fields(fields);
  return pack_fields(fields);
}

// Each area's list is read, merged and written again. The merging (dates, names, the sort, the
// packing) is most of the time, and runs on two threads: 0.17 s alone for the benchmark's 390
// areas and 200,000 rows.
void add_area_taxa(Transaction& tx, const SpeciesTally& tally) {
  const std::vector<SpeciesTally::AreaTaxon> rows = tally.area_taxa();  // by area, then taxon
  struct Area {
    std::int64_t id = 0;
    std::span<const SpeciesTally::AreaTaxon> added;
    std::optional<std::string> held;
    std::string merged;
  };
  std::vector<Area> areas;
  std::vector<std::int64_t> taxa;
  for (auto from = rows.begin(); from != rows.end();) {
    auto to =
        std::find_if(from, rows.end(), [&](const auto& r) { return r.area_id != from->area_id; });
    areas.push_back({from->area_id, std::span(from, to), std::nullopt, {}});
    from = to;
  }
  ListRows lists = area_lists(tx);
  for (Area& area : areas) {
    if (auto packed = lists.read(area.id)) area.held.emplace(*packed);
    for (const SpeciesTally::AreaTaxon& row : area.added) taxa.push_back(row.taxon_id);
  }
  const TaxonMarksTable marks(tx, taxa);
  auto merge = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
      areas[i].merged = merged_area_list(areas[i].held, areas[i].id, areas[i].added, marks);
  };
  // The areas split where half the rows are on each side.
  std::size_t half = 0;
  for (std::size_t rows_before = 0; half < areas.size() && rows_before * 2 < rows.size(); ++half)
    rows_before += areas[half].added.size();
  auto second = std::async(std::launch::async, merge, half, areas.size());
  merge(0, half);
  second.get();
  for (const Area& area : areas) lists.write(area.id, area.merged, false);
}

void add_cell_taxa(Transaction& tx, const SpeciesTally& tally) {
  ListRows lists = cell_lists(tx);
  for (const SpeciesTally::CellTaxa& cell : tally.cell_taxa()) {
    std::optional<std::string_view> packed = lists.read(cell.grid_cell);
    std::string merged =
        packed ? pack_cell_taxa(add_cell_taxa(unpack_cell_list(cell.grid_cell, *packed), cell.taxa))
               : pack_cell_taxa(cell.taxa);
    lists.write(std::string_view(cell.grid_cell), merged, false);
  }
}

}  // namespace

void add_tally_to_lists(Transaction& tx, const SpeciesTally& tally) {
  add_area_taxa(tx, tally);
  add_cell_taxa(tx, tally);
}

// ---- recomputed from the records ------------------------------------------------------------

void recompute_area_lists(Transaction& tx, std::span<const std::int64_t> area_ids) {
  SqliteStatement species(
      tx,
      "SELECT t.id, g.records, t.sensitivity, t.scientific_name, t.name_zh, t.name_en, "
      "t.iucn_category, t.establishment, g.first_date, g.last_date FROM (SELECT o.taxon_id, "
      "COUNT(*) AS records, MIN(o.event_date) AS first_date, MAX(o.event_date) AS last_date "
      "FROM bio_occurrence_areas j JOIN bio_occurrences o ON o.id = j.occurrence_id "
      "WHERE j.area_id = ?1 AND o.taxon_id IS NOT NULL GROUP BY o.taxon_id) g "
      "JOIN bio_taxa t ON t.id = g.taxon_id ORDER BY t.scientific_name, t.id",
      "grouping the records of an area by species");
  ListRows lists = area_lists(tx);
  AreaSpeciesPacker packer;
  for (std::int64_t area_id : area_ids) {
    species.bind(1, area_id);
    while (species.next_row())
      packer.add({species.column_int64(0), species.column_int64(1),
                  static_cast<int>(species.column_int64(2)), species.column_text(3),
                  species.column_text(4), species.column_text(5), species.column_text(6),
                  species.column_text(7), species.column_text(8), species.column_text(9)});
    bool empty = packer.count() == 0;
    lists.write(area_id, packer.finish(), empty);
  }
}

namespace {

// A square's records are found by scanning every block's square column (the records are kept in
// the order they came, not by square), so for more than a few squares one grouped pass over
// every record costs less than a scan per square: re-importing a million records' dataset beside
// another of a million recomputed 1,564 squares in 8 s one by one (decision 0013 §17).
constexpr std::size_t kSquaresScannedOneByOne = 16;

void write_cell_lists(Transaction& tx,
                      const std::map<std::string, std::vector<TaxonRecords>, std::less<>>& cells) {
  ListRows lists = cell_lists(tx);
  for (const auto& [cell, taxa] : cells)
    lists.write(std::string_view(cell), pack_cell_taxa(taxa), taxa.empty());
}

}  // namespace

void recompute_cell_lists(Transaction& tx, std::span<const std::string> grid_cells) {
  std::map<std::string, std::vector<TaxonRecords>, std::less<>> cells;  // each in taxon order
  for (const std::string& cell : grid_cells) cells[cell];
  if (grid_cells.size() > kSquaresScannedOneByOne) {
    SqliteStatement all(tx,
                        "SELECT grid_cell, taxon_id, COUNT(*) FROM bio_occurrences "
                        "WHERE grid_cell IS NOT NULL AND taxon_id IS NOT NULL "
                        "GROUP BY grid_cell, taxon_id ORDER BY grid_cell, taxon_id",
                        "grouping the records of 1 km squares by species");
    while (all.next_row())
      if (auto at = cells.find(all.column_text(0)); at != cells.end())
        at->second.push_back({all.column_int64(1), all.column_int64(2)});
    return write_cell_lists(tx, cells);
  }
  SqliteStatement taxa(tx,
                       "SELECT taxon_id, COUNT(*) FROM bio_occurrences WHERE grid_cell = ?1 "
                       "AND taxon_id IS NOT NULL GROUP BY taxon_id ORDER BY taxon_id",
                       "grouping the records of a 1 km square by species");
  for (auto& [cell, rows] : cells) {
    taxa.bind(1, std::string_view(cell));
    while (taxa.next_row()) rows.push_back({taxa.column_int64(0), taxa.column_int64(1)});
  }
  write_cell_lists(tx, cells);
}

void copy_marks_into_area_lists(Transaction& tx, std::optional<std::int64_t> taxon_id) {
  std::vector<std::pair<std::int64_t, std::string>> held;
  {
    SqliteStatement all(tx, "SELECT area_id, species FROM bio_area_species_lists ORDER BY area_id",
                        "reading the species lists of areas");
    while (all.next_row()) held.emplace_back(all.column_int64(0), std::string(all.column_text(1)));
  }
  std::vector<std::int64_t> taxa;
  if (taxon_id)
    taxa.push_back(*taxon_id);
  else
    for (const auto& [area_id, packed] : held)
      for (const AreaSpecies& s : unpack_area_list(area_id, packed)) taxa.push_back(s.taxon_id);
  const TaxonMarksTable marks(tx, taxa);
  ListRows lists = area_lists(tx);
  for (const auto& [area_id, packed] : held) {
    const std::vector<AreaSpecies> species = unpack_area_list(area_id, packed);
    if (taxon_id && std::ranges::none_of(
                        species, [&](const AreaSpecies& s) { return s.taxon_id == *taxon_id; }))
      continue;
    std::vector<AreaSpeciesFields> fields;
    fields.reserve(species.size());
    for (const AreaSpecies& s : species) {
      fields.push_back(fields_of(s));
      if (!taxon_id || s.taxon_id == *taxon_id) set_marks(fields.back(), marks.find(s.taxon_id));
    }
    sort_fields(fields);
    lists.write(area_id, pack_fields(fields), false);
  }
}

void move_summary_rows_into_lists(Transaction& tx) {
  if (tx.backend() != Backend::sqlite) return;
  {
    SqliteStatement rows(tx,
                         "SELECT grid_cell, taxon_id, records FROM bio_cell_taxa_rows "
                         "ORDER BY grid_cell, taxon_id",
                         "packing the species of 1 km squares");
    ListRows lists = cell_lists(tx);
    std::string cell;
    std::vector<TaxonRecords> taxa;
    auto flush = [&] {
      if (!taxa.empty()) lists.write(std::string_view(cell), pack_cell_taxa(taxa), false);
      taxa.clear();
    };
    while (rows.next_row()) {
      if (rows.column_text(0) != cell) flush(), cell.assign(rows.column_text(0));
      taxa.push_back({rows.column_int64(1), rows.column_int64(2)});
    }
    flush();
  }
  for (const char* drop : {"DROP TABLE bio_cell_taxa_rows", "DROP TABLE bio_area_taxa_rows"})
    SqliteStatement(tx, drop, "dropping the summaries' rows").run();
}

}  // namespace bsap::store
