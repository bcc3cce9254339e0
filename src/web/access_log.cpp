#include "web/access_log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace bsap::web {
namespace {

std::shared_ptr<spdlog::logger> access_logger() {
  // Created once and shared by the worker threads; the _mt sink serialises their lines.
  static const auto logger = [] {
    auto existing = spdlog::get("access");
    return existing ? existing : spdlog::stdout_logger_mt("access");
  }();
  return logger;
}

}  // namespace

void log_access(const AccessLogEntry& entry) {
  access_logger()->info("{} {} {} {}B {}us user={}", entry.method, entry.target, entry.status,
                        entry.bytes, entry.microseconds, entry.user);
}

}  // namespace bsap::web
