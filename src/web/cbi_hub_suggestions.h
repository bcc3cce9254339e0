// The City Biodiversity Index's inputs the biodiversity hub can suggest (issue 9 §7;
// plan/cbi_hub_counts.h): native species gained and not recorded since per taxon group
// (indicators 4–6) and invasive alien species against all species (indicator 11), counted from
// the hub's records for the CBI input page; for indicators 3, 7 and 8, what the hub holds and why
// it suggests no figure. A suggestion is shown beside the indicator with what it counts; the
// secretariat takes its inputs into the input form (?take=N) and saves them with the hub as the
// source, or leaves them. Nothing entered is ever replaced by it.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "plan/cbi_hub_counts.h"
#include "web/request_context.h"

namespace bsap::web {

struct CbiSuggestion {
  std::string text;                      // what the hub counted, in the request's language
  std::map<std::string, double> inputs;  // input key → the suggested value; may be empty
  std::string source;                    // the source to record with a taken value
};

// By indicator number, for the periods' year.
std::map<int, CbiSuggestion> cbi_hub_suggestions(RequestContext& ctx,
                                                 const plan::CbiPeriods& periods);

}  // namespace bsap::web
