// The scheme's scheduled work: on each run, requests for information whose reply was due before
// today lapse and their applications are deemed withdrawn (guidelines §2.6.4); funded projects'
// suspension and termination notices take effect on their day (§5.16.3) and grantees are
// reminded of reports due soon or overdue (§5.8.11, manage/project_service.h). `bsap serve`
// runs it at start and every hour; `bsap jobs run --on DAY` runs it once for a given day (for
// cron, and for tests with a clock of their own).
#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/civil_date.h"
#include "rules/ruleset_registry.h"
#include "store/store.h"

namespace bsap::manage {

struct JobReport {
  int lapsed_requests = 0;
  int project_actions = 0;  // notices applied and reminders sent
};

// One run for `today`, in one transaction, by the ruleset in force that day. Throws StoreError,
// or std::runtime_error when no ruleset is in force.
JobReport run_scheduled_jobs(store::Store& store, const rules::RulesetRegistry& rulesets,
                             CivilDate today);

// Runs the jobs for Hong Kong's today at construction and then every `interval`, on a thread of
// its own, until destroyed. A failed run is logged to stderr and retried at the next interval.
class JobRunner {
 public:
  JobRunner(store::Store& store, const rules::RulesetRegistry& rulesets,
            std::chrono::seconds interval);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

 private:
  void loop(std::stop_token stop);

  store::Store& store_;
  const rules::RulesetRegistry& rulesets_;
  std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace bsap::manage
