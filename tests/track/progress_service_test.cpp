// track/progress_service.h on both backends: who may report and move plan progress
// (000_e0ccae9882b7fb64.txt 5.1). A focal point drafts and submits only the items their department
// leads; the working group's secretariat reports any item and alone reviews, returns (with a note)
// and publishes. A refused step writes nothing.
#include "track/progress_service.h"

#include <gmock/gmock.h>

#include <filesystem>
#include <functional>

#include "plan/plan_loader.h"
#include "plan/progress.h"
#include "store/audit_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::track {
namespace {

using ::testing::HasSubstr;

const plan::Plan& the_plan() {
  static const plan::PlanData data = [] {
    auto loaded = plan::load_plan_data(std::filesystem::path(BSAP_HOME_DIR) / "data");
    if (auto* error = std::get_if<plan::PlanLoadError>(&loaded))
      throw std::runtime_error(error->message());
    return std::get<plan::PlanData>(std::move(loaded));
  }();
  return data.plan;
}

class ProgressServiceTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const plan::Action& first = the_plan().actions.at(0);
    led_item_ = plan::item_id(first, first.items.at(0));
    other_item_ = plan::item_id(first, first.items.at(1));
    unassigned_item_ =
        plan::item_id(the_plan().actions.at(1), the_plan().actions.at(1).items.at(0));
    secretariat_ = {add_test_user("wg_secretariat", {Role::plan_secretariat}), true};
    afcd_focal_ = {add_test_user("afcd_focal", {Role::focal_point}), false};
    pland_focal_ = {add_test_user("pland_focal", {Role::focal_point}), false};
    run([&](store::Transaction& tx) {
      afcd_ = store::upsert_department(
          tx,
          {0, "afcd", "漁農自然護理署", "Agriculture, Fisheries and Conservation Department",
           "department"},
          "admin");
      pland_ = store::upsert_department(
          tx, {0, "plan_d", "規劃署", "Planning Department", "department"}, "admin");
      store::add_department_member(tx, afcd_, afcd_focal_.user_id, "admin");
      store::add_department_member(tx, pland_, pland_focal_.user_id, "admin");
      // AFCD leads the first item and Planning supports it; Planning leads the second.
      store::assign_item(tx, {led_item_, afcd_, true}, "admin");
      store::assign_item(tx, {led_item_, pland_, false}, "admin");
      store::assign_item(tx, {other_item_, pland_, true}, "admin");
    });
  }

  void run(const std::function<void(store::Transaction&)>& work) {
    store::in_transaction(*store_, work);
  }

  store::ProgressReport draft(const std::string& item_id, int year = 2026) {
    store::ProgressReport report;
    report.item_id = item_id;
    report.year = year;
    report.status = plan::ItemStatus::on_track;
    report.narrative_zh = "已展開工作。";
    report.narrative_en = "Work has begun.";
    return report;
  }

  std::int64_t save(const store::ProgressReport& report, const TrackerActor& actor) {
    std::int64_t id = 0;
    run([&](store::Transaction& tx) { id = save_progress(tx, the_plan(), report, actor); });
    return id;
  }

  // The refusal's clause and English message, or "(accepted)".
  std::string refusal(const std::function<void(store::Transaction&)>& work) {
    try {
      run(work);
    } catch (const StepRefused& refused) {
      EXPECT_EQ(refused.clause(), "000 5.1");
      EXPECT_FALSE(refused.message_zh().empty());
      return refused.message_en();
    }
    return "(accepted)";
  }

  plan::ReportState state_of(std::int64_t id) {
    auto tx = store_->begin();
    return store::find_progress(*tx, id).value().state;
  }

  std::size_t audit_records() {
    auto tx = store_->begin();
    return store::load_audit_log(*tx).size();
  }

  // A draft of the led item saved by the secretariat, moved on to `to`.
  std::int64_t report_in(plan::ReportState to) {
    const std::int64_t id = save(draft(led_item_), secretariat_);
    if (to == plan::ReportState::draft) return id;
    run([&](store::Transaction& tx) { submit_progress(tx, id, secretariat_); });
    if (to == plan::ReportState::submitted) return id;
    run([&](store::Transaction& tx) { review_progress(tx, id, secretariat_); });
    if (to == plan::ReportState::reviewed) return id;
    run([&](store::Transaction& tx) { publish_progress(tx, id, secretariat_); });
    return id;
  }

  std::string led_item_, other_item_, unassigned_item_;
  std::int64_t afcd_ = 0, pland_ = 0;
  TrackerActor secretariat_, afcd_focal_, pland_focal_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ProgressServiceTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

