#include "store/matching_repo.h"

#include <soci/soci.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store/repo_support.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    if (item.empty() || item.find(',') != std::string::npos)
      throw StoreError("a list item may be neither empty nor contain a comma: \"" + item + "\"");
    text += (text.empty() ? "" : ",") + item;
  }
  return text;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> items;
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t comma = std::min(text.find(',', from), text.size());
    items.push_back(text.substr(from, comma - from));
    from = comma + 1;
  }
  return items;
}

std::string joined(const std::vector<int>& numbers) {
  std::vector<std::string> items;
  for (int number : numbers) items.push_back(std::to_string(number));
  return joined(items);
}

std::vector<int> split_numbers(const std::string& text) {
  std::vector<int> numbers;
  for (const std::string& item : split(text)) {
    int number = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), number);
    if (error != std::errc{} || end != item.data() + item.size())
      throw StoreError("a stored list of numbers holds \"" + item + "\"");
    numbers.push_back(number);
  }
  return numbers;
}

std::optional<Money> money_of(std::int64_t cents, soci::indicator indicator) {
  if (indicator != soci::i_ok) return std::nullopt;
  return Money::from_cents(cents);
}

Nullable<std::int64_t> cents_of(const std::optional<Money>& money) {
  if (!money) return {};
  return {money->cents(), soci::i_ok};
}

void audit(Transaction& tx, std::int64_t user_id, std::string entity, std::int64_t id,
           std::string action, const json& before, const json& after) {
  append_audit(tx, {username_of(tx, user_id), std::move(entity), std::to_string(id),
                    std::move(action), before.dump(), after.dump()});
}

json profile_json(const FunderProfile& p) {
  return {{"name", p.name},
          {"kind", p.kind},
          {"declaration", p.declaration},
          {"themes", p.themes},
          {"habitats", p.habitats},
          {"districts", p.districts},
          {"kmgbf_targets", p.kmgbf_targets},
          {"budget_min_cents", p.budget_min ? json(p.budget_min->cents()) : json(nullptr)},
          {"budget_max_cents", p.budget_max ? json(p.budget_max->cents()) : json(nullptr)}};
}

void check_profile(const FunderProfile& p) {
  if (p.name.empty()) throw StoreError("a funder needs a name");
  if (p.kind != "company" && p.kind != "trust" && p.kind != "family_office" && p.kind != "other")
    throw StoreError("a funder's kind is company, trust, family_office or other, not \"" + p.kind +
                     "\"");
  check_code("the funder's §3.11.3 declaration", p.declaration);
  if (p.budget_min && p.budget_max && *p.budget_min > *p.budget_max)
    throw StoreError("the funder's budget minimum is above its maximum");
}

template <typename... Uses>
std::vector<Funder> select_funders(Transaction& tx, const std::string& condition, Uses... uses) {
  Funder row;
  std::string themes, habitats, districts, targets;
  std::int64_t min_cents = 0, max_cents = 0;
  soci::indicator min_present = soci::i_null, max_present = soci::i_null;
  const std::string query =
      "SELECT id, user_id, name, kind, declaration, themes, habitats, districts, kmgbf_targets, "
      "budget_min_cents, budget_max_cents, updated_at FROM match_funders " +
      condition + " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id), soci::into(row.user_id),
       soci::into(row.profile.name), soci::into(row.profile.kind),
       soci::into(row.profile.declaration), soci::into(themes), soci::into(habitats),
       soci::into(districts), soci::into(targets), soci::into(min_cents, min_present),
       soci::into(max_cents, max_present), soci::into(row.updated_at));
  select.execute();
  std::vector<Funder> funders;
  while (select.fetch()) {
    row.profile.themes = split(themes);
    row.profile.habitats = split(habitats);
    row.profile.districts = split(districts);
    row.profile.kmgbf_targets = split_numbers(targets);
    row.profile.budget_min = money_of(min_cents, min_present);
    row.profile.budget_max = money_of(max_cents, max_present);
    funders.push_back(row);
  }
  return funders;
}

