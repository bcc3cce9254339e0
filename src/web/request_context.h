// One request as the handlers see it: the request, its language, its route, the visitor's
// session (read from the store only when a handler or a role rule asks), and the form.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/lang.h"
#include "web/http_message.h"
#include "web/multipart.h"
#include "web/router.h"
#include "web/url.h"
#include "web/web_context.h"
#include "web/web_session.h"

namespace bsap::web {

class RequestContext {
 public:
  // route is nullptr when no route matched (an error page is being rendered).
  RequestContext(const WebContext& web, const Request& request, const Route* route);

  const WebContext& web() const { return web_; }
  const Request& request() const { return request_; }
  const Route* route() const { return route_; }
  // From the path's prefix; Traditional Chinese when the path has none.
  Lang lang() const { return lang_; }
  // The path after the language prefix ("/admin/users"; "" for "/en" alone), or the whole
  // path when it has none.
  const std::string& rest_path() const { return rest_path_; }

  WebSession& session();
  const std::optional<store::User>& user() { return session().user(); }
  bool session_loaded() const { return session_.has_value(); }
  // The form of a urlencoded or multipart/form-data body (empty for other bodies).
  const FormData& form();
  // A file a multipart form sent for the input `field`, or nullptr.
  const UploadedFile* upload(std::string_view field);
  FormData query() const { return FormData::parse(request_.query); }

  std::string text(std::string_view key) const { return web_.messages.get(key, lang_); }
  // The path segment the route's "{name}" matched: "2.4" for {number} in ".../actions/2.4".
  std::string path_parameter(std::string_view name) const;
  // A text of the data files in this request's language; Simplified is derived from zh.
  std::string data_text(std::string_view zh, std::string_view en) const;
  // The path of rest in this request's language: link("/account") is "/en/account".
  std::string link(std::string_view rest) const;

 private:
  const WebContext& web_;
  const Request& request_;
  const Route* route_;
  Lang lang_ = Lang::zh_hant;
  std::string rest_path_;
  std::optional<WebSession> session_;
  std::optional<FormData> form_;
  std::optional<MultipartBody> multipart_;
};

}  // namespace bsap::web