TEST_P(ProgressServiceTest, LeadDepartmentsFocalPointDraftsAndSubmits_5_1) {
  const std::int64_t id = save(draft(led_item_), afcd_focal_);
  run([&](store::Transaction& tx) { submit_progress(tx, id, afcd_focal_); });
  EXPECT_EQ(state_of(id), plan::ReportState::submitted);
  auto tx = store_->begin();
  const auto saved = store::find_progress(*tx, id).value();
  EXPECT_EQ(saved.department_id, afcd_);
  EXPECT_EQ(saved.updated_by, afcd_focal_.user_id);
}

TEST_P(ProgressServiceTest, FocalPointCannotEditAnotherDepartmentsItem_5_1) {
  const std::size_t before = audit_records();
  EXPECT_THAT(refusal([&](store::Transaction& tx) {
                save_progress(tx, the_plan(), draft(other_item_), afcd_focal_);
              }),
              HasSubstr("Only a focal point of the department leading item " + other_item_));
  EXPECT_EQ(count_rows("progress_reports"), 0);
  EXPECT_EQ(audit_records(), before);

  // Nor submit the other department's draft.
  const std::int64_t id = save(draft(other_item_), pland_focal_);
  EXPECT_THAT(refusal([&](store::Transaction& tx) { submit_progress(tx, id, afcd_focal_); }),
              HasSubstr("Only a focal point"));
  EXPECT_EQ(state_of(id), plan::ReportState::draft);
}

TEST_P(ProgressServiceTest, SupportingDepartmentsFocalPointCannotEditTheItem_5_1) {
  EXPECT_THAT(refusal([&](store::Transaction& tx) {
                save_progress(tx, the_plan(), draft(led_item_), pland_focal_);
              }),
              HasSubstr("Only a focal point"));
  EXPECT_EQ(count_rows("progress_reports"), 0);
  const std::int64_t id = save(draft(led_item_), afcd_focal_);
  EXPECT_THAT(refusal([&](store::Transaction& tx) { submit_progress(tx, id, pland_focal_); }),
              HasSubstr("Only a focal point"));
  EXPECT_EQ(state_of(id), plan::ReportState::draft);
}

TEST_P(ProgressServiceTest, SecretariatReportsAnyItem_5_1) {
  const std::int64_t led = save(draft(led_item_), secretariat_);
  const std::int64_t other = save(draft(other_item_), secretariat_);
  run([&](store::Transaction& tx) {
    EXPECT_TRUE(may_report_item(tx, secretariat_, unassigned_item_));
    submit_progress(tx, led, secretariat_);
    submit_progress(tx, other, secretariat_);
  });
  EXPECT_EQ(state_of(led), plan::ReportState::submitted);
  EXPECT_EQ(state_of(other), plan::ReportState::submitted);
  // The department is still the item's lead, not the secretariat's choice.
  auto tx = store_->begin();
  EXPECT_EQ(store::find_progress(*tx, other).value().department_id, pland_);
}

TEST_P(ProgressServiceTest, FocalPointCannotReviewReturnOrPublish_5_1) {
  const std::int64_t submitted = report_in(plan::ReportState::submitted);
  EXPECT_THAT(refusal([&](store::Transaction& tx) { review_progress(tx, submitted, afcd_focal_); }),
              HasSubstr("Only the inter-departmental working group's secretariat may review"));
  EXPECT_THAT(refusal([&](store::Transaction& tx) {
                return_progress(tx, submitted, "fix it", afcd_focal_);
              }),
              HasSubstr("secretariat may return"));
  EXPECT_EQ(state_of(submitted), plan::ReportState::submitted);
  run([&](store::Transaction& tx) { review_progress(tx, submitted, secretariat_); });
  EXPECT_THAT(
      refusal([&](store::Transaction& tx) { publish_progress(tx, submitted, afcd_focal_); }),
      HasSubstr("secretariat may publish"));
  EXPECT_EQ(state_of(submitted), plan::ReportState::reviewed);
}

TEST_P(ProgressServiceTest, ReturnNeedsANote_5_1) {
  const std::int64_t id = report_in(plan::ReportState::submitted);
  EXPECT_THAT(refusal([&](store::Transaction& tx) { return_progress(tx, id, "  ", secretariat_); }),
              HasSubstr("needs a note"));
  EXPECT_EQ(state_of(id), plan::ReportState::submitted);
  run([&](store::Transaction& tx) {
    return_progress(tx, id, "Give the hectares restored.", secretariat_);
  });
  auto tx = store_->begin();
  const auto returned = store::find_progress(*tx, id).value();
  EXPECT_EQ(returned.state, plan::ReportState::draft);
  EXPECT_EQ(returned.review_note, "Give the hectares restored.");
}

TEST_P(ProgressServiceTest, PublishingADraftIsRefused_5_1) {
  const std::int64_t id = report_in(plan::ReportState::draft);
  EXPECT_THAT(refusal([&](store::Transaction& tx) { publish_progress(tx, id, secretariat_); }),
              HasSubstr("is draft, so it cannot be given \"publish\""));
  run([&](store::Transaction& tx) { submit_progress(tx, id, secretariat_); });
  EXPECT_THAT(refusal([&](store::Transaction& tx) { publish_progress(tx, id, secretariat_); }),
              HasSubstr("is submitted"));
  EXPECT_EQ(state_of(id), plan::ReportState::submitted);
}

