#include "rules/section_readers.h"

namespace bsap::rules {

RuleSource source_of(const YamlCursor& rule, const std::string& file) {
  const auto text = rule.find("description") ? rule["description"] : rule["name"];
  return {file + "#" + rule.path(), rule["clause"].text(), text.bilingual()};
}

int months_of(const YamlCursor& duration) {
  const Duration parsed = duration.duration();
  if (parsed.unit == DurationUnit::years) return 12 * parsed.amount;
  if (parsed.unit != DurationUnit::months) duration.fail("expected a duration in months or years");
  return parsed.amount;
}

}  // namespace bsap::rules
