// The funded project's steps through the service, on both backends (guidelines §5): from the
// committee's approval to the close-out, with the refusals each clause asks for.
#include <gtest/gtest.h>

#include "manage/project_service.h"
#include "project/project_calendar.h"
#include "project_service_fixture.h"
#include "store/audit_repo.h"
#include "store/document_repo.h"
#include "store/notification_repo.h"

namespace bsap::manage {
namespace {

using assess::testing::day;
using project::ProjectEvent;
using testing::hkd;
using testing::ProjectServiceTest;

// §5.1.1, §4.1.2: only an approved application becomes a project, once.
TEST_P(ProjectServiceTest, OpensOnlyAnApprovedApplicationAndOnce) {
  const std::int64_t pending = at_committee(day("2026-06-01"));
  OpenProject open;
  open.application_id = pending;
  open.start_on = day("2027-01-01");
  EXPECT_THROW(
      run([&](store::Transaction& tx) { manage::open_project(tx, ruleset(), open, secretariat_); }),
      StepRefused);

  const std::int64_t id = approved_project(hkd(300000), 12);
  const store::ProjectRow row = project(id);
  EXPECT_EQ(row.state, "agreement_pending");
  EXPECT_EQ(row.approved, hkd(300000));
  open.application_id = id;
  EXPECT_THROW(
      run([&](store::Transaction& tx) { manage::open_project(tx, ruleset(), open, secretariat_); }),
      StepRefused);
}

// §5.5.1: the schedule written with the project sums to the grant; §5.1.2, §5.8: the reports due.
TEST_P(ProjectServiceTest, WritesTheScheduleReportsAndItems) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  Money total;
  for (const auto& instalment : instalments(id)) total += instalment.amount;
  EXPECT_EQ(total, hkd(300000));
  EXPECT_EQ(instalments(id).front().condition, "agreement_signed");
  EXPECT_EQ(instalments(id).back().condition, "completion_report_accepted");
  // A 12-month project: inception, one progress report, the exit plan, the completion report,
  // the return of unspent funds and the publicity materials; no annual audit at HK$300,000.
  std::vector<std::string> kinds;
  for (const auto& report : reports(id)) kinds.push_back(report.kind);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "progress_report"), 1);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "annual_audited_accounts"), 0);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "inception_report"), 1);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "completion_report"), 1);
  EXPECT_FALSE(items(id).empty());
}

// §5.1.1, §5.6.1: no agreement without the bank statement in the grantee's name.
TEST_P(ProjectServiceTest, AgreementNeedsTheBankStatement) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  try {
    run([&](store::Transaction& tx) {
      manage::sign_agreement(tx, id, day("2026-11-20"), std::nullopt, std::nullopt, secretariat_);
    });
    FAIL() << "signed without a bank statement";
  } catch (const StepRefused& refused) {
    EXPECT_EQ(refused.clause(), "§5.1.1, §5.6.1");
  }
  EXPECT_EQ(project(id).state, "agreement_pending");
  sign(id);
  EXPECT_EQ(project(id).state, "active");
  EXPECT_EQ(project(id).agreement_signed_on, day("2026-11-20"));
}

// §5.5.1: the first part on the agreement; the rest only once the inception report is accepted,
// in order, never twice.
TEST_P(ProjectServiceTest, ReleasesInstalmentsOnlyOnTheirReports) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  EXPECT_THROW(release(id, 1, day("2026-12-01")), StepRefused);  // agreement not signed
  sign(id);
  EXPECT_THROW(release(id, 2, day("2026-12-01")), StepRefused);  // out of order
  release(id, 1, day("2026-12-01"));
  EXPECT_THROW(release(id, 1, day("2026-12-01")), StepRefused);  // already released
  EXPECT_THROW(release(id, 2, day("2027-02-01")), StepRefused);  // report not accepted
  // 25 % of 12 months: HK$75,000 on the agreement, HK$195,000 on progress report 1 (no
  // inception instalment), HK$30,000 on the completion report.
  submit_and_accept(id, "progress_report", 1, day("2027-07-15"));
  release(id, 2, day("2027-08-01"));
  EXPECT_THROW(release(id, 3, day("2027-08-01")), StepRefused);  // waits for the completion report
  EXPECT_EQ(instalments(id)[0].released_on, day("2026-12-01"));
  EXPECT_EQ(instalments(id)[1].amount, hkd(195000));
}