TEST_P(ProgressServiceTest, PublishedReportIsFinalAndCounted_5_1) {
  const std::int64_t id = report_in(plan::ReportState::published);
  auto reader = store_->begin();
  EXPECT_EQ(store::published_statuses(*reader, 2026),
            (plan::ItemStatuses{{led_item_, plan::ItemStatus::on_track}}));
  reader.reset();
  EXPECT_THAT(
      refusal([&](store::Transaction& tx) { return_progress(tx, id, "Too late?", secretariat_); }),
      HasSubstr("published"));
  EXPECT_THAT(refusal([&](store::Transaction& tx) {
                save_progress(tx, the_plan(), draft(led_item_), secretariat_);
              }),
              HasSubstr("can no longer be edited"));
}

TEST_P(ProgressServiceTest, UnknownItemOrYearOutsideThePlanIsRefused_5_1) {
  EXPECT_THAT(refusal([&](store::Transaction& tx) {
                save_progress(tx, the_plan(), draft("9.9.9"), secretariat_);
              }),
              HasSubstr("not one of the plan's priority items"));
  EXPECT_THAT(refusal([&](store::Transaction& tx) {
                save_progress(tx, the_plan(), draft("lunch"), secretariat_);
              }),
              HasSubstr("not one of the plan's priority items"));
  for (int year : {kFirstPlanYear - 1, kLastPlanYear + 1})
    EXPECT_THAT(refusal([&](store::Transaction& tx) {
                  save_progress(tx, the_plan(), draft(led_item_, year), secretariat_);
                }),
                HasSubstr("not a reporting year"));
  EXPECT_EQ(count_rows("progress_reports"), 0);
  save(draft(led_item_, kLastPlanYear), secretariat_);
  EXPECT_EQ(count_rows("progress_reports"), 1);
}

TEST_P(ProgressServiceTest, ItemWithoutALeadIsAssignedFirst_5_1) {
  EXPECT_THAT(refusal([&](store::Transaction& tx) {
                save_progress(tx, the_plan(), draft(unassigned_item_), secretariat_);
              }),
              HasSubstr("has no lead department"));
}

TEST_P(ProgressServiceTest, SubmittedReportIsNotEditedUntilReturned_5_1) {
  const std::int64_t id = report_in(plan::ReportState::submitted);
  store::ProgressReport changed = draft(led_item_);
  changed.status = plan::ItemStatus::off_track;
  EXPECT_THAT(
      refusal([&](store::Transaction& tx) { save_progress(tx, the_plan(), changed, afcd_focal_); }),
      HasSubstr("return it to draft first"));
  run([&](store::Transaction& tx) { return_progress(tx, id, "Say why.", secretariat_); });
  EXPECT_EQ(save(changed, afcd_focal_), id);
  auto tx = store_->begin();
  EXPECT_EQ(store::find_progress(*tx, id).value().status, plan::ItemStatus::off_track);
}

TEST_P(ProgressServiceTest, ASubmissionNeedsANarrative_5_1) {
  store::ProgressReport empty = draft(led_item_);
  empty.narrative_zh = "";
  empty.narrative_en = " ";
  const std::int64_t id = save(empty, afcd_focal_);
  EXPECT_THAT(refusal([&](store::Transaction& tx) { submit_progress(tx, id, afcd_focal_); }),
              HasSubstr("has no narrative"));
  EXPECT_EQ(state_of(id), plan::ReportState::draft);
}

TEST_P(ProgressServiceTest, EvidenceIsAnHttpsLinkOrAFile_5_1) {
  store::ProgressReport report = draft(led_item_);
  report.evidence = {{"Press release", "http://www.afcd.gov.hk/", std::nullopt}};
  EXPECT_THAT(
      refusal([&](store::Transaction& tx) { save_progress(tx, the_plan(), report, afcd_focal_); }),
      HasSubstr("https://"));
  report.evidence = {{"Nothing", "", std::nullopt}};
  EXPECT_THAT(
      refusal([&](store::Transaction& tx) { save_progress(tx, the_plan(), report, afcd_focal_); }),
      HasSubstr("neither"));
  report.evidence.clear();
  report.milestones = {{"調查", "Survey", "30/06/2026", ""}};
  EXPECT_THAT(
      refusal([&](store::Transaction& tx) { save_progress(tx, the_plan(), report, afcd_focal_); }),
      HasSubstr("YYYY-MM-DD"));
  EXPECT_EQ(count_rows("progress_reports"), 0);
}

}  // namespace
}  // namespace bsap::track
