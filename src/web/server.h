// The HTTP/1.1 server: Boost.Beast on one io_context served by a few worker threads, with
// keep-alive, size limits, timeouts and a graceful stop. It knows nothing of pages: every
// request it reads whole goes to an HttpHandler.
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "web/http_message.h"

namespace bsap::web {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port (tests); port() tells which
  int threads = 2;
  // Uploads of up to 10 MiB (core/upload_check.h) with their multipart framing.
  std::size_t body_limit = 11 * 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  // The whole next request, from the first byte awaited to the last body byte, must arrive
  // within this time, so an idle keep-alive connection or a slow sender (slowloris) is dropped.
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds write_timeout{30};
  // How long a stop waits for requests being handled to finish before it abandons them.
  std::chrono::seconds shutdown_grace{10};
  bool stop_on_signals = true;  // SIGTERM and SIGINT stop the server gracefully
};

class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  // Called on a worker thread for every request read whole; may block on the store.
  virtual Response handle(const Request& request) = 0;
  // The page for a request refused before its body was read (413); head has no body.
  virtual Response refuse(int status, const Request& head) = 0;
};

class Server {
 public:
  // Binds and listens at once, so connections made after the constructor returns wait in the
  // backlog until run(). Throws std::runtime_error when the address cannot be bound.
  Server(ServerConfig config, HttpHandler& handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;
  // Serves until stop() or a signal; then stops accepting, closes idle connections, lets the
  // requests in hand finish (up to shutdown_grace) and returns.
  void run();
  // Thread-safe; may be called before or during run().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bsap::web
