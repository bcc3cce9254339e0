// One row of a core or extension file as terms and values, meta.xml's defaults applied.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "biodata/archive_descriptor.h"
#include "biodata/delimited_reader.h"

namespace bsap::biodata {

struct Record {
  const TableDescriptor* table = nullptr;  // owned by the reader; says what each value is
  std::size_t line = 0;                    // where the row starts in its file
  std::string id;  // the <id> (core) or <coreid> (extension) column; empty when there is none
  std::vector<std::string> values;  // one per table->fields, in that order

  // The value of a term given by full URI or short name; empty when the table has no such term.
  std::string_view value(std::string_view term) const;
};

// Fills `record` from a row: each field's column, or its default when the cell is empty or the
// field has no column. Reuses the record's storage, since this runs once per row.
void fill_record(const TableDescriptor& table, const DelimitedRow& row, Record& record);

}  // namespace bsap::biodata
