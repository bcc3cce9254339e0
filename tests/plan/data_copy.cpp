#include "data_copy.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace bsap::plan::test_data {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int line_at(const std::string& text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

DataCopy::DataCopy() {
  static int copies = 0;
  home_ = fs::temp_directory_path() /
          ("bsap-plan-data-" + std::to_string(getpid()) + "-" + std::to_string(++copies));
  fs::remove_all(home_);
  fs::create_directories(data_dir());
  for (const char* folder : {"bsap2035", "frameworks"})
    fs::copy(fs::path(BSAP_HOME_DIR) / "data" / folder, data_dir() / folder,
             fs::copy_options::recursive);
}

DataCopy::~DataCopy() { fs::remove_all(home_); }

int DataCopy::replace_once(const std::string& file, const std::string& before,
                           const std::string& after) {
  const fs::path path = data_dir() / file;
  std::string text = read_text(path);
  const std::size_t at = text.find(before);
  EXPECT_NE(at, std::string::npos) << "not in " << file << ": " << before;
  if (at == std::string::npos) return 0;
  EXPECT_EQ(text.find(before, at + 1), std::string::npos)
      << "repeated in " << file << ": " << before;
  const std::size_t differs =
      std::mismatch(before.begin(), before.end(), after.begin(), after.end()).first -
      before.begin();
  text.replace(at, before.size(), after);
  std::ofstream(path, std::ios::binary) << text;
  return line_at(text, at + differs);
}

}  // namespace bsap::plan::test_data
