#include "assessment_fixture.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ccfs/application_json.h"
#include "ccfs/budget_totals.h"
#include "rules/ruleset_loader.h"
#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"

namespace bsap::assess::testing {
namespace {

std::string demo_application() {
  std::ifstream in(std::filesystem::path(BSAP_HOME_DIR) /
                   "data/demo/application-ma-lai-chi-wo.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::shared_ptr<const rules::Ruleset> load_1_8() {
  auto loaded = rules::load_rulesets(std::filesystem::path(BSAP_HOME_DIR) / "data");
  auto& registry = std::get<rules::RulesetRegistry>(loaded);
  return registry.find("1.8");
}

}  // namespace

CivilDate day(const char* iso) { return *parse_iso_date(iso); }

void AssessmentTest::SetUp() {
  StoreTest::SetUp();
  ruleset_ = load_1_8();
  ASSERT_TRUE(ruleset_);
  pic_ = add_test_user("pic", {Role::applicant});
  colleague_ = add_test_user("colleague", {Role::applicant});
  secretariat_ = add_test_user("officer", {Role::secretariat});
  assessor1_ = add_test_user("assessor1", {Role::assessment_panel});
  assessor2_ = add_test_user("assessor2", {Role::assessment_panel});
  approver_ = add_test_user("approver", {Role::approval_panel});
  committee_ = add_test_user("member", {Role::committee});
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    organisation_ = store::create_organisation(
        tx, {"荔枝窩農友有限公司", "Lai Chi Wo Farmers Limited", "non_profit_company", false}, pic_,
        "Director");
    store::add_member(tx, organisation_, colleague_, "Officer", "pic");
  });
  execute_sql("UPDATE users SET email = username || '@example.org'");
}

std::int64_t AssessmentTest::submit(CivilDate on) {
  std::int64_t id = 0;
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    id = store::create_application(
        tx, {organisation_, "management_agreement", "Lai Chi Wo", demo_application()}, pic_);
    store::submit_application(tx, id, 1, pic_, "1.8", on);
  });
  return id;
}

ccfs::AssessmentState AssessmentTest::step(std::int64_t id, ccfs::AssessmentEvent event,
                                           Actor actor, CivilDate on, std::string reason) {
  Step request;
  request.application_id = id;
  request.event = event;
  request.reason = std::move(reason);
  request.today = on;
  ccfs::AssessmentState state{};
  store::in_transaction(
      *store_, [&](store::Transaction& tx) { state = take_step(tx, ruleset(), actor, request); });
  return state;
}

Money AssessmentTest::requested_grant() const {
  auto parsed = ccfs::parse_application_json(demo_application());
  const auto& application = std::get<ccfs::ApplicationDocument>(parsed).application;
  return application.requested_grant.value_or(ccfs::budget_totals(application).grant);
}

std::string AssessmentTest::state_of(std::int64_t id) {
  auto tx = store_->begin();
  return store::find_assessment(*tx, id).value().state;
}

std::int64_t AssessmentTest::at_committee(CivilDate on) {
  using ccfs::AssessmentEvent;
  using ccfs::AssessmentState;
  const std::int64_t id = submit(on);
  step(id, AssessmentEvent::begin_screening, secretariat(), on);
  step(id, AssessmentEvent::refer_to_assessment_panel, secretariat(), on);
  step(id, AssessmentEvent::refer_to_approval_panel, secretariat(), on);
  step(id, AssessmentEvent::refer_to_committee, secretariat(), on);
  store::in_transaction(*store_, [&](store::Transaction& tx) {
    assign_member(tx, id, committee_, AssessmentState::committee, secretariat_);
    declare_interest(tx, id, committee_, AssessmentState::committee, false, "");
  });
  return id;
}

}  // namespace bsap::assess::testing
