#include "match/vocabulary.h"

#include <algorithm>
#include <array>

namespace bsap::match {
namespace {

constexpr std::array kThemes{
    Term{"habitat_restoration", "生境／生態系統修復", "Habitat and ecosystem restoration"},
    Term{"species_conservation", "物種保育", "Species conservation"},
    Term{"nature_based_solutions", "以自然為本的解決方案", "Nature-based solutions"},
    Term{"education", "公眾教育及參與", "Public education and engagement"},
    Term{"research", "科學研究及監測", "Research and monitoring"},
    Term{"cultural_heritage", "文化及歷史保育", "Cultural and heritage conservation"},
    Term{"sustainable_farming", "可持續農業及漁業", "Sustainable farming and fishing"},
};

constexpr std::array kHabitats{
    Term{"wetland", "濕地", "Wetland"},
    Term{"woodland", "林地", "Woodland"},
    Term{"grassland", "草地及灌叢", "Grassland and shrubland"},
    Term{"stream", "河溪", "Streams and rivers"},
    Term{"coastal", "海岸", "Coast"},
    Term{"marine", "海洋", "Marine"},
    Term{"farmland", "農地", "Farmland"},
    Term{"urban", "市區", "Urban"},
};

constexpr std::array kDistricts{
    Term{"central_western", "中西區", "Central and Western"},
    Term{"wan_chai", "灣仔", "Wan Chai"},
    Term{"eastern", "東區", "Eastern"},
    Term{"southern", "南區", "Southern"},
    Term{"yau_tsim_mong", "油尖旺", "Yau Tsim Mong"},
    Term{"sham_shui_po", "深水埗", "Sham Shui Po"},
    Term{"kowloon_city", "九龍城", "Kowloon City"},
    Term{"wong_tai_sin", "黃大仙", "Wong Tai Sin"},
    Term{"kwun_tong", "觀塘", "Kwun Tong"},
    Term{"kwai_tsing", "葵青", "Kwai Tsing"},
    Term{"tsuen_wan", "荃灣", "Tsuen Wan"},
    Term{"tuen_mun", "屯門", "Tuen Mun"},
    Term{"yuen_long", "元朗", "Yuen Long"},
    Term{"north", "北區", "North"},
    Term{"tai_po", "大埔", "Tai Po"},
    Term{"sha_tin", "沙田", "Sha Tin"},
    Term{"sai_kung", "西貢", "Sai Kung"},
    Term{"islands", "離島", "Islands"},
};

}  // namespace

std::span<const Term> themes() { return kThemes; }
std::span<const Term> habitats() { return kHabitats; }
std::span<const Term> districts() { return kDistricts; }

const Term* find_term(std::span<const Term> terms, std::string_view key) {
  const auto found = std::ranges::find(terms, key, &Term::key);
  return found == terms.end() ? nullptr : &*found;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view piece = text.substr(0, comma);
    if (!piece.empty()) items.emplace_back(piece);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += ',';
    text += item;
  }
  return text;
}

}  // namespace bsap::match
