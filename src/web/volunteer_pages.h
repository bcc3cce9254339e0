// What the volunteering pages hand each other: a page shown again beside a form's errors with
// what was typed, and the form fields both the new-programme page and a returned programme's
// page show.
#pragma once
#include <optional>
#include <vector>

#include "volunteer/event.h"
#include "volunteer/programme.h"
#include "web/http_message.h"
#include "web/page.h"
#include "web/request_context.h"

namespace bsap::web {

// What was typed into a programme's forms, to show again beside their errors.
struct ProgrammeForms {
  std::optional<volunteer::ProgrammeEntry> programme;
  volunteer::EventEntry event;
};
Response volunteer_programme_page_with(RequestContext& ctx, const ProgrammeForms& forms,
                                       const std::vector<FieldError>& errors, int status);
Response volunteer_event_page_with(RequestContext& ctx, const std::vector<FieldError>& errors,
                                   int status);

void set_programme_fields(const RequestContext& ctx, const volunteer::ProgrammeEntry& entry,
                          PageData& data);
void set_event_fields(const volunteer::EventEntry& entry, PageData& data);

}  // namespace bsap::web
