#include "cli/demo_project.h"

#include <stdexcept>

#include "manage/project_service.h"
#include "store/assessment_repo.h"
#include "store/document_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"

namespace bsap::cli {
namespace {

std::int64_t user_id(store::Transaction& tx, const char* username) {
  const auto user = store::find_user_by_username(tx, username);
  if (!user) throw std::runtime_error(std::string("demo user '") + username + "' is missing");
  return user->id;
}

// A one-page PDF standing in for the scanned bank statement.
constexpr std::string_view kStatement = "%PDF-1.4\n% demo bank statement\n%%EOF\n";

void submit_and_accept(store::Transaction& tx, const rules::Ruleset& ruleset, std::int64_t id,
                       std::int64_t grantee, std::int64_t secretariat, CivilDate on) {
  for (const store::ReportRow& report : store::list_reports(tx, id)) {
    if (report.kind != "inception_report") continue;
    store::ReportSubmission submission;
    submission.report_id = report.id;
    submission.summary =
        "工作計劃、團隊架構及已同意合作的土地擁有人名單見附件。Work plan, team chart and the "
        "consenting landowners attached.";
    submission.on = on;
    submission.user_id = grantee;
    manage::submit_report(tx, {grantee, false}, submission);
    manage::review_report(tx, ruleset, report.id, true, "", on, secretariat);
  }
}

}  // namespace

void add_demo_project(store::Transaction& tx, const rules::Ruleset& ruleset, CivilDate today) {
  const auto approved = store::list_approved_grants(tx);
  if (approved.empty() || store::find_project(tx, approved.front().application_id)) return;
  const std::int64_t id = approved.front().application_id;
  const std::int64_t secretariat = user_id(tx, "secretariat");
  const std::int64_t grantee = user_id(tx, "ngo");
  const CivilDate start = today.plus_days(-60);  // approved 100 days ago
  manage::OpenProject open;
  open.application_id = id;
  open.start_on = start;
  open.first_share_bp = 4000;
  manage::open_project(tx, ruleset, open, secretariat);
  const std::int64_t statement =
      store::store_document(tx, approved.front().organisation_id, "bank_statement",
                            "bank-statement.pdf", kStatement, grantee);
  manage::sign_agreement(tx, id, start.plus_days(-35), statement, std::nullopt, secretariat);
  manage::release_instalment(tx, id, 1, start.plus_days(-30), secretariat);
  submit_and_accept(tx, ruleset, id, grantee, secretariat, start.plus_days(25));
  manage::release_instalment(tx, id, 2, start.plus_days(30), secretariat);
  const auto items = store::list_items(tx, id);
  manage::record_expenditure(
      tx, {grantee, false},
      {id, items.front().item_no, start.plus_days(31), Money::from_cents(2600000),
       "項目主任首月薪金 Project officer, first month", std::nullopt, grantee});
  // §5.13.2(c): HK$50,000 to under HK$500,000 takes three quotations; the lowest is chosen.
  store::NewPurchase works;
  works.application_id = id;
  works.user_id = grantee;
  works.purchase.description = "修復灌溉水道及水閘 Irrigation channel and sluice repair";
  works.purchase.value = Money::from_cents(37600000);
  works.purchase.quotations = {{"Tai Po Stoneworks Ltd", Money::from_cents(37600000)},
                               {"Sha Tau Kok Builders", Money::from_cents(39250000)},
                               {"New Territories Masonry Co", Money::from_cents(40100000)}};
  works.purchase.chosen = 0;
  works.purchase.recorded_on = start.plus_days(35);
  manage::record_purchase(tx, ruleset, {grantee, false}, works);
}

}  // namespace bsap::cli
