// implementation.yaml → the grounds for suspending or terminating funding (§5.16.1, §5.16.2 and
// the grounds other clauses add).
#include "rules/section_readers.h"

namespace bsap::rules {
namespace {

const std::string kFile = "implementation.yaml";

// Lettered grounds cite their clause with the letter: §5.16.1(a).
std::vector<Ground> lettered_grounds(const YamlCursor& rule) {
  const std::string clause = rule["clause"].text();
  std::vector<Ground> grounds;
  for (const YamlCursor& item : rule["grounds"].items()) {
    const std::string id = item["id"].text();
    grounds.push_back({id, clause + "(" + id + ")", item.bilingual()});
  }
  return grounds;
}

}  // namespace

void read_suspension_grounds(const YamlCursor& document, Ruleset& ruleset) {
  const YamlCursor group = document["suspension_termination"];
  const YamlCursor may_suspend = group["may_suspend_or_terminate"];
  const YamlCursor immediate = group["immediate_termination"];
  SuspensionGrounds& grounds = ruleset.suspension;
  grounds.may_suspend_source = source_of(may_suspend, kFile);
  grounds.may_suspend = lettered_grounds(may_suspend);
  grounds.immediate_source = source_of(immediate, kFile);
  grounds.immediate_termination = lettered_grounds(immediate);
  for (const YamlCursor& item : group["other_grounds"].items())
    grounds.other.push_back({"", item["clause"].text(), item.bilingual()});
}

}  // namespace bsap::rules
