// §2.3.1: what the applicant and every co-organiser or supporting organisation meet alike
// (「提交申請時，申請者及合辦／支持機構須提供」): one of the three eligible kinds, not a society
// registered under Cap. 151 (註7), and every document its kind provides. check_applicant and
// check_partners both run it, with their own rule keys and fields.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ccfs/check_step.h"

namespace bsap::ccfs {

struct Organisation {
  std::string rule_prefix;  // "applicant", "partner": rules <prefix>.kind, .societies_ordinance, …
  std::string field;        // "applicant", "partners[1]"
  std::string name_zh;      // how messages name it: "申請者", "合辦／支持機構「…」"
  std::string name_en;      // within a sentence: "the applicant", "the partner '…'"
  const std::string& kind;
  const std::optional<bool>& registered_under_societies_ordinance;
  const std::vector<std::string>& documents;
};

void check_organisation(const Organisation& organisation, const rules::ApplicationRules& rules,
                        FindingSink& sink);

}  // namespace bsap::ccfs
