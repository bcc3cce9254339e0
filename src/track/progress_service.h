// Plan progress as the departments and the working group's secretariat report it
// (000_e0ccae9882b7fb64.txt 5.1: the inter-departmental working group coordinates and monitors
// the 30 actions and reports every year to the Advisory Council on the Environment). A focal
// point drafts and submits the progress of the items their department leads, and only those; the
// secretariat reviews, returns with a note, and publishes. Each function runs in the caller's
// transaction; a refused step throws assess::StepRefused (clause, zh, en) before anything is
// written; every change is audited by the store.
#pragma once
#include <cstdint>
#include <string>

#include "assess/assessment_service.h"
#include "plan/plan_model.h"
#include "store/store.h"
#include "store/tracker_repo.h"

namespace bsap::track {

using assess::StepRefused;

// Who acts. A focal point acts for the departments they belong to (store::departments_of_user);
// the working group's secretariat (Role::plan_secretariat) for every item.
struct TrackerActor {
  std::int64_t user_id = 0;
  bool plan_secretariat = false;
};

// Whether the actor may draft and submit the item's progress: the secretariat always; a focal
// point when a department of theirs leads the item.
bool may_report_item(store::Transaction& tx, const TrackerActor& actor, std::string_view item_id);

// Saves the draft of (item, year). Refused when the item is not one of the plan's 81, the year is
// outside the plan's years (2026–2035), the actor may not report the item, or the report has
// been submitted (only a draft is edited; the secretariat returns it to draft first). The
// department is the item's lead; an item without a lead department is refused (an administrator
// assigns it first). Returns the report id.
std::int64_t save_progress(store::Transaction& tx, const plan::Plan& plan,
                           const store::ProgressReport& draft, const TrackerActor& actor);
// draft → submitted, by a focal point who may report the item (or the secretariat). A report
// without a narrative in either language is refused.
void submit_progress(store::Transaction& tx, std::int64_t report_id, const TrackerActor& actor);
// The secretariat only: submitted → reviewed; submitted|reviewed → draft with a note (required);
// reviewed → published.
void review_progress(store::Transaction& tx, std::int64_t report_id, const TrackerActor& actor);
void return_progress(store::Transaction& tx, std::int64_t report_id, const std::string& note,
                     const TrackerActor& actor);
void publish_progress(store::Transaction& tx, std::int64_t report_id, const TrackerActor& actor);

// The plan's reporting years: 2026 (the first full year after the December 2025 plan) to 2035.
constexpr int kFirstPlanYear = 2026;
constexpr int kLastPlanYear = 2035;

}  // namespace bsap::track
