// track/computed_indicators.h on both backends: the plan's indicators the system computes from the
// funding scheme's records (000_e0ccae9882b7fb64.txt 5.2; the scheme serves 優先行動 1.5): grants
// approved in a year and their amount from the committee's decisions, recorded values winning
// over computed ones, and the projects tagged to an item with their accepted reports' KPIs.
#include "track/computed_indicators.h"

#include <gmock/gmock.h>

#include "assessment_fixture.h"
#include "store/assessment_repo.h"
#include "store/project_repo.h"
#include "store/tracker_repo.h"

namespace bsap::track {
namespace {

using assess::testing::day;
using ::testing::ElementsAre;

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

plan::Indicator computed(const std::string& code, const std::string& from) {
  plan::Indicator indicator;
  indicator.code = code;
  indicator.computed_from = from;
  return indicator;
}

class ComputedIndicatorsTest : public assess::testing::AssessmentTest {
 protected:
  // An application the committee approved in part for `amount` on `decided_on`.
  std::int64_t approved(Money amount, const char* decided_on) {
    const std::int64_t id = at_committee(day("2026-03-01"));
    store::in_transaction(*store_, [&](store::Transaction& tx) {
      assess::Step approve;
      approve.application_id = id;
      approve.event = ccfs::AssessmentEvent::approve_in_part;
      approve.today = day(decided_on);
      approve.approved_amount = amount;
      approve.duration_months = 12;
      approve.reason = "Approved for the farmland part.";
      assess::take_step(tx, ruleset(), committee(), approve);
    });
    return id;
  }

  std::optional<ComputedValue> compute(const plan::Indicator& indicator, int year) {
    auto tx = store_->begin();
    return compute_indicator(*tx, indicator, year);
  }

