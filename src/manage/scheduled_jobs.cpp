#include "manage/scheduled_jobs.h"

#include <iostream>
#include <variant>

#include "assess/assessment_service.h"
#include "manage/project_service.h"

namespace bsap::manage {

JobReport run_scheduled_jobs(store::Store& store, const rules::RulesetRegistry& rulesets,
                             CivilDate today) {
  auto in_force = rulesets.ruleset_for(today);
  if (std::holds_alternative<rules::NoRulesetInForce>(in_force))
    throw std::runtime_error("no CCFS ruleset is in force on " + format_iso(today));
  const auto& ruleset = *std::get<std::shared_ptr<const rules::Ruleset>>(in_force);
  JobReport report;
  store::in_transaction(store, [&](store::Transaction& tx) {
    report.lapsed_requests = assess::lapse_overdue_requests(tx, ruleset, today);
    report.project_actions = run_project_jobs(tx, today);
  });
  return report;
}

JobRunner::JobRunner(store::Store& store, const rules::RulesetRegistry& rulesets,
                     std::chrono::seconds interval)
    : store_(store),
      rulesets_(rulesets),
      interval_(interval),
      thread_([this](std::stop_token stop) { loop(stop); }) {}

JobRunner::~JobRunner() {
  thread_.request_stop();
  wake_.notify_all();
}

void JobRunner::loop(std::stop_token stop) {
  while (!stop.stop_requested()) {
    try {
      const auto report = run_scheduled_jobs(store_, rulesets_,
                                             today_in_hong_kong(std::chrono::system_clock::now()));
      if (report.lapsed_requests > 0)
        std::cerr << "bsap: " << report.lapsed_requests
                  << " request(s) for information lapsed (§2.6.4)\n";
      if (report.project_actions > 0)
        std::cerr << "bsap: " << report.project_actions
                  << " project notice(s) applied or reminder(s) sent (§5.16.3, §5.8.11)\n";
    } catch (const std::exception& error) {
      std::cerr << "bsap: scheduled jobs failed, will retry: " << error.what() << "\n";
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [] { return false; });
  }
}

}  // namespace bsap::manage
