// Every text key the templates and the page code ask for is in data/i18n/messages.yaml, so no
// page shows a "[key]" gap in any language.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "biodata/taxon_status.h"
#include "core/messages.h"
#include "core/role.h"

namespace bsap {
namespace {

const std::filesystem::path kHome = BSAP_HOME_DIR;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first group of every match of pattern in the files of folder with extension.
std::set<std::string> keys_in(const std::filesystem::path& folder, const std::string& extension,
                              const std::regex& pattern) {
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != extension) continue;
    std::string text = read_text(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
      keys.insert((*it)[1].str());
  }
  return keys;
}

TEST(MessageCatalogue, EveryKeyUsedByPagesExists) {
  SimplifiedConverter converter;
  auto catalogue =
      MessageCatalogue::from_yaml(read_text(kHome / "data/i18n/messages.yaml"), converter);
  std::set<std::string> used =
      keys_in(kHome / "templates", ".mustache", std::regex(R"(\{\{[#^/]?t\.([a-z_]+)\}\})"));
  for (const auto& key : keys_in(kHome / "src/web", ".cpp",
                                 std::regex(R"re((?:\.text|messages\.get)\("([a-z_]+)"[,)])re")))
    used.insert(key);
  for (const auto& key :
       keys_in(kHome / "src/web", ".cpp", std::regex(R"re("(error_[a-z_]+_(?:title|body))")re")))
    used.insert(key);
  EXPECT_GT(used.size(), 50u);
  for (const auto& key : used) EXPECT_TRUE(catalogue.has(key)) << key;
}

// The hub's pages build these keys from stored values (biodata/taxon_status.h, bio_layers.kind,
// the ranks of the species page), which the scan above cannot see.
TEST(MessageCatalogue, EveryHubValueHasAText) {
  SimplifiedConverter converter;
  auto catalogue =
      MessageCatalogue::from_yaml(read_text(kHome / "data/i18n/messages.yaml"), converter);
  std::vector<std::string> keys;
  for (std::string_view value : biodata::kEstablishments)
    keys.push_back("bio_establishment_" + std::string(value));
  for (std::string_view value : biodata::kIucnCategories)
    keys.push_back("bio_iucn_" + std::string(value));
  for (const char* kind : {"country_park", "special_area", "marine_park", "marine_reserve",
                           "scheme_site", "district", "other"})
    keys.push_back(std::string("bio_layer_kind_") + kind);
  for (const char* rank : {"kingdom", "phylum", "class", "order", "family", "genus"})
    keys.push_back(std::string("bio_rank_") + rank);
  for (const std::string& key : keys) EXPECT_TRUE(catalogue.has(key)) << key;
}

TEST(MessageCatalogue, EveryRoleHasAName) {
  SimplifiedConverter converter;
  auto catalogue =
      MessageCatalogue::from_yaml(read_text(kHome / "data/i18n/messages.yaml"), converter);
  for (Role role : all_roles())
    EXPECT_TRUE(catalogue.has("role_" + std::string(role_code(role)))) << role_code(role);
}

}  // namespace
}  // namespace bsap
