#include "rules/site_registry.h"

#include <algorithm>
#include <cctype>

#include "rules/find_by.h"

namespace bsap::rules {
namespace {

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool passes(const Site& site, const SiteFilter& filter) {
  if (filter.category && site.category != *filter.category) return false;
  if (filter.district && site.district != filter.district) return false;
  return filter.text.empty() || site_matches_text(site, filter.text);
}

}  // namespace

SiteRegistry::SiteRegistry(std::vector<SiteCategory> categories, std::vector<District> districts,
                           std::vector<Site> sites)
    : categories_(std::move(categories)),
      districts_(std::move(districts)),
      sites_(std::move(sites)) {}

const Site* SiteRegistry::find(std::string_view code) const {
  return find_by(sites_, &Site::code, code);
}

const SiteCategory* SiteRegistry::category(std::string_view letter) const {
  return find_by(categories_, &SiteCategory::letter, letter);
}

const District* SiteRegistry::district(std::string_view key) const {
  return find_by(districts_, &District::key, key);
}

std::size_t SiteRegistry::count_in(std::string_view category) const {
  return static_cast<std::size_t>(std::count_if(
      sites_.begin(), sites_.end(), [&](const Site& site) { return site.category == category; }));
}

std::vector<const Site*> SiteRegistry::select(const SiteFilter& filter) const {
  std::vector<const Site*> selected;
  for (const Site& site : sites_)
    if (passes(site, filter)) selected.push_back(&site);
  return selected;
}

bool site_matches_text(const Site& site, std::string_view text) {
  const std::string wanted = ascii_lower(text);
  return site.name_zh.find(text) != std::string::npos ||
         ascii_lower(site.name_en).find(wanted) != std::string::npos ||
         ascii_lower(site.code).find(wanted) != std::string::npos;
}

}  // namespace bsap::rules
