// store/project_repo.h: the project an approval becomes (guidelines §5): its agreement (§5.1.1),
// instalments released once (§5.5.1), reports submitted and reviewed (§5.8) with the follow-up
// of late ones (§5.8.11), and state changes now or after notice (§5.16).
#include "store/project_repo.h"

#include <gmock/gmock.h>

#include "project_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class ProjectRepoTest : public ProjectFixture {
 protected:
  std::vector<ReportRow> reports() {
    std::vector<ReportRow> found;
    in_transaction(*store_, [&](Transaction& tx) { found = list_reports(tx, application_); });
    return found;
  }

  ReportRow report(std::int64_t id) {
    std::optional<ReportRow> found;
    in_transaction(*store_, [&](Transaction& tx) { found = find_report(tx, id); });
    if (!found) throw std::runtime_error("no report " + std::to_string(id));
    return *found;
  }

  ReportSubmission submission(std::int64_t report_id, std::vector<KpiResult> kpis) {
    ReportSubmission submission;
    submission.report_id = report_id;
    submission.summary = "復耕梯田兩塊";
    submission.spent_to_date = Money::from_cents(14'000'000);
    submission.forecast = Money::from_cents(45'000'000);
    submission.kpis = std::move(kpis);
    submission.on = day(2027, 8, 20);
    submission.user_id = chan_;
    return submission;
  }

  void submit(const ReportSubmission& submission) {
    in_transaction(*store_, [&](Transaction& tx) { submit_report(tx, submission); });
  }

  void review(std::int64_t report_id, bool accepted, const std::string& note) {
    in_transaction(*store_, [&](Transaction& tx) {
      review_report(tx, report_id, accepted, note, day(2027, 9, 10), secretariat_);
    });
  }

  NewProjectEvent event(const std::string& code, const std::string& from, const std::string& to,
                        CivilDate notice_on, CivilDate effective_on) {
    return {application_, code,         from,        to, "§5.16.1(a)：未按計劃推展",
            notice_on,    effective_on, secretariat_};
  }

  std::int64_t record(const NewProjectEvent& event,
                      std::optional<CivilDate> records_until = std::nullopt) {
    std::int64_t id = 0;
    in_transaction(*store_,
                   [&](Transaction& tx) { id = record_project_event(tx, event, records_until); });
    return id;
  }

  std::vector<ProjectEventRow> events() {
    std::vector<ProjectEventRow> found;
    in_transaction(*store_,
                   [&](Transaction& tx) { found = list_project_events(tx, application_); });
    return found;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, ProjectRepoTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

// ---- the project and its agreement

TEST_P(ProjectRepoTest, AnApprovalBecomesAProjectAwaitingItsAgreement_5_1_1) {
  const auto before = audit_log().size();
  NewProject created = new_project(application_);
  created.schedule_reason = "分期按工程進度調整";
  create(created);
  EXPECT_THAT(audited_since(before), ElementsAre("officer project create"));
  EXPECT_EQ(audit_log().back().entity_id, std::to_string(application_));

  const ProjectRow row = project(application_);
  EXPECT_EQ(row.application_id, application_);
  EXPECT_EQ(row.organisation_id, organisation_);
  EXPECT_EQ(row.organisation_name_zh, "荔枝窩村公所");
  EXPECT_EQ(row.organisation_name_en, "Lai Chi Wo Village Office");
  EXPECT_EQ(row.reference, "CCFS-2026-0001");
  EXPECT_EQ(row.title, "荔枝窩梯田復耕");
  EXPECT_EQ(row.state, "agreement_pending");
  EXPECT_EQ(row.approved, Money::from_cents(60'000'000));
  EXPECT_EQ(row.duration_months, 24);
  EXPECT_EQ(row.first_share_bp, 2500);
  EXPECT_EQ(row.start_on, day(2027, 1, 1));
  EXPECT_EQ(row.schedule_reason, "分期按工程進度調整");
  EXPECT_FALSE(row.finance_office_certifies);
  EXPECT_TRUE(row.private_buildings);
  EXPECT_FALSE(row.agreement_signed_on);
  EXPECT_FALSE(row.bank_statement_document_id);
  EXPECT_FALSE(row.completed_on);
  EXPECT_FALSE(row.closed_on);
  EXPECT_FALSE(row.records_until);

  in_transaction(*store_, [&](Transaction& tx) {
    const auto instalments = list_instalments(tx, application_);
    ASSERT_EQ(instalments.size(), 3u);
    EXPECT_EQ(instalments[0].condition, "agreement_signed");
    EXPECT_EQ(instalments[0].month_offset, -1);
    EXPECT_EQ(instalments[1].number, 2);
    EXPECT_EQ(instalments[1].condition, "progress_report_accepted");
    EXPECT_EQ(instalments[1].report_number, 1);
    EXPECT_EQ(instalments[1].amount, Money::from_cents(30'000'000));
    EXPECT_FALSE(instalments[2].released_on);
    EXPECT_EQ(instalments[2].released_by, "");

    const auto due = list_reports(tx, application_);
    ASSERT_EQ(due.size(), 3u);
    EXPECT_EQ(due[0].kind, "inception_report");
    EXPECT_FALSE(due[0].period_start);
    EXPECT_EQ(due[1].kind, "progress_report");
    EXPECT_EQ(due[1].number, 1);
    EXPECT_EQ(due[1].period_end, day(2027, 6, 30));
    EXPECT_EQ(due[1].due_on, day(2027, 8, 31));
    EXPECT_EQ(due[1].clause, "§5.8.1");
    EXPECT_EQ(due[1].status, "due");
    EXPECT_EQ(due[1].application_id, application_);
    EXPECT_EQ(due[2].kind, "completion_report");
    EXPECT_EQ(due[2].escalation, "");
  });
}

TEST_P(ProjectRepoTest, ProjectsAreListedByReferenceAndByOrganisation) {
  const auto second = approved_application("鹽田梓鹽田修復", day(2026, 3, 3));
  create(new_project(second));
  create(new_project(application_));
  const auto [other, lee] = other_organisation();
  in_transaction(*store_, [&](Transaction& tx) {
    const auto all = list_projects(tx);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].reference, "CCFS-2026-0001");
    EXPECT_EQ(all[1].reference, "CCFS-2026-0002");
    EXPECT_EQ(all[1].title, "鹽田梓鹽田修復");
    EXPECT_EQ(list_projects(tx, organisation_).size(), 2u);
    EXPECT_THAT(list_projects(tx, other), IsEmpty());
    EXPECT_FALSE(find_project(tx, application_ + 100));
  });
}

