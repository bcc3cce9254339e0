// What applicants and panel members are told at each step of the assessment (§2.6.4, §4.1, §4.4),
// in Traditional Chinese and English: the texts of the in-app notification and the e-mail. Pure;
// the service (assess/) writes them in the transaction of the step they report.
#pragma once
#include <optional>
#include <string>

#include "ccfs/assessment_state.h"
#include "core/civil_date.h"
#include "core/lang.h"
#include "core/money.h"

namespace bsap::ccfs {

struct Notice {
  std::string kind;  // "assessment.request_information", "assessment.member_assigned", …
  std::string subject_zh;
  std::string subject_en;
  std::string body_zh;
  std::string body_en;
  // The e-mail's subject and body in one language (Simplified falls back to Traditional, which
  // the e-mail carries as it is).
  std::string subject(Lang lang) const;
  std::string body(Lang lang) const;
};

struct NoticeFacts {
  std::string reference;  // CCFS-2026-0001
  std::string title;
  std::string reason;                  // the step's reason, question or letter
  std::optional<CivilDate> reply_due;  // request_information: the 14th day (§2.6.4)
  std::optional<Money> approved_amount;
  std::optional<int> duration_months;
  std::string conditions;
  // invite_briefing: the panel that invites (assessment_panel §4.1.1, approval_panel §4.1.2).
  std::optional<AssessmentState> body;
};

// What the applicant is told of the event, or nullopt for a step that does not concern it
// (begin_screening and the referrals between panels are internal). A request for information
// names its question and the last day to reply, and says what happens after it.
std::optional<Notice> applicant_notice(AssessmentEvent event, const NoticeFacts& facts);

// To a member the secretariat assigned to an application's panel: declare any conflict of
// interest before seeing it (§5.17.3).
Notice member_assigned_notice(AssessmentState body, const NoticeFacts& facts);

// To the members of a panel or the committee when an application reaches it.
Notice member_stage_notice(AssessmentState body, const NoticeFacts& facts);

}  // namespace bsap::ccfs
