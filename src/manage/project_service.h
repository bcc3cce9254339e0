// A funded project's steps as the secretariat and the grantee take them (guidelines §5): opening
// the project from the committee's approval, the signed agreement, reports and their review,
// payments, spending, purchases, capital items, reductions, suspension and termination, and the
// close-out. Each function runs in the caller's transaction and does the whole step there: asks
// the rules (project/*.h), writes through the store (store/project_repo.h, ledger_repo.h, which
// audit every write) and tells the organisation. A refused step throws assess::StepRefused
// (clause, zh, en) before anything is written.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment_service.h"
#include "core/civil_date.h"
#include "core/money.h"
#include "manage/project_guards.h"
#include "project/disbursement_plan.h"
#include "project/grant_reductions.h"
#include "project/project_state.h"
#include "project/purchase_rules.h"
#include "project/spending_ledger.h"
#include "rules/ruleset.h"
#include "store/ledger_repo.h"
#include "store/project_repo.h"
#include "store/store.h"

namespace bsap::manage {

using assess::StepRefused;

struct OpenProject {
  std::int64_t application_id = 0;  // approved or approved in part, with no project yet
  CivilDate start_on = CivilDate::from_days_since_epoch(0);
  int first_share_bp = 2500;
  project::RemainderPlacement remainder = project::RemainderPlacement::last_balance;
  // §5.5.1 「只會在特殊情況下」: a schedule of the secretariat's own, with its reason.
  std::optional<std::vector<project::PlannedInstalment>> custom_schedule;
  std::string schedule_reason;
  bool private_buildings = false;  // §5.1.1: works in private buildings need owners' agreements
};
// The schedule (§5.5.1), the due reports (project_calendar.h) and the approved budget items (the
// application's budget lines) are written with the project, in state agreement_pending. A
// post-secondary applicant's finance office certifies its accounts (§5.8.3).
void open_project(store::Transaction& tx, const rules::Ruleset& ruleset, const OpenProject& open,
                  std::int64_t secretariat_user_id);

// §5.1.1: the secretariat confirms the signed agreement; the bank statement in the grantee's
// name is required unless a post-secondary institution's finance office holds the funds
// (§5.6.1); the owners' agreements when the project works in private buildings.
void sign_agreement(store::Transaction& tx, std::int64_t application_id, CivilDate signed_on,
                    std::optional<std::int64_t> bank_statement_document_id,
                    std::optional<std::int64_t> owners_agreement_document_id,
                    std::int64_t secretariat_user_id);

// The grantee submits a due or returned report of an active or suspended project. A progress
// report is refused while a capital item held has no photograph taken since the period began
// (§5.13.6).
void submit_report(store::Transaction& tx, const ProjectActor& actor,
                   const store::ReportSubmission& submission);

// The secretariat accepts or returns a submitted report (a return needs a note). Accepting the
// completion report completes the project (records kept until completion + 7 years, §5.9.1).
void review_report(store::Transaction& tx, const rules::Ruleset& ruleset, std::int64_t report_id,
                   bool accepted, const std::string& note, CivilDate today,
                   std::int64_t secretariat_user_id);

// §5.5.1, §5.8.1: releases the next instalment once the report it waits for is accepted, in
// order, never while the project is suspended or terminated (§5.16.3). The instalment on the
// completion report pays at most what the settlement still owes (spending_ledger.h).
void release_instalment(store::Transaction& tx, std::int64_t application_id, int number,
                        CivilDate today, std::int64_t secretariat_user_id);

// §5.5.3, §5.5.6: the grantee records spending against an approved item, with its receipt.
std::int64_t record_expenditure(store::Transaction& tx, const ProjectActor& actor,
                                const store::NewExpenditure& expenditure);
// §5.5.3: the secretariat's prior written approval of an item increase of up to 20 %.
void approve_increase(store::Transaction& tx, const rules::Ruleset& ruleset,
                      std::int64_t application_id, int item_no, Money amount,
                      const std::string& reason, CivilDate today, std::int64_t secretariat_user_id);
// §5.5.2, §5.6.2, §5.5.8: income received; only the secretariat records a re-investment the
// Approval Panel agreed to.
std::int64_t record_income(store::Transaction& tx, const ProjectActor& actor,
                           std::int64_t application_id, project::IncomeKind kind, Money amount,
                           CivilDate received_on, const std::string& description,
                           bool reinvestment_approved);
// §5.13: a purchase with its quotations; refused with every blocking finding. The flags the
// secretariat agrees (agreed otherwise, non-lowest agreed, single source approved) are taken
// only from the secretariat. A capital item purchase also enters the register (§5.13.6).
std::int64_t record_purchase(store::Transaction& tx, const rules::Ruleset& ruleset,
                             const ProjectActor& actor, const store::NewPurchase& purchase);
// §5.13.6: a fresh photograph of a capital item, with its condition.
void record_item_photo(store::Transaction& tx, const ProjectActor& actor,
                       std::int64_t capital_item_id, std::int64_t document_id, CivilDate on,
                       const std::string& condition);
// §5.14.2: disposal at the end (sold at market value, returned to the government, …); sale
// proceeds are credited to the project as income.
void dispose_capital_item(store::Transaction& tx, std::int64_t capital_item_id,
                          const std::string& disposal, std::optional<Money> proceeds, CivilDate on,
                          std::int64_t secretariat_user_id);
// §5.5.4, §5.5.5: the secretariat confirms a reduction it has seen computed.
void confirm_reduction(store::Transaction& tx, std::int64_t application_id,
                       const store::ReductionRow& reduction, std::int64_t secretariat_user_id);
// §5.5.7, §5.16.3: money returned by the grantee, recorded by the secretariat.
void record_refund(store::Transaction& tx, std::int64_t application_id, Money amount,
                   CivilDate received_on, const std::string& note,
                   std::int64_t secretariat_user_id);

// §5.16: suspend, resume or terminate, with the grounds; under §5.16.1 the change takes effect a
// month after the notice (§5.16.3), an immediate termination (§5.16.2) at once.
void change_project_state(store::Transaction& tx, std::int64_t application_id,
                          project::ProjectEvent event, const std::string& grounds, bool immediate,
                          CivilDate today, std::int64_t secretariat_user_id);

// Close-out: the completed or terminated project's settlement is square (the final payment
// released, or the refund received).
void close_project(store::Transaction& tx, std::int64_t application_id, CivilDate today,
                   std::int64_t secretariat_user_id);

// The settlement as it stands (spending_ledger.h), for the pages.
project::Settlement current_settlement(store::Transaction& tx, std::int64_t application_id);

// The scheduled job: notices whose day has come take effect; a reminder goes to the grantee
// once 14 days before each due report and once on the day after it is overdue (§5.8.11).
// Returns how many things it did.
int run_project_jobs(store::Transaction& tx, CivilDate today);

}  // namespace bsap::manage
