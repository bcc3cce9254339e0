// `bsap demo load`: the demo data set that `make run` serves — one user per role, so a visitor can
// see every part of the system. It refuses a database that already holds real users, so a demo
// password can never be planted in a live deployment.
#include <CLI/CLI.hpp>
#include <iostream>
#include <set>

#include "cli/bsap_home.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/demo_assessment.h"
#include "cli/demo_cases.h"
#include "cli/demo_hub.h"
#include "cli/demo_matching.h"
#include "cli/demo_observations.h"
#include "cli/demo_project.h"
#include "cli/demo_tracker.h"
#include "cli/demo_volunteering.h"
#include "core/password.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"

namespace bsap::cli {
namespace {

struct DemoUser {
  const char* username;
  const char* display_name;
  Role role;
};

// Shown in README.md and printed on load; valid only in a demo database.
constexpr const char* kDemoPassword = "bsap-demo-2026";

const std::vector<DemoUser>& demo_users() {
  static const std::vector<DemoUser> users{
      {"admin", "系統管理員 Administrator", Role::administrator},
      {"secretariat", "秘書處 Secretariat Officer", Role::secretariat},
      {"assessor", "審議小組 Assessment Panel Member", Role::assessment_panel},
      {"approver", "審批小組 Approval Panel Member", Role::approval_panel},
      {"committee", "委員會 Committee Member", Role::committee},
      {"ngo", "申請機構 Applicant (NGO)", Role::applicant},
      {"department", "部門聯絡人 Department Focal Point", Role::focal_point},
      {"plansec", "工作小組秘書處 Working Group Secretariat", Role::plan_secretariat},
      {"citizen", "公眾參與者 Public Contributor", Role::contributor},
      {"funder", "資助者 Funder", Role::funder},
      // A second funder, in the liquor trade: the matching demo's §3.11.3(d) refusal.
      {"brewer", "資助者(酒類行業) Funder (liquor trade)", Role::funder},
      {"verifier", "物種鑑定專家 Species Verifier", Role::verifier},
      // More contributors, so the volunteering demo has people to engage and a waiting list.
      {"volunteer1", "義工一 Volunteer One", Role::contributor},
      {"volunteer2", "義工二 Volunteer Two", Role::contributor},
      {"volunteer3", "義工三 Volunteer Three", Role::contributor},
  };
  return users;
}

bool holds_non_demo_users(store::Transaction& tx) {
  std::set<std::string> demo_names;
  for (const auto& u : demo_users()) demo_names.insert(u.username);
  for (const auto& user : store::list_users(tx))
    if (!demo_names.count(user.username)) return true;
  return false;
}

// The demo applicant's organisation, so the portal has someone to act for (§2.3.1(b) kind).
void add_demo_organisation(store::Transaction& tx) {
  const auto ngo = store::find_user_by_username(tx, "ngo");
  if (!ngo || store::organisation_of_user(tx, ngo->id)) return;
  store::create_organisation(
      tx, {"綠野保育有限公司", "Green Fields Conservation Limited", "non_profit_company", false},
      ngo->id, "董事 Director");
}

void load_demo(const GlobalOptions& options, bool force) {
  auto db = store::open_store(options.db_url);
  db->migrate();
  auto tx = db->begin();
  if (holds_non_demo_users(*tx) && !force) {
    std::cerr << "bsap demo load: this database holds users that are not demo users; refusing to "
                 "add demo accounts with a published password. Use a fresh database, or --force.\n";
    throw CommandExit{kBadInput};
  }
  int added = 0;
  for (const auto& u : demo_users()) {
    if (store::find_user_by_username(*tx, u.username)) continue;
    store::add_user(*tx,
                    {u.username,
                     u.display_name,
                     std::string(u.username) + "@demo.invalid",
                     hash_password(kDemoPassword),
                     {u.role}},
                    "demo");
    ++added;
  }
  add_demo_organisation(*tx);
  const CivilDate today = day_or_today("--on", "");
  const auto rulesets = load_rulesets_or_refuse();
  auto in_force = rulesets.ruleset_for(today);
  if (auto* ruleset = std::get_if<std::shared_ptr<const rules::Ruleset>>(&in_force)) {
    add_demo_assessment(*tx, **ruleset, today);
    add_demo_project(*tx, **ruleset, today);
  }
  const PlanBundle plan = load_plan_bundle_or_refuse();
  add_demo_tracker(*tx, {plan.plan, plan.indicators, plan.cbi}, bsap_data_dir());
  add_demo_matching(*tx);
  add_demo_cases(*tx);
  add_demo_volunteering(*tx, today);
  tx->commit();
  add_demo_hub(*db, bsap_data_dir());
  add_demo_observations(*db);
  std::cout << "demo: " << added << " user(s) added; every demo user's password is '"
            << kDemoPassword << "'\n";
  for (const auto& u : demo_users())
    std::cout << "  " << u.username << "  (" << role_code(u.role) << ")\n";
}

}  // namespace

void add_demo_commands(CLI::App& app, const GlobalOptions& options) {
  auto* demo = app.add_subcommand("demo", "Demo data for trying bsap out");
  demo->require_subcommand(1);
  auto* load = demo->add_subcommand("load", "Add the demo data set (one user per role)");
  static bool force = false;
  load->add_flag("--force", force, "Add demo users even where other users exist");
  load->callback([&options] { load_demo(options, force); });
}

}  // namespace bsap::cli