  const plan::Indicator grants_ = computed("ccfs_grants", "ccfs_grants_approved");
  const plan::Indicator amount_ = computed("ccfs_grant_amount", "ccfs_grant_amount");
};

INSTANTIATE_TEST_SUITE_P(Backends, ComputedIndicatorsTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

TEST_P(ComputedIndicatorsTest, GrantsApprovedAndTheirAmountInTheYearOfTheDecision_5_2) {
  approved(hkd(300000), "2026-09-01");
  approved(hkd(150000), "2026-12-31");
  approved(hkd(90000), "2027-01-02");
  // A rejection is no grant.
  const std::int64_t rejected = at_committee(day("2026-03-01"));
  step(rejected, ccfs::AssessmentEvent::reject, committee(), day("2026-10-01"), "Not eligible.");

  const auto count_2026 = compute(grants_, 2026);
  ASSERT_TRUE(count_2026);
  EXPECT_DOUBLE_EQ(count_2026->value, 2);
  EXPECT_EQ(count_2026->source, "bsap: CCFS approved grants, 2026");
  const auto amount_2026 = compute(amount_, 2026);
  ASSERT_TRUE(amount_2026);
  EXPECT_DOUBLE_EQ(amount_2026->value, 450000);
  const auto count_2027 = compute(grants_, 2027);
  ASSERT_TRUE(count_2027);
  EXPECT_DOUBLE_EQ(count_2027->value, 1);
  EXPECT_DOUBLE_EQ(compute(amount_, 2027)->value, 90000);
}

TEST_P(ComputedIndicatorsTest, AYearWithoutApprovalsHasNoValue_5_2) {
  approved(hkd(300000), "2026-09-01");
  EXPECT_EQ(compute(grants_, 2028), std::nullopt);
  EXPECT_EQ(compute(amount_, 2025), std::nullopt);
}

TEST_P(ComputedIndicatorsTest, WhatTheStoreCannotSayIsNotInvented_5_2) {
  approved(hkd(300000), "2026-09-01");
  EXPECT_EQ(compute(computed("greening_coverage", ""), 2026), std::nullopt);
}

TEST_P(ComputedIndicatorsTest, ARecordedValueWinsOverTheComputedOne_5_2) {
  approved(hkd(300000), "2026-09-01");
  approved(hkd(100000), "2027-05-01");
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    store::record_indicator_value(tx, {"ccfs_grants", 2027, 5, "EEB annual report", false},
                                  "admin");
  });
  std::vector<plan::IndicatorValue> series;
  {
    auto tx = store_->begin();
    series = indicator_series_with_computed(*tx, grants_);
  }
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(series[0].year, 2026);
  EXPECT_DOUBLE_EQ(series[0].value, 1);
  EXPECT_EQ(series[0].source, "bsap: CCFS approved grants, 2026");
  EXPECT_EQ(series[1].year, 2027);
  EXPECT_DOUBLE_EQ(series[1].value, 5);
  EXPECT_EQ(series[1].source, "EEB annual report");
}

TEST_P(ComputedIndicatorsTest, ProjectsByItemCountGrantsAndAcceptedKpis_PriorityAction1_5) {
  const std::int64_t project = approved(hkd(300000), "2026-09-01");
  const std::int64_t approval = approved(hkd(120000), "2026-10-01");
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    store::NewProject open;
    open.application_id = project;
    open.approved = hkd(300000);
    open.duration_months = 12;
    open.first_share_bp = 2500;
    open.start_on = day("2027-01-01");
    open.instalments = {{1, "agreement_signed", 0, -1, hkd(75000)},
                        {2, "completion_report_accepted", 0, 14, hkd(225000)}};
    open.reports = {
        {"progress_report", 1, day("2027-01-01"), day("2027-06-30"), day("2027-08-31"), "§5.8.1"}};
    open.items = {{"Farm workers", hkd(300000)}};
    open.user_id = secretariat_;
    store::create_project(tx, open);
    store::tag_project_item(tx, project, "1.5.2", "officer");
    store::tag_project_item(tx, approval, "1.5.2", "officer");
    store::tag_project_item(tx, project, "2.1.1", "officer");
  });
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    const std::int64_t report = store::list_reports(tx, project).at(0).id;
    store::ReportSubmission submission;
    submission.report_id = report;
    submission.summary = "Terraces restored.";
    submission.kpis = {{0, "Guided visits", "10", "12"}, {1, "Volunteers", "", "40"}};
    submission.on = day("2027-08-20");
    submission.user_id = pic_;
    store::submit_report(tx, submission);
    store::review_report(tx, report, true, "", day("2027-09-01"), secretariat_);
  });

  std::vector<ItemProjects> items;
  {
    auto tx = store_->begin();
    items = projects_by_item(*tx);
  }
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].item_id, "1.5.2");
  EXPECT_EQ(items[0].projects, 2);
  EXPECT_EQ(items[0].grant_cents, hkd(420000).cents());
  ASSERT_EQ(items[0].project_titles.size(), 2u);
  EXPECT_THAT(items[0].project_titles[0], ::testing::StartsWith("CCFS-2026-"));
  // Each KPI line names its project: an item may be served by several.
  const std::string& title = items[0].project_titles[0];
  const std::string reference = title.substr(0, title.find(' '));
  EXPECT_THAT(items[0].kpi_lines,
              ElementsAre(reference + ": Guided visits: 12 of 10", reference + ": Volunteers: 40"));
  EXPECT_EQ(items[1].item_id, "2.1.1");
  EXPECT_EQ(items[1].projects, 1);
  EXPECT_EQ(items[1].grant_cents, hkd(300000).cents());

  // One item's projects, as its progress page shows them; none for an untagged item.
  auto tx = store_->begin();
  const ItemProjects one = projects_of_item(*tx, "1.5.2");
  EXPECT_EQ(one.projects, 2);
  EXPECT_EQ(one.grant_cents, hkd(420000).cents());
  EXPECT_EQ(one.kpi_lines, items[0].kpi_lines);
  EXPECT_EQ(projects_of_item(*tx, "1.1.1").projects, 0);
}

}  // namespace
}  // namespace bsap::track
