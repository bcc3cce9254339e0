#include "web/app.h"

#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "core/password.h"
#include "web/error_pages.h"
#include "web/request_context.h"
#include "web/routes.h"

namespace bsap::web {
namespace {

PageData texts_for(const MessageCatalogue& messages, Lang lang) {
  PageData texts;
  for (const auto& [key, entry] : messages.entries()) texts.set(key, messages.get(key, lang));
  return texts;
}

std::string allow_header(const std::vector<Method>& methods) {
  std::string allow;
  for (Method method : methods) {
    if (!allow.empty()) allow += ", ";
    allow += method == Method::get ? "GET, HEAD" : "POST";
  }
  return allow;
}

// Pages work without scripts, so the policy forbids inline ones outright and framing too.
void add_security_headers(Response& response) {
  response.add_header("X-Content-Type-Options", "nosniff");
  response.add_header("X-Frame-Options", "DENY");
  response.add_header("Referrer-Policy", "same-origin");
  response.add_header("Content-Security-Policy",
                      "default-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                      "base-uri 'none'");
}

// Session cookie and the access log's user, once the handler is done with the session.
void finish(RequestContext& ctx, Response& response) {
  if (ctx.session_loaded()) {
    if (const auto& cookie = ctx.session().cookie_to_set())
      response.add_header("Set-Cookie", *cookie);
    if (const auto& user = ctx.session().user()) response.user_for_log = user->username;
  }
  add_security_headers(response);
}

}  // namespace

App::App(store::Store& store, const MessageCatalogue& messages, const std::filesystem::path& home,
         SessionSettings sessions, DomainData domain)
    : web_{.store = store,
           .messages = messages,
           .templates = TemplateSet::load(home / "templates"),
           .static_files = StaticFiles::load(home / "static"),
           .sessions = sessions,
           .domain = domain,
           .texts = {texts_for(messages, Lang::zh_hant), texts_for(messages, Lang::en),
                     texts_for(messages, Lang::zh_hans)},
           .decoy_password_hash = hash_password(random_token(32))} {}

Response App::handle(const Request& request) {
  RouteLookup lookup = find_route(app_routes(), request.method, request.path);
  RequestContext ctx(web_, request, lookup.route);
  Response response;
  try {
    response = dispatch(ctx, lookup);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", request.method, request.target, e.what());
    response = error_page(ctx, ErrorPage::server_error);
  }
  finish(ctx, response);
  return response;
}

Response App::refuse(int status, const Request& head) {
  RequestContext ctx(web_, head, nullptr);
  Response response =
      error_page(ctx, status == 413 ? ErrorPage::too_large : ErrorPage::headers_too_large);
  finish(ctx, response);
  return response;
}

Response App::dispatch(RequestContext& ctx, const RouteLookup& lookup) {
  if (lookup.route) return guarded(ctx, *lookup.route);
  if (!lookup.allowed.empty()) {
    Response response = error_page(ctx, ErrorPage::method_not_allowed);
    response.add_header("Allow", allow_header(lookup.allowed));
    return response;
  }
  // "/en" is the home page without its final slash.
  if (ctx.rest_path().empty()) return redirect_see_other(ctx.link("/"));
  return error_page(ctx, ErrorPage::not_found);
}

// The route's role rule, then for a form post its CSRF token, then the handler.
Response App::guarded(RequestContext& ctx, const Route& route) {
  // A public route never reads the session for its rule, so static files and health checks
  // cost no store access.
  AccessDecision decision = route.access.kind() == Access::Kind::public_
                                ? AccessDecision::allow
                                : decide_access(route.access, ctx.user());
  if (decision == AccessDecision::sign_in_first) {
    std::string login = ctx.link("/login");
    // Only a page can be returned to; a refused form post starts again from the sign-in.
    if (route.method == Method::get) login += "?next=" + percent_encode(ctx.request().target);
    return redirect_see_other(login);
  }
  if (decision == AccessDecision::forbidden) return error_page(ctx, ErrorPage::forbidden);
  if (route.method == Method::post && !ctx.session().csrf_matches(ctx.form().get("csrf_token")))
    return error_page(ctx, ErrorPage::csrf_refused);
  return route.handler(ctx);
}

}  // namespace bsap::web
