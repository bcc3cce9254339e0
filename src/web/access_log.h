// One line per answered request, through spdlog's logger "access" (stdout by default). Lines are
// buffered, not flushed one by one: call flush_access_log() periodically and before exiting.
#pragma once
#include <cstdint>
#include <string_view>

namespace bsap::web {

struct AccessLogEntry {
  std::string_view method;
  std::string_view target;
  int status = 0;
  std::size_t bytes = 0;          // body bytes sent
  std::int64_t microseconds = 0;  // from the request read whole to the response written
  std::string_view user;          // "-" when nobody is signed in
};

void log_access(const AccessLogEntry& entry);
// Writes out the buffered lines.
void flush_access_log();

}  // namespace bsap::web
