// What applicants and members are told at each step (§2.6.4, §4.1, §4.4.1, §4.5.1, §4.1.4,
// §5.17), in Traditional Chinese and English.
#include "ccfs/assessment_notices.h"

#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

NoticeFacts facts() {
  NoticeFacts facts;
  facts.reference = "CCFS-2026-0001";
  facts.title = "Lai Chi Wo wetland";
  facts.reason = "Please send the owners' consent letters for Lots 101-140.";
  return facts;
}

Notice notice_for(AssessmentEvent event, const NoticeFacts& given = facts()) {
  const std::optional<Notice> notice = applicant_notice(event, given);
  if (!notice) {
    ADD_FAILURE() << "no notice for " << event_code(event);
    return {};
  }
  return *notice;
}

// Every notice names the application in both languages.
void expect_names_application(const Notice& notice) {
  for (const std::string* text :
       {&notice.subject_zh, &notice.subject_en, &notice.body_zh, &notice.body_en})
    EXPECT_TRUE(contains(*text, "CCFS-2026-0001")) << notice.kind << ": " << *text;
  EXPECT_TRUE(contains(notice.body_zh, "Lai Chi Wo wetland"));
  EXPECT_TRUE(contains(notice.body_en, "Lai Chi Wo wetland"));
}

TEST(AssessmentNotices, RequestNamesTheQuestionTheDueDayAndTheConsequence_2_6_4) {
  NoticeFacts given = facts();
  given.reply_due = day("2026-03-15");
  const Notice notice = notice_for(AssessmentEvent::request_information, given);
  EXPECT_EQ(notice.kind, "assessment.request_information");
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.body_en, given.reason));
  EXPECT_TRUE(contains(notice.body_zh, given.reason));
  EXPECT_TRUE(contains(notice.body_en, "on or before 15 March 2026")) << notice.body_en;
  EXPECT_TRUE(contains(notice.body_zh, "2026年3月15日或之前")) << notice.body_zh;
  EXPECT_TRUE(contains(notice.body_en, "deemed withdrawn")) << notice.body_en;
  EXPECT_TRUE(contains(notice.body_zh, "視作撤回")) << notice.body_zh;
  EXPECT_TRUE(contains(notice.body_en, "§2.6.4"));
  EXPECT_TRUE(contains(notice.body_zh, "2.6.4"));
}

TEST(AssessmentNotices, AnswerIsAcknowledged_2_6_4) {
  const Notice notice = notice_for(AssessmentEvent::answer_information);
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.body_en, "received"));
  EXPECT_TRUE(contains(notice.body_zh, "已收到"));
}

TEST(AssessmentNotices, LapseSaysDeemedWithdrawn_2_6_4) {
  NoticeFacts given = facts();
  given.reply_due = day("2026-03-15");
  const Notice notice = notice_for(AssessmentEvent::lapse_information_request, given);
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.subject_en, "deemed withdrawn"));
  EXPECT_TRUE(contains(notice.body_zh, "視作撤回"));
  EXPECT_TRUE(contains(notice.body_en, "15 March 2026"));
}

TEST(AssessmentNotices, ApprovalStatesAmountDurationAndConditions_4_1_2) {
  NoticeFacts given = facts();
  given.approved_amount = cents(123'456'700);
  given.duration_months = 24;
  given.conditions = "Quarterly bird surveys reported to the Secretariat.";
  const Notice notice = notice_for(AssessmentEvent::approve, given);
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.body_en, "HK$1,234,567.00")) << notice.body_en;
  EXPECT_TRUE(contains(notice.body_zh, "HK$1,234,567.00")) << notice.body_zh;
  EXPECT_TRUE(contains(notice.body_en, "24 months"));
  EXPECT_TRUE(contains(notice.body_zh, "24個月"));
  EXPECT_TRUE(contains(notice.body_en, given.conditions));
  EXPECT_TRUE(contains(notice.body_zh, given.conditions));
  // Until the agreement the applicant may still withdraw (§4.4.1).
  EXPECT_TRUE(contains(notice.body_en, "§4.4.1"));
}

TEST(AssessmentNotices, ApprovalInPartSaysWhichPart_4_1_2) {
  NoticeFacts given = facts();
  given.reason = "The wetland works; not the visitor centre.";
  given.approved_amount = hkd(500'000);
  const Notice notice = notice_for(AssessmentEvent::approve_in_part, given);
  EXPECT_TRUE(contains(notice.body_en, given.reason));
  EXPECT_TRUE(contains(notice.body_en, "HK$500,000.00"));
  EXPECT_TRUE(contains(notice.subject_zh, "部分批准"));
}

TEST(AssessmentNotices, RejectionPointsToResubmissionInALaterRound_4_5_1) {
  const Notice notice = notice_for(AssessmentEvent::reject);
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.body_en, facts().reason));
  EXPECT_TRUE(contains(notice.body_en, "§4.5.1"));
  EXPECT_TRUE(contains(notice.body_en, "later round"));
  EXPECT_TRUE(contains(notice.body_zh, "重新遞交"));
}

