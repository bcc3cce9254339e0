// bsap_rows (store/sqlite_row_source.h): a program's rows read by one SQLite statement, each
// value as it was given, NULL where there is none; without its rows the function is refused.
#include "store/sqlite_row_source.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "store/sqlite_statement.h"
#include "store/store_test_fixture.h"

namespace bsap::store {
namespace {

class SqliteRowSourceTest : public testing::StoreTest {};

class Rows final : public RowSource {
 public:
  std::vector<std::vector<SqlValue>> rows;
  std::size_t size() const override { return rows.size(); }
  SqlValue value(std::size_t row, int column) const override {
    const auto& values = rows[row];
    return static_cast<std::size_t>(column) < values.size() ? values[column] : SqlValue();
  }
};

TEST_P(SqliteRowSourceTest, OneStatementReadsEveryRowAndValue) {
  execute_sql("CREATE TABLE copied (a, b, c, d, e)");
  Rows rows;
  rows.rows = {{std::int64_t{1}, 2.5, std::string_view("大埔滘\t林"), SqlValue(), std::int64_t{-7}},
               {std::int64_t{9'007'199'254'740'993}, SqlValue(), std::string_view("")},
               {}};
  in_transaction(*store_, [&](Transaction& tx) {
    SqliteStatement insert(tx, "INSERT INTO copied SELECT c0, c1, c2, c3, c4 FROM bsap_rows(?1)",
                           "copying");
    insert.bind_rows(1, rows);
    insert.run();
  });
  std::vector<std::string> lines;
  in_transaction(*store_, [&](Transaction& tx) {
    std::string line;
    soci::statement st =
        (tx.sql().prepare << "SELECT COALESCE(quote(a), '') || '|' || quote(b) || '|' || "
                             "quote(c) || '|' || quote(d) || '|' || quote(e) FROM copied "
                             "ORDER BY rowid",
         soci::into(line));
    st.execute();
    while (st.fetch()) lines.push_back(line);
  });
  EXPECT_EQ(lines, (std::vector<std::string>{"1|2.5|'大埔滘\t林'|NULL|-7",
                                             "9007199254740993|NULL|''|NULL|NULL",
                                             "NULL|NULL|NULL|NULL|NULL"}));
}

TEST_P(SqliteRowSourceTest, WithoutItsRowsItIsRefused) {
  EXPECT_THROW(execute_sql("SELECT c0 FROM bsap_rows"), StoreError);
}

INSTANTIATE_TEST_SUITE_P(Backends, SqliteRowSourceTest, ::testing::Values(Backend::sqlite),
                         testing::backend_name);

}  // namespace
}  // namespace bsap::store
