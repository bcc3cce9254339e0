// The annual progress report to the Advisory Council on the Environment
// (000_e0ccae9882b7fb64.txt 5.1), assembled for one year from the published progress, the
// indicators, the City Biodiversity Index, the funding scheme's figures and the volunteering and
// citizen science recorded: the data the web page
// (web/annual_report_page.h) and `bsap plan report` render. Reads only.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "plan/cbi.h"
#include "plan/indicator.h"
#include "plan/plan_model.h"
#include "plan/progress.h"
#include "store/store.h"
#include "store/tracker_repo.h"
#include "track/computed_indicators.h"
#include "track/volunteer_engagement.h"
#include "volunteer/engagement.h"

namespace bsap::track {

struct ReportedItem {
  std::string item_id;
  const plan::ActionItem* item = nullptr;
  std::optional<store::ProgressReport> progress;  // published only
};

struct ReportedAction {
  const plan::Action* action = nullptr;
  std::optional<plan::ItemStatus> status;
  std::vector<ReportedItem> items;
};

struct ReportedIndicator {
  const plan::Indicator* indicator = nullptr;
  std::vector<plan::IndicatorValue> series;  // by year, recorded and computed
  plan::Trend trend = plan::Trend::no_data;
};

struct CcfsFigures {
  int grants_approved = 0;  // in the year
  std::int64_t grant_cents = 0;
  int active_projects = 0;  // at the year's end
  std::vector<ItemProjects> by_item;
};

// The year's volunteering (000 優先行動 2.2 item 1) and citizen science (2.2, 3.5).
struct VolunteeringFigures {
  volunteer::Engagement engagement;  // of every programme
  int citizen_scientists = 0;
  std::vector<ItemVolunteering> by_item;
};

struct AnnualReport {
  int year = 0;
  plan::PlanRollup rollup;
  std::vector<ReportedAction> actions;  // the 30, in plan order
  std::vector<ReportedIndicator> indicators;
  std::optional<plan::CbiScoring> cbi;  // the latest scoring up to the year, if any
  CcfsFigures ccfs;
  VolunteeringFigures volunteering;
  bool demonstration = false;  // some of its data is demonstration data
};

AnnualReport build_annual_report(store::Transaction& tx, const plan::PlanData& plan,
                                 const std::vector<plan::Indicator>& indicators,
                                 const plan::CbiHandbook& handbook, int year);

// The mid-term review (5.1 《計劃》設中期檢討): the year's report frozen as JSON in the store
// (kind "midterm_review"), compared with the baseline year's. Refused (StepRefused) when a
// snapshot for the year exists.
void freeze_midterm_review(store::Transaction& tx, const AnnualReport& report,
                           std::int64_t actor_user_id);

}  // namespace bsap::track
