// What the manage suite's project tests share (project_service_test.cpp, change_service_test.cpp):
// the assess fixture's people and an application the committee approved, opened as a project,
// with helpers for the steps that follow it. A header only: tests/CMakeLists.txt keeps files
// ending in _fixture.cpp out of the suites.
#pragma once
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "assessment_fixture.h"
#include "manage/project_service.h"
#include "store/document_repo.h"

namespace bsap::manage::testing {

using assess::testing::AssessmentTest;
using assess::testing::day;

inline Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

class ProjectServiceTest : public AssessmentTest {
 protected:
  // An application the committee approved for `amount` over `months`, opened as a project
  // starting on `start` with a 25 % first share.
  std::int64_t approved_project(Money amount, int months, const char* start = "2027-01-01") {
    const std::int64_t id = at_committee(day("2026-06-01"));
    store::in_transaction(*store_, [&](store::Transaction& tx) {
      assess::Step approve;
      approve.application_id = id;
      approve.event = ccfs::AssessmentEvent::approve_in_part;
      approve.today = day("2026-09-01");
      approve.approved_amount = amount;
      approve.duration_months = months;
      approve.reason = "Approved for the farmland part.";
      assess::take_step(tx, ruleset(), committee(), approve);
    });
    OpenProject open;
    open.application_id = id;
    open.start_on = day(start);
    run([&](store::Transaction& tx) { manage::open_project(tx, ruleset(), open, secretariat_); });
    return id;
  }

  void run(const std::function<void(store::Transaction&)>& work) {
    store::in_transaction(*store_, work);
  }

  std::int64_t document() {
    std::int64_t id = 0;
    run([&](store::Transaction& tx) {
      id = store::store_document(tx, organisation_, "bank_statement", "statement.pdf",
                                 "%PDF-1.4\n% a statement\n%%EOF\n", pic_);
    });
    return id;
  }

  void sign(std::int64_t id) {
    const std::int64_t statement = document();
    run([&](store::Transaction& tx) {
      manage::sign_agreement(tx, id, day("2026-11-20"), statement, std::nullopt, secretariat_);
    });
  }

  store::ProjectRow project(std::int64_t id) {
    auto tx = store_->begin();
    return store::find_project(*tx, id).value();
  }

  std::vector<store::ReportRow> reports(std::int64_t id) {
    auto tx = store_->begin();
    return store::list_reports(*tx, id);
  }

  std::int64_t report_id(std::int64_t id, const std::string& kind, int number = 0) {
    for (const auto& report : reports(id))
      if (report.kind == kind && report.number == number) return report.id;
    ADD_FAILURE() << "no " << kind << " " << number;
    return 0;
  }

  void submit_and_accept(std::int64_t id, const std::string& kind, int number, CivilDate on) {
    const std::int64_t report = report_id(id, kind, number);
    run([&](store::Transaction& tx) {
      store::ReportSubmission submission;
      submission.report_id = report;
      submission.summary = "Work done as planned.";
      submission.on = on;
      submission.user_id = pic_;
      manage::submit_report(tx, {pic_, false}, submission);
      manage::review_report(tx, ruleset(), report, true, "", on, secretariat_);
    });
  }

  void release(std::int64_t id, int number, CivilDate on) {
    run([&](store::Transaction& tx) {
      manage::release_instalment(tx, id, number, on, secretariat_);
    });
  }

  std::vector<store::InstalmentRow> instalments(std::int64_t id) {
    auto tx = store_->begin();
    return store::list_instalments(*tx, id);
  }

  std::vector<store::ItemRow> items(std::int64_t id) {
    auto tx = store_->begin();
    return store::list_items(*tx, id);
  }

  std::int64_t spend(std::int64_t id, int item_no, Money amount, const char* on = "2027-02-01") {
    std::int64_t expenditure = 0;
    run([&](store::Transaction& tx) {
      expenditure = manage::record_expenditure(
          tx, {pic_, false}, {id, item_no, day(on), amount, "Invoice 17", std::nullopt, pic_});
    });
    return expenditure;
  }
};

}  // namespace bsap::manage::testing
