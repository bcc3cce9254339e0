// check_partners: §2.7.9 (co-organisers confirm in writing and meet §2.3.1 as the applicant
// does), §2.7.10 (sponsors confirm; pending sponsorship says its chances) and §3.11.3 (the
// prohibited sponsors).
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

TEST(PartnerCheck, WrittenConfirmationIsRequired_2_7_9) {
  Application a = complete_ma();
  a.partners[0].written_confirmation = false;
  const Finding finding = single(check(a), "partner.confirmation", Severity::blocking, "§2.7.9");
  EXPECT_EQ(finding.field, "partners[0].written_confirmation");
  EXPECT_NE(finding.message_en.find("Tai Po Nature Society Limited"), std::string::npos);
}

TEST(PartnerCheck, ConfirmationStatesTheRole_2_7_9) {
  Application a = complete_ma();
  a.partners[0].role.clear();
  EXPECT_EQ(single(check(a), "partner.confirmation", Severity::blocking, "§2.7.9").field,
            "partners[0].role");
}

TEST(PartnerCheck, PartnerKindMustBeEligible_2_3_1) {
  Application a = complete_non_ma("research_activity");
  a.partners[0].kind = "private_company";
  const CheckResult result = check(a);
  EXPECT_EQ(single(result, "partner.kind", Severity::blocking, "§2.3.1").field, "partners[0].kind");
  EXPECT_TRUE(findings_of(result, "applicant.kind").empty());
}

TEST(PartnerCheck, PartnerProvidesTheDocumentsOfItsKind_2_3_1_a) {
  Application a = complete_ma();
  a.partners.push_back(a.partners[0]);
  a.partners[1].documents = {"tax_exemption_letter", "articles_of_association",
                             "principal_officers_list"};
  const Finding finding =
      single(check(a), "partner.documents", Severity::blocking, "§2.3.1(a)(ii)");
  EXPECT_EQ(finding.field, "partners[1].documents");
}

TEST(PartnerCheck, PartnerSocietyUnderCap151IsBlocking_2_3_1_a_Note7) {
  Application a = complete_ma();
  a.partners[0].registered_under_societies_ordinance = true;
  EXPECT_EQ(
      single(check(a), "partner.societies_ordinance", Severity::blocking, "§2.3.1(a) 註7").field,
      "partners[0].registered_under_societies_ordinance");
}

FundingSource sponsor(std::string status, std::string category = {}) {
  FundingSource source;
  source.name = "Harbour Bank Foundation";
  source.amount = testing::hkd(20'000);
  source.status = std::move(status);
  source.sponsor_category = std::move(category);
  source.written_confirmation = true;
  source.pending_action = "Board decides in March; proposal sent in January.";
  return source;
}

TEST(SponsorCheck, ConfirmedSponsorshipNeedsTheSponsorsLetter_2_7_10) {
  Application a = complete_ma();
  a.other_funding = {sponsor("confirmed")};
  EXPECT_TRUE(findings_of(check(a), "sponsor.confirmation").empty());
  a.other_funding[0].written_confirmation = false;
  EXPECT_EQ(single(check(a), "sponsor.confirmation", Severity::blocking, "§2.7.10").field,
            "other_funding[0].written_confirmation");
}

TEST(SponsorCheck, PendingSponsorshipSaysItsChances_2_7_10) {
  Application a = complete_ma();
  a.other_funding = {sponsor("pending")};
  a.other_funding[0].written_confirmation = false;  // not yet: a pending sponsor has no letter
  EXPECT_TRUE(findings_of(check(a), "sponsor.confirmation").empty());
  a.other_funding[0].pending_action.clear();
  EXPECT_EQ(single(check(a), "sponsor.confirmation", Severity::blocking, "§2.7.10").field,
            "other_funding[0].pending_action");
}

TEST(SponsorCheck, StatusIsConfirmedOrPending_2_7_10) {
  Application a = complete_ma();
  a.other_funding = {sponsor("hoped for")};
  EXPECT_EQ(single(check(a), "sponsor.confirmation", Severity::blocking, "§2.7.10").field,
            "other_funding[0].status");
}

TEST(SponsorCheck, ProhibitedSponsorsAreBlocking_3_11_3) {
  const std::vector<std::pair<std::string, std::string>> prohibited = {
      {"political_entity", "§3.11.3(a)"},
      {"tobacco", "§3.11.3(b)"},
      {"tobacco_products", "§3.11.3(c)"}};
  for (const auto& [category, clause] : prohibited) {
    Application a = complete_ma();
    a.other_funding = {sponsor("confirmed", category)};
    EXPECT_EQ(single(check(a), "sponsor.prohibited", Severity::blocking, clause).field,
              "other_funding[0].sponsor_category");
  }
}

TEST(SponsorCheck, LiquorTradeOnlyForActivitiesOfUnder18s_3_11_3_d) {
  Application a = complete_non_ma("cultural_revitalisation");
  a.other_funding = {sponsor("confirmed", "alcohol_youth")};
  EXPECT_TRUE(findings_of(check(a), "sponsor.prohibited").empty());
  a.other_funding[0].for_under_18_activity = true;
  single(check(a), "sponsor.prohibited", Severity::blocking, "§3.11.3(d)");
}

TEST(SponsorCheck, OtherSponsorsAreNotProhibited_3_11_3) {
  Application a = complete_ma();
  a.other_funding = {sponsor("confirmed", "bank")};
  EXPECT_TRUE(findings_of(check(a), "sponsor.prohibited").empty());
}

}  // namespace
}  // namespace bsap::ccfs::testing
