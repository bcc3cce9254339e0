// The annual report (000 5.1) built from the store on both backends: only published progress
// counts, the 30 actions and 81 items are all there, values after the year are not yet history,
// the City Biodiversity Index is the latest year up to the report's, demonstration data is
// flagged, the year's volunteering and citizen science are counted, and the mid-term review is
// frozen once.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "assess/assessment_service.h"
#include "hub/observation_check.h"
#include "store/observation_repo.h"
#include "store/store_test_fixture.h"
#include "store/tracker_repo.h"
#include "store/volunteering_fixture.h"
#include "support/real_plan_data.h"
#include "track/annual_report.h"

namespace bsap::track {
namespace {

using store::testing::StoreTest;

const plan::PlanData& plan_data() { return plan::test_data::real_plan_data(); }
const std::vector<plan::Indicator>& indicators() { return plan::test_data::real_indicators(); }
const plan::CbiHandbook& handbook() { return plan::test_data::real_cbi_handbook(); }

class AnnualReportTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    user_ = add_test_user("plan_secretary", {Role::plan_secretariat});
    auto tx = store_->begin();
    store::Department afcd;
    afcd.code = "afcd";
    afcd.name_zh = "漁農自然護理署";
    afcd.name_en = "AFCD";
    afcd.kind = "department";
    department_ = store::upsert_department(*tx, afcd, "test");
    tx->commit();
  }

  // The item's report for the year, moved along to `state`.
  std::int64_t report(const std::string& item, int year, plan::ItemStatus status,
                      plan::ReportState state, const std::string& narrative_en,
                      bool demonstration = false) {
    auto tx = store_->begin();
    store::ProgressReport draft;
    draft.item_id = item;
    draft.year = year;
    draft.department_id = department_;
    draft.status = status;
    draft.narrative_zh = "進度：" + narrative_en;
    draft.narrative_en = narrative_en;
    draft.demonstration = demonstration;
    std::int64_t id = store::save_progress_draft(*tx, draft, user_);
    const plan::ReportState path[] = {plan::ReportState::draft, plan::ReportState::submitted,
                                      plan::ReportState::reviewed, plan::ReportState::published};
    for (std::size_t at = 1; at < 4 && path[at - 1] != state; ++at)
      store::set_progress_state(*tx, id, path[at - 1], path[at], "", user_);
    tx->commit();
    return id;
  }

  // A published programme for the item with one event on the day, where each person served
  // the minutes given.
  void volunteering(const std::string& item, const char* day,
                    const std::vector<std::pair<std::int64_t, int>>& minutes) {
    auto tx = store_->begin();
    const std::int64_t programme =
        store::testing::published_programme(*tx, department_, "Programme " + item, item, user_);
    store::testing::served_at_event(*tx, programme, day, minutes, user_);
    tx->commit();
  }

  AnnualReport build(int year) {
    auto tx = store_->begin();
    return build_annual_report(*tx, plan_data(), indicators(), handbook(), year);
  }

  std::int64_t user_ = 0;
  std::int64_t department_ = 0;
};

const ReportedItem& item_of(const AnnualReport& report, std::string_view id) {
  for (const ReportedAction& action : report.actions)
    for (const ReportedItem& item : action.items)
      if (item.item_id == id) return item;
  throw std::out_of_range(std::string(id));
}

TEST_P(AnnualReportTest, HoldsThe30ActionsAnd81ItemsInPlanOrder_Clause5_1) {
  const AnnualReport report = build(2026);
  EXPECT_EQ(report.year, 2026);
  ASSERT_EQ(report.actions.size(), 30u);
  EXPECT_EQ(report.actions.front().action->number, "1.1");
  std::size_t items = 0;
  for (const ReportedAction& action : report.actions) items += action.items.size();
  EXPECT_EQ(items, 81u);
  EXPECT_EQ(report.rollup.overall.items, 81);
  EXPECT_EQ(report.rollup.overall.reported, 0);
  EXPECT_EQ(report.indicators.size(), indicators().size());
  EXPECT_FALSE(report.demonstration);
}

TEST_P(AnnualReportTest, OnlyPublishedProgressCounts_Clause5_1) {
  report("1.1.1", 2026, plan::ItemStatus::off_track, plan::ReportState::draft, "draft text");
  report("1.1.2", 2026, plan::ItemStatus::off_track, plan::ReportState::reviewed, "reviewed text");
  report("1.2.1", 2026, plan::ItemStatus::on_track, plan::ReportState::published, "published text");
  const AnnualReport report = build(2026);
  EXPECT_EQ(report.rollup.overall.reported, 1);
  EXPECT_FALSE(item_of(report, "1.1.1").progress.has_value());
  EXPECT_FALSE(item_of(report, "1.1.2").progress.has_value());
  ASSERT_TRUE(item_of(report, "1.2.1").progress.has_value());
  EXPECT_EQ(item_of(report, "1.2.1").progress->narrative_en, "published text");
  EXPECT_FALSE(report.actions[0].status.has_value());  // 1.1: nothing published
  ASSERT_TRUE(report.actions[1].status.has_value());   // 1.2
  EXPECT_EQ(*report.actions[1].status, plan::ItemStatus::on_track);
  // Another year's report is not this year's.
  EXPECT_EQ(build(2027).rollup.overall.reported, 0);
}

