#include "plan/crosswalk.h"

#include <algorithm>

namespace bsap::plan {
namespace {

bool contains(const std::vector<int>& numbers, int number) {
  return std::binary_search(numbers.begin(), numbers.end(), number);
}

template <typename Entry>
std::vector<int> numbers_of(const std::vector<Entry>& entries) {
  std::vector<int> numbers;
  for (const Entry& entry : entries) numbers.push_back(entry.number);
  std::sort(numbers.begin(), numbers.end());
  return numbers;
}

template <typename Entry>
const Entry* numbered(const std::vector<Entry>& entries, int number) {
  for (const Entry& entry : entries)
    if (entry.number == number) return &entry;
  return nullptr;
}

template <typename Entry, typename Member>
const BilingualText* text_of(const Entry* entry, Member member) {
  return entry ? &(entry->*member) : nullptr;
}

int count_items(const Plan& plan) {
  int items = 0;
  for (const Action& action : plan.actions) items += static_cast<int>(action.items.size());
  return items;
}

}  // namespace

std::string_view framework_code(Framework framework) {
  switch (framework) {
    case Framework::goal:
      return "goal";
    case Framework::nbsap:
      return "nbsap";
    case Framework::kmgbf:
      return "kmgbf";
    case Framework::sdg:
      return "sdg";
  }
  return "";
}

std::optional<Framework> parse_framework(std::string_view code) {
  for (Framework framework : {Framework::goal, Framework::nbsap, Framework::kmgbf, Framework::sdg})
    if (framework_code(framework) == code) return framework;
  return std::nullopt;
}

std::string_view framework_label(Framework framework) {
  switch (framework) {
    case Framework::goal:
      return "overall goal";
    case Framework::nbsap:
      return "NBSAP priority action";
    case Framework::kmgbf:
      return "KMGBF target";
    case Framework::sdg:
      return "SDG";
  }
  return "";
}

const std::vector<int>& mapping_of(const Action& action, Framework framework) {
  switch (framework) {
    case Framework::goal:
      return action.goals;
    case Framework::nbsap:
      return action.nbsap;
    case Framework::kmgbf:
      return action.kmgbf;
    case Framework::sdg:
      return action.sdg;
  }
  return action.goals;
}

std::vector<int> framework_numbers(const PlanData& data, Framework framework) {
  switch (framework) {
    case Framework::goal:
      return numbers_of(data.plan.goals);
    case Framework::nbsap:
      return numbers_of(data.frameworks.nbsap_actions);
    case Framework::kmgbf:
      return numbers_of(data.frameworks.kmgbf_targets);
    case Framework::sdg:
      return numbers_of(data.frameworks.sdgs);
  }
  return {};
}

const BilingualText* framework_entry(const PlanData& data, Framework framework, int number) {
  switch (framework) {
    case Framework::goal:
      return text_of(numbered(data.plan.goals, number), &Goal::text);
    case Framework::nbsap:
      return text_of(numbered(data.frameworks.nbsap_actions, number), &NbsapAction::name);
    case Framework::kmgbf:
      return text_of(numbered(data.frameworks.kmgbf_targets, number), &KmgbfTarget::title);
    case Framework::sdg:
      return text_of(numbered(data.frameworks.sdgs, number), &Sdg::name);
  }
  return nullptr;
}

const Action* find_action(const Plan& plan, std::string_view number) {
  for (const Action& action : plan.actions)
    if (action.number == number) return &action;
  return nullptr;
}

std::vector<const Action*> actions_serving(const Plan& plan, Framework framework, int number) {
  std::vector<const Action*> serving;
  for (const Action& action : plan.actions)
    if (contains(mapping_of(action, framework), number)) serving.push_back(&action);
  return serving;
}

std::vector<const Action*> actions_in_area(const Plan& plan, int area) {
  std::vector<const Action*> in_area;
  for (const Action& action : plan.actions)
    if (action.area == area) in_area.push_back(&action);
  return in_area;
}

MappingMatrix mapping_matrix(const PlanData& data, Framework framework) {
  MappingMatrix matrix{framework, {}, framework_numbers(data, framework), {}};
  for (const Action& action : data.plan.actions) {
    matrix.action_numbers.push_back(action.number);
    std::vector<bool>& row = matrix.serves.emplace_back();
    for (int column : matrix.columns)
      row.push_back(contains(mapping_of(action, framework), column));
  }
  return matrix;
}

PlanSummary summarize(const PlanData& data) {
  return {static_cast<int>(data.plan.goals.size()),
          static_cast<int>(data.plan.areas.size()),
          static_cast<int>(data.plan.actions.size()),
          count_items(data.plan),
          static_cast<int>(data.frameworks.nbsap_actions.size()),
          static_cast<int>(data.frameworks.kmgbf_targets.size()),
          static_cast<int>(data.frameworks.sdgs.size())};
}

std::vector<std::pair<std::string, int>> named_counts(const PlanSummary& summary) {
  return {{"goals", summary.goals},
          {"areas", summary.areas},
          {"actions", summary.actions},
          {"items", summary.items},
          {"nbsap_actions", summary.nbsap_actions},
          {"kmgbf_targets", summary.kmgbf_targets},
          {"sdgs", summary.sdgs}};
}

}  // namespace bsap::plan
