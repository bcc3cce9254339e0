// The seed of the plan, 000_e0ccae9882b7fb64.txt, read by the tests as the authority the data
// files are checked against.
#pragma once
#include <string>
#include <vector>

namespace bsap::plan::test_data {

std::vector<std::string> seed_lines();

// A row of the 附錄 table: 優先行動 | 《計劃》2035 總體目標 | 《國家計劃》優先行動 |
// 《昆蒙框架》目標 | 《可持續發展目標》. The extraction laid it out as one line per action,
// tab-separated, the numbers of a cell separated by spaces: "1.1 劃定新保護區…的應用\t2\t7 9\t1
// 3\t14 15".
struct AppendixRow {
  std::string action_number;
  std::string title_zh;
  std::vector<int> goals;
  std::vector<int> nbsap;
  std::vector<int> kmgbf;
  std::vector<int> sdg;
};

// The rows after the line 「附錄」, in the seed's order.
std::vector<AppendixRow> seed_appendix();

}  // namespace bsap::plan::test_data
