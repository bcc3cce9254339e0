#include "store/postgres_occurrence_sink.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/bio_summary_repo.h"
#include "store/soci_errors.h"

namespace bsap::store {
namespace {

// Rows in COPY's text format: columns separated by tabs, rows ended by a newline, NULL as \N, and
// in a value the backslash, the tab, the newline and the carriage return written as backslash
// escapes. Every other byte goes as it is: the connection's encoding is the database's (UTF-8).
class CopyRows {
 public:
  void text(std::string_view value) {
    separate();
    for (char c : value) {
      switch (c) {
        case '\\':
          out_ += "\\\\";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default:
          out_ += c;
      }
    }
  }
  void integer(std::int64_t value) { number(value); }
  // The shortest form that reads back as the same double.
  void real(double value) { number(value); }
  void null() {
    separate();
    out_ += "\\N";
  }
  template <typename T>
  void optional(const std::optional<T>& value) {
    if (!value)
      null();
    else if constexpr (std::is_same_v<T, std::string>)
      text(*value);
    else
      number(*value);
  }
  void end_row() {
    out_ += '\n';
    first_ = true;
  }
  const std::string& data() const { return out_; }
  void clear() { out_.clear(); }

 private:
  void separate() {
    if (!first_) out_ += '\t';
    first_ = false;
  }
  template <typename T>
  void number(T value) {
    separate();
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }

  std::string out_;
  bool first_ = true;
};

PGconn* connection_of(Transaction& tx) {
  if (tx.backend() != Backend::postgres)
    throw StoreError("a PostgreSQL COPY on a transaction of another backend");
  return static_cast<soci::postgresql_session_backend*>(tx.sql().get_backend())->conn_;
}

std::string trimmed(const char* message) {
  std::string out = message ? message : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// Runs `COPY … FROM STDIN` with rows as its data. On any failure the server ends the COPY, the
// transaction is left failed (the caller's rolls back) and the server's message comes out as
// StoreError naming what was being done.
void copy_in(PGconn* conn, const char* statement, const std::string& rows, std::string_view doing) {
  std::string error;
  PGresult* started = PQexec(conn, statement);
  if (PQresultStatus(started) == PGRES_COPY_IN) {
    if (PQputCopyData(conn, rows.data(), static_cast<int>(rows.size())) != 1)
      error = trimmed(PQerrorMessage(conn));
    // With a message the server abandons the COPY; the result below then carries the failure.
    if (PQputCopyEnd(conn, error.empty() ? nullptr : error.c_str()) != 1 && error.empty())
      error = trimmed(PQerrorMessage(conn));
  } else {
    error = trimmed(PQresultErrorMessage(started));
    if (error.empty()) error = trimmed(PQerrorMessage(conn));
    if (error.empty()) error = "the server did not start the COPY";
  }
  PQclear(started);
  // Every result is read, so that the connection is ready for the caller's ROLLBACK or next step.
  while (PGresult* result = PQgetResult(conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && error.empty())
      error = trimmed(PQresultErrorMessage(result));
    PQclear(result);
  }
  if (!error.empty()) throw StoreError(std::string(doing) + ": " + error);
}

class PostgresSink final : public OccurrenceWriter::Sink {
 public:
  PostgresSink(Transaction& tx, std::int64_t dataset_id)
      : tx_(tx), conn_(connection_of(tx)), dataset_id_(dataset_id) {}

  void write(std::span<const OccurrenceRow> rows) override {
    if (rows.empty()) return;
    std::vector<long long> ids = take_ids(rows.size());
    rows_.clear();
    for (std::size_t i = 0; i < rows.size(); ++i) add_occurrence(ids[i], rows[i]);
    copy_in(conn_,
            "COPY bio_occurrences (id, dataset_id, record_key, occurrence_id, scientific_name, "
            "taxon_id, basis_of_record, event_date, year, latitude, longitude, uncertainty_m, "
            "individual_count, locality, recorded_by, flags, grid_cell) FROM STDIN",
            rows_.data(), "writing occurrences");

    rows_.clear();
    for (std::size_t i = 0; i < rows.size(); ++i)
      for (std::int64_t area_id : rows[i].area_ids) {
        rows_.integer(area_id);
        rows_.integer(ids[i]);
        rows_.end_row();
      }
    if (rows_.data().empty()) return;
    copy_in(conn_, "COPY bio_occurrence_areas (area_id, occurrence_id) FROM STDIN", rows_.data(),
            "writing the areas of occurrences");
  }

  // The server groups the dataset's records itself: the tally is not needed.
  void finish(const SpeciesTally&) override { add_to_summaries(tx_, dataset_id_, SpeciesTally{}); }

 private:
  // The next ids of the table's identity sequence, as an insert would take them: another
  // transaction's rows may take ids in between, never the same ones.
  std::vector<long long> take_ids(std::size_t count) {
    std::vector<long long> ids(count);
    long long n = static_cast<long long>(count);
    translate_soci_errors("taking ids for occurrences", [&] {
      tx_.sql() << "SELECT nextval(pg_get_serial_sequence('bio_occurrences', 'id')) "
                   "FROM generate_series(1, :n)",
          soci::use(n), soci::into(ids);
    });
    return ids;
  }

  void add_occurrence(long long id, const OccurrenceRow& row) {
    const biodata::Occurrence& o = *row.occurrence;
    rows_.integer(id);
    rows_.integer(dataset_id_);
    rows_.text(o.record_key);
    rows_.text(o.occurrence_id);
    rows_.text(o.scientific_name);
    rows_.optional(o.taxon ? std::optional(o.taxon) : std::nullopt);
    rows_.text(o.basis_of_record);
    rows_.optional(o.date ? std::optional(o.date->iso()) : std::nullopt);
    rows_.optional(o.date ? std::optional<std::int64_t>(o.date->year) : std::nullopt);
    rows_.optional(o.point ? std::optional(o.point->lat) : std::nullopt);
    rows_.optional(o.point ? std::optional(o.point->lon) : std::nullopt);
    rows_.optional(o.uncertainty_m);
    rows_.optional(o.individual_count);
    rows_.text(o.locality);
    rows_.text(o.recorded_by);
    rows_.integer(static_cast<int>(o.flags.bits()));
    rows_.optional(row.grid_cell);
    rows_.end_row();
  }

  Transaction& tx_;
  PGconn* conn_;
  std::int64_t dataset_id_;
  CopyRows rows_;  // one batch's rows, its buffer kept from batch to batch
};

}  // namespace

std::unique_ptr<OccurrenceWriter::Sink> make_postgres_occurrence_sink(Transaction& tx,
                                                                      std::int64_t dataset_id) {
  return std::make_unique<PostgresSink>(tx, dataset_id);
}

}  // namespace bsap::store
