#include "rules_test_data.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "rules/ruleset_loader.h"

namespace bsap::rules::testing {
namespace {

namespace fs = std::filesystem;

// $BSAP_HOME/data as the program reads it, else the repository's data/.
fs::path data_dir() {
  const char* home = std::getenv("BSAP_HOME");
  return fs::path(home && *home ? home : BSAP_HOME_DIR) / "data";
}

std::string read_text(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

const RulesetRegistry& real_rulesets() {
  static const RulesetRegistry registry = [] {
    auto loaded = load_rulesets(data_dir());
    if (const auto* error = std::get_if<RulesLoadError>(&loaded))
      throw std::runtime_error(error->message());
    return std::get<RulesetRegistry>(std::move(loaded));
  }();
  return registry;
}

const Ruleset& ruleset_1_8() {
  const auto ruleset = real_rulesets().find("1.8");
  if (!ruleset) throw std::runtime_error("no ruleset 1.8 in data/ccfs");
  return *ruleset;
}

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

CivilDate day(const std::string& iso) { return parse_iso_date(iso).value(); }

TempDataDir::TempDataDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("bsap-rules-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_ / "ccfs");
  fs::copy(data_dir() / "ccfs" / "ruleset-1.8", ruleset_folder("1.8"), fs::copy_options::recursive);
  fs::copy(data_dir() / "sites", path_ / "sites", fs::copy_options::recursive);
}

TempDataDir::~TempDataDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

fs::path TempDataDir::ruleset_folder(const std::string& version) const {
  return path_ / "ccfs" / ("ruleset-" + version);
}

fs::path TempDataDir::add_version(const std::string& version, const std::string& effective_from) {
  fs::copy(ruleset_folder("1.8"), ruleset_folder(version), fs::copy_options::recursive);
  const std::string header = "ccfs/ruleset-" + version + "/ruleset.yaml";
  replace(header, "version: \"1.8\"", "version: \"" + version + "\"");
  replace(header, "effective_from: 2024-09-01", "effective_from: " + effective_from);
  return ruleset_folder(version);
}

void TempDataDir::replace(const std::string& relative, const std::string& from,
                          const std::string& to) const {
  const std::string text = read_text(file(relative));
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << "'" << from << "' is not in " << relative;
  write_text(file(relative), text.substr(0, at) + to + text.substr(at + from.size()));
}

}  // namespace bsap::rules::testing
