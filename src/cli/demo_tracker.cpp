#include "cli/demo_tracker.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>

#include "plan/progress.h"
#include "store/assessment_repo.h"
#include "store/tracker_repo.h"
#include "store/user_repo.h"
#include "track/progress_service.h"

namespace bsap::cli {
namespace {

constexpr const char* kActor = "demo";

std::int64_t user_id(store::Transaction& tx, const char* username) {
  const auto user = store::find_user_by_username(tx, username);
  if (!user) throw std::runtime_error(std::string("demo user '") + username + "' is missing");
  return user->id;
}

std::int64_t department_id(store::Transaction& tx, const std::string& code) {
  const auto department = store::find_department_by_code(tx, code);
  if (!department)
    throw std::runtime_error("data/demo/plan-tracker.yaml names department '" + code +
                             "', which data/bsap2035/departments.yaml does not list");
  return department->id;
}

void add_departments(store::Transaction& tx, const std::filesystem::path& data_dir) {
  const YAML::Node file = YAML::LoadFile((data_dir / "bsap2035/departments.yaml").string());
  for (const YAML::Node& entry : file["departments"]) {
    store::Department department;
    department.code = entry["code"].as<std::string>();
    department.kind = entry["kind"].as<std::string>();
    department.name_zh = entry["zh"].as<std::string>();
    department.name_en = entry["en"].as<std::string>();
    store::upsert_department(tx, department, kActor);
  }
}

// Every item of each action goes to the action's lead, with its supporting departments.
void add_assignments(store::Transaction& tx, const plan::Plan& plan, const YAML::Node& demo) {
  for (const plan::Action& action : plan.actions) {
    const YAML::Node departments = demo["assignments"][action.number];
    if (!departments) continue;
    for (std::size_t i = 0; i < departments.size(); ++i) {
      const std::int64_t id = department_id(tx, departments[i].as<std::string>());
      for (const plan::ActionItem& item : action.items)
        store::assign_item(tx, {plan::item_id(action, item), id, i == 0}, kActor);
    }
  }
}

std::string narrative_en(plan::ItemStatus status) {
  switch (status) {
    case plan::ItemStatus::on_track:
      return "Demonstration data: the year's work went as planned; the milestones below were met.";
    case plan::ItemStatus::ongoing:
      return "Demonstration data: continuing work by nature; patrols and monitoring kept up all "
             "year.";
    case plan::ItemStatus::completed:
      return "Demonstration data: the item's deliverable was completed this year.";
    case plan::ItemStatus::needs_attention:
      return "Demonstration data: a milestone slipped by a quarter; a recovery plan is in place.";
    case plan::ItemStatus::off_track:
      return "Demonstration data: the planned work could not start; the lead department is "
             "reviewing the approach with its partners.";
    case plan::ItemStatus::not_started:
      return "Demonstration data: scheduled to start in a later year of the plan.";
  }
  return {};
}

std::string narrative_zh(plan::ItemStatus status) {
  switch (status) {
    case plan::ItemStatus::on_track:
      return "示範資料：本年度工作按計劃推行，下列里程碑均已達成。";
    case plan::ItemStatus::ongoing:
      return "示範資料：屬持續性工作，全年維持巡查及監測。";
    case plan::ItemStatus::completed:
      return "示範資料：本項目的交付成果已於本年度完成。";
    case plan::ItemStatus::needs_attention:
      return "示範資料：一項里程碑延遲約一季，已制定補救計劃。";
    case plan::ItemStatus::off_track:
      return "示範資料：計劃中的工作未能展開，牽頭部門正與合作伙伴檢討推行方式。";
    case plan::ItemStatus::not_started:
      return "示範資料：按計劃於較後年度展開。";
  }
  return {};
}

store::ProgressReport demo_report(const std::string& item, int year, plan::ItemStatus status) {
  store::ProgressReport report;
  report.item_id = item;
  report.year = year;
  report.status = status;
  report.narrative_zh = narrative_zh(status);
  report.narrative_en = narrative_en(status);
  report.demonstration = true;
  if (status == plan::ItemStatus::on_track || status == plan::ItemStatus::completed)
    report.milestones.push_back({"年度工作計劃獲工作小組通過",
                                 "Year's work plan agreed by the working group",
                                 std::to_string(year) + "-03-31", std::to_string(year) + "-03-20"});
  return report;
}

void add_progress(store::Transaction& tx, const plan::Plan& plan, const YAML::Node& demo) {
  const int year = demo["progress_year"].as<int>();
  const track::TrackerActor secretariat{user_id(tx, "plansec"), true};
  for (const auto& entry : demo["published"]) {
    const auto status = plan::parse_status(entry.first.as<std::string>());
    if (!status) throw std::runtime_error("data/demo/plan-tracker.yaml: unknown status");
    for (const YAML::Node& item : entry.second) {
      const std::int64_t id = track::save_progress(
          tx, plan, demo_report(item.as<std::string>(), year, *status), secretariat);
      track::submit_progress(tx, id, secretariat);
      track::review_progress(tx, id, secretariat);
      track::publish_progress(tx, id, secretariat);
    }
  }
  for (const YAML::Node& item : demo["drafts"])
    track::save_progress(tx, plan,
                         demo_report(item.as<std::string>(), year, plan::ItemStatus::on_track),
                         secretariat);
}

void add_indicator_values(store::Transaction& tx, const YAML::Node& demo) {
  for (const auto& indicator : demo["indicator_values"])
    for (const auto& value : indicator.second)
      store::record_indicator_value(
          tx,
          {indicator.first.as<std::string>(), value.first.as<int>(), value.second.as<double>(),
           "Demonstration value, not an official figure / 示範數值，並非官方數字", true},
          kActor);
}

void add_cbi_inputs(store::Transaction& tx, const YAML::Node& demo) {
  for (const auto& year : demo["cbi_inputs"])
    for (const auto& indicator : year.second)
      for (const auto& input : indicator.second)
        store::record_cbi_input(
            tx,
            {year.first.as<int>(), indicator.first.as<int>(), input.first.as<std::string>(),
             input.second.as<double>(), "Demonstration value / 示範數值", true},
            kActor);
}

// The demo's funded project serves the items that name the scheme (1.5; 2.1).
void tag_demo_project(store::Transaction& tx, const YAML::Node& demo) {
  const auto approved = store::list_approved_grants(tx);
  if (approved.empty()) return;
  for (const YAML::Node& item : demo["project_items"])
    store::tag_project_item(tx, approved.front().application_id, item.as<std::string>(), kActor);
}

}  // namespace

void add_demo_tracker(store::Transaction& tx, const DemoPlanData& data,
                      const std::filesystem::path& data_dir) {
  if (store::find_department_by_code(tx, "afcd")) return;
  const YAML::Node demo = YAML::LoadFile((data_dir / "demo/plan-tracker.yaml").string());
  add_departments(tx, data_dir);
  add_assignments(tx, data.plan.plan, demo);
  store::add_department_member(tx, department_id(tx, "afcd"), user_id(tx, "department"), kActor);
  add_progress(tx, data.plan.plan, demo);
  add_indicator_values(tx, demo);
  add_cbi_inputs(tx, demo);
  tag_demo_project(tx, demo);
}

}  // namespace bsap::cli
