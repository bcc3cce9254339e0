#include "rules/load_error.h"

namespace bsap::rules {

std::string RulesLoadError::message() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  if (!key.empty()) text += ": " + key;
  return text + ": " + reason;
}

}  // namespace bsap::rules
