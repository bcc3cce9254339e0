// The approved projects the public sees (guidelines §4.1.3), gathered from the store for the
// public list (/{lang}/grants), its open data (/open-data/ccfs-grants.json, .csv) and
// `bsap grants export`: one ccfs::PublicGrant per approved or partly approved application.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ccfs/grants_360giving.h"
#include "rules/ruleset_registry.h"
#include "store/store.h"

namespace bsap::assess {

// An approved application whose submitted document could not be read: it is still listed, with
// what the store's row holds (title, organisation, type, amount, duration, decision day) and
// without the summary, sites and planned start. The caller logs it for the operator.
struct PublicGrantNote {
  std::int64_t application_id = 0;
  std::string reference;
  std::string message;  // English, for the log: what failed and what was left out
};

// Every approved grant in reference order. The amount and duration are the committee's decision
// (§4.1.2), not the requested ones; the summary, sites and planned start come from the submitted
// document; the type and site names from the ruleset in force on the decision day (or, before
// any is, the earliest one). Names the ruleset does not know are left as their keys and codes.
// Each document that could not be read adds a note when notes is given.
std::vector<ccfs::PublicGrant> public_grants(store::Transaction& tx,
                                             const rules::RulesetRegistry& rulesets,
                                             std::vector<PublicGrantNote>* notes = nullptr);

// "360G-hkccfs-org-42": the recipient's identifier. The organisation record holds no Hong Kong
// register number (docs/decisions/0008-360giving.md), so the scheme's own prefix is used.
std::string recipient_identifier(std::int64_t organisation_id);

}  // namespace bsap::assess