TEST_P(ProjectRepoTest, AnApprovalBecomesOneProject) {
  create(new_project(application_));
  const auto before = audit_log().size();
  EXPECT_THAT(refusal([&](Transaction& tx) { create_project(tx, new_project(application_)); }),
              HasSubstr("already has its project"));
  EXPECT_EQ(audit_log().size(), before);
}

TEST_P(ProjectRepoTest, OnlyAnApprovedApplicationBecomesAProject_4_1_2) {
  const auto undecided = submitted(day(2026, 3, 4), "未決定");
  EXPECT_THAT(refusal([&](Transaction& tx) { create_project(tx, new_project(undecided)); }),
              HasSubstr("has no recorded decision"));
  EXPECT_EQ(count_rows("projects"), 0);
}

TEST_P(ProjectRepoTest, TheSignedAgreementMakesTheProjectActiveOnce_5_1_1) {
  create(new_project(application_));
  const auto bank = document("bank_statement", "bank.pdf");
  const auto owners = document("owners_agreement", "owners.pdf");
  const auto before = audit_log().size();
  in_transaction(*store_, [&](Transaction& tx) {
    record_agreement(tx, application_, day(2026, 12, 1), bank, owners, secretariat_);
  });
  EXPECT_THAT(audited_since(before), ElementsAre("officer project sign_agreement"));
  const ProjectRow row = project(application_);
  EXPECT_EQ(row.state, "active");
  EXPECT_EQ(row.agreement_signed_on, day(2026, 12, 1));
  EXPECT_EQ(row.bank_statement_document_id, bank);
  EXPECT_EQ(row.owners_agreement_document_id, owners);

  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) {
                record_agreement(tx, application_, day(2026, 12, 2), std::nullopt, std::nullopt,
                                 secretariat_);
              }),
              HasSubstr("\"active\", not awaiting its agreement"));
  EXPECT_EQ(project(application_).agreement_signed_on, day(2026, 12, 1));
  EXPECT_EQ(audit_log().size(), before + 1);
}

