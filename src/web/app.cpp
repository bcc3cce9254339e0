#include "web/app.h"

#include <spdlog/spdlog.h>

#include "ccfs/application_json.h"
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

// Pages work without scripts, so the policy forbids inline ones outright and framing too
// (docs/security.md). Behind HTTPS (the operator's --secure-cookies), browsers are also told to
// come back only over HTTPS for a year.
void add_security_headers(Response& response, bool behind_https) {
  response.add_header("X-Content-Type-Options", "nosniff");
  response.add_header("X-Frame-Options", "DENY");
  response.add_header("Referrer-Policy", "same-origin");
  response.add_header("Content-Security-Policy",
                      "default-src 'self'; script-src 'self'; object-src 'none'; "
                      "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  if (behind_https)
    response.add_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

// Session cookie and the access log's user, once the handler is done with the session.
void finish(RequestContext& ctx, Response& response) {
  if (ctx.session_loaded()) {
    if (const auto& cookie = ctx.session().cookie_to_set())
      response.add_header("Set-Cookie", *cookie);
    if (const auto& user = ctx.session().user()) response.user_for_log = user->username;
  }
  add_security_headers(response, ctx.web().sessions.secure_cookies);
}

// Routes under /api/ answer programs, not people: a refusal is a status with the JSON error of
// docs/api.md, never a page or a redirect to the sign-in form.
bool is_api(std::string_view path) { return path.starts_with("/api/"); }

Response api_refusal(int status, std::string message_en, std::string message_zh) {
  Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = ccfs::error_json({"", std::move(message_en), std::move(message_zh)});
  response.add_header("Cache-Control", "no-store");
  return response;
}

Response api_refusal(int status, const MessageCatalogue& messages, std::string_view key) {
  return api_refusal(status, messages.get(key, Lang::en), messages.get(key, Lang::zh_hant));
}

Response api_sign_in_first() {
  return api_refusal(401,
                     "Sign in first: send the bsap_session cookie of a signed-in user "
                     "(sign in at /en/login).",
                     "請先登入：請附上已登入用戶的 bsap_session cookie（於 /zh/login 登入）。");
}

Response api_too_many_requests(const MessageCatalogue& messages) {
  return api_refusal(429, messages, "error_too_many_body");
}

Response api_csrf_refused() {
  return api_refusal(403,
                     "Send the session's CSRF token in the X-CSRF-Token header (it is the "
                     "csrf_token field of any page's form, e.g. /en/account).",
                     "請於 X-CSRF-Token 標頭附上此登入工作階段的 CSRF 權杖（即任何頁面表格中的 "
                     "csrf_token 欄位，例如 /zh/account）。");
}

// A form post carries the token as its csrf_token field. A script posting JSON sends it in the
// X-CSRF-Token header instead: another site's page cannot set a custom header on a request to
// us (that needs CORS, which this server never grants), so the header is as good a proof.
std::string submitted_csrf_token(RequestContext& ctx) {
  std::string header = ctx.request().header("X-CSRF-Token");
  return header.empty() ? ctx.form().get("csrf_token") : header;
}

}  // namespace

App::App(store::Store& store, const MessageCatalogue& messages, const std::filesystem::path& home,
         SessionSettings sessions, ClientSettings clients, DomainData domain)
    : web_{.store = store,
           .messages = messages,
           .templates = TemplateSet::load(home / "templates"),
           .static_files = StaticFiles::load(home / "static"),
           .sessions = sessions,
           .clients = clients,
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
    response = is_api(request.path) ? api_refusal(500, web_.messages, "error_server_body")
                                    : error_page(ctx, ErrorPage::server_error);
  }
  finish(ctx, response);
  return response;
}

Response App::refuse(int status, const Request& head) {
  RequestContext ctx(web_, head, nullptr);
  const bool too_large = status == 413;
  Response response =
      is_api(head.path)
          ? api_refusal(status, web_.messages,
                        too_large ? "error_too_large_body" : "error_headers_too_large_body")
          : error_page(ctx, too_large ? ErrorPage::too_large : ErrorPage::headers_too_large);
  finish(ctx, response);
  return response;
}

Response App::dispatch(RequestContext& ctx, const RouteLookup& lookup) {
  if (lookup.route) return guarded(ctx, *lookup.route);
  const bool api = is_api(ctx.request().path);
  if (!lookup.allowed.empty()) {
    Response response = api ? api_refusal(405, web_.messages, "error_method_body")
                            : error_page(ctx, ErrorPage::method_not_allowed);
    response.add_header("Allow", allow_header(lookup.allowed));
    return response;
  }
  // "/en" is the home page without its final slash.
  if (ctx.rest_path().empty()) return redirect_see_other(ctx.link("/"));
  return api ? api_refusal(404, web_.messages, "error_not_found_body")
             : error_page(ctx, ErrorPage::not_found);
}

// The client's budget for the route's kind of request (rate_limit.h), or nullopt when it has
// some left. Checked first: it costs no store access, and a refused request costs nothing more.
std::optional<Response> App::over_budget(RequestContext& ctx, const Route& route) {
  RateLimiter* limiter = web_.rate_limits->for_class(route.rate);
  if (!limiter) return std::nullopt;
  const Request& request = ctx.request();
  const RateVerdict verdict =
      limiter->take(client_address(web_.clients, request.peer, request.header("X-Forwarded-For")),
                    RateLimiter::Clock::now());
  if (verdict.allowed) return std::nullopt;
  Response response = is_api(route.pattern) ? api_too_many_requests(web_.messages)
                                            : error_page(ctx, ErrorPage::too_many_requests);
  response.add_header("Retry-After", std::to_string(verdict.retry_after_seconds));
  return response;
}

// The client's budget, the route's role rule, then for a post its CSRF token, then the handler.
Response App::guarded(RequestContext& ctx, const Route& route) {
  if (auto refusal = over_budget(ctx, route)) return std::move(*refusal);
  const bool api = is_api(route.pattern);
  // A public route never reads the session for its rule, so static files and health checks
  // cost no store access.
  AccessDecision decision = route.access.kind() == Access::Kind::public_
                                ? AccessDecision::allow
                                : decide_access(route.access, ctx.user());
  if (decision == AccessDecision::sign_in_first) {
    if (api) return api_sign_in_first();
    std::string login = ctx.link("/login");
    // Only a page can be returned to; a refused form post starts again from the sign-in.
    if (route.method == Method::get) login += "?next=" + percent_encode(ctx.request().target);
    return redirect_see_other(login);
  }
  if (decision == AccessDecision::forbidden)
    return api ? api_refusal(403, web_.messages, "error_forbidden_body")
               : error_page(ctx, ErrorPage::forbidden);
  if (route.method == Method::post && !ctx.session().csrf_matches(submitted_csrf_token(ctx)))
    return api ? api_csrf_refused() : error_page(ctx, ErrorPage::csrf_refused);
  return route.handler(ctx);
}

}  // namespace bsap::web
