// Public–private funding matching (000 優先行動 2.4 優先項目 2, 2.7; 002 §3.11): funders'
// profiles, project owners' proposals, expressions of interest and pledges. Every change is
// audited in the same transaction. The store checks what the tables need (ids that exist, a
// member of the organisation, states in order); what the words mean (vocabulary keys, §3.11.3
// declarations) is checked at the edge against match/.
//
// Moderation: a proposal is `submitted` until the scheme's secretariat lists or returns it;
// only a `listed` proposal is shown to funders and may receive interest or pledges.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "store/store.h"

namespace bsap::store {

struct FunderProfile {
  std::string name;
  std::string kind;         // company | trust | family_office | other
  std::string declaration;  // §3.11.3: a prohibited_sponsors key, or "none"
  std::vector<std::string> themes;
  std::vector<std::string> habitats;
  std::vector<std::string> districts;
  std::vector<int> kmgbf_targets;
  std::optional<Money> budget_min;
  std::optional<Money> budget_max;
};

struct Funder {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  FunderProfile profile;
  std::string updated_at;
};

// Creates or replaces the user's funder profile; returns its id. Throws StoreError for an
// unknown user, an empty name or declaration, a bad kind or a minimum above the maximum.
std::int64_t save_funder(Transaction& tx, std::int64_t user_id, const FunderProfile& profile);
std::optional<Funder> find_funder(Transaction& tx, std::int64_t id);
std::optional<Funder> funder_of_user(Transaction& tx, std::int64_t user_id);
std::vector<Funder> list_funders(Transaction& tx);  // by id

enum class ProposalState { submitted, listed, returned };
std::string_view proposal_state_code(ProposalState state);

struct ProposalDetails {
  std::string title_zh;
  std::string title_en;
  std::string habitat;
  std::string district;
  std::string place;
  Money budget;
  int duration_months = 0;
  std::string outcomes;
  std::vector<std::string> plan_actions;  // "2.4", "1.1"
  std::vector<int> kmgbf_targets;
  std::vector<std::string> themes;
};

struct Proposal {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t created_by = 0;
  ProposalDetails details;
  ProposalState state = ProposalState::submitted;
  std::string review_note;
  std::string created_at;
};

// A proposal, submitted for review, by a member of the organisation (NotAMember otherwise).
std::int64_t create_proposal(Transaction& tx, std::int64_t organisation_id,
                             const ProposalDetails& details, std::int64_t user_id);
std::optional<Proposal> find_proposal(Transaction& tx, std::int64_t id);
std::vector<Proposal> list_proposals_of(Transaction& tx, std::int64_t organisation_id);
std::vector<Proposal> list_proposals_in(Transaction& tx, ProposalState state);

// The secretariat lists or returns a submitted proposal (with a note saying why when returned).
// Throws StoreError when it is not submitted or the decision is `submitted`.
void review_proposal(Transaction& tx, std::int64_t id, ProposalState decision,
                     std::string_view note, std::int64_t user_id);

// The organisation's member edits a returned proposal and submits it again for review.
// Throws StoreError unless it was returned, NotAMember for anyone outside the organisation.
void resubmit_proposal(Transaction& tx, std::int64_t id, const ProposalDetails& details,
                       std::int64_t user_id);

enum class InterestDirection { funder_to_proposal, owner_to_funder };
std::string_view interest_direction_code(InterestDirection direction);

struct Interest {
  std::int64_t proposal_id = 0;
  std::int64_t funder_id = 0;
  InterestDirection direction = InterestDirection::funder_to_proposal;
  std::string created_at;
};

// Records the interest once; false when it was already recorded. StoreError unless the
// proposal is listed.
bool record_interest(Transaction& tx, std::int64_t proposal_id, std::int64_t funder_id,
                     InterestDirection direction, std::int64_t user_id);
std::vector<Interest> list_interests(Transaction& tx, std::int64_t proposal_id);

enum class SponsorshipState { none, declared, refused };
std::string_view sponsorship_state_code(SponsorshipState state);

struct NewPledge {
  std::int64_t proposal_id = 0;
  std::int64_t funder_id = 0;
  Money amount;
  std::string form;  // cash | kind
  std::string description;
};

// What became of declaring the pledge as sponsorship of an application (§3.11).
struct SponsorshipRecord {
  SponsorshipState state = SponsorshipState::none;
  std::int64_t application_id = 0;
  bool for_under_18_activity = false;
  std::string finding_clause;  // the §3.11.3 clause a refusal cites
  Money contribution_before;
  Money contribution_after;
  Money expenditure;
};

struct Pledge {
  std::int64_t id = 0;
  NewPledge pledge;
  std::string created_at;
  std::optional<SponsorshipRecord> sponsorship;  // absent until one is declared
};

// A pledge to a listed proposal (StoreError otherwise, or for an amount that is not positive).
std::int64_t record_pledge(Transaction& tx, const NewPledge& pledge, std::int64_t user_id);
std::optional<Pledge> find_pledge(Transaction& tx, std::int64_t id);
std::vector<Pledge> list_pledges(Transaction& tx, std::int64_t proposal_id);
// Every pledge whose declaration ended in state, oldest first: the refusals for the secretariat.
std::vector<Pledge> list_pledges_in(Transaction& tx, SponsorshipState state);
// The pledges declared as sponsorship of the application, counted or refused under §3.11.3.
std::vector<Pledge> list_sponsorships_of(Transaction& tx, std::int64_t application_id);

// Records the declaration's outcome on the pledge. StoreError when it was already declared.
void record_sponsorship(Transaction& tx, std::int64_t pledge_id, const SponsorshipRecord& record,
                        std::int64_t user_id);

}  // namespace bsap::store
