#include "web/server.h"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>

#include "web/access_log.h"
#include "web/url.h"

namespace bsap::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

class Connection;

// What connections share with the server: the configuration, the handler, and the registry a
// stop uses to reach the idle connections and to wait for the busy ones.
struct ServerState {
  ServerState(ServerConfig config, HttpHandler& handler)
      : config(std::move(config)), handler(handler) {}

  ServerConfig config;
  HttpHandler& handler;
  std::mutex mutex;
  std::condition_variable changed;
  bool stopping = false;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;

  bool is_stopping() {
    std::lock_guard lock(mutex);
    return stopping;
  }
};

Request to_request(const http::request<http::string_body>& message) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  std::string_view target(message.target().data(), message.target().size());
  std::size_t question = target.find('?');
  // A malformed escape leaves the path empty, which no route matches: a 404.
  request.path = percent_decode(target.substr(0, question)).value_or("");
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : message)
    request.headers.emplace(std::string(field.name_string()), std::string(field.value()));
  request.body = message.body();
  return request;
}

http::response<http::string_body> to_message(const Response& response, unsigned version,
                                             bool head_only) {
  http::response<http::string_body> message{static_cast<http::status>(response.status), version};
  message.set(http::field::server, "bsap");
  if (!response.content_type.empty()) message.set(http::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) message.insert(name, value);
  // A 304 has no body by definition and must not announce one.
  if (response.status != 304) message.content_length(response.body.size());
  // A HEAD answer carries the length of the body it would have sent, but no body.
  if (!head_only) message.body() = response.body;
  return message;
}

// One client connection: reads a request, has the handler answer it, writes the answer, and
// repeats while keep-alive holds. Every step runs on the connection's strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, ServerState& server)
      : stream_(std::move(socket)), server_(server) {}

  ~Connection() {
    std::lock_guard lock(server_.mutex);
    server_.connections.erase(this);
    server_.changed.notify_all();
  }

  // Registers the connection and starts reading; a connection that arrives during a stop is
  // closed at once.
  void start() {
    {
      std::lock_guard lock(server_.mutex);
      if (server_.stopping) return;
      server_.connections.emplace(this, weak_from_this());
    }
    beast::error_code ignored;
    stream_.socket().set_option(tcp::no_delay(true), ignored);
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // Posted by a stop: a connection waiting for (or part-way through) a request is closed; its
  // request was never handled, so nothing is half done. A busy one closes after its answer.
  void close_if_reading() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->reading_) self->stream_.cancel();
    });
  }

 private:
  void read_header() {
    if (server_.is_stopping()) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.config.header_limit));
    parser_->body_limit(server_.config.body_limit);
    reading_ = true;
    stream_.expires_after(server_.config.read_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec == http::error::header_limit) return refuse(431);
    // Beast checks an announced Content-Length against the body limit with the header, so
    // an oversized body is refused before any of it is read.
    if (ec == http::error::body_limit) return refuse(413);
    if (ec) return close();
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec == http::error::body_limit) return refuse(413);  // a chunked body grew too large
    if (ec) return close();
    reading_ = false;
    started_ = Clock::now();
    const auto& message = parser_->get();
    Request request = to_request(message);
    bool keep_alive = message.keep_alive();
    bool head_only = message.method() == http::verb::head;
    write(answer(request), request, message.version(), keep_alive, head_only);
  }

  Response answer(const Request& request) {
    try {
      return server_.handler.handle(request);
    } catch (const std::exception& e) {
      // The handler renders its own error pages; this is the last guard for the connection.
      spdlog::error("unhandled error answering {} {}: {}", request.method, request.target,
                    e.what());
      return plain_text(500, "Internal Server Error");
    }
  }

  void refuse(int status) {
    reading_ = false;
    started_ = Clock::now();
    const auto& head = parser_->get();
    Request request = to_request(head);
    request.body.clear();
    // The unread body would be taken for the next request, so the connection ends here.
    lingering_ = true;
    write(server_.handler.refuse(status, request), request, head.version(), false, false);
  }

  void write(const Response& response, const Request& request, unsigned version, bool keep_alive,
             bool head_only) {
    auto message = std::make_shared<http::response<http::string_body>>(
        to_message(response, version, head_only));
    message->keep_alive(keep_alive && !server_.is_stopping());
    stream_.expires_after(server_.config.write_timeout);
    http::async_write(
        stream_, *message,
        [self = shared_from_this(), message,
         log = LogLine{request.method, request.target, response.status, response.body.size(),
                       response.user_for_log}](beast::error_code ec, std::size_t) {
          self->on_write(ec, *message, log);
        });
  }

  struct LogLine {
    std::string method, target;
    int status;
    std::size_t bytes;
    std::string user;
  };

  void on_write(beast::error_code ec, const http::response<http::string_body>& message,
                const LogLine& line) {
    auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_);
    log_access({line.method, line.target, line.status, line.bytes, elapsed.count(), line.user});
    if (!ec && lingering_) return linger();
    if (ec || !message.keep_alive()) return close();
    read_header();
  }

  // After refusing a request whose body is still arriving, closing at once would reset the
  // connection and the client could lose the answer; so stop sending, then read and discard
  // what the client still sends, for a bounded time, before closing (as nginx's lingering close).
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(5));
    discard_input();
  }

  void discard_input() {
    buffer_.consume(buffer_.size());
    stream_.async_read_some(buffer_.prepare(64 * 1024),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();
                              self->discard_input();
                            });
  }

  void close() {
    reading_ = false;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  ServerState& server_;
  bool reading_ = false;
  bool lingering_ = false;
  Clock::time_point started_;
};

