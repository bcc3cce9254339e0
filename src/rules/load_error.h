// What a rules loader refuses, as a value: the file, the line (1-based, as yaml-cpp's Mark
// gives it plus one) and the key of the fault, and why.
#pragma once
#include <string>

namespace bsap::rules {

struct RulesLoadError {
  std::string file;
  int line = 0;     // 0 when the fault is the file or folder as a whole (missing, unreadable)
  std::string key;  // the dotted key path of the fault: "contribution_ratio.value.min_pct"
  std::string reason;
  // ".../ruleset-1.8/limits.yaml:43: contribution_ratio.value.min_pct: expected a whole
  // percent 0–100, not 'five'"
  std::string message() const;
};

}  // namespace bsap::rules
