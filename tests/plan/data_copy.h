// A copy of the repository's data/ in a temporary BSAP_HOME, for tests that break a file on
// purpose. Removed when the copy goes out of scope.
#pragma once
#include <filesystem>
#include <string>

namespace bsap::plan::test_data {

class DataCopy {
 public:
  DataCopy();
  ~DataCopy();
  DataCopy(const DataCopy&) = delete;
  DataCopy& operator=(const DataCopy&) = delete;

  const std::filesystem::path& home() const { return home_; }
  std::filesystem::path data_dir() const { return home_ / "data"; }

  // Replaces the one occurrence of `before` in data/FILE with `after` and returns the line
  // (1-based) where the two first differ. Fails the test if `before` is missing or repeated.
  int replace_once(const std::string& file, const std::string& before, const std::string& after);

 private:
  std::filesystem::path home_;
};

}  // namespace bsap::plan::test_data