template <typename Row>
std::optional<Row> first(std::vector<Row> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

ProposalState parse_proposal_state(const std::string& code) {
  for (ProposalState state :
       {ProposalState::submitted, ProposalState::listed, ProposalState::returned})
    if (proposal_state_code(state) == code) return state;
  throw StoreError("unknown proposal state \"" + code + "\"");
}

void check_details(const ProposalDetails& d) {
  if (d.title_zh.empty() && d.title_en.empty())
    throw StoreError("a proposal needs a title, in Chinese or English or both");
  if (d.budget <= Money{} || d.duration_months <= 0)
    throw StoreError("a proposal's budget and duration must be positive");
}

json details_json(const ProposalDetails& d) {
  return {{"title_zh", d.title_zh},
          {"title_en", d.title_en},
          {"habitat", d.habitat},
          {"district", d.district},
          {"place", d.place},
          {"budget_cents", d.budget.cents()},
          {"duration_months", d.duration_months},
          {"outcomes", d.outcomes},
          {"plan_actions", d.plan_actions},
          {"kmgbf_targets", d.kmgbf_targets},
          {"themes", d.themes}};
}

template <typename... Uses>
std::vector<Proposal> select_proposals(Transaction& tx, const std::string& condition,
                                       Uses... uses) {
  Proposal row;
  ProposalDetails& d = row.details;
  std::string actions, targets, themes, state;
  std::int64_t budget = 0;
  const std::string query =
      "SELECT id, organisation_id, created_by, title_zh, title_en, habitat, district, place, "
      "budget_cents, duration_months, outcomes, plan_actions, kmgbf_targets, themes, state, "
      "review_note, created_at FROM match_proposals " +
      condition + " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.created_by), soci::into(d.title_zh),
       soci::into(d.title_en), soci::into(d.habitat), soci::into(d.district), soci::into(d.place),
       soci::into(budget), soci::into(d.duration_months), soci::into(d.outcomes),
       soci::into(actions), soci::into(targets), soci::into(themes), soci::into(state),
       soci::into(row.review_note), soci::into(row.created_at));
  select.execute();
  std::vector<Proposal> proposals;
  while (select.fetch()) {
    d.budget = Money::from_cents(budget);
    d.plan_actions = split(actions);
    d.kmgbf_targets = split_numbers(targets);
    d.themes = split(themes);
    row.state = parse_proposal_state(state);
    proposals.push_back(row);
  }
  return proposals;
}

Proposal require_listed(Transaction& tx, std::int64_t proposal_id) {
  const auto proposal = find_proposal(tx, proposal_id);
  if (!proposal) throw StoreError("no proposal with id " + std::to_string(proposal_id));
  if (proposal->state != ProposalState::listed)
    throw StoreError("proposal " + std::to_string(proposal_id) +
                     " is not listed: the secretariat reviews a proposal before funders see it");
  return *proposal;
}

void require_funder(Transaction& tx, std::int64_t funder_id) {
  if (!find_funder(tx, funder_id))
    throw StoreError("no funder with id " + std::to_string(funder_id));
}

SponsorshipState parse_sponsorship_state(const std::string& code) {
  for (SponsorshipState state :
       {SponsorshipState::none, SponsorshipState::declared, SponsorshipState::refused})
    if (sponsorship_state_code(state) == code) return state;
  throw StoreError("unknown sponsorship state \"" + code + "\"");
}

template <typename... Uses>
std::vector<Pledge> select_pledges(Transaction& tx, const std::string& condition, Uses... uses) {
  Pledge row;
  std::int64_t amount = 0, application = 0, before = 0, after = 0, expenditure = 0;
  soci::indicator application_present = soci::i_null, before_present = soci::i_null,
                  after_present = soci::i_null, expenditure_present = soci::i_null;
  std::string state, clause;
  int under_18 = 0;
  const std::string query =
      "SELECT id, proposal_id, funder_id, amount_cents, form, description, created_at, "
      "sponsorship_state, application_id, for_under_18_activity, finding_clause, "
      "contribution_before_cents, contribution_after_cents, expenditure_cents FROM match_pledges " +
      condition + " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id),
       soci::into(row.pledge.proposal_id), soci::into(row.pledge.funder_id), soci::into(amount),
       soci::into(row.pledge.form), soci::into(row.pledge.description), soci::into(row.created_at),
       soci::into(state), soci::into(application, application_present), soci::into(under_18),
       soci::into(clause), soci::into(before, before_present), soci::into(after, after_present),
       soci::into(expenditure, expenditure_present));
  select.execute();
  std::vector<Pledge> pledges;
  while (select.fetch()) {
    row.pledge.amount = Money::from_cents(amount);
    row.sponsorship.reset();
    const SponsorshipState sponsorship = parse_sponsorship_state(state);
    if (sponsorship != SponsorshipState::none)
      row.sponsorship =
          SponsorshipRecord{sponsorship,
                            application_present == soci::i_ok ? application : 0,
                            under_18 != 0,
                            clause,
                            money_of(before, before_present).value_or(Money{}),
                            money_of(after, after_present).value_or(Money{}),
                            money_of(expenditure, expenditure_present).value_or(Money{})};
    pledges.push_back(row);
  }
  return pledges;
}

}  // namespace