tcp::endpoint resolve_endpoint(const ServerConfig& config) {
  beast::error_code ec;
  auto address = net::ip::make_address(config.host, ec);
  if (ec) throw std::runtime_error("not an IP address: " + config.host);
  return {address, config.port};
}

}  // namespace

struct Server::Impl {
  Impl(ServerConfig config, HttpHandler& handler)
      : state{std::move(config), handler},
        io(state.config.threads),
        acceptor(net::make_strand(io)),
        signals(io),
        work(net::make_work_guard(io)) {}

  void listen() {
    auto endpoint = resolve_endpoint(state.config);
    beast::error_code ec;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
      throw std::runtime_error("cannot listen on " + state.config.host + ":" +
                               std::to_string(state.config.port) + ": " + ec.message());
  }

  void accept() {
    acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;  // closed by a stop
      if (!ec) std::make_shared<Connection>(std::move(socket), state)->start();
      accept();
    });
  }

  void watch_signals() {
    if (!state.config.stop_on_signals) return;
    signals.add(SIGTERM);
    signals.add(SIGINT);
    signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) request_stop();
    });
  }

  void request_stop() {
    std::lock_guard lock(state.mutex);
    state.stopping = true;
    state.changed.notify_all();
  }

  // Runs on the caller's thread once a stop is requested.
  void drain() {
    net::post(acceptor.get_executor(), [this] {
      beast::error_code ignored;
      acceptor.close(ignored);
      signals.cancel(ignored);
    });
    // Taken under the lock but closed outside it: dropping the last reference runs
    // ~Connection, which takes the lock itself.
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(state.mutex);
      for (auto& [raw, weak] : state.connections)
        if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
    for (auto& connection : open) connection->close_if_reading();
    open.clear();
    std::unique_lock lock(state.mutex);
    state.changed.wait_for(lock, state.config.shutdown_grace,
                           [this] { return state.connections.empty(); });
  }

  ServerState state;
  net::io_context io;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::executor_work_guard<net::io_context::executor_type> work;
};

Server::Server(ServerConfig config, HttpHandler& handler)
    : impl_(std::make_unique<Impl>(std::move(config), handler)) {
  impl_->listen();
  // Watched from here, not from run(), so a signal between start-up and run() still stops
  // the server gracefully rather than killing the process.
  impl_->watch_signals();
}

Server::~Server() = default;

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run() {
  impl_->accept();
  std::vector<std::thread> workers;
  for (int i = 0; i < std::max(1, impl_->state.config.threads); ++i)
    workers.emplace_back([this] { impl_->io.run(); });
  {
    std::unique_lock lock(impl_->state.mutex);
    impl_->state.changed.wait(lock, [this] { return impl_->state.stopping; });
  }
  impl_->drain();
  impl_->work.reset();
  impl_->io.stop();
  for (auto& worker : workers) worker.join();
}

void Server::stop() { impl_->request_stop(); }

}  // namespace bsap::web
