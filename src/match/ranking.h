// Public–private funding matching (000 優先行動 2.4 優先項目 2:
// 「透過公私營資金配對等策略性方式，將 資源引導至本港應優先推動的自然增益項目」; 2.7). A proposal
// and a funder's interests are scored out of 100 on five criteria, each explained in words in both
// languages, so the funder and the project owner both see why a pair ranks where it does. Pure: no
// I/O.
//
// Weights (points): themes 30, habitat 20, district 15, budget 20, KMGBF targets 15. A criterion
// the funder named nothing for scores 0 and says so; shares are floored to whole points.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/money.h"

namespace bsap::match {

// What a proposal says of itself (vocabulary.h keys).
struct ProposalTraits {
  std::vector<std::string> themes;
  std::string habitat;
  std::string district;
  Money budget;
  std::vector<int> kmgbf_targets;
};

// What a funder says it is interested in; an absent bound admits any budget on that side.
struct FunderInterests {
  std::vector<std::string> themes;
  std::vector<std::string> habitats;
  std::vector<std::string> districts;
  std::optional<Money> budget_min;
  std::optional<Money> budget_max;
  std::vector<int> kmgbf_targets;
};

struct CriterionScore {
  std::string criterion;  // themes, habitat, district, budget, kmgbf
  int points = 0;
  int max_points = 0;
  std::string explanation_zh;
  std::string explanation_en;
};

struct MatchScore {
  int total = 0;  // 0–100
  std::vector<CriterionScore> criteria;
};

MatchScore score_match(const ProposalTraits& proposal, const FunderInterests& funder);

// Indices into scores, best first; equal totals keep their order in scores.
std::vector<std::size_t> ranking_order(std::span<const MatchScore> scores);

}  // namespace bsap::match
