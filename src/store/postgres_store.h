// The PostgreSQL store: for several app servers sharing one database.
#pragma once
#include <memory>
#include <string_view>

#include "store/store.h"

namespace bsap::store {

// Opens a store on a libpq URL ("postgresql://user@host:port/db?..."), connecting once to check.
std::unique_ptr<Store> open_postgres_store(std::string_view url);

}  // namespace bsap::store
