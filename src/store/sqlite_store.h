// The SQLite store: one file, WAL, for a single machine (the default).
#pragma once
#include <memory>
#include <string_view>

#include "store/store.h"

namespace bsap::store {

// Opens (creating it and its folder if need be) the database file at path.
std::unique_ptr<Store> open_sqlite_store(std::string_view path);

}  // namespace bsap::store
