// What an application must be and carry → Ruleset::application. The rules sit in five files, so
// there is one reader per file, each called with that file's document (a fault then names the
// right file): applicants.yaml (§2.3.1 with 註7, §2.7.9, §2.7.10, §3.10.2 註),
// implementation.yaml (§2.7.13, §2.7.14), project_types.yaml#site_rules (§2.1, §2.2.1),
// limits.yaml#public_opening (§2.7.12(a)) and budget.yaml (§3.11.3).
#include <limits>

#include "rules/section_readers.h"

namespace bsap::rules {
namespace {

// A count or distance the guidelines give ("at least five", "500 m"): a whole number above zero.
int positive_number(const YamlCursor& number) {
  const std::int64_t value = number.integer();
  if (value <= 0 || value > std::numeric_limits<int>::max())
    number.fail("expected a whole number above 0, not '" + std::to_string(value) + "'");
  return static_cast<int>(value);
}

// A list of {key, clause, zh, en} (the §2.3.1 documents, the §3.11.3 sponsors), each with its own
// clause. The catalogue has already refused a key listed twice.
template <typename Entry>
std::vector<Entry> read_keyed_clauses(const YamlCursor& list) {
  std::vector<Entry> entries;
  for (const YamlCursor& item : list.items())
    entries.push_back({item["key"].text(), item["clause"].text(), item.bilingual()});
  if (entries.empty()) list.fail("expected at least one entry");
  return entries;
}

void read_applicant_types(const YamlCursor& types, const std::string& file,
                          ApplicationRules& rules) {
  for (const auto& [key, type] : types.members())
    rules.applicant_types.push_back({key, source_of(type, file), type["name"].bilingual(),
                                     read_keyed_clauses<DocumentRequirement>(type["documents"])});
  if (rules.applicant_types.empty()) types.fail("expected at least one applicant type");
}

void read_kpi_rules(const YamlCursor& kpis, const std::string& file, KpiRules& rules) {
  const YamlCursor count = kpis["minimum_kpis"];
  const YamlCursor dimensions = kpis["minimum_dimensions"];
  rules.count_source = source_of(count, file);
  rules.min_count = positive_number(count["value"]["min_count"]);
  rules.dimensions_source = source_of(dimensions, file);
  rules.min_dimensions = positive_number(dimensions["value"]["min_count"]);
  rules.dimensions = dimensions["value"]["dimensions"].texts();
  // The named dimensions are among the ones every application covers, so they cannot outnumber
  // the KPIs that must cover them.
  if (static_cast<int>(rules.dimensions.size()) > rules.min_count)
    dimensions["value"]["dimensions"].fail("more named dimensions than the minimum of KPIs");
}

}  // namespace

void read_applicants(const YamlCursor& document, Ruleset& ruleset) {
  const std::string file = "applicants.yaml";
  ApplicationRules& rules = ruleset.application;
  rules.applicant_general = source_of(document["general_requirement"], file);
  read_applicant_types(document["applicant_types"], file, rules);
  rules.societies_excluded =
      source_of(document["applicant_types"]["charitable_institution"]["excludes"], file);
  rules.subvention_declaration = source_of(document["subvention_declaration"], file);
  const YamlCursor partners = document["co_organisers"];
  rules.co_organiser_confirmation = source_of(partners["written_confirmation"], file);
  rules.sponsor_confirmation = source_of(partners["sponsors_confirmation"], file);
}

void read_application_kpis(const YamlCursor& document, Ruleset& ruleset) {
  const std::string file = "implementation.yaml";
  read_kpi_rules(document["kpis"], file, ruleset.application.kpis);
  ruleset.application.sustainability = source_of(document["sustainability"], file);
}

void read_application_site_rules(const YamlCursor& document, Ruleset& ruleset) {
  const std::string file = "project_types.yaml";
  const YamlCursor site_rules = document["site_rules"];
  const YamlCursor remote = site_rules["remote_village_no_public_transport"];
  ApplicationRules& rules = ruleset.application;
  rules.lantau_excluded = source_of(site_rules["lantau_excluded"], file);
  rules.remote_village = source_of(remote, file);
  rules.min_walk_to_public_transport_m =
      positive_number(remote["value"]["min_walking_distance_to_public_transport_m"]);
  rules.ineligible_heritage = source_of(site_rules["ineligible_heritage_and_culture"], file);
}

void read_public_opening(const YamlCursor& document, Ruleset& ruleset) {
  const YamlCursor share = document["public_opening"]["heritage_restoration_min_share"];
  ruleset.application.heritage_public_opening = {source_of(share, "limits.yaml"),
                                                 share["value"]["min_pct"].percent()};
}

void read_prohibited_sponsors(const YamlCursor& document, Ruleset& ruleset) {
  const YamlCursor rule = document["income_and_sponsorship"]["prohibited_sponsors"];
  ruleset.application.prohibited_sponsors_source = source_of(rule, "budget.yaml");
  ruleset.application.prohibited_sponsors =
      read_keyed_clauses<ProhibitedSponsor>(rule["value"]["prohibited"]);
}

}  // namespace bsap::rules
