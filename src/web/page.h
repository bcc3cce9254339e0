// Rendering a page: the page's template inside the shared layout (header, skip link, phase
// banner, language switch, navigation, main, footer), with every text from the catalogue.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "web/http_message.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// Sets key only when text is not empty: a mustache section shows for any string, even "".
void set_if_text(PageData& data, const std::string& key, const std::string& text);

// data is the page's own values; the layout adds t (the texts), lang, the visitor, the
// language switch and the navigation. title_key names the catalogue text for <title> and <h1>.
Response render_page(RequestContext& ctx, std::string_view template_name,
                     std::string_view title_key, PageData data, int status = 200);

// The same with a title of the page's own, such as an action's number and name.
Response render_titled_page(RequestContext& ctx, std::string_view template_name, std::string title,
                            PageData data, int status = 200);

// For a page that keeps its content between requests (ContentCache): the content rendered with
// the values every page has (texts, language, links, title), and the layout around content
// rendered as render_titled_page would. The template must show nothing of the visitor.
std::string render_content(RequestContext& ctx, std::string_view template_name,
                           const std::string& title, PageData data);
Response render_titled_content(RequestContext& ctx, std::string title, std::string content,
                               int status = 200);

// A catalogue text with {name} placeholders filled: fill("Locked until {until}", "until", "10:15").
std::string fill(std::string text, std::string_view name, std::string_view value);

struct FieldError {
  std::string field;  // the input's id, which the error summary links to
  std::string message;
};

// Sets has_errors, errors (the error summary's list) and FIELD_error beside each field.
void add_errors(PageData& data, const std::vector<FieldError>& errors);

}  // namespace bsap::web
