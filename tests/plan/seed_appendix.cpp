#include "seed_appendix.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace bsap::plan::test_data {
namespace {

constexpr const char* kSeedPath = SHARED_DIR "/seeds/000_e0ccae9882b7fb64.txt";

// Action number, space, title, then the four cells of numbers.
const std::regex kRow(R"(^(\d+\.\d+) ([^\t]+)\t([\d ]+)\t([\d ]+)\t([\d ]+)\t([\d ]+)$)");

std::vector<int> numbers_in(const std::string& cell) {
  std::istringstream in(cell);
  std::vector<int> numbers;
  for (int number; in >> number;) numbers.push_back(number);
  return numbers;
}

}  // namespace

std::vector<std::string> seed_lines() {
  std::ifstream in(kSeedPath);
  if (!in) throw std::runtime_error(std::string("cannot read the seed ") + kSeedPath);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<AppendixRow> seed_appendix() {
  const std::vector<std::string> lines = seed_lines();
  // The table of contents names 「附錄」 too, followed by its page number; the heading stands
  // alone.
  const auto heading = std::find(lines.begin(), lines.end(), "附錄");
  std::vector<AppendixRow> rows;
  std::smatch cells;
  for (auto line = heading; line != lines.end(); ++line)
    if (std::regex_match(*line, cells, kRow))
      rows.push_back({cells[1], cells[2], numbers_in(cells[3]), numbers_in(cells[4]),
                      numbers_in(cells[5]), numbers_in(cells[6])});
  return rows;
}

}  // namespace bsap::plan::test_data
