// Runs the real `bsap` program (BSAP_BINARY) and collects what it printed and its exit code.
#pragma once
#include <string>
#include <vector>

namespace bsap::store::testing {

struct ProgramResult {
  int exit_code = -1;  // -1 if it did not exit normally
  std::string out;
  std::string err;
};

// bsap with args, standard input fed from stdin_text.
ProgramResult run_bsap(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace bsap::store::testing
