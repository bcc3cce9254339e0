// Runs the real `bsap` program (BSAP_BINARY) and collects what it printed and its exit code.
// The cli suite's own copy of the approach of tests/store/run_program.h: suites share no files.
#pragma once
#include <string>
#include <vector>

namespace bsap::cli::testing {

struct ProgramResult {
  int exit_code = -1;  // -1 if it did not exit normally
  std::string out;
  std::string err;
};

// bsap with args, with standard input empty and BSAP_HOME as the caller's environment has it.
ProgramResult run_bsap(const std::vector<std::string>& args);

}  // namespace bsap::cli::testing
