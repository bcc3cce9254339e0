#include "web/server.h"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
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

// What a connection logs once the answer is written.
struct LogLine {
  std::string method, target;
  int status;
  std::size_t bytes;
  std::string user;
};

using ReplyMessage = http::response<http::span_body<const char>>;

// An answer in flight. The message's body is a span over the Response's own bytes (or the
// static file's shared ones), so no body is copied; the Reply lives until the write completes.
struct Reply {
  Response response;
  ReplyMessage message;
  LogLine log;
};

// Status, version and header fields; a 304 has no body by definition and announces none.
void set_head(ReplyMessage& message, const Response& answer, unsigned version) {
  message.result(static_cast<unsigned>(answer.status));
  message.version(version);
  message.set(http::field::server, "bsap");
  if (!answer.content_type.empty()) message.set(http::field::content_type, answer.content_type);
  for (const auto& [name, value] : answer.headers) message.insert(name, value);
  if (answer.status != 304) message.content_length(answer.content().size());
}

std::shared_ptr<Reply> make_reply(Response response, Request request, unsigned version,
                                  bool head_only) {
  auto reply = std::make_shared<Reply>();
  reply->response = std::move(response);
  const Response& answer = reply->response;
  std::string_view content = answer.content();
  reply->log = {std::move(request.method), std::move(request.target), answer.status, content.size(),
                answer.user_for_log};
  set_head(reply->message, answer, version);
  // A HEAD answer carries the length of the body it would have sent, but no body.
  if (!head_only) reply->message.body() = {content.data(), content.size()};
  return reply;
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
    request.peer = peer_address();
    bool keep_alive = message.keep_alive();
    bool head_only = message.method() == http::verb::head;
    Response response = answer(request);
    write(std::move(response), std::move(request), message.version(), keep_alive, head_only);
  }

  std::string peer_address() {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    return ec ? std::string() : endpoint.address().to_string();
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
    Response response = server_.handler.refuse(status, request);
    write(std::move(response), std::move(request), head.version(), false, false);
  }

  void write(Response response, Request request, unsigned version, bool keep_alive,
             bool head_only) {
    auto reply = make_reply(std::move(response), std::move(request), version, head_only);
    reply->message.keep_alive(keep_alive && !server_.is_stopping());
    stream_.expires_after(server_.config.write_timeout);
    http::async_write(stream_, reply->message,
                      [self = shared_from_this(), reply](beast::error_code ec, std::size_t) {
                        self->on_write(ec, *reply);
                      });
  }

  void on_write(beast::error_code ec, const Reply& reply) {
    auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_);
    const LogLine& line = reply.log;
    log_access({line.method, line.target, line.status, line.bytes, elapsed.count(), line.user});
    if (!ec && lingering_) return linger();
    if (ec || !reply.message.keep_alive()) return close();
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
        log_flush(io),
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

  // The access log is buffered; this bounds how late a line shows, at one write a second.
  void flush_log_periodically() {
    log_flush.expires_after(std::chrono::seconds(1));
    log_flush.async_wait([this](beast::error_code ec) {
      if (ec) return;
      flush_access_log();
      flush_log_periodically();
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
  net::steady_timer log_flush;
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
  impl_->flush_log_periodically();
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
  flush_access_log();  // the lines of the last requests, before the process exits
}

void Server::stop() { impl_->request_stop(); }

}  // namespace bsap::web
