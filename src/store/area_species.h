// A species recorded in an area, as an area's species list shows it (issue 9 §5), and the packed
// form the list is kept in (store/area_species_list.h): one text value per area, its species in
// order, so that reading a list is one row and no sort (decision 0013 §9). The packing is pure.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::store {

// A species recorded in an area: its accepted name and marks, and its records there.
struct AreaSpecies {
  std::int64_t taxon_id = 0;
  std::string scientific_name, name_zh, name_en;
  std::string iucn_category, establishment;
  int sensitivity = 0;  // bio_taxa.sensitivity: the web generalises or hides what it shows
  std::int64_t records = 0;
  std::string first_date, last_date;  // ISO, as precise as the records are; "" when none
};

// Byte order of the scientific name (the same on both backends whatever PostgreSQL's collation),
// then the taxon id.
void sort_by_scientific_name(std::vector<AreaSpecies>& species);

// A species' fields as they are packed, borrowed from where they are (an AreaSpecies, a row).
struct AreaSpeciesFields {
  std::int64_t taxon_id = 0, records = 0;
  int sensitivity = 0;
  std::string_view scientific_name, name_zh, name_en, iucn_category, establishment, first_date,
      last_date;
};

// The species as text: their count on the first line, then one line each, its fields separated
// by tabs, with a backslash, tab or line break in a name written \\, \t or \n. Text, not bytes,
// so that both backends keep it in a TEXT column. Packed one species at a time, in the order
// given.
class AreaSpeciesPacker {
 public:
  void add(const AreaSpeciesFields& species);
  std::size_t count() const { return count_; }
  // The packed list; the packer starts a new one afterwards.
  std::string finish();

 private:
  std::string lines_;
  std::size_t count_ = 0;
};
std::string pack_area_species(std::span<const AreaSpecies> species);
// The species back, in the packed order. Throws std::invalid_argument on text that
// pack_area_species did not write.
std::vector<AreaSpecies> unpack_area_species(std::string_view packed);

}  // namespace bsap::store
