// The portal's use of the checker: a stored draft read as an application and judged by the
// ruleset in force today (on submission, the version recorded with it). One place, so the task
// list, the part pages, the review page and the submission judge a draft the same way.
#pragma once
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "ccfs/application_json.h"
#include "ccfs/checker.h"
#include "store/application_repo.h"
#include "web/application_parts.h"
#include "web/request_context.h"

namespace bsap::web {

struct CheckedDraft {
  std::shared_ptr<const rules::Ruleset> ruleset;  // nullptr: none in force today
  std::optional<ccfs::ApplicationDocument> document;
  std::optional<ccfs::ParseError> parse_error;  // a stored draft that no longer reads
  ccfs::CheckResult result;
  CivilDate checked_on = CivilDate::from_days_since_epoch(0);
};

// The organisation's record and uploaded papers are the truth about the applicant (§2.3.1): they
// replace what the draft says of its name, kind and documents before the check, and the
// submission freezes the application with them.
CheckedDraft check_draft(RequestContext& ctx, const store::StoredApplication& application);

// The part specs for the draft's project type, labelled in the request's language.
std::vector<PartSpec> parts_for(RequestContext& ctx, const rules::Ruleset& ruleset,
                                std::string_view project_type);

// The finding's message in the request's language (zh for both Chinese scripts, the
// Simplified one converted).
std::string finding_message(RequestContext& ctx, const ccfs::Finding& finding);

}  // namespace bsap::web
