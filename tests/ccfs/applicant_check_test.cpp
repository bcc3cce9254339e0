// check_applicant: §2.3.1 (kind, contract capacity, Cap. 151, documents), §3.10.2 註 (the
// subvention declaration) and §2.6.3 (the person in charge). Each test spoils one field of a
// clean application.
#include <gtest/gtest.h>

#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

TEST(ApplicantCheck, KindOutsideTheThreeIsBlocking_2_3_1) {
  Application a = complete_ma();
  a.applicant.kind = "society";
  const CheckResult result = check(a);
  EXPECT_EQ(single(result, "applicant.kind", Severity::blocking, "§2.3.1").field, "applicant.kind");
  EXPECT_TRUE(findings_of(result, "applicant.documents").empty()) << "no kind, no document list";
}

TEST(ApplicantCheck, MissingKindIsBlocking_2_3_1) {
  Application a = complete_non_ma("research_activity");
  a.applicant.kind.clear();
  single(check(a), "applicant.kind", Severity::blocking, "§2.3.1");
}

TEST(ApplicantCheck, EachKindWithItsDocumentsPasses_2_3_1) {
  Application charity = complete_ma();
  charity.applicant.kind = "charitable_institution";
  charity.applicant.documents = {"tax_exemption_letter", "registration_document",
                                 "articles_of_association", "principal_officers_list"};
  Application college = complete_ma();
  college.applicant.kind = "post_secondary_institution";
  college.applicant.documents = {"tax_exemption_letter", "establishment_proof",
                                 "council_members_list"};
  for (const Application& a : {charity, college}) {
    const CheckResult result = check(a);
    EXPECT_TRUE(findings_of(result, "applicant.kind").empty()) << describe(result);
    EXPECT_TRUE(findings_of(result, "applicant.documents").empty()) << describe(result);
  }
}

TEST(ApplicantCheck, SocietyUnderCap151IsBlocking_2_3_1_a_Note7) {
  Application a = complete_ma();
  a.applicant.registered_under_societies_ordinance = true;
  const Finding finding =
      single(check(a), "applicant.societies_ordinance", Severity::blocking, "§2.3.1(a) 註7");
  EXPECT_EQ(finding.field, "applicant.registered_under_societies_ordinance");
}

TEST(ApplicantCheck, Cap151UnansweredIsBlocking_2_3_1_a_Note7) {
  Application a = complete_ma();
  a.applicant.registered_under_societies_ordinance.reset();
  single(check(a), "applicant.societies_ordinance", Severity::blocking, "§2.3.1(a) 註7");
}

TEST(ApplicantCheck, NoContractCapacityIsBlocking_2_3_1) {
  for (const std::optional<bool> capacity : {std::optional<bool>(false), std::optional<bool>()}) {
    Application a = complete_ma();
    a.applicant.has_contract_capacity = capacity;
    EXPECT_EQ(single(check(a), "applicant.contract_capacity", Severity::blocking, "§2.3.1").field,
              "applicant.has_contract_capacity");
  }
}

TEST(ApplicantCheck, EachMissingDocumentCitesItsClause_2_3_1_b) {
  Application a = complete_ma();
  a.applicant.documents = {"tax_exemption_letter", "articles_of_association"};
  const std::vector<Finding> found = findings_of(check(a), "applicant.documents");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].clause, "§2.3.1(b)(ii)");
  EXPECT_EQ(found[1].clause, "§2.3.1(b)(iv)");
  for (const Finding& finding : found) {
    EXPECT_EQ(finding.severity, Severity::blocking);
    EXPECT_EQ(finding.field, "applicant.documents");
    EXPECT_FALSE(finding.message_zh.empty());
    EXPECT_FALSE(finding.message_en.empty());
  }
  EXPECT_NE(found[0].message_zh.find("公司註冊證明書"), std::string::npos);
}

TEST(ApplicantCheck, DocumentsFollowTheKind_2_3_1_c) {
  Application a = complete_ma();  // a company's papers, declared as a college
  a.applicant.kind = "post_secondary_institution";
  const std::vector<Finding> found = findings_of(check(a), "applicant.documents");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].clause, "§2.3.1(c)(ii)");
  EXPECT_EQ(found[1].clause, "§2.3.1(c)(iii)");
}

TEST(ApplicantCheck, SubventionNotDeclaredIsBlocking_3_10_2_Note) {
  Application a = complete_ma();
  a.applicant.receives_government_subvention.reset();
  EXPECT_EQ(
      single(check(a), "applicant.subvention_declaration", Severity::blocking, "§3.10.2 註").field,
      "applicant.receives_government_subvention");
}

TEST(ApplicantCheck, SubventionDeclaredYesIsAnAnswer_3_10_2_Note) {
  Application a = complete_ma();
  a.applicant.receives_government_subvention = true;
  EXPECT_TRUE(findings_of(check(a), "applicant.subvention_declaration").empty());
}

TEST(ApplicantCheck, PersonInChargeNameAndPostAreRequired_2_6_3) {
  Application a = complete_ma();
  a.person_in_charge.name = " ";
  EXPECT_EQ(single(check(a), "person_in_charge", Severity::blocking, "§2.6.3").field,
            "person_in_charge.name");
  a = complete_ma();
  a.person_in_charge.post.clear();
  EXPECT_EQ(single(check(a), "person_in_charge", Severity::blocking, "§2.6.3").field,
            "person_in_charge.post");
}

TEST(ApplicantCheck, PersonNotInTheDocumentsNeedsTheSecretariat_2_6_3) {
  Application a = complete_ma();
  a.person_in_charge.named_in_documents = false;
  EXPECT_EQ(single(check(a), "person_in_charge", Severity::needs_justification, "§2.6.3").field,
            "person_in_charge.named_in_documents");
  a.justifications["person_in_charge"] = "Our project manager holds the board's delegation.";
  single(check(a), "person_in_charge", Severity::info, "§2.6.3");
}

TEST(ApplicantCheck, PersonInTheDocumentsUnansweredIsBlocking_2_6_3) {
  Application a = complete_ma();
  a.person_in_charge.named_in_documents.reset();
  single(check(a), "person_in_charge", Severity::blocking, "§2.6.3");
}

}  // namespace
}  // namespace bsap::ccfs::testing
