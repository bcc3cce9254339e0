#include "cli/demo_assessment.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "assess/assessment_service.h"
#include "ccfs/application_json.h"
#include "ccfs/assessment_criteria.h"
#include "ccfs/budget_totals.h"
#include "cli/bsap_home.h"
#include "store/application_repo.h"
#include "store/organisation_repo.h"
#include "store/round_repo.h"
#include "store/user_repo.h"

namespace bsap::cli {
namespace {

using ccfs::AssessmentEvent;
using ccfs::AssessmentState;
using ccfs::TransitionActor;

std::string read_demo_file(const std::string& name) {
  const auto path = bsap_data_dir() / "demo" / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::int64_t user_id(store::Transaction& tx, const char* username) {
  const auto user = store::find_user_by_username(tx, username);
  if (!user) throw std::runtime_error(std::string("demo user '") + username + "' is missing");
  return user->id;
}

ccfs::Application parsed(const std::string& json) {
  auto document = ccfs::parse_application_json(json);
  if (auto* error = std::get_if<ccfs::ParseError>(&document))
    throw std::runtime_error("demo application: " + error->path + ": " + error->message_en);
  return std::get<ccfs::ApplicationDocument>(document).application;
}

std::int64_t submitted(store::Transaction& tx, std::int64_t organisation, std::int64_t pic,
                       const std::string& file, const rules::Ruleset& ruleset, CivilDate on) {
  const std::string json = read_demo_file(file);
  const ccfs::Application application = parsed(json);
  const std::int64_t id = store::create_application(
      tx, {organisation, application.project_type, application.title, json}, pic);
  store::submit_application(tx, id, 1, pic, ruleset.version, on);
  return id;
}

void step(store::Transaction& tx, const rules::Ruleset& ruleset, TransitionActor actor,
          std::int64_t user, std::int64_t id, AssessmentEvent event, const std::string& reason,
          CivilDate on) {
  assess::Step step;
  step.application_id = id;
  step.event = event;
  step.reason = reason;
  step.today = on;
  assess::take_step(tx, ruleset, {actor, user}, step);
}

void score(store::Transaction& tx, const rules::Ruleset& ruleset, std::int64_t id,
           std::int64_t member, AssessmentState body, const ccfs::Application& application) {
  std::vector<assess::ScoreEntry> scores;
  for (const auto& criterion : ccfs::applicable_criteria(application, ruleset))
    scores.push_back({criterion.key(), 4, "Clear plan with measurable outputs. 計劃清晰。"});
  assess::save_scores(tx, ruleset, id, member, body, scores, "support", "Recommended. 建議支持。");
}

void member_declares(store::Transaction& tx, std::int64_t id, std::int64_t member,
                     AssessmentState body, std::int64_t secretariat) {
  assess::assign_member(tx, id, member, body, secretariat);
  assess::declare_interest(tx, id, member, body, false, "");
}

// Screening, the two panels and the committee's approval of the whole grant asked for.
void approve(store::Transaction& tx, const rules::Ruleset& ruleset, std::int64_t id,
             const ccfs::Application& application, CivilDate on) {
  const std::int64_t secretariat = user_id(tx, "secretariat");
  step(tx, ruleset, TransitionActor::secretariat, secretariat, id, AssessmentEvent::begin_screening,
       "", on);
  step(tx, ruleset, TransitionActor::secretariat, secretariat, id,
       AssessmentEvent::refer_to_assessment_panel, "", on);
  member_declares(tx, id, user_id(tx, "assessor"), AssessmentState::assessment_panel, secretariat);
  score(tx, ruleset, id, user_id(tx, "assessor"), AssessmentState::assessment_panel, application);
  step(tx, ruleset, TransitionActor::secretariat, secretariat, id,
       AssessmentEvent::refer_to_approval_panel, "Supported by the assessment panel.", on);
  member_declares(tx, id, user_id(tx, "approver"), AssessmentState::approval_panel, secretariat);
  step(tx, ruleset, TransitionActor::secretariat, secretariat, id,
       AssessmentEvent::refer_to_committee, "Recommended by the approval panel.", on);
  const std::int64_t committee = user_id(tx, "committee");
  member_declares(tx, id, committee, AssessmentState::committee, secretariat);
  assess::Step decision;
  decision.application_id = id;
  decision.event = AssessmentEvent::approve;
  decision.today = on;
  decision.approved_amount =
      application.requested_grant.value_or(ccfs::budget_totals(application).grant);
  decision.duration_months = application.duration_months.value_or(24);
  decision.conditions = "Inception report within one month of the start (§5.1.2).";
  assess::take_step(tx, ruleset, {TransitionActor::committee, committee}, decision);
}

}  // namespace

void add_demo_assessment(store::Transaction& tx, const rules::Ruleset& ruleset, CivilDate today) {
  if (!store::list_rounds(tx).empty()) return;
  const std::int64_t secretariat = user_id(tx, "secretariat");
  const std::int64_t ngo = user_id(tx, "ngo");
  const auto organisation = store::organisation_of_user(tx, ngo);
  if (!organisation) throw std::runtime_error("the demo organisation is missing");
  store::create_round(
      tx, {"2026年第一輪", "2026 round 1", today.plus_days(-150), today.plus_days(-120)},
      secretariat);
  store::create_round(
      tx, {"2026年第二輪", "2026 round 2", today.plus_days(-30), today.plus_days(60)}, secretariat);
  const std::string approved_file = "application-ma-lai-chi-wo.json";
  const std::int64_t approved =
      submitted(tx, organisation->id, ngo, approved_file, ruleset, today.plus_days(-125));
  approve(tx, ruleset, approved, parsed(read_demo_file(approved_file)), today.plus_days(-100));
  const std::int64_t screening =
      submitted(tx, organisation->id, ngo, "application-cultural-so-lo-pun.json", ruleset,
                today.plus_days(-5));
  step(tx, ruleset, TransitionActor::secretariat, secretariat, screening,
       AssessmentEvent::begin_screening, "", today);
}

}  // namespace bsap::cli