TEST_P(ProjectRepoTest, AnotherOrganisationsDocumentIsNotTheAgreementsBankStatement) {
  create(new_project(application_));
  const auto [other, lee] = other_organisation();
  const auto theirs = document("bank_statement", "bank.pdf", other, lee);
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_agreement(tx, application_, day(2026, 12, 1), theirs, std::nullopt,
                                 secretariat_);
              }),
              HasSubstr("belongs to another organisation"));
  EXPECT_EQ(project(application_).state, "agreement_pending");
}

// ---- instalments

TEST_P(ProjectRepoTest, AnInstalmentIsReleasedOnce_5_5_1) {
  active_project();
  const auto before = audit_log().size();
  Money planned;
  in_transaction(*store_,
                 [&](Transaction& tx) { planned = list_instalments(tx, application_)[0].amount; });
  EXPECT_THAT(refusal([&](Transaction& tx) {
                release_instalment(tx, application_, 1, planned + Money::from_cents(1),
                                   day(2026, 12, 15), secretariat_);
              }),
              HasSubstr("at most its planned"));
  in_transaction(*store_, [&](Transaction& tx) {
    release_instalment(tx, application_, 1, planned, day(2026, 12, 15), secretariat_);
  });
  EXPECT_THAT(audited_since(before), ElementsAre("officer project release_instalment"));
  in_transaction(*store_, [&](Transaction& tx) {
    const auto instalments = list_instalments(tx, application_);
    EXPECT_EQ(instalments[0].released, planned);
    EXPECT_EQ(instalments[0].released_on, day(2026, 12, 15));
    EXPECT_EQ(instalments[0].released_by, "Name of officer");
    EXPECT_FALSE(instalments[1].released_on);
  });

  EXPECT_THAT(refusal([&](Transaction& tx) {
                release_instalment(tx, application_, 1, planned, day(2026, 12, 16), secretariat_);
              }),
              HasSubstr("was released on 2026-12-15 by Name of officer"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                release_instalment(tx, application_, 9, planned, day(2026, 12, 16), secretariat_);
              }),
              HasSubstr("has no instalment 9"));
  EXPECT_EQ(audit_log().size(), before + 1);
}

// ---- reports

TEST_P(ProjectRepoTest, AReportIsSubmittedReturnedResubmittedAndAccepted_5_8) {
  active_project();
  const auto progress = reports()[1].id;
  const auto document_id = document("progress_report", "progress-1.pdf");
  auto first = submission(progress,
                          {{0, "復耕面積", "2公頃", "0.8公頃"}, {1, "參與義工人次", "200", "120"}});
  first.document_id = document_id;
  const auto before = audit_log().size();
  submit(first);

  ReportRow row = report(progress);
  EXPECT_EQ(row.status, "submitted");
  EXPECT_EQ(row.summary, "復耕梯田兩塊");
  EXPECT_EQ(row.spent_to_date, Money::from_cents(14'000'000));
  EXPECT_EQ(row.forecast, Money::from_cents(45'000'000));
  EXPECT_EQ(row.document_id, document_id);
  EXPECT_EQ(row.submitted_on, day(2027, 8, 20));
  EXPECT_EQ(row.submitted_by, "Name of chan");
  EXPECT_FALSE(row.reviewed_on);
  ASSERT_EQ(row.kpis.size(), 2u);
  EXPECT_EQ(row.kpis[1].kpi_index, 1);
  EXPECT_EQ(row.kpis[1].indicator, "參與義工人次");
  EXPECT_EQ(row.kpis[1].target, "200");
  EXPECT_EQ(row.kpis[1].actual, "120");

  // Submitted once; it waits for its review.
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) { submit_report(tx, first); }),
              HasSubstr("is \"submitted\", so it cannot be submitted"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                review_report(tx, progress, false, "", day(2027, 9, 10), secretariat_);
              }),
              HasSubstr("returned with a note"));

  review(progress, false, "請補交開支單據");
  row = report(progress);
  EXPECT_EQ(row.status, "returned");
  EXPECT_EQ(row.review_note, "請補交開支單據");
  EXPECT_EQ(row.reviewed_by, "Name of officer");
  EXPECT_EQ(row.reviewed_on, day(2027, 9, 10));

  // The resubmission's KPIs replace the first's.
  submit(submission(progress, {{0, "復耕面積", "2公頃", "1公頃"}}));
  row = report(progress);
  EXPECT_EQ(row.status, "submitted");
  ASSERT_EQ(row.kpis.size(), 1u);
  EXPECT_EQ(row.kpis[0].actual, "1公頃");
  EXPECT_FALSE(row.document_id);

  review(progress, true, "");
  EXPECT_EQ(report(progress).status, "accepted");
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) {
                review_report(tx, progress, true, "", day(2027, 9, 11), secretariat_);
              }),
              HasSubstr("is \"accepted\""));
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) { submit_report(tx, first); }),
              HasSubstr("is \"accepted\""));
  EXPECT_THAT(audited_since(before),
              ElementsAre("chan project submit_report", "officer project review_report",
                          "chan project submit_report", "officer project review_report"));
}

