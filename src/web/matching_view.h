// What the funding-matching pages share (000 優先行動 2.4 優先項目 2, 2.7; 002 §3.11): who the
// visitor is to the matching (a project owner's organisation, a funder's profile, the
// secretariat), the vocabularies as form options, and a proposal's or a score's rows.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "match/ranking.h"
#include "match/vocabulary.h"
#include "store/matching_repo.h"
#include "web/page.h"
#include "web/portal_access.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// The visitor as the matching pages see them.
struct MatchingVisitor {
  std::optional<PortalMember> owner;    // an applicant acting for its organisation
  std::optional<store::Funder> funder;  // a funder with a profile
  bool is_funder = false;               // holds the funder role (with or without a profile)
  bool secretariat = false;
};
MatchingVisitor matching_visitor(RequestContext& ctx, store::Transaction& tx);

// The terms as checkbox, radio or select options: key, name, checked/selected.
PageData term_options(RequestContext& ctx, std::span<const match::Term> terms,
                      const std::vector<std::string>& chosen);
// The KMGBF targets (data/frameworks) and the plan's actions (data/bsap2035) as options.
PageData kmgbf_options(RequestContext& ctx, const std::vector<int>& chosen);
PageData plan_action_options(RequestContext& ctx, const std::vector<std::string>& chosen);

// A term's name in the request's language, or the key when unknown.
std::string term_name(RequestContext& ctx, std::span<const match::Term> terms,
                      const std::string& key);

match::ProposalTraits proposal_traits(const store::ProposalDetails& details);
match::FunderInterests funder_interests(const store::FunderProfile& profile);

// The proposal's title in the request's language (the other language when one is empty).
std::string proposal_title(RequestContext& ctx, const store::ProposalDetails& details);
std::string proposal_state_text(RequestContext& ctx, store::ProposalState state);
std::string proposal_href(RequestContext& ctx, std::int64_t id);

// A score as total and its criteria's explanations in the request's language.
void set_score(RequestContext& ctx, PageData& row, const match::MatchScore& score);

// Whether every key is one of the terms; whether every value names a KMGBF target.
bool all_known(std::span<const match::Term> terms, const std::vector<std::string>& keys);
bool known_targets(RequestContext& ctx, const std::vector<std::string>& values);

// Whole numbers chosen as checkboxes ("2", "3"); the ones that do not read are skipped.
std::vector<int> chosen_numbers(const std::vector<std::string>& values);

}  // namespace bsap::web
