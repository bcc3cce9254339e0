#include "web/error_pages.h"

#include "web/page.h"

namespace bsap::web {
namespace {

struct ErrorText {
  int status;
  std::string_view title_key;
  std::string_view body_key;
};

ErrorText error_text(ErrorPage page) {
  switch (page) {
    case ErrorPage::forbidden:
      return {403, "error_forbidden_title", "error_forbidden_body"};
    case ErrorPage::csrf_refused:
      return {403, "error_csrf_title", "error_csrf_body"};
    case ErrorPage::not_found:
      return {404, "error_not_found_title", "error_not_found_body"};
    case ErrorPage::method_not_allowed:
      return {405, "error_method_title", "error_method_body"};
    case ErrorPage::too_large:
      return {413, "error_too_large_title", "error_too_large_body"};
    case ErrorPage::too_many_requests:
      return {429, "error_too_many_title", "error_too_many_body"};
    case ErrorPage::headers_too_large:
      return {431, "error_headers_too_large_title", "error_headers_too_large_body"};
    case ErrorPage::server_error:
      return {500, "error_server_title", "error_server_body"};
  }
  return {500, "error_server_title", "error_server_body"};
}

Lang other_language(Lang lang) { return lang == Lang::en ? Lang::zh_hant : Lang::en; }

}  // namespace

Response error_page(RequestContext& ctx, ErrorPage page) {
  ErrorText text = error_text(page);
  Lang other = other_language(ctx.lang());
  const MessageCatalogue& messages = ctx.web().messages;
  PageData data;
  data.set("body", ctx.text(text.body_key));
  data.set("other_lang_tag", std::string(lang_tag(other)));
  data.set("other_title", messages.get(text.title_key, other));
  data.set("other_body", messages.get(text.body_key, other));
  return render_page(ctx, "error", text.title_key, std::move(data), text.status);
}

}  // namespace bsap::web
