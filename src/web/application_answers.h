// Every part's answers of an application as read-only template data: what the applicant's
// "check your answers" page and the panel and committee members' page show (one place, so the
// applicant and the members read the same answers in the same words).
#pragma once
#include <functional>
#include <string_view>
#include <vector>

#include "web/application_parts.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// The part's answers in document_json as {label, value} rows: each field's answer as the reader
// sees it (yes/no and choices by their labels), each group's rows one line each, "none" for an
// empty group.
PageData part_answers(RequestContext& ctx, const PartSpec& part, std::string_view document_json);

// Every part as {title, answers}; each item is passed to `decorate` with its part for the
// page's own values (a link to change it).
PageData application_answers(
    RequestContext& ctx, const std::vector<PartSpec>& parts, std::string_view document_json,
    const std::function<void(const PartSpec&, PageData&)>& decorate = nullptr);

}  // namespace bsap::web
