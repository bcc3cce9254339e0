// Changes to a funded project that need approval before they are made (guidelines §5.16.6):
// a new person-in-charge needs the secretariat's prior approval; the major changes — a budget
// modification other than §5.5.3's item increases, or the project's transfer to another
// organisation — are approved by the secretariat only after consulting the committee. A change
// made without approval may lead to suspension or termination (§5.16.7). Pure.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "ccfs/assessment_notices.h"
#include "core/lang.h"

namespace bsap::project {

enum class ProjectChange { person_in_charge, budget_modification, transfer_to_organisation };

std::string_view change_code(ProjectChange change);
std::optional<ProjectChange> change_from_code(std::string_view code);
std::string change_text(ProjectChange change, Lang lang);
// The clause the change comes under: "§5.16.6", "§5.16.6(a)", "§5.16.6(b)".
std::string_view change_clause(ProjectChange change);

// §5.16.6: the major changes (a) and (b) are approved only after consulting the committee; a
// change of person-in-charge needs the secretariat's approval alone.
bool needs_committee(ProjectChange change);

struct ChangeRefusal {
  std::string clause;
  std::string message_zh;
  std::string message_en;
};

// A request says what changes (for a person-in-charge, the new person's name and post) and why.
// nullopt: the request may be recorded.
std::optional<ChangeRefusal> check_change_request(ProjectChange change, const std::string& details,
                                                  const std::string& reason);

// The secretariat's decision: refusing needs a note; approving a major change needs the day the
// committee was consulted and its view (§5.16.6). nullopt: the decision may be recorded.
std::optional<ChangeRefusal> check_change_decision(ProjectChange change, bool approved,
                                                   bool committee_consulted,
                                                   const std::string& committee_note,
                                                   const std::string& decision_note);

// What the grantee is told of a request and of its decision.
struct ChangeNoticeFacts {
  std::string reference;
  std::string title;
  ProjectChange change = ProjectChange::person_in_charge;
  std::string details;
  std::string note;  // the secretariat's decision note
};
ccfs::Notice change_requested_notice(const ChangeNoticeFacts& facts);
ccfs::Notice change_decided_notice(const ChangeNoticeFacts& facts, bool approved);

}  // namespace bsap::project
