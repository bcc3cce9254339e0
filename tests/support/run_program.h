// Runs the real `bsap` program (BSAP_BINARY) and collects what it printed and its exit code.
// Shared by the suites that run the program (store, cli): tests/CMakeLists.txt links it in.
#pragma once
#include <string>
#include <vector>

namespace bsap::test_support {

struct ProgramResult {
  int exit_code = -1;  // -1 if it did not exit normally
  std::string out;
  std::string err;
};

// bsap with args, standard input fed from stdin_text.
ProgramResult run_bsap(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace bsap::test_support
