// What the project suites (project_repo, ledger_repo) share: an application the committee
// approved, the project it becomes (HK$600,000 over 24 months from 2027-01-01, three instalments,
// three reports, three budget items), the organisation's documents, and refusals caught.
#pragma once
#include <cstdint>
#include <string>
#include <utility>

#include "assessment_fixture.h"
#include "store/assessment_repo.h"
#include "store/document_repo.h"
#include "store/project_repo.h"

namespace bsap::store::testing {

inline const std::string kProjectPdf =
    "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n%%EOF\n";

class ProjectFixture : public AssessmentFixture {
 protected:
  void SetUp() override {
    AssessmentFixture::SetUp();
    if (HasFatalFailure()) return;
    application_ = approved_application("荔枝窩梯田復耕", day(2026, 3, 2));
  }

  // Submitted on `submitted_on`, moved to approved and decided by the secretariat: what the
  // committee's approval leaves for a project (§4.1.2).
  std::int64_t approved_application(const std::string& title, CivilDate submitted_on) {
    const std::int64_t id = submitted(submitted_on, title);
    in_transaction(*store_, [&](Transaction& tx) {
      record_transition(tx, {id, "submitted", "approved", "approve", "secretariat", secretariat_,
                             "", day(2026, 9, 30)});
      Decision decision;
      decision.application_id = id;
      decision.outcome = "approved";
      decision.approved_amount = Money::from_cents(60'000'000);
      decision.duration_months = 24;
      decision.decided_by = secretariat_;
      decision.decided_on = day(2026, 9, 30);
      record_decision(tx, decision);
    });
    return id;
  }

  NewProject new_project(std::int64_t application_id) {
    NewProject project;
    project.application_id = application_id;
    project.approved = Money::from_cents(60'000'000);
    project.duration_months = 24;
    project.first_share_bp = 2500;
    project.start_on = day(2027, 1, 1);
    project.finance_office_certifies = false;
    project.private_buildings = true;
    project.instalments = {
        {1, "agreement_signed", 0, -1, Money::from_cents(15'000'000)},
        {2, "progress_report_accepted", 1, 8, Money::from_cents(30'000'000)},
        {3, "completion_report_accepted", 0, 26, Money::from_cents(15'000'000)},
    };
    project.reports = {
        {"inception_report", 0, std::nullopt, std::nullopt, day(2027, 2, 1), "§5.1.2"},
        {"progress_report", 1, day(2027, 1, 1), day(2027, 6, 30), day(2027, 8, 31), "§5.8.1"},
        {"completion_report", 0, day(2027, 1, 1), day(2028, 12, 31), day(2029, 3, 31), "§5.8.2"},
    };
    project.items = {{"梯田復耕工人", Money::from_cents(40'000'000)},
                     {"農具", Money::from_cents(12'000'000)},
                     {"宣傳單張", Money::from_cents(8'000'000)}};
    project.user_id = secretariat_;
    return project;
  }

  void create(const NewProject& project) {
    in_transaction(*store_, [&](Transaction& tx) { create_project(tx, project); });
  }

  // The fixture's application as a project, its agreement signed on 2026-12-01.
  void active_project() {
    create(new_project(application_));
    in_transaction(*store_, [&](Transaction& tx) {
      record_agreement(tx, application_, day(2026, 12, 1), std::nullopt, std::nullopt,
                       secretariat_);
    });
  }

  ProjectRow project(std::int64_t application_id) {
    std::optional<ProjectRow> found;
    in_transaction(*store_, [&](Transaction& tx) { found = find_project(tx, application_id); });
    if (!found) throw std::runtime_error("no project " + std::to_string(application_id));
    return *found;
  }

  // A PDF of organisation, uploaded by its member.
  std::int64_t document(const std::string& kind, const std::string& filename,
                        std::int64_t organisation = 0, std::int64_t member = 0) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      id = store_document(tx, organisation ? organisation : organisation_, kind, filename,
                          kProjectPdf, member ? member : chan_);
    });
    return id;
  }

  // Another organisation, with its person-in-charge: (organisation, user).
  std::pair<std::int64_t, std::int64_t> other_organisation() {
    const std::int64_t lee = add_test_user("lee", {Role::applicant});
    std::int64_t organisation = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      organisation = create_organisation(
          tx, {"鹽田梓村公所", "Yim Tin Tsai Village Office", "non_profit_company", false}, lee,
          "主席 Chairman");
    });
    return {organisation, lee};
  }

  // The what() of the StoreError (or subclass E) work throws in its own transaction, or
  // "(accepted)".
  template <typename E = StoreError, typename Work>
  std::string refusal(Work work) {
    try {
      in_transaction(*store_, work);
    } catch (const E& e) {
      return e.what();
    }
    return "(accepted)";
  }

  std::int64_t application_ = 0;
};

}  // namespace bsap::store::testing
