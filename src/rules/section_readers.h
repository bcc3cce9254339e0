// The typed readers, one per data file: each fills its part of a Ruleset (or builds the site
// registry) from the parsed document and throws YamlFault on a wrong type, range or reference.
// They run after catalogue_document has checked the file's generic conventions. No file is
// opened here: ruleset_loader.cpp is the edge that reads the files.
#pragma once
#include <string>

#include "rules/ruleset.h"
#include "rules/site_registry.h"
#include "rules/yaml_cursor.h"

namespace bsap::rules {

// The clause and text of the rule at `rule`, which sits in `file`.
RuleSource source_of(const YamlCursor& rule, const std::string& file);
// A duration counted in months (a year is 12 months), for thresholds such as "18 months".
int months_of(const YamlCursor& duration);

SiteRegistry read_site_registry(const YamlCursor& document);
void read_project_types(const YamlCursor& document, const SiteRegistry& sites, Ruleset& ruleset);
void read_limits(const YamlCursor& document, Ruleset& ruleset);
void read_budget(const YamlCursor& document, Ruleset& ruleset);
// Needs the project types read first: it names each type's criteria set.
void read_assessment(const YamlCursor& document, const SiteRegistry& sites, Ruleset& ruleset);
void read_suspension_grounds(const YamlCursor& document, Ruleset& ruleset);

// Ruleset::application gathers rules from five files (application_rules_reader.cpp): one reader
// per file, each given that file's document.
// applicants.yaml: applicant types and documents, Cap. 151, subvention, partner confirmations.
void read_applicants(const YamlCursor& document, Ruleset& ruleset);
// implementation.yaml: the KPI rules (§2.7.13) and the sustainability plan (§2.7.14).
void read_application_kpis(const YamlCursor& document, Ruleset& ruleset);
// project_types.yaml#site_rules: Lantau, the 500 m rule (§2.1.2), ineligible heritage (§2.2.1).
void read_application_site_rules(const YamlCursor& document, Ruleset& ruleset);
// limits.yaml#public_opening: the heritage building's public opening share (§2.7.12(a)).
void read_public_opening(const YamlCursor& document, Ruleset& ruleset);
// budget.yaml: the prohibited sponsors (§3.11.3).
void read_prohibited_sponsors(const YamlCursor& document, Ruleset& ruleset);

}  // namespace bsap::rules