// The grantee acts only on its own project (§5.1.1).
TEST_P(ProjectServiceTest, AnotherOrganisationCannotReport) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  sign(id);
  const std::int64_t outsider = add_test_user("outsider", {Role::applicant});
  store::ReportSubmission submission;
  submission.report_id = report_id(id, "inception_report");
  submission.summary = "Not ours.";
  submission.on = day("2027-01-20");
  submission.user_id = outsider;
  EXPECT_THROW(run([&](store::Transaction& tx) {
                 manage::submit_report(tx, {outsider, false}, submission);
               }),
               StepRefused);
}

// §5.5.3: an item takes no more than its cap; an increase of up to 20 % approved in advance
// raises it; §5.5.6: nothing outside the budget.
TEST_P(ProjectServiceTest, SpendingStaysWithinTheItemAndItsApprovedIncrease) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  sign(id);
  const store::ItemRow item = items(id).front();
  spend(id, item.item_no, item.approved);
  EXPECT_THROW(spend(id, item.item_no, Money::from_cents(1)), StepRefused);
  EXPECT_THROW(spend(id, 999, hkd(10)), StepRefused);
  const Money fifteen_percent = share_of(item.approved, 1500);
  run([&](store::Transaction& tx) {
    manage::approve_increase(tx, ruleset(), id, item.item_no, fifteen_percent,
                             "More volunteers came.", day("2027-03-01"), secretariat_);
  });
  spend(id, item.item_no, fifteen_percent, "2027-03-02");
  EXPECT_EQ(items(id).front().spent, item.approved + fifteen_percent);
  // Another 5 % reaches exactly 20 %; one cent more does not.
  const Money five_percent = share_of(item.approved, 2000) - fifteen_percent;
  EXPECT_THROW(run([&](store::Transaction& tx) {
                 manage::approve_increase(tx, ruleset(), id, item.item_no,
                                          five_percent + Money::from_cents(1), "More.",
                                          day("2027-03-03"), secretariat_);
               }),
               StepRefused);
  // Spending is dated within the project (§3.1).
  EXPECT_THROW(spend(id, items(id)[1].item_no, hkd(10), "2026-12-31"), StepRefused);
}

// §5.13.2(c): 50,000 to under 500,000 needs three quotations.
TEST_P(ProjectServiceTest, PurchaseNeedsItsBandsQuotations) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  sign(id);
  store::NewPurchase purchase;
  purchase.application_id = id;
  purchase.user_id = pic_;
  purchase.purchase.description = "Irrigation pump";
  purchase.purchase.value = hkd(60000);
  purchase.purchase.quotations = {{"A Ltd", hkd(60000)}, {"B Ltd", hkd(65000)}};
  purchase.purchase.chosen = 0;
  purchase.purchase.capital_item = true;
  purchase.purchase.recorded_on = day("2027-02-01");
  EXPECT_THROW(run([&](store::Transaction& tx) {
                 manage::record_purchase(tx, ruleset(), {pic_, false}, purchase);
               }),
               StepRefused);
  purchase.purchase.quotations.push_back({"C Ltd", hkd(61000)});
  run([&](store::Transaction& tx) {
    manage::record_purchase(tx, ruleset(), {pic_, false}, purchase);
  });
  auto tx = store_->begin();
  EXPECT_EQ(store::list_purchases(*tx, id).size(), 1u);
  ASSERT_EQ(store::list_capital_items(*tx, id).size(), 1u);  // §5.13.6: on the register
}

// §5.13.6: a progress report waits for fresh photographs of the capital items.
TEST_P(ProjectServiceTest, ProgressReportNeedsFreshPhotographs) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  sign(id);
  store::NewPurchase purchase;
  purchase.application_id = id;
  purchase.user_id = pic_;
  purchase.purchase.description = "Camera";
  purchase.purchase.value = hkd(4000);
  purchase.purchase.capital_item = true;
  purchase.purchase.recorded_on = day("2027-02-01");
  run([&](store::Transaction& tx) {
    manage::record_purchase(tx, ruleset(), {pic_, false}, purchase);
  });
  store::ReportSubmission submission;
  submission.report_id = report_id(id, "progress_report", 1);
  submission.summary = "Half a year.";
  submission.on = day("2027-07-10");
  submission.user_id = pic_;
  try {
    run([&](store::Transaction& tx) { manage::submit_report(tx, {pic_, false}, submission); });
    FAIL() << "submitted without photographs";
  } catch (const StepRefused& refused) {
    EXPECT_EQ(refused.clause(), "§5.13.6");
  }
  std::int64_t item = 0;
  {
    auto tx = store_->begin();
    item = store::list_capital_items(*tx, id).front().id;
  }
  const std::int64_t photo = document();
  run([&](store::Transaction& tx) {
    manage::record_item_photo(tx, {pic_, false}, item, photo, day("2027-07-01"), "Working");
  });
  run([&](store::Transaction& tx) { manage::submit_report(tx, {pic_, false}, submission); });
  auto tx = store_->begin();
  EXPECT_EQ(store::find_report(*tx, submission.report_id)->status, "submitted");
}

