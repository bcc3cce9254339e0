// Rows a program holds, read by a statement on SQLite as the table-valued function
// bsap_rows(?): a statement `INSERT … SELECT c0, c1 … FROM bsap_rows(?1)` writes them all,
// where a statement stepped once per row costs a statement's work per row (decision 0013 §13).
// The rows are bound to the parameter with SqliteStatement::bind_rows and must outlive the
// statement's run. Up to five columns, c0 to c4; a value may be NULL.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

namespace sqlite_api {
struct sqlite3;
}

namespace bsap::store {

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string_view>;

class RowSource {
 public:
  static constexpr int kColumns = 5;
  virtual ~RowSource() = default;
  virtual std::size_t size() const = 0;
  // The value of a column of a row; columns the rows do not have are NULL.
  virtual SqlValue value(std::size_t row, int column) const = 0;
};

// Registers bsap_rows on a connection. Throws StoreError if SQLite refuses.
void register_row_source(sqlite_api::sqlite3* db);

}  // namespace bsap::store
