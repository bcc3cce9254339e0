#include "web/request_context.h"

#include "web/lang_path.h"

namespace bsap::web {

RequestContext::RequestContext(const WebContext& web, const Request& request, const Route* route)
    : web_(web), request_(request), route_(route), rest_path_(request.path) {
  if (auto localized = split_language(request.path)) {
    lang_ = localized->lang;
    rest_path_ = std::move(localized->rest);
  }
}

WebSession& RequestContext::session() {
  if (!session_) session_.emplace(web_.store, web_.sessions, request_.header("Cookie"));
  return *session_;
}

const FormData& RequestContext::form() {
  if (form_) return *form_;
  const std::string content_type = request_.header("Content-Type");
  if (content_type.starts_with("application/x-www-form-urlencoded")) {
    form_ = FormData::parse(request_.body);
  } else if (const auto boundary = multipart_boundary(content_type)) {
    // A malformed multipart body reads as an empty form: the CSRF check then refuses it.
    multipart_ = parse_multipart(*boundary, request_.body);
    form_ = multipart_ ? multipart_->fields : FormData{};
  } else {
    form_ = FormData{};
  }
  return *form_;
}

const UploadedFile* RequestContext::upload(std::string_view field) {
  form();
  return multipart_ ? multipart_->file(field) : nullptr;
}

std::string RequestContext::path_parameter(std::string_view name) const {
  return route_ ? web::path_parameter(route_->pattern, request_.path, name) : std::string();
}

std::string RequestContext::data_text(std::string_view zh, std::string_view en) const {
  switch (lang_) {
    case Lang::en:
      return std::string(en);
    case Lang::zh_hans:
      return web_.domain.converter.convert(zh);
    default:
      return std::string(zh);
  }
}

std::string RequestContext::link(std::string_view rest) const { return with_language(lang_, rest); }

}  // namespace bsap::web