// The whole way: schedule paid as planned, underspending refunded (§5.5.7), closed, records kept
// seven years after completion (§5.9.1).
TEST_P(ProjectServiceTest, ClosesOnlyWhenTheSettlementIsSquare) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  sign(id);
  release(id, 1, day("2026-12-01"));
  submit_and_accept(id, "inception_report", 0, day("2027-01-20"));
  // 25 %: no inception instalment; the next waits for progress report 1.
  submit_and_accept(id, "progress_report", 1, day("2027-07-20"));
  release(id, 2, day("2027-08-01"));
  const store::ItemRow item = items(id).front();
  spend(id, item.item_no, hkd(100000));  // less than the HK$270,000 paid
  submit_and_accept(id, "completion_report", 0, day("2028-01-20"));
  EXPECT_EQ(project(id).state, "completed");
  const project::Settlement settlement = [&] {
    auto tx = store_->begin();
    return manage::current_settlement(*tx, id);
  }();
  ASSERT_LT(settlement.balance, Money{});
  EXPECT_THROW(release(id, 3, day("2028-02-01")), StepRefused);  // nothing more is owed
  EXPECT_THROW(run([&](store::Transaction& tx) {
                 manage::close_project(tx, id, day("2028-02-01"), secretariat_);
               }),
               StepRefused);
  run([&](store::Transaction& tx) {
    manage::record_refund(tx, id, -settlement.balance, day("2028-01-31"), "Cheque 123",
                          secretariat_);
    manage::close_project(tx, id, day("2028-02-01"), secretariat_);
  });
  const store::ProjectRow row = project(id);
  EXPECT_EQ(row.state, "closed");
  // A closed project owes no report any more (the exit plan was never sent).
  store::ReportSubmission late;
  late.report_id = report_id(id, "exit_plan");
  late.summary = "Too late.";
  late.on = day("2028-02-02");
  late.user_id = pic_;
  EXPECT_THROW(run([&](store::Transaction& tx) {
                 manage::submit_report(tx, {pic_, false}, late);
               }),
               StepRefused);
  EXPECT_EQ(row.records_until, day("2034-12-31"));  // completion 2027-12-31 + 7 years
}

// §5.16.1, §5.16.3: a suspension takes effect a month after the notice; nothing is paid while
// suspended; an immediate termination (§5.16.2) takes effect at once.
TEST_P(ProjectServiceTest, SuspensionWaitsForItsNoticeAndStopsPayments) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  sign(id);
  run([&](store::Transaction& tx) {
    manage::change_project_state(tx, id, ProjectEvent::suspend,
                                 "§5.16.1(b) progress unsatisfactory", false, day("2027-03-31"),
                                 secretariat_);
  });
  EXPECT_EQ(project(id).state, "active");
  run([&](store::Transaction& tx) { manage::run_project_jobs(tx, day("2027-04-29")); });
  EXPECT_EQ(project(id).state, "active");
  run([&](store::Transaction& tx) { manage::run_project_jobs(tx, day("2027-04-30")); });
  EXPECT_EQ(project(id).state, "suspended");
  EXPECT_THROW(release(id, 1, day("2027-05-01")), StepRefused);
  run([&](store::Transaction& tx) {
    manage::change_project_state(tx, id, ProjectEvent::terminate, "§5.16.2(a)", true,
                                 day("2027-05-02"), secretariat_);
  });
  EXPECT_EQ(project(id).state, "terminated");
}

// §5.8.11: one reminder before the due day and one when it is overdue, each once.
TEST_P(ProjectServiceTest, RemindsOnceBeforeAndOnceAfterTheDueDay) {
  const std::int64_t id = approved_project(hkd(300000), 12);
  sign(id);
  // The inception report is due on 2027-02-01.
  auto count = [&] { return count_rows("notifications"); };
  const auto before = count();
  run([&](store::Transaction& tx) { manage::run_project_jobs(tx, day("2027-01-18")); });
  const auto after_reminder = count();
  EXPECT_GT(after_reminder, before);
  run([&](store::Transaction& tx) { manage::run_project_jobs(tx, day("2027-01-19")); });
  EXPECT_EQ(count(), after_reminder);
  run([&](store::Transaction& tx) { manage::run_project_jobs(tx, day("2027-02-02")); });
  EXPECT_GT(count(), after_reminder);
  EXPECT_EQ(reports(id)[0].escalation, "reminder");
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectServiceTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::manage
