// The web application: the HttpHandler the server calls. It finds the route, applies its role
// rule and the CSRF check, runs the handler, and renders the error pages.
#pragma once
#include <filesystem>
#include <optional>

#include "core/messages.h"
#include "store/store.h"
#include "web/http_message.h"
#include "web/router.h"
#include "web/server.h"
#include "web/web_context.h"

namespace bsap::web {

class App : public HttpHandler {
 public:
  // home holds templates/ and static/. Throws std::runtime_error when either cannot be read.
  App(store::Store& store, const MessageCatalogue& messages, const std::filesystem::path& home,
      SessionSettings sessions, ClientSettings clients, DomainData domain);

  Response handle(const Request& request) override;
  Response refuse(int status, const Request& head) override;

 private:
  Response dispatch(RequestContext& ctx, const RouteLookup& lookup);
  Response guarded(RequestContext& ctx, const Route& route);
  std::optional<Response> over_budget(RequestContext& ctx, const Route& route);

  WebContext web_;
};

}  // namespace bsap::web
