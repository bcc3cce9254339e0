// What a grantee is told as its funded project moves (guidelines §5): the in-app notification
// and the e-mail, in Traditional Chinese and English. Pure; the service (manage/) writes them in
// the transaction of the step they report.
#pragma once
#include <optional>
#include <string>

#include "ccfs/assessment_notices.h"
#include "core/civil_date.h"
#include "core/money.h"

namespace bsap::project {

enum class ProjectNoticeKind {
  opened,            // the approval letter's agreement is ready to sign (§5.1.1)
  agreement_signed,  // the project has begun; the schedule and the reports due
  report_accepted,
  report_returned,  // with the secretariat's note
  instalment_released,
  report_due_soon,  // a reminder before the due date
  report_overdue,   // the first rung of §5.8.11
  state_notice,     // suspension, resumption or termination, with grounds and effective day
  closed,           // the close-out; records kept until (§5.9.1)
};

struct ProjectNoticeFacts {
  std::string reference;
  std::string title;
  std::string what_zh;  // the report, instalment or state change concerned
  std::string what_en;
  std::string note;              // the secretariat's note or grounds
  std::optional<CivilDate> day;  // the due day, the effective day, or the records' last day
  std::optional<Money> amount;
};

ccfs::Notice project_notice(ProjectNoticeKind kind, const ProjectNoticeFacts& facts);

}  // namespace bsap::project
