// Pledges declared through the funding matching as sponsorship of a CCFS application (002
// §3.11), in words: counted in the contribution ratio (§3.11.4) or refused under §3.11.3. The
// matching's proposal page and the application's own pages (the applicant's, the secretariat's
// and the panels') show the same words.
#pragma once
#include <cstdint>

#include "rules/ruleset.h"
#include "store/matching_repo.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// What became of declaring the pledge as sponsorship.
std::string sponsorship_text(RequestContext& ctx, const store::SponsorshipRecord& record,
                             const rules::Ruleset* ruleset);

// The application's declared sponsorships as `sponsorships` (with `has_sponsorships`), one row
// each: funder, amount, proposal (title, and href when link_proposals: only its organisation and
// the secretariat may open it), what became of it and whether it was refused.
void set_application_sponsorships(RequestContext& ctx, store::Transaction& tx, PageData& data,
                                  std::int64_t application_id, bool link_proposals);

}  // namespace bsap::web
