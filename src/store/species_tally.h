// What a batch of new records adds to the species summaries (bio_summary_repo.h): per area and
// taxon the records and their first and last dates, per 1 km square and taxon the records. An
// import tallies a million records into a few hundred thousand rows, so the rows are kept in
// open-addressing tables (no node, no allocation a record) and a square's code is packed into
// a number rather than hashed as a string.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "biodata/recorded_date.h"
#include "store/cell_taxa_list.h"

namespace bsap::store {

// A hash table from two ids to a value: linear probing, at most half full. Value must have a
// member `records`, 0 in a slot not taken and at least 1 once the caller has counted a record.
template <typename Value>
class PairTable {
 public:
  using Key = std::pair<std::int64_t, std::int64_t>;

  // The value of `key`, added (records 0) when it is new: the caller counts it.
  Value& operator[](Key key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = spread(key) & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.value.records == 0) {
        slot.key = key;
        ++size_;
        return slot.value;
      }
      if (slot.key == key) return slot.value;
    }
  }

  std::size_t size() const { return size_; }

  // Asks the processor to fetch the slot where `key` would be looked for first: a later
  // operator[] of it then need not wait on memory.
  void prefetch(Key key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[spread(key) & (slots_.size() - 1)]);
  }

  // Calls visit(key, value) for every key, in no particular order.
  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (const Slot& slot : slots_)
      if (slot.value.records != 0) visit(slot.key, slot.value);
  }

 private:
  struct Slot {
    Key key{};
    Value value{};
  };

  static std::size_t spread(Key key) {  // a 64-bit mix: ids close together land far apart
    std::uint64_t h = static_cast<std::uint64_t>(key.first) * 0x9E3779B97F4A7C15ull ^
                      static_cast<std::uint64_t>(key.second);
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return static_cast<std::size_t>(h);
  }

  void grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : slots_.size() * 2);
    old.swap(slots_);
    size_ = 0;
    for (Slot& slot : old)
      if (slot.value.records != 0) (*this)[slot.key] = std::move(slot.value);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

class SpeciesTally {
 public:
  void add(std::int64_t taxon_id, const std::optional<biodata::CalendarDate>& date,
           const std::optional<std::string>& grid_cell, std::span<const std::int64_t> area_ids);
  // Fetches from memory what add() of the same record will touch, ahead of it: a tally of a
  // million records is larger than the processor's caches, and a record's rows are anywhere in
  // it. Changes nothing that the tally gives.
  void prefetch(std::int64_t taxon_id, const std::optional<std::string>& grid_cell,
                std::span<const std::int64_t> area_ids) const;

  struct AreaTaxon {
    std::int64_t area_id = 0, taxon_id = 0, records = 0;
    std::optional<biodata::CalendarDate> first, last;
  };
  struct CellTaxa {
    std::string grid_cell;
    std::vector<TaxonRecords> taxa;  // in taxon order
  };
  // By area, then taxon; by square.
  std::vector<AreaTaxon> area_taxa() const;
  std::vector<CellTaxa> cell_taxa() const;

 private:
  struct AreaCount {
    std::int64_t records = 0;
    std::optional<biodata::CalendarDate> first, last;
  };
  struct CellCount {
    std::int64_t records = 0;
  };
  // A square's number: its code packed into the bytes of one (its first byte not 0), or, for a
  // code that does not fit, its place in cells_ times 256 (its first byte 0).
  // The number of a code that packs; none for one that does not.
  static std::optional<std::int64_t> packed_cell_number(const std::string& code);
  std::int64_t cell_number(const std::string& code);
  std::string cell_code(std::int64_t number) const;

  PairTable<AreaCount> areas_;                                  // (area, taxon)
  PairTable<CellCount> cell_taxa_;                              // (square's number, taxon)
  std::vector<std::string> cells_;                              // the codes that do not pack
  std::unordered_map<std::string, std::int64_t> cell_numbers_;  // into cells_
};

}  // namespace bsap::store
