// data/sites/sites.yaml → SiteRegistry (schema: data/ccfs/README.md "Site registry").
#include <regex>

#include "rules/section_readers.h"

namespace bsap::rules {
namespace {

std::vector<SiteCategory> read_categories(const YamlCursor& document) {
  std::vector<SiteCategory> categories;
  for (const auto& [letter, category] : document["categories"].members()) {
    const std::int64_t expected = category["expected_count"].integer();
    categories.push_back({letter, category["name"].bilingual(), category["clause"].text(),
                          static_cast<int>(expected)});
  }
  return categories;
}

std::vector<District> read_districts(const YamlCursor& document) {
  std::vector<District> districts;
  for (const auto& [key, district] : document["districts"].members())
    districts.push_back({key, district.bilingual()});
  return districts;
}

bool optional_flag(const YamlCursor& site, const std::string& key) {
  const auto flag = site.find(key);
  return flag && flag->boolean();
}

std::optional<std::string> optional_text(const YamlCursor& site, const std::string& key) {
  const auto value = site.find(key);
  if (!value || value->node().IsNull()) return std::nullopt;
  return value->text();
}

// The stable code is the category letter and two digits: A01, B77, D92.
void check_code(const YamlCursor& code, const std::string& category) {
  static const std::regex pattern("[A-Z][0-9]{2}");
  if (!std::regex_match(code.text(), pattern) || code.text().substr(0, 1) != category)
    code.fail("expected the category letter and two digits, e.g. " + category + "01");
}

Site read_site(const YamlCursor& site, const SiteRegistry& known) {
  const YamlCursor category = site["category"];
  if (!known.category(category.text()))
    category.fail("unknown site category '" + category.text() + "'");
  check_code(site["code"], category.text());
  Site read;
  read.code = site["code"].text();
  read.seed_code = site["seed_code"].text();
  read.category = category.text();
  read.name_zh = site["name_zh"].text();
  read.name_en = site["name_en"].text();
  read.district = optional_text(site, "district");
  if (read.district && !known.district(*read.district))
    site["district"].fail("unknown district '" + *read.district + "'");
  if (const auto area = site.find("area_ha")) {
    if (area->integer() < 0) area->fail("expected hectares >= 0");
    read.area_ha = static_cast<int>(area->integer());
  }
  read.also_priority_site = optional_flag(site, "also_priority_site");
  read.incorporated_into_country_park = optional_flag(site, "incorporated_into_country_park");
  read.related_priority_site = optional_text(site, "related_priority_site");
  read.on_lantau = site["on_lantau"].boolean();
  read.line = site.line();
  return read;
}

// A `*` enclave names the priority site it belongs to: it must be a list A site.
void check_related_priority_sites(const YamlCursor& document, const SiteRegistry& registry) {
  for (const YamlCursor& site : document["sites"].items()) {
    const auto related = optional_text(site, "related_priority_site");
    if (!related) continue;
    const Site* target = registry.find(*related);
    if (!target || target->category != "A")
      site["related_priority_site"].fail("'" + *related + "' is not a list A site");
  }
}

// The counts the seed prints (附錄1a/1b: 12, 77, 24, 92) catch a lost or doubled row.
void check_counts(const YamlCursor& document, const SiteRegistry& registry) {
  for (const SiteCategory& category : registry.categories()) {
    const std::size_t count = registry.count_in(category.letter);
    if (count != static_cast<std::size_t>(category.expected_count))
      document["categories"][category.letter]["expected_count"].fail(
          "list " + category.letter + " has " + std::to_string(count) + " sites, expected " +
          std::to_string(category.expected_count));
  }
}

}  // namespace

SiteRegistry read_site_registry(const YamlCursor& document) {
  const SiteRegistry headers(read_categories(document), read_districts(document), {});
  std::vector<Site> sites;
  for (const YamlCursor& site : document["sites"].items())
    sites.push_back(read_site(site, headers));
  SiteRegistry registry(headers.categories(), headers.districts(), std::move(sites));
  check_related_priority_sites(document, registry);
  check_counts(document, registry);
  return registry;
}

}  // namespace bsap::rules
