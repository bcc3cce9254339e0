// One line per answered request, through spdlog's logger "access" (stdout by default).
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

}  // namespace bsap::web
