#include "biodata/archive_record.h"

namespace bsap::biodata {

namespace {

std::string_view cell(const DelimitedRow& row, std::optional<std::size_t> index) {
  if (!index || *index >= row.fields.size()) return {};
  return row.fields[*index];
}

}  // namespace

std::string_view Record::value(std::string_view term) const {
  auto position = table->field_position(term);
  return position ? std::string_view(values[*position]) : std::string_view();
}

void fill_record(const TableDescriptor& table, const DelimitedRow& row, Record& record) {
  record.table = &table;
  record.line = row.line;
  record.id.assign(cell(row, table.id_index));
  record.values.resize(table.fields.size());
  for (std::size_t i = 0; i < table.fields.size(); ++i) {
    const FieldDescriptor& field = table.fields[i];
    std::string_view value = cell(row, field.index);
    if (value.empty() && field.default_value) value = *field.default_value;
    record.values[i].assign(value);
  }
}

}  // namespace bsap::biodata
