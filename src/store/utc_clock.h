// The clock the store stamps records with. See migrations.h for which columns hold which form.
#pragma once
#include <cstdint>
#include <string>

namespace bsap::store {

// Now, UTC, ISO 8601 with milliseconds: "2026-11-22T13:05:09.123Z". Sorts correctly as text.
std::string utc_timestamp();

// Now, in whole seconds since the Unix epoch.
std::int64_t unix_seconds();

}  // namespace bsap::store
