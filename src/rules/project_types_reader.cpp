// project_types.yaml → Ruleset::project_types: §1.3, §2.1, §2.5.1 (with 註10, 註11 and the table
// note *), §2.7.1, §2.7.11.
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

// A project's length is given in whole months (Application::duration_months), so the limits
// it is compared with must be months or years: months_of refuses days.
Duration project_duration(const YamlCursor& duration) {
  months_of(duration);
  return duration.duration();
}

DurationRange read_duration(const YamlCursor& rule) {
  const YamlCursor value = rule["value"];
  DurationRange range{source_of(rule, kFile), std::nullopt, project_duration(value["max"])};
  if (const auto min = value.find("min")) range.min = project_duration(*min);
  return range;
}

// The MA table note * of §2.5.1: below `min` a project is only a short-term solution. The range
// ends at the type's own maximum, so the threshold must not lie above it.
DurationRange read_short_term_only_below(const YamlCursor& rule, const YamlCursor& duration) {
  const YamlCursor threshold = rule["value"];
  const YamlCursor max = duration["value"]["max"];
  if (months_of(threshold) > months_of(max))
    threshold.fail("the short-term threshold lies above the type's longest duration");
  return {source_of(rule, kFile), project_duration(threshold), project_duration(max)};
}

// §2.7.11: the details an application of the type must give. The entry has only its clause; its
// text is the name of the form part that asks for them (form_parts.project_details).
void read_required_details(const YamlCursor& document, const YamlCursor& rule, ProjectType& type) {
  const YamlCursor part = document["application_forms"]["form_parts"]["project_details"];
  type.required_details_source = {kFile + "#" + rule.path(), rule["clause"].text(),
                                  part["name"].bilingual()};
  for (const YamlCursor& item : rule["items"].items())  // keys unique: checked by the catalogue
    type.required_details.push_back({item["key"].text(), item.bilingual()});
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
  if (const auto short_term = type.find("short_term_only_below"))
    read.short_term_only_below = read_short_term_only_below(*short_term, type["duration"]);
  read_required_details(document, type["required_details"], read);
  return read;
}

}  // namespace

void read_project_types(const YamlCursor& document, const SiteRegistry& sites, Ruleset& ruleset) {
  for (const auto& [key, type] : document["project_types"].members())
    ruleset.project_types.push_back(read_type(document, key, type, sites));
}

}  // namespace bsap::rules
