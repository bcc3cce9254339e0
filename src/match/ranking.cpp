#include "match/ranking.h"

#include <algorithm>
#include <numeric>

#include "match/vocabulary.h"

namespace bsap::match {
namespace {

constexpr int kThemePoints = 30;
constexpr int kHabitatPoints = 20;
constexpr int kDistrictPoints = 15;
constexpr int kBudgetPoints = 20;
constexpr int kKmgbfPoints = 15;

template <typename T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::ranges::find(items, item) != items.end();
}

struct Names {
  std::string zh;
  std::string en;
};

// The terms' names joined, in the order given; an unknown key is shown as it is.
Names term_names(std::span<const Term> terms, const std::vector<std::string>& keys) {
  Names names;
  for (const std::string& key : keys) {
    const Term* term = find_term(terms, key);
    if (!names.en.empty()) {
      names.zh += "、";
      names.en += ", ";
    }
    names.zh += term ? std::string(term->zh) : key;
    names.en += term ? std::string(term->en) : key;
  }
  return names;
}

Names target_names(const std::vector<int>& targets) {
  Names names;
  for (int target : targets) {
    if (!names.en.empty()) {
      names.zh += "、";
      names.en += ", ";
    }
    names.zh += "目標" + std::to_string(target);
    names.en += std::to_string(target);
  }
  return names;
}

std::string points_zh(int points, int max) {
  return "(" + std::to_string(points) + "／" + std::to_string(max) + "分)";
}
std::string points_en(int points, int max) {
  return " (" + std::to_string(points) + " of " + std::to_string(max) + " points)";
}

CriterionScore scored(std::string criterion, int points, int max, const std::string& zh,
                      const std::string& en) {
  return {std::move(criterion), points, max, zh + points_zh(points, max),
          en + points_en(points, max)};
}

template <typename T>
std::vector<T> shared(const std::vector<T>& proposal, const std::vector<T>& funder) {
  std::vector<T> common;
  for (const T& item : proposal)
    if (contains(funder, item) && !contains(common, item)) common.push_back(item);
  return common;
}

CriterionScore score_themes(const ProposalTraits& proposal, const FunderInterests& funder) {
  if (funder.themes.empty())
    return scored("themes", 0, kThemePoints, "資助者未有選擇關注的主題",
                  "The funder named no themes");
  if (proposal.themes.empty())
    return scored("themes", 0, kThemePoints, "項目未有選擇主題", "The proposal names no themes");
  const auto common = shared(proposal.themes, funder.themes);
  const int points = static_cast<int>(kThemePoints * common.size() / proposal.themes.size());
  const std::string of_zh = "項目的" + std::to_string(proposal.themes.size()) + "個主題中有" +
                            std::to_string(common.size()) + "個是資助者關注的";
  const std::string of_en = std::to_string(common.size()) + " of the proposal's " +
                            std::to_string(proposal.themes.size()) +
                            " themes are among the funder's";
  if (common.empty()) return scored("themes", 0, kThemePoints, of_zh, of_en);
  const Names names = term_names(themes(), common);
  return scored("themes", points, kThemePoints, of_zh + "：" + names.zh, of_en + ": " + names.en);
}

// One key of the proposal's against the funder's list: habitat or district.
CriterionScore score_place(std::string criterion, std::span<const Term> terms, int max,
                           const std::string& key, const std::vector<std::string>& wanted,
                           const Names& what) {
  const Names name = term_names(terms, {key});
  if (wanted.empty())
    return scored(std::move(criterion), 0, max, "資助者未有選擇關注的" + what.zh,
                  "The funder named no " + what.en);
  if (contains(wanted, key))
    return scored(std::move(criterion), max, max,
                  "項目的" + what.zh + "「" + name.zh + "」是資助者關注的",
                  "The proposal's " + what.en + ", " + name.en + ", is one the funder named");
  const Names named = term_names(terms, wanted);
  return scored(std::move(criterion), 0, max,
                "項目的" + what.zh + "「" + name.zh + "」不在資助者關注之列(" + named.zh + ")",
                "The proposal's " + what.en + ", " + name.en + ", is not among the funder's (" +
                    named.en + ")");
}

CriterionScore score_budget(const ProposalTraits& proposal, const FunderInterests& funder) {
  if (!funder.budget_min && !funder.budget_max)
    return scored("budget", 0, kBudgetPoints, "資助者未有提供預算範圍",
                  "The funder gave no budget range");
  const std::string budget = format_hkd(proposal.budget);
  const std::string low = funder.budget_min ? format_hkd(*funder.budget_min) : "HK$0";
  const std::string range_zh =
      funder.budget_max ? low + "至" + format_hkd(*funder.budget_max) : low + "或以上";
  const std::string range_en =
      funder.budget_max ? low + " to " + format_hkd(*funder.budget_max) : low + " or more";
  if (funder.budget_min && proposal.budget < *funder.budget_min)
    return scored(
        "budget", 0, kBudgetPoints, "項目預算" + budget + "低於資助者的範圍(" + range_zh + ")",
        "The proposal's budget, " + budget + ", is below the funder's range (" + range_en + ")");
  if (funder.budget_max && proposal.budget > *funder.budget_max)
    return scored(
        "budget", 0, kBudgetPoints, "項目預算" + budget + "高於資助者的範圍(" + range_zh + ")",
        "The proposal's budget, " + budget + ", is above the funder's range (" + range_en + ")");
  return scored(
      "budget", kBudgetPoints, kBudgetPoints,
      "項目預算" + budget + "在資助者的範圍內(" + range_zh + ")",
      "The proposal's budget, " + budget + ", is within the funder's range (" + range_en + ")");
}

CriterionScore score_kmgbf(const ProposalTraits& proposal, const FunderInterests& funder) {
  if (funder.kmgbf_targets.empty())
    return scored("kmgbf", 0, kKmgbfPoints, "資助者未有選擇關注的《昆蒙框架》目標",
                  "The funder named no KMGBF targets");
  if (proposal.kmgbf_targets.empty())
    return scored("kmgbf", 0, kKmgbfPoints, "項目未有選擇《昆蒙框架》目標",
                  "The proposal names no KMGBF targets");
  const auto common = shared(proposal.kmgbf_targets, funder.kmgbf_targets);
  const int points = static_cast<int>(kKmgbfPoints * common.size() / proposal.kmgbf_targets.size());
  std::string zh = "項目的" + std::to_string(proposal.kmgbf_targets.size()) +
                   "個《昆蒙框架》目標中有" + std::to_string(common.size()) + "個是資助者關注的";
  std::string en = std::to_string(common.size()) + " of the proposal's " +
                   std::to_string(proposal.kmgbf_targets.size()) +
                   " KMGBF targets are among the funder's";
  if (!common.empty()) {
    const Names names = target_names(common);
    zh += "：" + names.zh;
    en += ": " + names.en;
  }
  return scored("kmgbf", points, kKmgbfPoints, zh, en);
}

}  // namespace

MatchScore score_match(const ProposalTraits& proposal, const FunderInterests& funder) {
  MatchScore score;
  score.criteria = {
      score_themes(proposal, funder),
      score_place("habitat", habitats(), kHabitatPoints, proposal.habitat, funder.habitats,
                  {"生境", "habitat"}),
      score_place("district", districts(), kDistrictPoints, proposal.district, funder.districts,
                  {"地區", "district"}),
      score_budget(proposal, funder),
      score_kmgbf(proposal, funder),
  };
  for (const CriterionScore& criterion : score.criteria) score.total += criterion.points;
  return score;
}

std::vector<std::size_t> ranking_order(std::span<const MatchScore> scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(
      order, [&](std::size_t a, std::size_t b) { return scores[a].total > scores[b].total; });
  return order;
}

}  // namespace bsap::match