TEST_P(AnnualReportTest, DemonstrationIsFlaggedOnlyWhenShown) {
  report("1.1.1", 2026, plan::ItemStatus::on_track, plan::ReportState::submitted, "demo", true);
  EXPECT_FALSE(build(2026).demonstration);
  report("1.2.1", 2026, plan::ItemStatus::on_track, plan::ReportState::published, "demo", true);
  EXPECT_TRUE(build(2026).demonstration);
}

TEST_P(AnnualReportTest, IndicatorValuesAfterTheYearAreLeftOut_Clause5_2) {
  {
    auto tx = store_->begin();
    for (auto [year, value] : {std::pair{2026, 44000.0}, std::pair{2028, 45000.0}}) {
      plan::IndicatorValue recorded;
      recorded.code = "protected_area_extent";
      recorded.year = year;
      recorded.value = value;
      recorded.source = "AFCD";
      store::record_indicator_value(*tx, recorded, "test");
    }
    tx->commit();
  }
  for (const ReportedIndicator& indicator : build(2027).indicators) {
    if (indicator.indicator->code != "protected_area_extent") continue;
    ASSERT_EQ(indicator.series.size(), 1u);
    EXPECT_EQ(indicator.series[0].year, 2026);
    EXPECT_DOUBLE_EQ(indicator.series[0].value, 44000);
  }
}

TEST_P(AnnualReportTest, CbiIsTheLatestYearWithInputsUpToTheReport_Clause5_2) {
  EXPECT_FALSE(build(2026).cbi.has_value());
  const plan::CbiIndicator& first = handbook().indicators.front();
  ASSERT_FALSE(first.inputs.empty());
  {
    auto tx = store_->begin();
    for (int year : {2025, 2027}) {
      store::CbiInputValue input;
      input.year = year;
      input.indicator = first.number;
      input.key = first.inputs[0].key;
      input.value = 40;
      store::record_cbi_input(*tx, input, "test");
    }
    tx->commit();
  }
  auto report = build(2026);
  ASSERT_TRUE(report.cbi.has_value());
  EXPECT_EQ(report.cbi->year, 2025);
  EXPECT_EQ(report.cbi->indicators.size(), 28u);
  EXPECT_EQ(build(2027).cbi->year, 2027);
}

TEST_P(AnnualReportTest, VolunteeringAndCitizenScienceOfTheYearAreCounted_PriorityAction2_2) {
  const std::int64_t ada = add_test_user("ada", {Role::contributor});
  const std::int64_t ben = add_test_user("ben", {Role::contributor});
  volunteering("2.2.1", "2026-03-01", {{ada, 180}, {ben, 150}});
  volunteering("2.1.3", "2026-05-02", {{ada, 240}});
  volunteering("2.2.1", "2027-01-01", {{ben, 60}});
  {
    auto tx = store_->begin();
    store::add_observation(*tx, ada, {{114.17, 22.3}, *parse_iso_date("2026-06-01"), 1, ""},
                           std::nullopt);
    tx->commit();
  }
  const VolunteeringFigures figures = build(2026).volunteering;
  EXPECT_EQ(figures.engagement.people, 2);  // ada at two events is one person engaged
  EXPECT_EQ(figures.engagement.minutes, 570);
  EXPECT_EQ(figures.engagement.events, 2);
  EXPECT_EQ(figures.engagement.programmes, 2);
  EXPECT_EQ(figures.citizen_scientists, 1);
  ASSERT_EQ(figures.by_item.size(), 2u);
  EXPECT_EQ(figures.by_item[0].item_id, "2.1.3");
  EXPECT_EQ(figures.by_item[1].item_id, "2.2.1");
  EXPECT_EQ(figures.by_item[1].engagement.minutes, 330);
  EXPECT_EQ(build(2025).volunteering.engagement.people, 0);
}

TEST_P(AnnualReportTest, MidtermReviewIsFrozenOnce_Clause5_1) {
  report("1.2.1", 2026, plan::ItemStatus::on_track, plan::ReportState::published, "published");
  const AnnualReport report = build(2026);
  {
    auto tx = store_->begin();
    freeze_midterm_review(*tx, report, user_);
    tx->commit();
  }
  auto tx = store_->begin();
  auto snapshot = store::find_snapshot(*tx, "midterm_review", 2026);
  ASSERT_TRUE(snapshot.has_value());
  auto body = nlohmann::json::parse(*snapshot);
  EXPECT_EQ(body["report"]["year"], 2026);
  EXPECT_EQ(body["report"]["overall"]["reported"], 1);
  EXPECT_EQ(body["report"]["actions"].size(), 30u);
  EXPECT_THROW(freeze_midterm_review(*tx, report, user_), assess::StepRefused);
}

INSTANTIATE_TEST_SUITE_P(Backends, AnnualReportTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::track
