// The columns of an occurrence as the embedded store packs them (packed_column.h), in the order
// of their column numbers in bio_occurrence_block_columns (migration 17). The block itself holds
// the dataset and the ids; these are the record's values. The order is the stored format: add a
// column at the end, never reorder.
#pragma once
#include <array>
#include <string_view>

#include "store/packed_column.h"

namespace bsap::store {

struct OccurrenceColumn {
  std::string_view name;  // as in bio_occurrences
  ColumnKind kind;
};

inline constexpr std::array<OccurrenceColumn, 15> kOccurrenceColumns{{
    {"record_key", ColumnKind::text},
    {"occurrence_id", ColumnKind::text},
    {"scientific_name", ColumnKind::text},
    {"taxon_id", ColumnKind::integer},
    {"basis_of_record", ColumnKind::text},
    {"event_date", ColumnKind::text},
    {"year", ColumnKind::integer},
    {"latitude", ColumnKind::real},
    {"longitude", ColumnKind::real},
    {"uncertainty_m", ColumnKind::real},
    {"individual_count", ColumnKind::integer},
    {"locality", ColumnKind::text},
    {"recorded_by", ColumnKind::text},
    {"flags", ColumnKind::integer},
    {"grid_cell", ColumnKind::text},
}};

// The column numbers the store's own code reads.
inline constexpr int kTaxonColumn = 3;
inline constexpr int kGridCellColumn = 14;

}  // namespace bsap::store