std::int64_t save_funder(Transaction& tx, std::int64_t user_id, const FunderProfile& profile) {
  check_profile(profile);
  const auto before = funder_of_user(tx, user_id);
  const std::string now = utc_timestamp();
  const std::string themes = joined(profile.themes), habitats = joined(profile.habitats),
                    districts = joined(profile.districts), targets = joined(profile.kmgbf_targets);
  auto min = cents_of(profile.budget_min), max = cents_of(profile.budget_max);
  std::int64_t id = 0;
  if (before) {
    id = before->id;
    tx.sql() << "UPDATE match_funders SET name = :name, kind = :kind, declaration = :declaration, "
                "themes = :themes, habitats = :habitats, districts = :districts, "
                "kmgbf_targets = :targets, budget_min_cents = :min, budget_max_cents = :max, "
                "updated_at = :now WHERE id = :id",
        soci::use(profile.name), soci::use(profile.kind), soci::use(profile.declaration),
        soci::use(themes), soci::use(habitats), soci::use(districts), soci::use(targets),
        soci::use(min.value, min.indicator), soci::use(max.value, max.indicator), soci::use(now),
        soci::use(id);
  } else {
    tx.sql() << "INSERT INTO match_funders (user_id, name, kind, declaration, themes, habitats, "
                "districts, kmgbf_targets, budget_min_cents, budget_max_cents, updated_at) VALUES "
                "(:user_id, :name, :kind, :declaration, :themes, :habitats, :districts, "
                ":targets, :min, :max, :now) RETURNING id",
        soci::use(user_id), soci::use(profile.name), soci::use(profile.kind),
        soci::use(profile.declaration), soci::use(themes), soci::use(habitats),
        soci::use(districts), soci::use(targets), soci::use(min.value, min.indicator),
        soci::use(max.value, max.indicator), soci::use(now), soci::into(id);
  }
  audit(tx, user_id, "funder", id, before ? "update" : "create",
        before ? profile_json(before->profile) : json(nullptr), profile_json(profile));
  return id;
}

std::optional<Funder> find_funder(Transaction& tx, std::int64_t id) {
  return first(select_funders(tx, "WHERE id = :id", soci::use(id)));
}

std::optional<Funder> funder_of_user(Transaction& tx, std::int64_t user_id) {
  return first(select_funders(tx, "WHERE user_id = :user_id", soci::use(user_id)));
}

std::vector<Funder> list_funders(Transaction& tx) { return select_funders(tx, ""); }

std::string_view proposal_state_code(ProposalState state) {
  switch (state) {
    case ProposalState::submitted:
      return "submitted";
    case ProposalState::listed:
      return "listed";
    case ProposalState::returned:
      return "returned";
  }
  return "submitted";
}

