#include "rules/load_error.h"

namespace bsap::rules {

std::string RulesLoadError::message() const {
  // Appended piece by piece: GCC 12 at -O2 warns falsely (-Wrestrict) on "literal" + string.
  std::string text = file;
  if (line > 0) (text += ':') += std::to_string(line);
  if (!key.empty()) (text += ": ") += key;
  (text += ": ") += reason;
  return text;
}

}  // namespace bsap::rules
