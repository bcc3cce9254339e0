// `bsap jobs run [--on DAY]`: the scheduled work once (manage/scheduled_jobs.h): requests for
// information unanswered after their 14th day lapse and the applications are deemed withdrawn
// (§2.6.4); funded projects' notices take effect and their reports are reminded (§5.16.3,
// §5.8.11). `bsap serve` runs it every hour by itself; this is for cron and for tests.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "manage/scheduled_jobs.h"
#include "store/store.h"

namespace bsap::cli {
namespace {

void run_jobs(const GlobalOptions& global, const std::string& on) {
  const CivilDate today = day_or_today("--on", on);
  const rules::RulesetRegistry rulesets = load_rulesets_or_refuse();
  auto store = store::open_store(global.db_url);
  store->migrate();
  const manage::JobReport report = manage::run_scheduled_jobs(*store, rulesets, today);
  std::cout << "jobs on " << format_iso(today) << ": " << report.lapsed_requests
            << " request(s) for information lapsed; their applications are deemed withdrawn "
               "(§2.6.4); "
            << report.project_actions
            << " project notice(s) applied or reminder(s) sent (§5.16.3, §5.8.11)\n";
}

}  // namespace

void add_jobs_commands(CLI::App& app, const GlobalOptions& options) {
  auto* jobs = app.add_subcommand("jobs", "Scheduled work of the assessment and the funded projects");
  jobs->require_subcommand(1);
  auto on = std::make_shared<std::string>();
  auto* run = jobs->add_subcommand("run", "Run the scheduled jobs once");
  run->add_option("--on", *on, "The day to run them for (YYYY-MM-DD; default: today in HK)");
  run->callback([&options, on] { run_jobs(options, *on); });
}

}  // namespace bsap::cli
