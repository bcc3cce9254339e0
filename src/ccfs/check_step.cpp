#include "ccfs/check_step.h"

#include "ccfs/application.h"

namespace bsap::ccfs {

void FindingSink::blocking(std::string rule, std::string clause, std::string field, std::string zh,
                           std::string en) {
  out_.push_back({Severity::blocking, std::move(rule), std::move(clause), std::move(field),
                  std::move(zh), std::move(en)});
}

void FindingSink::needs_justification(std::string rule, std::string clause, std::string field,
                                      std::string zh, std::string en) {
  const auto reason = application_.justifications.find(rule);
  if (reason == application_.justifications.end() || is_blank(reason->second)) {
    out_.push_back({Severity::needs_justification, std::move(rule), std::move(clause),
                    std::move(field), std::move(zh) + "請在「理據」中說明理由。",
                    std::move(en) + " Give your reasons under 'Justifications'."});
    return;
  }
  out_.push_back({Severity::info, std::move(rule), std::move(clause), std::move(field),
                  std::move(zh) + "已提供理由，將按個別情況予以考慮。",
                  std::move(en) + " Reasons given: it will be considered case by case."});
}

void FindingSink::info(std::string rule, std::string clause, std::string field, std::string zh,
                       std::string en) {
  out_.push_back({Severity::info, std::move(rule), std::move(clause), std::move(field),
                  std::move(zh), std::move(en)});
}

std::string hkd(Money amount) { return format_hkd(amount); }

}  // namespace bsap::ccfs
