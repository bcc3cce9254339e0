// assessment.yaml → the criteria sets of §4.2.1 (MA) and §4.3.1 (other types) and, from the
// procedure of §4.1.1, which set each project type is assessed on. The seed gives no weights.
#include <algorithm>

#include "rules/section_readers.h"

namespace bsap::rules {
namespace {

const std::string kFile = "assessment.yaml";

Criterion read_criterion(const YamlCursor& item, const SiteRegistry& sites,
                         const Ruleset& ruleset) {
  Criterion criterion{item["id"].text(), item["description"].bilingual(), {}, std::nullopt};
  const auto when = item.find("applies_when");
  if (!when) return criterion;
  if (const auto categories = when->find("site_category")) {
    criterion.when_site_categories = categories->texts();
    for (const std::string& letter : criterion.when_site_categories)
      if (!sites.category(letter)) categories->fail("unknown site category '" + letter + "'");
  }
  if (const auto type = when->find("project_type")) {
    if (!ruleset.project_type(type->text()))
      type->fail("unknown project type '" + type->text() + "'");
    criterion.when_project_type = type->text();
  }
  return criterion;
}

// The selection names criteria of the set: (a1) or (a2)…, then all of (b)…(g).
void check_selection(const YamlCursor& selection, const CriteriaSet& set) {
  for (const char* key : {"one_of", "then_all"})
    for (const YamlCursor& id : selection[key].items())
      if (!set.find(id.text())) id.fail("criterion '" + id.text() + "' is not in " + set.key);
}

CriteriaSet read_set(const std::string& key, const YamlCursor& rule, const SiteRegistry& sites,
                     const Ruleset& ruleset) {
  CriteriaSet set{key,
                  source_of(rule, kFile),
                  rule["selection"]["one_of"].texts(),
                  rule["selection"]["then_all"].texts(),
                  {}};
  for (const YamlCursor& item : rule["criteria"].items())
    set.criteria.push_back(read_criterion(item, sites, ruleset));
  check_selection(rule["selection"], set);
  return set;
}

YamlCursor assessment_step(const YamlCursor& document) {
  for (const YamlCursor& step : document["procedure"].items())
    if (step["step"].text() == "assessment") return step;
  document["procedure"].fail("no step 'assessment' (§4.1.1)");
}

// §4.1.1: every project type is assessed on one of the criteria sets.
void assign_criteria_sets(const YamlCursor& document, Ruleset& ruleset) {
  const YamlCursor criteria = assessment_step(document)["criteria"];
  for (const auto& [type_key, set_key] : criteria.members()) {
    if (!ruleset.criteria_set(set_key.text()))
      set_key.fail("unknown criteria set '" + set_key.text() + "'");
    const auto type = std::find_if(ruleset.project_types.begin(), ruleset.project_types.end(),
                                   [&](const ProjectType& t) { return t.key == type_key; });
    if (type == ruleset.project_types.end())
      set_key.fail("unknown project type '" + type_key + "'");
    type->criteria_set = set_key.text();
  }
  for (const ProjectType& type : ruleset.project_types)
    if (type.criteria_set.empty())
      criteria.fail("no criteria set for project type '" + type.key + "'");
}

}  // namespace

void read_assessment(const YamlCursor& document, const SiteRegistry& sites, Ruleset& ruleset) {
  for (const char* key : {"ma_criteria", "non_ma_criteria"})
    ruleset.criteria_sets.push_back(read_set(key, document[key], sites, ruleset));
  assign_criteria_sets(document, ruleset);
}

}  // namespace bsap::rules
