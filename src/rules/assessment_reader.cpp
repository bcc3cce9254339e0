// assessment.yaml → the criteria sets of §4.2.1 (MA) and §4.3.1 (other types) and, from the
// procedure of §4.1.1, which set each project type is assessed on; the MA additions of §4.2.2
// (heritage elements) and §4.2.3 (renewals, criteria (h) and (i)); the grounds of §4.1.4
// (disqualification) and of screening (not_considered). The seed gives no weights.
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
    const std::string& key = type_key;  // clang before 16 cannot capture a structured binding
    const auto type = std::find_if(ruleset.project_types.begin(), ruleset.project_types.end(),
                                   [&](const ProjectType& t) { return t.key == key; });
    if (type == ruleset.project_types.end())
      set_key.fail("unknown project type '" + type_key + "'");
    type->criteria_set = set_key.text();
  }
  for (const ProjectType& type : ruleset.project_types)
    if (type.criteria_set.empty())
      criteria.fail("no criteria set for project type '" + type.key + "'");
}

// §4.2.2: an MA application's heritage or cultural elements are also assessed on another set.
void read_heritage_elements(const YamlCursor& rule, Ruleset& ruleset) {
  const YamlCursor also_apply = rule["also_apply"];
  if (!ruleset.criteria_set(also_apply.text()))
    also_apply.fail("unknown criteria set '" + also_apply.text() + "'");
  ruleset.assessment.heritage_elements = source_of(rule, kFile);
  ruleset.assessment.heritage_also_apply = also_apply.text();
}

// §4.2.3(i): the threshold is the value of the criterion that states it.
int read_variance_pct(const YamlCursor& criteria) {
  for (const YamlCursor& item : criteria.items()) {
    const auto value = item.find("value");
    if (!value) continue;
    const YamlCursor pct = (*value)["explain_when_difference_at_least_pct"];
    if (pct.percent() == 0) pct.fail("expected a percentage above 0");
    return pct.percent();
  }
  criteria.fail("no criterion gives value.explain_when_difference_at_least_pct (§4.2.3(i))");
}

// §4.2.3: a renewal of an earlier MA project is also assessed on (h) and (i).
void read_renewal(const YamlCursor& rule, const SiteRegistry& sites, Ruleset& ruleset) {
  const YamlCursor criteria = rule["criteria"];
  std::vector<Criterion> read;
  for (const YamlCursor& item : criteria.items())
    read.push_back(read_criterion(item, sites, ruleset));
  if (read.empty()) criteria.fail("expected the criteria (h) and (i)");
  ruleset.assessment.renewal = source_of(rule, kFile);
  ruleset.assessment.renewal_criteria = std::move(read);
  ruleset.assessment.renewal_variance_pct = read_variance_pct(criteria);
}

// §4.1.4: the grounds are not lettered, so each cites the clause itself and is named by its key.
// (A key repeated in a list is refused by catalogue_document, before any reader runs.)
void read_disqualification(const YamlCursor& rule, AssessmentRules& assessment) {
  assessment.disqualification = source_of(rule, kFile);
  const YamlCursor grounds = rule["grounds"];
  for (const YamlCursor& item : grounds.items())
    assessment.disqualification_grounds.push_back(
        {item["key"].text(), assessment.disqualification.clause, item.bilingual()});
  if (assessment.disqualification_grounds.empty()) grounds.fail("expected at least one ground");
}

// The screening grounds; their applies_to names were checked with every other applies_to.
void read_not_considered(const YamlCursor& list, AssessmentRules& assessment) {
  for (const YamlCursor& item : list.items()) {
    NotConsideredGround ground{
        item["key"].text(), item["clause"].text(), item["description"].bilingual(), {}};
    if (const auto types = item.find("applies_to")) ground.applies_to = types->texts();
    assessment.not_considered.push_back(std::move(ground));
  }
  if (assessment.not_considered.empty()) list.fail("expected at least one ground");
}

}  // namespace

void read_assessment(const YamlCursor& document, const SiteRegistry& sites, Ruleset& ruleset) {
  for (const char* key : {"ma_criteria", "non_ma_criteria"})
    ruleset.criteria_sets.push_back(read_set(key, document[key], sites, ruleset));
  assign_criteria_sets(document, ruleset);
  const YamlCursor ma_criteria = document["ma_criteria"];
  read_heritage_elements(ma_criteria["heritage_elements"], ruleset);
  read_renewal(ma_criteria["renewal"], sites, ruleset);
  read_disqualification(document["disqualification"], ruleset.assessment);
  read_not_considered(document["not_considered"], ruleset.assessment);
}

}  // namespace bsap::rules
