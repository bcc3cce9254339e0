// The approved projects the public sees (§4.1.3), gathered from the store on both backends: the
// committee's amount and duration (§4.1.2), the document's summary, sites and planned start, the
// ruleset's names, and a document that cannot be read leaves the grant listed, with a note.
#include "assess/public_grants.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

#include "assessment_fixture.h"
#include "ccfs/application_json.h"
#include "rules/ruleset_loader.h"

namespace bsap::assess::testing {
namespace {

using ccfs::AssessmentEvent;

class PublicGrantsTest : public AssessmentTest {
 protected:
  void SetUp() override {
    AssessmentTest::SetUp();
    auto loaded = rules::load_rulesets(std::filesystem::path(BSAP_HOME_DIR) / "data");
    ASSERT_TRUE(std::holds_alternative<rules::RulesetRegistry>(loaded));
    rulesets_ = std::get<rules::RulesetRegistry>(std::move(loaded));
  }

  // An application taken to the committee and decided on 2026-06-01.
  std::int64_t decided(AssessmentEvent event, Money amount, int months) {
    const std::int64_t id = at_committee(day("2026-03-01"));
    Step request;
    request.application_id = id;
    request.event = event;
    request.today = day("2026-06-01");
    request.approved_amount = amount;
    request.duration_months = months;
    request.reason = "Approved by the committee.";
    store::in_transaction(
        *store_, [&](store::Transaction& tx) { take_step(tx, ruleset(), committee(), request); });
    return id;
  }

  std::vector<ccfs::PublicGrant> grants(std::vector<PublicGrantNote>* notes = nullptr) {
    auto tx = store_->begin();
    return public_grants(*tx, rulesets_, notes);
  }

  static ccfs::Application submitted_document() {
    auto parsed = ccfs::parse_application_json(demo_document());
    return std::get<ccfs::ApplicationDocument>(std::move(parsed)).application;
  }

  static std::string demo_document() {
    std::ifstream in(std::filesystem::path(BSAP_HOME_DIR) /
                     "data/demo/application-ma-lai-chi-wo.json");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  rules::RulesetRegistry rulesets_;
};

TEST_P(PublicGrantsTest, OnlyApprovedApplicationsAreListed_Section413) {
  submit(day("2026-03-01"));
  at_committee(day("2026-03-01"));
  EXPECT_TRUE(grants().empty());
}

TEST_P(PublicGrantsTest, ApprovedGrantCarriesTheCommitteesAmountAndDuration_Section412) {
  const Money amount = requested_grant() - Money::from_cents(1);
  decided(AssessmentEvent::approve_in_part, amount, 30);
  std::vector<PublicGrantNote> notes;
  const auto listed = grants(&notes);
  EXPECT_TRUE(notes.empty());
  ASSERT_EQ(listed.size(), 1u);
  const ccfs::PublicGrant& grant = listed[0];
  EXPECT_EQ(grant.amount, amount);
  EXPECT_EQ(grant.duration_months, 30);
  EXPECT_EQ(format_iso(grant.decided_on), "2026-06-01");
  EXPECT_EQ(grant.status, "approved_in_part");
  EXPECT_EQ(grant.title, "Lai Chi Wo");
  EXPECT_EQ(grant.organisation_name_en, "Lai Chi Wo Farmers Limited");
  EXPECT_EQ(grant.organisation_identifier, "360G-hkccfs-org-" + std::to_string(organisation_));
  EXPECT_FALSE(grant.reference.empty());

  // The type's names from the ruleset in force on the decision day.
  EXPECT_EQ(grant.project_type, "management_agreement");
  EXPECT_EQ(grant.project_type_en, ruleset().project_type("management_agreement")->name.en);
  EXPECT_EQ(grant.project_type_zh, ruleset().project_type("management_agreement")->name.zh);

  // The summary, sites and planned start from the submitted document, the sites named by the
  // registry.
  const ccfs::Application document = submitted_document();
  EXPECT_EQ(grant.description, document.summary);
  EXPECT_EQ(grant.planned_start, document.planned_start);
  ASSERT_EQ(grant.site_codes, document.site_codes);
  ASSERT_FALSE(grant.site_codes.empty());
  const rules::Site* site = ruleset().sites->find(grant.site_codes[0]);
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(grant.site_names_zh[0], site->name_zh);
  EXPECT_EQ(grant.site_names_en[0], site->name_en);
}

TEST_P(PublicGrantsTest, AnUnreadableDocumentLeavesTheGrantListedWithANote) {
  const std::int64_t id = decided(AssessmentEvent::approve, requested_grant(), 24);
  execute_sql("UPDATE applications SET document_json = '{\"title\": ' WHERE id = " +
              std::to_string(id));
  std::vector<PublicGrantNote> notes;
  const auto listed = grants(&notes);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].amount, requested_grant());
  EXPECT_EQ(listed[0].duration_months, 24);
  EXPECT_EQ(listed[0].title, "Lai Chi Wo");
  EXPECT_EQ(listed[0].description, "Lai Chi Wo") << "the title stands in for the summary";
  EXPECT_TRUE(listed[0].site_codes.empty());
  EXPECT_FALSE(listed[0].planned_start.has_value());
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].application_id, id);
  EXPECT_EQ(notes[0].reference, listed[0].reference);
  EXPECT_NE(notes[0].message.find("could not be read"), std::string::npos) << notes[0].message;
  EXPECT_EQ(grants().size(), 1u) << "notes are optional";
}

INSTANTIATE_TEST_SUITE_P(Backends, PublicGrantsTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::assess::testing
