// A 1 km square's species, as the embedded store keeps them (decision 0013 §14): each square's
// taxa and their records packed into one value of bio_cell_taxon_lists, in taxon order, rather
// than a row per square and taxon (half a million rows at a million records). The packing is
// pure. Format: one packed integer column (packed_column.h) of the taxon id and the records of
// each taxon in turn.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::store {

struct TaxonRecords {
  std::int64_t taxon_id = 0, records = 0;
  friend bool operator==(const TaxonRecords&, const TaxonRecords&) = default;
};

// The taxa must be in taxon order, each once, with at least one record.
std::string pack_cell_taxa(std::span<const TaxonRecords> taxa);
// Throws std::invalid_argument on bytes pack_cell_taxa did not write.
std::vector<TaxonRecords> unpack_cell_taxa(std::string_view packed);
// Both lists' taxa in taxon order, the records of a taxon in both added.
std::vector<TaxonRecords> add_cell_taxa(std::span<const TaxonRecords> a,
                                        std::span<const TaxonRecords> b);

}  // namespace bsap::store
