#include "rules/ruleset.h"

#include <algorithm>

#include "rules/find_by.h"

namespace bsap::rules {

bool ProcurementBand::contains(Money total) const {
  const bool above_min = min_inclusive ? total >= min : total > min;
  if (!above_min || !max) return above_min;
  return max_inclusive ? total <= *max : total < *max;
}

std::optional<Money> BudgetItem::amount(std::string_view name) const {
  const NamedAmount* found = find_by(amounts, &NamedAmount::name, name);
  return found ? std::optional<Money>(found->amount) : std::nullopt;
}

bool HourBand::contains(int minutes) const {
  const bool above_min =
      !min_minutes || (min_inclusive ? minutes >= *min_minutes : minutes > *min_minutes);
  const bool below_max =
      !max_minutes || (max_inclusive ? minutes <= *max_minutes : minutes < *max_minutes);
  return above_min && below_max;
}

const HourBand* BudgetItem::hour_band(std::string_view name) const {
  return find_by(hour_bands, &HourBand::name, name);
}

const ApplicantType* ApplicationRules::applicant_type(std::string_view key) const {
  return find_by(applicant_types, &ApplicantType::key, key);
}

const BudgetItem* Budget::item(int number) const {
  return find_by(appendix2, &BudgetItem::number, number);
}

const Criterion* CriteriaSet::find(std::string_view id) const {
  return find_by(criteria, &Criterion::id, id);
}

const ProjectType* Ruleset::project_type(std::string_view key) const {
  return find_by(project_types, &ProjectType::key, key);
}

const CriteriaSet* Ruleset::criteria_set(std::string_view key) const {
  return find_by(criteria_sets, &CriteriaSet::key, key);
}

const RuleEntry* Ruleset::entry(std::string_view key_path) const {
  return find_by(entries, &RuleEntry::key_path, key_path);
}

const ProcurementBand* Ruleset::procurement_band_for(Money total) const {
  const auto found =
      std::find_if(procurement_bands.begin(), procurement_bands.end(),
                   [&](const ProcurementBand& band) { return band.contains(total); });
  return found == procurement_bands.end() ? nullptr : &*found;
}

}  // namespace bsap::rules
