#include "store/cell_taxa_list.h"

#include <stdexcept>

#include "store/packed_column.h"

namespace bsap::store {

std::string pack_cell_taxa(std::span<const TaxonRecords> taxa) {
  ColumnPacker packer(ColumnKind::integer);
  for (const TaxonRecords& taxon : taxa) {
    packer.add(std::optional<std::int64_t>(taxon.taxon_id));
    packer.add(std::optional<std::int64_t>(taxon.records));
  }
  return std::string(packer.finish());
}

std::vector<TaxonRecords> unpack_cell_taxa(std::string_view packed) {
  const PackedColumn column{std::string(packed)};
  auto malformed = [](const char* what) {
    return std::invalid_argument(std::string("a square's packed species are malformed: ") + what);
  };
  if (column.kind() != ColumnKind::integer) throw malformed("not a column of integers");
  if (column.size() % 2 != 0) throw malformed("a taxon without its records");
  std::vector<TaxonRecords> out;
  out.reserve(column.size() / 2);
  for (std::size_t i = 0; i < column.size(); i += 2) {
    if (column.is_null(i) || column.is_null(i + 1)) throw malformed("a NULL");
    TaxonRecords taxon{column.integer(i), column.integer(i + 1)};
    if (taxon.records < 1) throw malformed("a taxon without records");
    if (!out.empty() && out.back().taxon_id >= taxon.taxon_id) throw malformed("taxa out of order");
    out.push_back(taxon);
  }
  return out;
}

std::vector<TaxonRecords> add_cell_taxa(std::span<const TaxonRecords> a,
                                        std::span<const TaxonRecords> b) {
  std::vector<TaxonRecords> out;
  out.reserve(a.size() + b.size());
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].taxon_id < b[j].taxon_id)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].taxon_id < a[i].taxon_id) {
      out.push_back(b[j++]);
    } else {
      out.push_back({a[i].taxon_id, a[i].records + b[j].records});
      ++i, ++j;
    }
  }
  return out;
}

}  // namespace bsap::store