TEST(AssessmentNotices, WithdrawalIsConfirmed_4_4_1) {
  const Notice notice = notice_for(AssessmentEvent::withdraw);
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.body_en, "We confirm"));
  EXPECT_TRUE(contains(notice.body_zh, "確認"));
}

TEST(AssessmentNotices, NotConsideredAndDisqualifiedGiveTheReason_2_1_3_4_1_4) {
  for (const AssessmentEvent event :
       {AssessmentEvent::declare_not_considered, AssessmentEvent::disqualify}) {
    const Notice notice = notice_for(event);
    expect_names_application(notice);
    EXPECT_TRUE(contains(notice.body_en, "Reason: " + facts().reason)) << notice.body_en;
    EXPECT_TRUE(contains(notice.body_zh, "原因：" + facts().reason)) << notice.body_zh;
  }
  EXPECT_TRUE(contains(notice_for(AssessmentEvent::disqualify).body_en, "§4.1.4"));
}

TEST(AssessmentNotices, BriefingNamesThePanel_4_1_1_4_1_2) {
  NoticeFacts given = facts();
  given.reason = "Tuesday 12 May, 10:00, North Point.";
  given.body = AssessmentState::approval_panel;
  Notice notice = notice_for(AssessmentEvent::invite_briefing, given);
  EXPECT_TRUE(contains(notice.body_en, "Approval Panel"));
  EXPECT_TRUE(contains(notice.body_zh, "審批小組"));
  EXPECT_TRUE(contains(notice.body_en, given.reason));
  given.body = AssessmentState::assessment_panel;
  notice = notice_for(AssessmentEvent::invite_briefing, given);
  EXPECT_TRUE(contains(notice.body_en, "Assessment Panel"));
  EXPECT_TRUE(contains(notice.body_en, "§4.1.1"));
  // Without the panel named, the text names neither one wrongly.
  given.body.reset();
  notice = notice_for(AssessmentEvent::invite_briefing, given);
  EXPECT_FALSE(contains(notice.body_en, "Assessment Panel"));
  EXPECT_FALSE(contains(notice.body_en, "Approval Panel"));
  EXPECT_TRUE(contains(notice.body_en, "§4.1.1, §4.1.2"));
}

TEST(AssessmentNotices, InternalStepsTellTheApplicantNothing) {
  for (const AssessmentEvent event :
       {AssessmentEvent::begin_screening, AssessmentEvent::refer_to_assessment_panel,
        AssessmentEvent::refer_to_approval_panel, AssessmentEvent::refer_to_committee})
    EXPECT_FALSE(applicant_notice(event, facts()).has_value()) << event_code(event);
  for (const AssessmentEvent event : all_events()) {
    const auto notice = applicant_notice(event, facts());
    if (notice) {
      EXPECT_EQ(notice->kind, "assessment." + std::string(event_code(event)));
    }
  }
}

TEST(AssessmentNotices, AssignedMemberDeclaresInterestFirst_5_17) {
  const Notice notice = member_assigned_notice(AssessmentState::assessment_panel, facts());
  EXPECT_EQ(notice.kind, "assessment.member_assigned");
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.body_en, "Before you see the application, declare"))
      << notice.body_en;
  EXPECT_TRUE(contains(notice.body_en, "§5.17"));
  EXPECT_TRUE(contains(notice.body_zh, "在查閱申請前，請先申報"));
  EXPECT_TRUE(contains(notice.body_zh, "審議小組"));
}

TEST(AssessmentNotices, MembersAreToldWhenAnApplicationReachesTheirBody_4_1_2) {
  const Notice notice = member_stage_notice(AssessmentState::committee, facts());
  EXPECT_EQ(notice.kind, "assessment.member_stage");
  expect_names_application(notice);
  EXPECT_TRUE(contains(notice.subject_en, "Countryside Conservation Advisory Committee"));
  EXPECT_TRUE(contains(notice.subject_zh, "鄉郊保育諮詢委員會"));
}

TEST(AssessmentNotices, LanguageChoosesTheText) {
  const Notice notice = notice_for(AssessmentEvent::withdraw);
  EXPECT_EQ(notice.subject(Lang::en), notice.subject_en);
  EXPECT_EQ(notice.body(Lang::en), notice.body_en);
  EXPECT_EQ(notice.subject(Lang::zh_hant), notice.subject_zh);
  EXPECT_EQ(notice.body(Lang::zh_hans), notice.body_zh);  // Simplified falls back to Traditional
}

}  // namespace
}  // namespace bsap::ccfs::testing
