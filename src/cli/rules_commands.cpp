// `bsap rules list|show|diff` and `bsap sites list`: the CCFS rulesets (data/ccfs/ruleset-X.Y/)
// and the site registry (data/sites/sites.yaml) from the command line. With --json the output is
// a contract scripts depend on: keep its keys. Bad data exit 2 with "file:line: key: reason".
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/bsap_home.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "rules/ruleset_diff.h"
#include "rules/ruleset_loader.h"
#include "rules/site_eligibility.h"

namespace bsap::cli {
namespace {

using Json = nlohmann::ordered_json;  // keys print in the order written, as the contract shows

struct RulesOptions {
  bool json = false;
  std::string version;  // empty: the version in force today
  std::string date;     // YYYY-MM-DD: the version in force that day
  std::string from_version;
  std::string to_version;
  rules::SiteFilter filter;
};

std::shared_ptr<const rules::Ruleset> version_or_refuse(const rules::RulesetRegistry& registry,
                                                        const std::string& version) {
  auto ruleset = registry.find(version);
  if (!ruleset) refuse("no CCFS ruleset version '" + version + "' in " + bsap_data_dir().string());
  return ruleset;
}

// --version names one; otherwise the one in force on --date or today (principle 1).
std::shared_ptr<const rules::Ruleset> chosen_ruleset(const rules::RulesetRegistry& registry,
                                                     const RulesOptions& options) {
  if (!options.version.empty()) return version_or_refuse(registry, options.version);
  auto in_force = registry.ruleset_for(day_or_today("--date", options.date));
  if (const auto* none = std::get_if<rules::NoRulesetInForce>(&in_force)) refuse(none->message());
  return std::get<std::shared_ptr<const rules::Ruleset>>(in_force);
}

Json optional_json(const auto& value) { return value ? Json(*value) : Json(nullptr); }

// ---- rules

Json entry_json(const rules::RuleEntry& entry) {
  return {{"key", entry.key_path},
          {"file", entry.file},
          {"line", entry.line},
          {"clause", entry.clause},
          {"description_zh", entry.description.zh},
          {"description_en", entry.description.en},
          {"content", Json::parse(entry.content_json)}};
}

Json ruleset_json(const rules::Ruleset& ruleset) {
  Json entries = Json::array();
  for (const rules::RuleEntry& entry : ruleset.entries) entries.push_back(entry_json(entry));
  return {{"ruleset", "ccfs"},
          {"version", ruleset.version},
          {"effective_from", format_iso(ruleset.effective_from)},
          {"title_zh", ruleset.title.zh},
          {"title_en", ruleset.title.en},
          {"fingerprint", ruleset.fingerprint},
          {"rules", entries}};
}

void list_versions(const RulesOptions& options) {
  const rules::RulesetRegistry registry = load_rulesets_or_refuse();
  Json json = Json::array();
  for (const auto& ruleset : registry.versions()) {
    json.push_back({{"version", ruleset->version},
                    {"effective_from", format_iso(ruleset->effective_from)},
                    {"rules", ruleset->entries.size()},
                    {"fingerprint", ruleset->fingerprint}});
    if (!options.json)
      std::cout << ruleset->version << "  in force from " << format_iso(ruleset->effective_from)
                << "  " << ruleset->entries.size() << " rules  " << ruleset->folder << "\n";
  }
  if (options.json) std::cout << json.dump() << "\n";
}

void show_ruleset(const RulesOptions& options) {
  const auto ruleset = chosen_ruleset(load_rulesets_or_refuse(), options);
  if (options.json) {
    std::cout << ruleset_json(*ruleset).dump() << "\n";
    return;
  }
  std::cout << "CCFS ruleset " << ruleset->version << ", in force from "
            << format_iso(ruleset->effective_from) << "\n";
  for (const rules::RuleEntry& entry : ruleset->entries)
    std::cout << entry.clause << "  " << entry.key_path << "\n  " << entry.description.zh << "\n  "
              << entry.description.en << "\n";
}

Json json_or_null(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json::parse(text);
}

Json change_json(const rules::RuleChange& change) {
  return {{"change", rules::change_kind_name(change.kind)},
          {"key", change.key_path},
          {"clause", change.clause},
          {"before", json_or_null(change.before)},
          {"after", json_or_null(change.after)}};
}

void print_change(const rules::RuleChange& change) {
  static constexpr const char* kMarks[] = {"+", "-", "~"};  // added, removed, changed
  std::cout << kMarks[static_cast<int>(change.kind)] << " " << change.key_path << " ("
            << change.clause << ")";
  if (change.kind == rules::ChangeKind::changed)
    std::cout << ": " << change.before << " -> " << change.after;
  std::cout << "\n";
}

void diff_versions(const RulesOptions& options) {
  const rules::RulesetRegistry registry = load_rulesets_or_refuse();
  const rules::RulesetDiff diff =
      rules::diff_rulesets(*version_or_refuse(registry, options.from_version),
                           *version_or_refuse(registry, options.to_version));
  if (options.json) {
    Json changes = Json::array();
    for (const rules::RuleChange& change : diff.changes) changes.push_back(change_json(change));
    std::cout
        << Json{{"from", diff.from_version}, {"to", diff.to_version}, {"changes", changes}}.dump()
        << "\n";
    return;
  }
  for (const rules::RuleChange& change : diff.changes) print_change(change);
  std::cout << diff.changes.size() << " change(s) from " << diff.from_version << " to "
            << diff.to_version << "\n";
}

// ---- sites

Json markers_json(const rules::Site& site) {
  Json markers = Json::array();
  if (site.also_priority_site) markers.push_back("*");
  if (site.incorporated_into_country_park) markers.push_back("^");
  return markers;
}

Json site_json(const rules::Ruleset& ruleset, const rules::Site& site) {
  const rules::District* district =
      site.district ? ruleset.sites->district(*site.district) : nullptr;
  return {{"code", site.code},
          {"seed_code", site.seed_code},
          {"category", site.category},
          {"name_zh", site.name_zh},
          {"name_en", site.name_en},
          {"district", optional_json(site.district)},
          {"district_zh", district ? Json(district->name.zh) : Json(nullptr)},
          {"district_en", district ? Json(district->name.en) : Json(nullptr)},
          {"area_ha", optional_json(site.area_ha)},
          {"markers", markers_json(site)},
          {"related_priority_site", optional_json(site.related_priority_site)},
          {"on_lantau", site.on_lantau},
          {"eligible_types", rules::eligible_types(ruleset, site)}};
}

void print_site(const rules::Ruleset& ruleset, const rules::Site& site) {
  std::string eligible;
  for (const std::string& type : rules::eligible_types(ruleset, site))
    eligible += (eligible.empty() ? "" : ", ") + type;
  std::cout << site.code << "  " << site.name_zh << "  " << site.name_en << "  "
            << site.district.value_or("-") << (site.on_lantau ? "  Lantau" : "")
            << "  eligible: " << (eligible.empty() ? "none" : eligible) << "\n";
}

void check_filter(const rules::SiteRegistry& sites, const rules::SiteFilter& filter) {
  if (filter.category && !sites.category(*filter.category))
    refuse("no site list '" + *filter.category + "' (A, B, C, D)");
  if (filter.district && !sites.district(*filter.district))
    refuse("no district '" + *filter.district + "'");
}

void list_sites(const RulesOptions& options) {
  const auto ruleset = chosen_ruleset(load_rulesets_or_refuse(), options);
  check_filter(*ruleset->sites, options.filter);
  const auto selected = ruleset->sites->select(options.filter);
  if (!options.json) {
    for (const rules::Site* site : selected) print_site(*ruleset, *site);
    return;
  }
  Json json = Json::array();
  for (const rules::Site* site : selected) json.push_back(site_json(*ruleset, *site));
  std::cout << json.dump() << "\n";
}

void add_version_choice(CLI::App* command, RulesOptions& options) {
  command->add_option("--version", options.version, "A ruleset version, e.g. 1.8");
  command->add_option("--date", options.date, "The version in force on YYYY-MM-DD (default today)");
  command->add_flag("--json", options.json, "Print JSON");
}

void add_site_filter(CLI::App* command, rules::SiteFilter& filter) {
  command->add_option("--category", filter.category, "Only list A, B, C or D");
  command->add_option("--district", filter.district, "Only this district, e.g. sai_kung");
  command->add_option("--search", filter.text, "Text in the Chinese or English name or code");
}

}  // namespace

void add_rules_commands(CLI::App& app, const GlobalOptions&) {
  auto options = std::make_shared<RulesOptions>();
  auto* rules_command = app.add_subcommand("rules", "The CCFS rulesets: versions, rules, diffs");
  rules_command->require_subcommand(1);

  auto* list = rules_command->add_subcommand("list", "The versions and their effective dates");
  list->add_flag("--json", options->json, "Print JSON");
  list->callback([options] { list_versions(*options); });

  auto* show = rules_command->add_subcommand("show", "Every rule of a version, with its clause");
  add_version_choice(show, *options);
  show->callback([options] { show_ruleset(*options); });

  auto* diff = rules_command->add_subcommand("diff", "What changed between two versions");
  diff->add_option("--from", options->from_version, "The older version")->required();
  diff->add_option("--to", options->to_version, "The newer version")->required();
  diff->add_flag("--json", options->json, "Print JSON");
  diff->callback([options] { diff_versions(*options); });

  auto* sites = app.add_subcommand("sites", "The CCFS site registry (附錄1a, 附錄1b)");
  sites->require_subcommand(1);
  auto* sites_list = sites->add_subcommand("list", "Sites with their eligible project types");
  add_version_choice(sites_list, *options);
  add_site_filter(sites_list, options->filter);
  sites_list->callback([options] { list_sites(*options); });
}

}  // namespace bsap::cli
