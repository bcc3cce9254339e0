// project/change_requests.h: the changes of §5.16.6 that need approval first, who approves them
// (the committee consulted for the major ones), and what a request and a decision must say.
#include "project/change_requests.h"

#include <gtest/gtest.h>

namespace bsap::project {
namespace {

using enum ProjectChange;

TEST(ChangeRequests, CodesRoundTripAndUnknownCodesAreRefused) {
  for (const ProjectChange change :
       {person_in_charge, budget_modification, transfer_to_organisation})
    EXPECT_EQ(change_from_code(change_code(change)), change);
  EXPECT_FALSE(change_from_code("rename"));
  EXPECT_EQ(change_code(transfer_to_organisation), "transfer_to_organisation");
}

TEST(ChangeRequests, NamesAndClauses_5_16_6) {
  EXPECT_EQ(change_text(person_in_charge, Lang::zh_hant), "更換項目負責人");
  EXPECT_EQ(change_text(transfer_to_organisation, Lang::en),
            "Transfer of the project to another organisation");
  EXPECT_EQ(change_clause(person_in_charge), "§5.16.6");
  EXPECT_EQ(change_clause(budget_modification), "§5.16.6(a)");
  EXPECT_EQ(change_clause(transfer_to_organisation), "§5.16.6(b)");
}

TEST(ChangeRequests, OnlyMajorChangesNeedTheCommittee_5_16_6) {
  EXPECT_FALSE(needs_committee(person_in_charge));
  EXPECT_TRUE(needs_committee(budget_modification));
  EXPECT_TRUE(needs_committee(transfer_to_organisation));
}

TEST(ChangeRequests, ANewPersonInChargeIsNamed_5_16_6) {
  const auto blank = check_change_request(person_in_charge, "  ", "Retiring");
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->clause, "§5.16.6");
  EXPECT_NE(blank->message_en.find("name and post"), std::string::npos);
  EXPECT_NE(blank->message_zh.find("姓名及職位"), std::string::npos);
  EXPECT_FALSE(
      check_change_request(person_in_charge, "Wong Siu Ming, Project Manager", "Ms Chan retires"));
}

TEST(ChangeRequests, EveryRequestGivesItsReason) {
  const auto no_reason = check_change_request(budget_modification, "Move HK$50,000 to item 2", "");
  ASSERT_TRUE(no_reason);
  EXPECT_EQ(no_reason->clause, "§5.16.6(a)");
  EXPECT_TRUE(check_change_request(transfer_to_organisation, "", "Merger"));
  EXPECT_FALSE(check_change_request(transfer_to_organisation, "To the Sha Lo Tung Trust",
                                    "The grantee is wound up"));
}

TEST(ChangeRequests, AMajorChangeIsApprovedOnlyAfterConsultingTheCommittee_5_16_6) {
  const auto unconsulted = check_change_decision(budget_modification, true, false, "", "");
  ASSERT_TRUE(unconsulted);
  EXPECT_EQ(unconsulted->clause, "§5.16.6");
  EXPECT_TRUE(check_change_decision(transfer_to_organisation, true, true, " ", ""))
      << "the committee's view is written down";
  EXPECT_FALSE(check_change_decision(budget_modification, true, true, "Agreed at meeting 12", ""));
  EXPECT_FALSE(check_change_decision(person_in_charge, true, false, "", ""))
      << "the secretariat alone approves a new person-in-charge";
}

TEST(ChangeRequests, ARefusalSaysWhy) {
  EXPECT_TRUE(check_change_decision(person_in_charge, false, false, "", ""));
  EXPECT_FALSE(check_change_decision(budget_modification, false, false, "", "Not justified"));
}

TEST(ChangeRequests, TheGranteeIsToldOfTheRequestAndTheDecision_5_16_7) {
  const ChangeNoticeFacts facts{"CCFS-2026-0001", "Lai Chi Wo", person_in_charge,
                                "Wong Siu Ming, Project Manager", "Approved from 1 May"};
  const ccfs::Notice requested = change_requested_notice(facts);
  EXPECT_EQ(requested.kind, "project.change_requested");
  EXPECT_NE(requested.body_en.find("§5.16.7"), std::string::npos);
  EXPECT_NE(requested.body_zh.find("第5.16.7節"), std::string::npos);
  const ccfs::Notice approved = change_decided_notice(facts, true);
  EXPECT_EQ(approved.kind, "project.change_approved");
  EXPECT_NE(approved.body_en.find("Approved from 1 May"), std::string::npos);
  EXPECT_NE(approved.subject_zh.find("CCFS-2026-0001"), std::string::npos);
  EXPECT_EQ(change_decided_notice(facts, false).kind, "project.change_refused");
}

}  // namespace
}  // namespace bsap::project
