// Changes needing prior approval through the service, on both backends (guidelines §5.16.6,
// §5.16.7): the grantee asks while the project runs, the secretariat decides — a major change
// only after consulting the committee — and the grantee is told each time.
#include <gtest/gtest.h>

#include "manage/change_service.h"
#include "project_service_fixture.h"
#include "store/notification_repo.h"

namespace bsap::manage {
namespace {

using assess::testing::day;
using project::ProjectChange;

class ChangeServiceTest : public testing::ProjectServiceTest {
 protected:
  std::int64_t signed_project() {
    const std::int64_t id = approved_project(testing::hkd(300000), 12);
    sign(id);
    return id;
  }

  std::int64_t request(std::int64_t id, ProjectChange change, const std::string& details,
                       const ProjectActor& actor) {
    std::int64_t request_id = 0;
    run([&](store::Transaction& tx) {
      request_id =
          request_change(tx, actor, {id, change, details, "The work needs it"}, day("2027-03-01"));
    });
    return request_id;
  }

  void decide(const ChangeVerdict& verdict) {
    run([&](store::Transaction& tx) {
      decide_change(tx, verdict, day("2027-03-10"), secretariat_);
    });
  }

  std::string refused_clause(const std::function<void(store::Transaction&)>& work) {
    try {
      run(work);
    } catch (const StepRefused& refused) {
      return refused.clause();
    }
    return "(accepted)";
  }

  std::vector<store::Notification> notices() {
    auto tx = store_->begin();
    return store::list_organisation_notifications(*tx, organisation_);
  }

  std::vector<store::ChangeRequestRow> requests(std::int64_t id) {
    auto tx = store_->begin();
    return store::list_change_requests(*tx, id);
  }

  std::optional<std::string> current_pic(std::int64_t id) {
    auto tx = store_->begin();
    return approved_person_in_charge(*tx, id);
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, ChangeServiceTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

TEST_P(ChangeServiceTest, TheGranteeAsksForANewPersonInChargeAndIsTold_5_16_6) {
  const std::int64_t id = signed_project();
  const std::int64_t request_id =
      request(id, ProjectChange::person_in_charge, "Wong Siu Ming, Project Manager", {pic_, false});
  const auto listed = requests(id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, request_id);
  EXPECT_EQ(listed[0].status, "pending");
  EXPECT_EQ(notices().front().kind, "project.change_requested");
  EXPECT_FALSE(current_pic(id)) << "not before it is approved";

  decide({request_id, true, std::nullopt, "", "From 1 April"});
  EXPECT_EQ(requests(id)[0].status, "approved");
  EXPECT_EQ(notices().front().kind, "project.change_approved");
  EXPECT_EQ(current_pic(id), "Wong Siu Ming, Project Manager");
}

TEST_P(ChangeServiceTest, ANewPersonInChargeIsNamedAndEveryRequestSaysWhy) {
  const std::int64_t id = signed_project();
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              request_change(tx, {pic_, false}, {id, ProjectChange::person_in_charge, " ", "x"},
                             day("2027-03-01"));
            }),
            "§5.16.6");
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              request_change(tx, {pic_, false},
                             {id, ProjectChange::budget_modification, "Move HK$10,000", ""},
                             day("2027-03-01"));
            }),
            "§5.16.6(a)");
  EXPECT_TRUE(requests(id).empty());
}

TEST_P(ChangeServiceTest, OnlyTheGranteeOrTheSecretariatAsksAndOnlyWhileTheProjectRuns) {
  const std::int64_t id = approved_project(testing::hkd(300000), 12);
  const ChangeRequest change{id, ProjectChange::person_in_charge, "Wong Siu Ming, Manager",
                             "Retiring"};
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              request_change(tx, {pic_, false}, change, day("2026-12-01"));
            }),
            "§5.16.6")
      << "before the agreement nothing has begun";
  sign(id);
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              request_change(tx, {assessor1_, false}, change, day("2027-03-01"));
            }),
            "§5.1.1");
  request(id, ProjectChange::transfer_to_organisation, "To the Sha Lo Tung Trust",
          {secretariat_, true});
  EXPECT_EQ(requests(id).size(), 1u);
}

TEST_P(ChangeServiceTest, AMajorChangeNeedsTheCommitteeConsulted_5_16_6) {
  const std::int64_t id = signed_project();
  const std::int64_t request_id = request(id, ProjectChange::budget_modification,
                                          "Move HK$50,000 from item 1 to item 2", {pic_, false});
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              decide_change(tx, {request_id, true, std::nullopt, "", ""}, day("2027-03-10"),
                            secretariat_);
            }),
            "§5.16.6");
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              decide_change(tx, {request_id, true, day("2027-03-08"), "", ""}, day("2027-03-10"),
                            secretariat_);
            }),
            "§5.16.6")
      << "with the committee's view";
  EXPECT_EQ(requests(id)[0].status, "pending");

  decide({request_id, true, day("2027-03-08"), "Agreed at meeting 12", ""});
  const auto decided = requests(id)[0];
  EXPECT_EQ(decided.status, "approved");
  EXPECT_EQ(decided.committee_consulted_on, day("2027-03-08"));
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              decide_change(tx, {request_id, false, std::nullopt, "", "No"}, day("2027-03-11"),
                            secretariat_);
            }),
            "§5.16.6")
      << "decided once";
}

TEST_P(ChangeServiceTest, ARefusalSaysWhyAndTheGranteeIsTold) {
  const std::int64_t id = signed_project();
  const std::int64_t request_id =
      request(id, ProjectChange::person_in_charge, "Lee Tai Man, Officer", {pic_, false});
  EXPECT_EQ(refused_clause([&](store::Transaction& tx) {
              decide_change(tx, {request_id, false, std::nullopt, "", " "}, day("2027-03-10"),
                            secretariat_);
            }),
            "§5.16.6");
  decide({request_id, false, std::nullopt, "", "Not qualified for the post"});
  EXPECT_EQ(requests(id)[0].status, "refused");
  EXPECT_EQ(notices().front().kind, "project.change_refused");
  EXPECT_NE(notices().front().body_en.find("Not qualified for the post"), std::string::npos);
  EXPECT_FALSE(current_pic(id));
}

TEST_P(ChangeServiceTest, TheLatestApprovedPersonInChargeStands) {
  const std::int64_t id = signed_project();
  const std::int64_t first =
      request(id, ProjectChange::person_in_charge, "Wong Siu Ming, Manager", {pic_, false});
  const std::int64_t second =
      request(id, ProjectChange::person_in_charge, "Ho Ka Yan, Director", {pic_, false});
  run([&](store::Transaction& tx) {
    decide_change(tx, {second, true, std::nullopt, "", ""}, day("2027-03-10"), secretariat_);
    decide_change(tx, {first, true, std::nullopt, "", ""}, day("2027-03-12"), secretariat_);
  });
  EXPECT_EQ(current_pic(id), "Wong Siu Ming, Manager") << "the later decision";
}

}  // namespace
}  // namespace bsap::manage
