// Readings of §4.2 behind the selection:
// - An MA application's site category is that of the first of its site codes the registry
//   knows. An MA project normally lies at one site; where it names several, the first is the one
//   the application leads with, and screening (check_sites) has judged every code already.
// - §4.2.2 applies the §4.3 criteria to the heritage or cultural part of an MA application, and
//   §4.3.1 picks (a1) for heritage buildings, (a2) for cultural revitalisation, (a3) for
//   research. An MA part is never research, so it takes (a1) where the application declares
//   heritage assets (the buildings §2.2.1 asks it to declare) and (a2) where its heritage
//   elements are only budget lines of the heritage component (cultural work, §3.9.2).
#include "ccfs/assessment_criteria.h"

#include <algorithm>

#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

constexpr std::string_view kRenewalSet = "ma_renewal";
constexpr std::string_view kHeritageComponent = "heritage";
// The §4.3.1 (a) criteria name the project type they fit; an MA's heritage part borrows them.
constexpr std::string_view kHeritageBuildingType = "heritage_building";
constexpr std::string_view kCulturalType = "cultural_revitalisation";

// What decides which of the set's one_of criteria applies.
struct Fit {
  std::optional<std::string> site_category;  // §4.2.1 (a1)/(a2)
  std::string project_type;                  // §4.3.1 (a1)/(a2)/(a3)
};

bool fits(const rules::Criterion& criterion, const Fit& fit) {
  if (criterion.when_project_type) return *criterion.when_project_type == fit.project_type;
  const std::vector<std::string>& categories = criterion.when_site_categories;
  return fit.site_category &&
         std::find(categories.begin(), categories.end(), *fit.site_category) != categories.end();
}

ApplicableCriterion applicable(std::string_view set_key, const std::string& clause,
                               const rules::Criterion& criterion) {
  return {std::string(set_key), criterion.id, clause, criterion.description};
}

// The set's one fitting (a) criterion, if any, then all of (b)–(g).
void add_set(const rules::CriteriaSet& set, const std::string& clause, const Fit& fit,
             std::vector<ApplicableCriterion>& out) {
  for (const std::string& id : set.one_of) {
    const rules::Criterion* criterion = set.find(id);
    if (criterion && fits(*criterion, fit)) {
      out.push_back(applicable(set.key, clause, *criterion));
      break;
    }
  }
  for (const std::string& id : set.then_all)
    if (const rules::Criterion* criterion = set.find(id))
      out.push_back(applicable(set.key, clause, *criterion));
}

std::optional<std::string> site_category(const Application& application,
                                         const rules::Ruleset& ruleset) {
  if (!ruleset.sites) return std::nullopt;
  for (const std::string& code : application.site_codes)
    if (const rules::Site* site = ruleset.sites->find(code)) return site->category;
  return std::nullopt;
}

// §4.2.2: the §4.3 set, its (a) chosen by the kind of heritage element (see the top).
void add_heritage_set(const Application& application, const rules::Ruleset& ruleset,
                      std::vector<ApplicableCriterion>& out) {
  const rules::AssessmentRules& rules = ruleset.assessment;
  const rules::CriteriaSet* set = ruleset.criteria_set(rules.heritage_also_apply);
  if (!set) return;
  const Fit fit{
      std::nullopt,
      std::string(application.heritage_assets.empty() ? kCulturalType : kHeritageBuildingType)};
  add_set(*set, rules.heritage_elements.clause + ", " + set->source.clause, fit, out);
}

// §4.2.3: (h) and (i) for a renewal of an earlier MA project.
void add_renewal_criteria(const rules::Ruleset& ruleset, std::vector<ApplicableCriterion>& out) {
  for (const rules::Criterion& criterion : ruleset.assessment.renewal_criteria)
    out.push_back(applicable(kRenewalSet, ruleset.assessment.renewal.clause, criterion));
}

}  // namespace

std::vector<ApplicableCriterion> applicable_criteria(const Application& application,
                                                     const rules::Ruleset& ruleset) {
  const rules::ProjectType* type = ruleset.project_type(application.project_type);
  if (!type) return {};
  const rules::CriteriaSet* own = ruleset.criteria_set(type->criteria_set);
  if (!own) return {};
  std::vector<ApplicableCriterion> criteria;
  add_set(*own, own->source.clause, {site_category(application, ruleset), type->key}, criteria);
  if (!is_ma_project_type(*type)) return criteria;
  if (has_heritage_elements(application)) add_heritage_set(application, ruleset, criteria);
  if (application.renewal) add_renewal_criteria(ruleset, criteria);
  return criteria;
}

bool has_heritage_elements(const Application& application) {
  if (!application.heritage_assets.empty()) return true;
  return std::any_of(application.budget.begin(), application.budget.end(),
                     [](const BudgetLine& line) { return line.component == kHeritageComponent; });
}

}  // namespace bsap::ccfs