TEST_P(ProjectRepoTest, OpenReportsAreTheUnacceptedOnesDueByTheDayEarliestFirst) {
  active_project();
  const auto second = approved_application("鹽田梓鹽田修復", day(2026, 3, 3));
  NewProject other = new_project(second);
  other.reports = {{"inception_report", 0, std::nullopt, std::nullopt, day(2027, 1, 20), "§5.1.2"}};
  create(other);
  const auto inception = reports()[0].id;
  submit(submission(inception, {}));
  review(inception, true, "");

  in_transaction(*store_, [&](Transaction& tx) {
    const auto open = list_open_reports(tx, day(2027, 8, 31));
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].application_id, second);
    EXPECT_EQ(open[0].due_on, day(2027, 1, 20));
    EXPECT_EQ(open[1].application_id, application_);
    EXPECT_EQ(open[1].kind, "progress_report");
    EXPECT_EQ(list_open_reports(tx, day(2027, 1, 19)).size(), 0u);
    EXPECT_EQ(list_open_reports(tx, day(2029, 12, 31)).size(), 3u);
  });
}

TEST_P(ProjectRepoTest, ALateReportsFollowUpAndRemindersAreRecordedOnce_5_8_11) {
  active_project();
  const auto inception = reports()[0].id;
  const auto before = audit_log().size();
  in_transaction(*store_, [&](Transaction& tx) {
    record_escalation(tx, inception, "reminder", "", day(2027, 2, 2), std::nullopt);
    record_escalation(tx, inception, "meeting_with_pic", "已約見陳先生", day(2027, 2, 16),
                      secretariat_);
  });
  EXPECT_EQ(report(inception).escalation, "meeting_with_pic");
  EXPECT_EQ(count_rows("report_escalations"), 2);
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_escalation(tx, inception, "Warning Letter", "", day(2027, 3, 3),
                                  secretariat_);
              }),
              HasSubstr("is not a code"));

  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(reminder_sent(tx, inception, "overdue"));
    mark_reminder_sent(tx, inception, "overdue");
    EXPECT_TRUE(reminder_sent(tx, inception, "overdue"));
    EXPECT_FALSE(reminder_sent(tx, inception, "before"));
    mark_reminder_sent(tx, inception, "overdue");  // a second job at once: recorded once
  });
  EXPECT_EQ(count_rows("report_reminders"), 1);
  EXPECT_THAT(refusal([&](Transaction& tx) { mark_reminder_sent(tx, inception, "after"); }),
              HasSubstr("not a reminder"));
  EXPECT_THAT(
      audited_since(before),
      ElementsAre("system project escalate", "officer project escalate", "system project remind"));
}

// ---- state changes (§5.16)

TEST_P(ProjectRepoTest, ASuspensionWaitsForItsEffectiveDayThenApplies_5_16_3) {
  active_project();
  const auto before = audit_log().size();
  const auto id = record(event("suspend", "active", "suspended", day(2027, 3, 1), day(2027, 4, 1)));
  EXPECT_EQ(project(application_).state, "active");
  auto listed = events();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, id);
  EXPECT_FALSE(listed[0].applied);
  EXPECT_EQ(listed[0].event, "suspend");
  EXPECT_EQ(listed[0].grounds, "§5.16.1(a)：未按計劃推展");
  EXPECT_EQ(listed[0].effective_on, day(2027, 4, 1));
  EXPECT_EQ(listed[0].actor_name, "Name of officer");
  EXPECT_FALSE(listed[0].at.empty());

  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_THAT(list_due_project_events(tx, day(2027, 3, 31)), IsEmpty());
    const auto due = list_due_project_events(tx, day(2027, 4, 1));
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].event_id, id);
    EXPECT_EQ(due[0].application_id, application_);
    EXPECT_EQ(due[0].event.to_state, "suspended");
  });

  in_transaction(*store_, [&](Transaction& tx) { apply_project_event(tx, id); });
  EXPECT_EQ(project(application_).state, "suspended");
  EXPECT_TRUE(events()[0].applied);
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_THAT(list_due_project_events(tx, day(2027, 4, 1)), IsEmpty());
  });
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) { apply_project_event(tx, id); }),
              HasSubstr("applied already"));
  EXPECT_THAT(audited_since(before),
              ElementsAre("officer project give_notice", "system project suspend"));
}

