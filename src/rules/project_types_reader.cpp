// project_types.yaml → Ruleset::project_types: §1.3, §2.1, §2.5.1 (with 註10, 註11), §2.7.1.
#include "rules/section_readers.h"

namespace bsap::rules {
namespace {

const std::string kFile = "project_types.yaml";

// A key the value names must be one of the keys the file defines under `group`.
void require_defined(const YamlCursor& document, const std::string& group,
                     const YamlCursor& reference) {
  if (!document[group].has(reference.text()))
    reference.fail("'" + reference.text() + "' is not defined under " + group);
}

// §2.1: eligible site categories must be lists the site registry defines.
void read_eligible_sites(const YamlCursor& document, const YamlCursor& rule,
                         const SiteRegistry& sites, ProjectType& type) {
  type.eligible_sites = source_of(rule, kFile);
  const YamlCursor value = rule["value"];
  for (const YamlCursor& category : value["categories"].items()) {
    if (!sites.category(category.text()))
      category.fail("unknown site category '" + category.text() + "'");
    type.eligible_categories.push_back(category.text());
  }
  type.exclude_on_lantau = value["exclude_on_lantau"].boolean();
  if (const auto site_rule = value.find("rule")) {
    require_defined(document, "site_rules", *site_rule);
    type.site_rule = site_rule->text();
  }
}

DurationRange read_duration(const YamlCursor& rule) {
  const YamlCursor value = rule["value"];
  DurationRange range{source_of(rule, kFile), std::nullopt, value["max"].duration()};
  if (const auto min = value.find("min")) range.min = min->duration();
  return range;
}

ComponentSplit read_split(const YamlCursor& rule) {
  const YamlCursor value = rule["value"];
  return {source_of(rule, kFile), value["nature_conservation_max_cents"].money(),
          value["heritage_cultural_max_cents"].money()};
}

ComponentCeilings read_component_ceilings(const YamlCursor& ceilings) {
  return {read_split(ceilings["default_split"]), read_split(ceilings["varied_split"]),
          ceilings["max_total_cents"].money()};
}

ProjectType read_type(const YamlCursor& document, const std::string& key, const YamlCursor& type,
                      const SiteRegistry& sites) {
  ProjectType read;
  read.key = key;
  read.name = type["name"].bilingual();
  read.short_name = type["short_name"].bilingual();
  require_defined(document, "application_forms", type["application_form"]);
  read.application_form = type["application_form"].text();
  read_eligible_sites(document, type["eligible_sites"], sites, read);
  const YamlCursor ceiling = type["funding_ceiling"];
  read.funding_ceiling = {source_of(ceiling, kFile), ceiling["value"]["max_cents"].money()};
  read.duration = read_duration(type["duration"]);
  if (const auto ceilings = type.find("component_ceilings"))
    read.component_ceilings = read_component_ceilings(*ceilings);
  return read;
}

}  // namespace

void read_project_types(const YamlCursor& document, const SiteRegistry& sites, Ruleset& ruleset) {
  for (const auto& [key, type] : document["project_types"].members())
    ruleset.project_types.push_back(read_type(document, key, type, sites));
}

}  // namespace bsap::rules
