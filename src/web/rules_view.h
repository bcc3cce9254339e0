// What the scheme's rules and sites pages share: the ruleset a page shows, and rule texts and
// values in the request's language.
#pragma once
#include <memory>
#include <string>

#include "core/civil_date.h"
#include "rules/ruleset.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

std::string rules_text(const RequestContext& ctx, const rules::Bilingual& text);

// The version ?version= names, else the one in force today in Hong Kong (principle 1); null
// when the named version does not exist or none is in force yet.
std::shared_ptr<const rules::Ruleset> requested_ruleset(const RequestContext& ctx);

// The version in force on `day` (an application is judged by it); null when none is yet.
// The registry keeps every version for the server's life, so a raw pointer to one stays valid.
std::shared_ptr<const rules::Ruleset> ruleset_in_force(const RequestContext& ctx, CivilDate day);
std::shared_ptr<const rules::Ruleset> ruleset_in_force_today(const RequestContext& ctx);

// Every loaded version as {version, effective_from, selected} for a version picker.
PageData version_options(const RequestContext& ctx, const std::string& selected_version);

// A rule's scalar for people: "HK$15,000,000.00" for a *_cents figure, the text of a string,
// otherwise the JSON as it stands (42, true, null).
std::string leaf_value(const RequestContext& ctx, const rules::RuleLeaf& leaf);

}  // namespace bsap::web
