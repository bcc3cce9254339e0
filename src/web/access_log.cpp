#include "web/access_log.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <cstdio>
#include <mutex>

namespace bsap::web {
namespace {

// spdlog's stdout sink flushes after every line: one write(2) per request, under the sink's
// lock, which serialised the workers under load. This sink leaves the lines in stdout's stdio
// buffer (written out when full, or line by line on a terminal) until flush_access_log().
class BufferedStdoutSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t line;
    formatter_->format(message, line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

std::shared_ptr<spdlog::logger> access_logger() {
  // Created once and shared by the worker threads; the sink's mutex serialises their lines.
  static const auto logger = [] {
    auto existing = spdlog::get("access");
    if (existing) return existing;
    auto created =
        std::make_shared<spdlog::logger>("access", std::make_shared<BufferedStdoutSink>());
    spdlog::initialize_logger(created);  // takes the global level and pattern, as before
    return created;
  }();
  return logger;
}

}  // namespace

void log_access(const AccessLogEntry& entry) {
  access_logger()->info("{} {} {} {}B {}us user={}", entry.method, entry.target, entry.status,
                        entry.bytes, entry.microseconds, entry.user);
}

void flush_access_log() { access_logger()->flush(); }

}  // namespace bsap::web
