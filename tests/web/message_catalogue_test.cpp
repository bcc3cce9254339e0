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
#include "hub/observation_check.h"
#include "hub/observation_grade.h"

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

// The citizen-science pages build these keys from an observation's state, grade and faults
// (hub/observation_grade.h, hub/observation_check.h) and the species answer
// (web/observation_view.h), which the scan above cannot see.
TEST(MessageCatalogue, EveryObservationValueHasAText) {
  SimplifiedConverter converter;
  auto catalogue =
      MessageCatalogue::from_yaml(read_text(kHome / "data/i18n/messages.yaml"), converter);
  std::vector<std::string> keys;
  for (auto state : {hub::ReviewState::submitted, hub::ReviewState::needs_id,
                     hub::ReviewState::verified, hub::ReviewState::rejected})
    keys.push_back("observation_state_" + std::string(hub::review_state_code(state)));
  for (auto grade :
       {hub::QualityGrade::casual, hub::QualityGrade::needs_id, hub::QualityGrade::research})
    keys.push_back("observation_grade_" + std::string(hub::quality_grade_code(grade)));
  for (auto fault :
       {hub::ObservationFault::latitude_not_number, hub::ObservationFault::longitude_not_number,
        hub::ObservationFault::place_outside_hong_kong, hub::ObservationFault::date_not_a_day,
        hub::ObservationFault::date_in_future, hub::ObservationFault::count_not_positive_whole,
        hub::ObservationFault::notes_too_long})
    keys.push_back(hub::observation_fault_key(fault));
  for (const char* answer : {"empty", "needed", "none", "several"})
    keys.push_back(std::string("observation_error_species_") + answer);
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
