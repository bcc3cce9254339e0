// The repository's ruleset data loaded once for the tests that read it, and a temporary copy of
// data/ccfs and data/sites that a test may edit (a bad file, a second version).
#pragma once
#include <filesystem>
#include <string>

#include "rules/ruleset.h"
#include "rules/ruleset_registry.h"

namespace bsap::rules::testing {

// Fails the calling test with the loader's message if the data do not load.
const RulesetRegistry& real_rulesets();
const Ruleset& ruleset_1_8();
Money hkd(std::int64_t dollars);
CivilDate day(const std::string& iso);

class TempDataDir {
 public:
  TempDataDir();  // holds a copy of data/ccfs/ruleset-1.8 and data/sites
  ~TempDataDir();
  TempDataDir(const TempDataDir&) = delete;
  TempDataDir& operator=(const TempDataDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path ruleset_folder(const std::string& version) const;
  std::filesystem::path file(const std::string& relative) const { return path_ / relative; }
  // A copy of ruleset-1.8 as ruleset-VERSION taking effect on EFFECTIVE_FROM.
  std::filesystem::path add_version(const std::string& version, const std::string& effective_from);
  // Replaces the first occurrence of `from` in the file; fails the test if there is none.
  void replace(const std::string& relative, const std::string& from, const std::string& to) const;

 private:
  std::filesystem::path path_;
};

}  // namespace bsap::rules::testing