TEST_P(ProjectRepoTest, ANoticeIsNotAppliedOnceTheProjectHasMovedMeanwhile) {
  active_project();
  const auto notice =
      record(event("suspend", "active", "suspended", day(2027, 3, 1), day(2027, 4, 1)));
  // §5.16.2: an immediate termination takes effect on the notice day.
  record(event("terminate", "active", "terminated", day(2027, 3, 10), day(2027, 3, 10)));
  EXPECT_EQ(project(application_).state, "terminated");
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) { apply_project_event(tx, notice); }),
              HasSubstr("is now \"terminated\", not \"active\""));
  EXPECT_EQ(project(application_).state, "terminated");
  EXPECT_FALSE(events()[0].applied);
}

TEST_P(ProjectRepoTest, CompletionAndClosureTakeEffectNowAndSetTheirDays_5_9_1) {
  active_project();
  const auto before = audit_log().size();
  NewProjectEvent complete =
      event("complete", "active", "completed", day(2029, 4, 20), day(2029, 4, 20));
  record(complete, day(2035, 12, 31));
  ProjectRow row = project(application_);
  EXPECT_EQ(row.state, "completed");
  EXPECT_EQ(row.completed_on, day(2029, 4, 20));
  EXPECT_EQ(row.records_until, day(2035, 12, 31));
  EXPECT_FALSE(row.closed_on);

  NewProjectEvent close = event("close", "completed", "closed", day(2029, 5, 2), day(2029, 5, 1));
  close.user_id = std::nullopt;
  record(close);
  row = project(application_);
  EXPECT_EQ(row.state, "closed");
  EXPECT_EQ(row.closed_on, day(2029, 5, 1));
  EXPECT_EQ(row.completed_on, day(2029, 4, 20));
  EXPECT_EQ(row.records_until, day(2035, 12, 31));

  const auto listed = events();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].event, "complete");
  EXPECT_TRUE(listed[0].applied);
  EXPECT_EQ(listed[1].from_state, "completed");
  EXPECT_EQ(listed[1].actor_name, "system");
  EXPECT_THAT(audited_since(before),
              ElementsAre("officer project complete", "system project close"));
}

TEST_P(ProjectRepoTest, AnEventFromAStateTheProjectIsNotInIsStale) {
  active_project();
  const auto before = audit_log().size();
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) {
                record_project_event(
                    tx, event("resume", "suspended", "active", day(2027, 3, 1), day(2027, 3, 1)));
              }),
              HasSubstr("is now \"active\", not \"suspended\""));
  EXPECT_THAT(refusal<StaleState>([&](Transaction& tx) {
                record_project_event(tx, event("suspend", "suspended", "suspended", day(2027, 3, 1),
                                               day(2027, 4, 1)));
              }),
              HasSubstr("is now \"active\""));
  EXPECT_THAT(events(), IsEmpty());
  EXPECT_EQ(audit_log().size(), before);
}

// ---- the schema keeps the data honest

TEST_P(ProjectRepoTest, TheDatabaseRefusesANegativeInstalmentOrAnUnknownState) {
  create(new_project(application_));
  const std::string project = std::to_string(application_);
  EXPECT_THROW(execute_sql("UPDATE project_instalments SET amount_cents = -100 WHERE "
                           "application_id = " +
                           project + " AND number = 1"),
               StoreError);
  EXPECT_THROW(
      execute_sql("UPDATE projects SET state = 'paused' WHERE application_id = " + project),
      StoreError);
  // Active without the agreement's date is not a state the project can be in.
  EXPECT_THROW(
      execute_sql("UPDATE projects SET state = 'active' WHERE application_id = " + project),
      StoreError);
  EXPECT_THROW(execute_sql("UPDATE project_reports SET status = 'returned', submitted_on = "
                           "'2027-08-01', submitted_by = 1, reviewed_on = '2027-08-02', "
                           "reviewed_by = 1 WHERE application_id = " +
                           project),
               StoreError);  // returned without its note
}

}  // namespace
}  // namespace bsap::store::testing
