// The site registry of 附錄1a (lists A, B, C) and 附錄1b (list D), as data/sites/sites.yaml holds
// it: the places a project may be sited at (§2.1). Pure: the loader fills it in; the queries
// here search and filter it. Which project types a site is eligible for is in site_eligibility.h.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_types.h"

namespace bsap::rules {

// A list of the appendices: A 須優先加強保育地點, B 郊野公園「不包括的土地」,
// C 郊野公園內的私人土地, D 偏遠鄉村.
struct SiteCategory {
  std::string letter;  // "A" … "D"
  Bilingual name;
  std::string clause;  // "附錄1a B"
  int expected_count = 0;
};

struct District {
  std::string key;  // "sai_kung"
  Bilingual name;
};

struct Site {
  std::string code;       // "B04": letter + 2 digits, stable
  std::string seed_code;  // "B4", as printed
  std::string category;   // a SiteCategory letter
  std::string name_zh;
  std::string name_en;
  std::optional<std::string> district;          // a District key; none for C and unresolved rows
  std::optional<int> area_ha;                   // B only, approximate as printed
  bool also_priority_site = false;              // B: the `*` marker (附錄1a B 註)
  bool incorporated_into_country_park = false;  // B: the `^` marker
  std::optional<std::string> related_priority_site;  // B: the A site a `*` refers to (inferred)
  bool on_lantau = false;  // sites on Lantau are not funded (附錄1a 註, §2.1.1–2)
  int line = 0;            // where the site starts in sites.yaml, for messages
};

struct SiteFilter {
  std::optional<std::string> category;
  std::optional<std::string> district;
  std::string text;  // a substring of the Chinese or (case-insensitive) English name or code
};

class SiteRegistry {
 public:
  SiteRegistry(std::vector<SiteCategory> categories, std::vector<District> districts,
               std::vector<Site> sites);

  const std::vector<SiteCategory>& categories() const { return categories_; }
  const std::vector<District>& districts() const { return districts_; }
  const std::vector<Site>& sites() const { return sites_; }

  const Site* find(std::string_view code) const;
  const SiteCategory* category(std::string_view letter) const;
  const District* district(std::string_view key) const;
  std::size_t count_in(std::string_view category) const;
  // The sites passing every condition of `filter`, in registry order.
  std::vector<const Site*> select(const SiteFilter& filter) const;

 private:
  std::vector<SiteCategory> categories_;
  std::vector<District> districts_;
  std::vector<Site> sites_;
};

// Whether `text` occurs in the site's Chinese name, its English name (ignoring ASCII case) or
// its code.
bool site_matches_text(const Site& site, std::string_view text);

}  // namespace bsap::rules
