#include "web/matching_view.h"

#include <algorithm>
#include <charconv>

#include "core/role.h"

namespace bsap::web {

MatchingVisitor matching_visitor(RequestContext& ctx, store::Transaction& tx) {
  MatchingVisitor visitor;
  const auto& user = ctx.user();
  if (!user) return visitor;
  const auto holds = [&](Role role) {
    return std::ranges::find(user->roles, role) != user->roles.end();
  };
  if (holds(Role::applicant)) visitor.owner = portal_member(ctx, tx);
  visitor.is_funder = holds(Role::funder);
  if (visitor.is_funder) visitor.funder = store::funder_of_user(tx, user->id);
  visitor.secretariat = holds(Role::secretariat);
  return visitor;
}

PageData term_options(RequestContext& ctx, std::span<const match::Term> terms,
                      const std::vector<std::string>& chosen) {
  PageData options{PageData::type::list};
  for (const match::Term& term : terms) {
    PageData option;
    option.set("key", std::string(term.key));
    option.set("name", ctx.data_text(term.zh, term.en));
    option.set("checked", std::ranges::find(chosen, term.key) != chosen.end());
    options.push_back(option);
  }
  return options;
}

PageData kmgbf_options(RequestContext& ctx, const std::vector<int>& chosen) {
  PageData options{PageData::type::list};
  for (const plan::KmgbfTarget& target : ctx.web().domain.plan.frameworks.kmgbf_targets) {
    PageData option;
    option.set("key", std::to_string(target.number));
    option.set("name", std::to_string(target.number) + " " +
                           ctx.data_text(target.title.zh, target.title.en));
    option.set("checked", std::ranges::find(chosen, target.number) != chosen.end());
    options.push_back(option);
  }
  return options;
}

PageData plan_action_options(RequestContext& ctx, const std::vector<std::string>& chosen) {
  PageData options{PageData::type::list};
  for (const plan::Action& action : ctx.web().domain.plan.plan.actions) {
    PageData option;
    option.set("key", action.number);
    option.set("name", action.number + " " + ctx.data_text(action.title.zh, action.title.en));
    option.set("checked", std::ranges::find(chosen, action.number) != chosen.end());
    option.set("href", ctx.link("/plan/actions/" + action.number));
    options.push_back(option);
  }
  return options;
}

std::string term_name(RequestContext& ctx, std::span<const match::Term> terms,
                      const std::string& key) {
  const match::Term* term = match::find_term(terms, key);
  return term ? ctx.data_text(term->zh, term->en) : key;
}

match::ProposalTraits proposal_traits(const store::ProposalDetails& d) {
  return {d.themes, d.habitat, d.district, d.budget, d.kmgbf_targets};
}

match::FunderInterests funder_interests(const store::FunderProfile& p) {
  return {p.themes, p.habitats, p.districts, p.budget_min, p.budget_max, p.kmgbf_targets};
}

std::string proposal_title(RequestContext& ctx, const store::ProposalDetails& d) {
  return ctx.data_text(d.title_zh.empty() ? d.title_en : d.title_zh,
                       d.title_en.empty() ? d.title_zh : d.title_en);
}

std::string proposal_state_text(RequestContext& ctx, store::ProposalState state) {
  return ctx.text("matching_state_" + std::string(store::proposal_state_code(state)));
}

std::string proposal_href(RequestContext& ctx, std::int64_t id) {
  return ctx.link("/matching/proposals/" + std::to_string(id));
}

void set_score(RequestContext& ctx, PageData& row, const match::MatchScore& score) {
  row.set("score", std::to_string(score.total));
  PageData criteria{PageData::type::list};
  for (const match::CriterionScore& criterion : score.criteria) {
    PageData item;
    item.set("criterion", ctx.text("matching_criterion_" + criterion.criterion));
    item.set("explanation", ctx.data_text(criterion.explanation_zh, criterion.explanation_en));
    criteria.push_back(item);
  }
  row.set("criteria", criteria);
}

std::vector<int> chosen_numbers(const std::vector<std::string>& values) {
  std::vector<int> numbers;
  for (const std::string& value : values) {
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error == std::errc{} && end == value.data() + value.size()) numbers.push_back(number);
  }
  return numbers;
}

bool all_known(std::span<const match::Term> terms, const std::vector<std::string>& keys) {
  return std::ranges::all_of(
      keys, [&](const std::string& key) { return match::find_term(terms, key) != nullptr; });
}

bool known_targets(RequestContext& ctx, const std::vector<std::string>& values) {
  const auto& targets = ctx.web().domain.plan.frameworks.kmgbf_targets;
  const auto numbers = chosen_numbers(values);
  return numbers.size() == values.size() && std::ranges::all_of(numbers, [&](int n) {
           return std::ranges::any_of(targets, [&](const auto& t) { return t.number == n; });
         });
}

}  // namespace bsap::web
