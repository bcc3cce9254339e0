// The PostgreSQL store: for several app servers sharing one database.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace bsap::store {

// Opens a store on a libpq URL ("postgresql://user@host:port/db?..."), connecting once to check.
std::unique_ptr<Store> open_postgres_store(std::string_view url);

// The same URL naming another database on the same server: the path after host:port replaced,
// any ?parameters kept. For the scratch databases of a restore and of the tests.
std::string url_with_database(const std::string& url, const std::string& name);

}  // namespace bsap::store
