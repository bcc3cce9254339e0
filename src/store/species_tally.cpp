#include "store/species_tally.h"

#include <algorithm>
#include <tuple>

namespace bsap::store {
namespace {

template <typename Date>
void widen(std::optional<Date>& first, std::optional<Date>& last, const std::optional<Date>& date) {
  if (!date) return;
  if (!first || *date < *first) first = date;
  if (!last || *date > *last) last = date;
}

constexpr std::size_t kPackedBytes = sizeof(std::int64_t);

}  // namespace

std::optional<std::int64_t> SpeciesTally::packed_cell_number(const std::string& code) {
  if (code.empty() || code.size() > kPackedBytes || code.find('\0') != std::string::npos)
    return std::nullopt;
  std::uint64_t packed = 0;  // "E836N818": the bytes themselves
  for (std::size_t i = 0; i < code.size(); ++i)
    packed |= std::uint64_t{static_cast<unsigned char>(code[i])} << (8 * i);
  return static_cast<std::int64_t>(packed);
}

std::int64_t SpeciesTally::cell_number(const std::string& code) {
  if (auto packed = packed_cell_number(code)) return *packed;
  auto [at, added] =
      cell_numbers_.try_emplace(code, static_cast<std::int64_t>(cells_.size()) * 256);
  if (added) cells_.push_back(code);
  return at->second;
}

std::string SpeciesTally::cell_code(std::int64_t number) const {
  auto packed = static_cast<std::uint64_t>(number);
  if ((packed & 0xff) == 0) return cells_[static_cast<std::size_t>(packed >> 8)];
  std::string code;
  for (; packed != 0; packed >>= 8) code += static_cast<char>(packed & 0xff);
  return code;
}

void SpeciesTally::add(std::int64_t taxon_id, const std::optional<biodata::CalendarDate>& date,
                       const std::optional<std::string>& grid_cell,
                       std::span<const std::int64_t> area_ids) {
  if (taxon_id == 0) return;  // no matched name: a record, not a species
  for (std::int64_t area_id : area_ids) {
    AreaCount& row = areas_[{area_id, taxon_id}];
    ++row.records;
    widen(row.first, row.last, date);
  }
  if (!grid_cell) return;
  ++cell_taxa_[{cell_number(*grid_cell), taxon_id}].records;
}

void SpeciesTally::prefetch(std::int64_t taxon_id, const std::optional<std::string>& grid_cell,
                            std::span<const std::int64_t> area_ids) const {
  if (taxon_id == 0) return;
  for (std::int64_t area_id : area_ids) areas_.prefetch({area_id, taxon_id});
  if (grid_cell)  // a code that does not pack is rare, and its number needs a lookup
    if (auto number = packed_cell_number(*grid_cell)) cell_taxa_.prefetch({*number, taxon_id});
}

std::vector<SpeciesTally::AreaTaxon> SpeciesTally::area_taxa() const {
  std::vector<AreaTaxon> out;
  out.reserve(areas_.size());
  areas_.for_each([&](PairTable<AreaCount>::Key key, const AreaCount& count) {
    out.push_back({key.first, key.second, count.records, count.first, count.last});
  });
  std::sort(out.begin(), out.end(), [](const AreaTaxon& a, const AreaTaxon& b) {
    return std::pair(a.area_id, a.taxon_id) < std::pair(b.area_id, b.taxon_id);
  });
  return out;
}

// Sorted by the squares' numbers, which are cheap to compare, and only the few thousand squares
// by their codes.
std::vector<SpeciesTally::CellTaxa> SpeciesTally::cell_taxa() const {
  struct Entry {
    std::int64_t cell = 0, taxon = 0, records = 0;
  };
  std::vector<Entry> entries;
  entries.reserve(cell_taxa_.size());
  cell_taxa_.for_each([&](PairTable<CellCount>::Key key, const CellCount& count) {
    entries.push_back({key.first, key.second, count.records});
  });
  std::ranges::sort(entries, {}, [](const Entry& e) { return std::pair(e.cell, e.taxon); });
  std::vector<CellTaxa> out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i == 0 || entries[i].cell != entries[i - 1].cell)
      out.push_back({cell_code(entries[i].cell), {}});
    out.back().taxa.push_back({entries[i].taxon, entries[i].records});
  }
  std::ranges::sort(out, {}, &CellTaxa::grid_cell);
  return out;
}

}  // namespace bsap::store
