// Every text key the templates and the page code ask for is in data/i18n/messages.yaml, so no
// page shows a "[key]" gap in any language.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

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

TEST(MessageCatalogue, EveryRoleHasAName) {
  SimplifiedConverter converter;
  auto catalogue =
      MessageCatalogue::from_yaml(read_text(kHome / "data/i18n/messages.yaml"), converter);
  for (Role role : all_roles())
    EXPECT_TRUE(catalogue.has("role_" + std::string(role_code(role)))) << role_code(role);
}

}  // namespace
}  // namespace bsap
