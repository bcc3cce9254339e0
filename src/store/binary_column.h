// Binary content (a document's bytes, an evidence file) in a BLOB column on SQLite and a BYTEA
// column on PostgreSQL. SOCI 4.0 passes PostgreSQL parameters as text, which cannot carry a zero
// byte, so there the bytes travel hex-encoded, decode() makes them BYTEA and encode() reads them
// back; SOCI's SQLite binding carries any bytes and the CAST stores them as a BLOB, not TEXT.
// Internal to store/.
#pragma once
#include <string>
#include <string_view>

#include "store/store.h"

namespace bsap::store {

// The SQL that stores the bound parameter `:name` in a binary column.
std::string binary_parameter_sql(Backend backend, std::string_view name);
// The value to bind for that parameter.
std::string binary_parameter(Backend backend, std::string_view bytes);
// The SQL that selects a binary column so that binary_from_column can read it.
std::string binary_column_sql(Backend backend, std::string_view column);
// The bytes of a value selected with binary_column_sql; StoreError naming `what` ("a document",
// "an evidence file") when it came back damaged.
std::string binary_from_column(Backend backend, std::string selected, std::string_view what);

}  // namespace bsap::store