std::int64_t create_proposal(Transaction& tx, std::int64_t organisation_id,
                             const ProposalDetails& d, std::int64_t user_id) {
  require_member(tx, organisation_id, user_id);
  check_details(d);
  const std::string now = utc_timestamp();
  const std::string actions = joined(d.plan_actions), targets = joined(d.kmgbf_targets),
                    themes = joined(d.themes);
  const std::int64_t budget = d.budget.cents();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO match_proposals (organisation_id, created_by, title_zh, title_en, "
              "habitat, district, place, budget_cents, duration_months, outcomes, plan_actions, "
              "kmgbf_targets, themes, state, created_at) VALUES (:organisation_id, :created_by, "
              ":title_zh, :title_en, :habitat, :district, :place, :budget, :duration, "
              ":outcomes, :actions, :targets, :themes, 'submitted', :now) RETURNING id",
      soci::use(organisation_id), soci::use(user_id), soci::use(d.title_zh), soci::use(d.title_en),
      soci::use(d.habitat), soci::use(d.district), soci::use(d.place), soci::use(budget),
      soci::use(d.duration_months), soci::use(d.outcomes), soci::use(actions), soci::use(targets),
      soci::use(themes), soci::use(now), soci::into(id);
  json after = details_json(d);
  after["organisation_id"] = organisation_id;
  after["state"] = "submitted";
  audit(tx, user_id, "match_proposal", id, "create", nullptr, after);
  return id;
}

std::optional<Proposal> find_proposal(Transaction& tx, std::int64_t id) {
  return first(select_proposals(tx, "WHERE id = :id", soci::use(id)));
}

std::vector<Proposal> list_proposals_of(Transaction& tx, std::int64_t organisation_id) {
  return select_proposals(tx, "WHERE organisation_id = :organisation_id",
                          soci::use(organisation_id));
}

std::vector<Proposal> list_proposals_in(Transaction& tx, ProposalState state) {
  const std::string code(proposal_state_code(state));
  return select_proposals(tx, "WHERE state = :state", soci::use(code));
}

void review_proposal(Transaction& tx, std::int64_t id, ProposalState decision,
                     std::string_view note, std::int64_t user_id) {
  if (decision == ProposalState::submitted)
    throw StoreError("a review lists or returns a proposal");
  const auto proposal = find_proposal(tx, id);
  if (!proposal) throw StoreError("no proposal with id " + std::to_string(id));
  if (proposal->state != ProposalState::submitted)
    throw StoreError("proposal " + std::to_string(id) + " was already reviewed");
  const std::string code(proposal_state_code(decision)), note_text(note), now = utc_timestamp();
  tx.sql() << "UPDATE match_proposals SET state = :state, review_note = :note, "
              "reviewed_by = :user_id, reviewed_at = :now WHERE id = :id",
      soci::use(code), soci::use(note_text), soci::use(user_id), soci::use(now), soci::use(id);
  audit(tx, user_id, "match_proposal", id, "review", {{"state", "submitted"}},
        {{"state", code}, {"note", note_text}});
}

void resubmit_proposal(Transaction& tx, std::int64_t id, const ProposalDetails& d,
                       std::int64_t user_id) {
  const auto proposal = find_proposal(tx, id);
  if (!proposal) throw StoreError("no proposal with id " + std::to_string(id));
  require_member(tx, proposal->organisation_id, user_id);
  if (proposal->state != ProposalState::returned)
    throw StoreError("proposal " + std::to_string(id) + " was not returned; it cannot be edited");
  check_details(d);
  const std::string actions = joined(d.plan_actions), targets = joined(d.kmgbf_targets),
                    themes = joined(d.themes);
  const std::int64_t budget = d.budget.cents();
  // The return note stays until the next review, so the secretariat sees what it asked for.
  tx.sql() << "UPDATE match_proposals SET title_zh = :title_zh, title_en = :title_en, "
              "habitat = :habitat, district = :district, place = :place, budget_cents = :budget, "
              "duration_months = :duration, outcomes = :outcomes, plan_actions = :actions, "
              "kmgbf_targets = :targets, themes = :themes, state = 'submitted' WHERE id = :id",
      soci::use(d.title_zh), soci::use(d.title_en), soci::use(d.habitat), soci::use(d.district),
      soci::use(d.place), soci::use(budget), soci::use(d.duration_months), soci::use(d.outcomes),
      soci::use(actions), soci::use(targets), soci::use(themes), soci::use(id);
  json before = details_json(proposal->details);
  before["state"] = "returned";
  json after = details_json(d);
  after["state"] = "submitted";
  audit(tx, user_id, "match_proposal", id, "resubmit", before, after);
}

std::string_view interest_direction_code(InterestDirection direction) {
  return direction == InterestDirection::funder_to_proposal ? "funder_to_proposal"
                                                            : "owner_to_funder";
}

bool record_interest(Transaction& tx, std::int64_t proposal_id, std::int64_t funder_id,
                     InterestDirection direction, std::int64_t user_id) {
  require_listed(tx, proposal_id);
  require_funder(tx, funder_id);
  const std::string code(interest_direction_code(direction)), now = utc_timestamp();
  std::int64_t inserted = 0;
  tx.sql() << "INSERT INTO match_interests (proposal_id, funder_id, direction, user_id, "
              "created_at) VALUES (:proposal_id, :funder_id, :direction, :user_id, :now) "
              "ON CONFLICT DO NOTHING RETURNING proposal_id",
      soci::use(proposal_id), soci::use(funder_id), soci::use(code), soci::use(user_id),
      soci::use(now), soci::into(inserted);
  if (!tx.sql().got_data()) return false;
  audit(tx, user_id, "match_proposal", proposal_id, "interest", nullptr,
        {{"funder_id", funder_id}, {"direction", code}});
  return true;
}

std::vector<Interest> list_interests(Transaction& tx, std::int64_t proposal_id) {
  Interest row;
  std::string direction;
  soci::statement select =
      (tx.sql().prepare << "SELECT proposal_id, funder_id, direction, created_at FROM "
                           "match_interests WHERE proposal_id = :proposal_id "
                           "ORDER BY created_at, funder_id, direction",
       soci::use(proposal_id), soci::into(row.proposal_id), soci::into(row.funder_id),
       soci::into(direction), soci::into(row.created_at));
  select.execute();
  std::vector<Interest> interests;
  while (select.fetch()) {
    row.direction = direction == "owner_to_funder" ? InterestDirection::owner_to_funder
                                                   : InterestDirection::funder_to_proposal;
    interests.push_back(row);
  }
  return interests;
}

std::string_view sponsorship_state_code(SponsorshipState state) {
  switch (state) {
    case SponsorshipState::none:
      return "none";
    case SponsorshipState::declared:
      return "declared";
    case SponsorshipState::refused:
      return "refused";
  }
  return "none";
}

std::int64_t record_pledge(Transaction& tx, const NewPledge& p, std::int64_t user_id) {
  require_listed(tx, p.proposal_id);
  require_funder(tx, p.funder_id);
  if (p.amount <= Money{}) throw StoreError("a pledge's amount must be positive");
  if (p.form != "cash" && p.form != "kind")
    throw StoreError("a pledge is in cash or in kind, not \"" + p.form + "\"");
  const std::string now = utc_timestamp();
  const std::int64_t amount = p.amount.cents();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO match_pledges (proposal_id, funder_id, amount_cents, form, "
              "description, created_by, created_at) VALUES (:proposal_id, :funder_id, :amount, "
              ":form, :description, :user_id, :now) RETURNING id",
      soci::use(p.proposal_id), soci::use(p.funder_id), soci::use(amount), soci::use(p.form),
      soci::use(p.description), soci::use(user_id), soci::use(now), soci::into(id);
  audit(tx, user_id, "match_pledge", id, "create", nullptr,
        {{"proposal_id", p.proposal_id},
         {"funder_id", p.funder_id},
         {"amount_cents", amount},
         {"form", p.form},
         {"description", p.description}});
  return id;
}

std::optional<Pledge> find_pledge(Transaction& tx, std::int64_t id) {
  return first(select_pledges(tx, "WHERE id = :id", soci::use(id)));
}

std::vector<Pledge> list_pledges(Transaction& tx, std::int64_t proposal_id) {
  return select_pledges(tx, "WHERE proposal_id = :proposal_id", soci::use(proposal_id));
}

std::vector<Pledge> list_pledges_in(Transaction& tx, SponsorshipState state) {
  const std::string code(sponsorship_state_code(state));
  return select_pledges(tx, "WHERE sponsorship_state = :state", soci::use(code));
}

std::vector<Pledge> list_sponsorships_of(Transaction& tx, std::int64_t application_id) {
  return select_pledges(tx,
                        "WHERE application_id = :application_id AND sponsorship_state <> 'none'",
                        soci::use(application_id));
}

void record_sponsorship(Transaction& tx, std::int64_t pledge_id, const SponsorshipRecord& r,
                        std::int64_t user_id) {
  const auto pledge = find_pledge(tx, pledge_id);
  if (!pledge) throw StoreError("no pledge with id " + std::to_string(pledge_id));
  if (pledge->sponsorship && pledge->sponsorship->state == SponsorshipState::declared)
    throw StoreError("pledge " + std::to_string(pledge_id) +
                     " is already declared as sponsorship of application " +
                     std::to_string(pledge->sponsorship->application_id));
  if (r.state == SponsorshipState::none) throw StoreError("a declaration is declared or refused");
  const std::string state(sponsorship_state_code(r.state)), now = utc_timestamp();
  const int under_18 = r.for_under_18_activity ? 1 : 0;
  const std::int64_t before = r.contribution_before.cents(), after = r.contribution_after.cents(),
                     expenditure = r.expenditure.cents();
  tx.sql() << "UPDATE match_pledges SET sponsorship_state = :state, application_id = :application, "
              "for_under_18_activity = :under_18, finding_clause = :clause, "
              "contribution_before_cents = :before, contribution_after_cents = :after, "
              "expenditure_cents = :expenditure, declared_by = :user_id, declared_at = :now "
              "WHERE id = :id",
      soci::use(state), soci::use(r.application_id), soci::use(under_18),
      soci::use(r.finding_clause), soci::use(before), soci::use(after), soci::use(expenditure),
      soci::use(user_id), soci::use(now), soci::use(pledge_id);
  audit(tx, user_id, "match_pledge", pledge_id, "sponsorship",
        {{"sponsorship_state", pledge->sponsorship
                                   ? std::string(sponsorship_state_code(pledge->sponsorship->state))
                                   : std::string("none")}},
        {{"sponsorship_state", state},
         {"application_id", r.application_id},
         {"for_under_18_activity", r.for_under_18_activity},
         {"finding_clause", r.finding_clause},
         {"contribution_before_cents", before},
         {"contribution_after_cents", after},
         {"expenditure_cents", expenditure}});
}

}  // namespace bsap::store
