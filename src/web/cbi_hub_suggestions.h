// The City Biodiversity Index's inputs the biodiversity hub can suggest (issue 9 §7;
// plan/cbi_hub_counts.h): native species gained per taxon group (indicators 4–6) and invasive
// alien species against all species (indicator 11), counted from the hub's records for the CBI
// input page. A suggestion is shown beside the indicator with what it counts; the secretariat
// takes it into the input form (?take=N) and saves it with the hub as the source, or leaves it.
// Nothing entered is ever replaced by it.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "web/request_context.h"

namespace bsap::web {

struct CbiSuggestion {
  std::string text;                      // what the hub counted, in the request's language
  std::map<std::string, double> inputs;  // input key → the suggested value; may be empty
  std::string source;                    // the source to record with a taken value
};

// By indicator number. previous_year: the latest earlier year with CBI inputs.
std::map<int, CbiSuggestion> cbi_hub_suggestions(RequestContext& ctx, int year,
                                                 std::optional<int> previous_year);

}  // namespace bsap::web
