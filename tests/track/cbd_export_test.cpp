// The national report export (000 5.2: reported through the Convention's online platform): 23
// KMGBF targets in section III, each with the actions serving it per the plan's mapping and only
// their published narratives, and the headline indicators that measure it.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "plan/crosswalk.h"
#include "store/store_test_fixture.h"
#include "store/tracker_repo.h"
#include "store/user_repo.h"
#include "support/real_plan_data.h"
#include "track/cbd_export.h"

namespace bsap::track {
namespace {

using Json = nlohmann::json;
using store::testing::StoreTest;

const plan::PlanData& plan_data() { return plan::test_data::real_plan_data(); }
const std::vector<plan::Indicator>& indicators() { return plan::test_data::real_indicators(); }
const plan::CbiHandbook& handbook() { return plan::test_data::real_cbi_handbook(); }

class CbdExportTest : public StoreTest {
 protected:
  Json exported(int year) {
    auto tx = store_->begin();
    return Json::parse(cbd_export_json(
        plan_data(), build_annual_report(*tx, plan_data(), indicators(), handbook(), year)));
  }

  // Drafts the item's report and, when publish, takes it through to published.
  void report(const std::string& item, const std::string& narrative_en, bool publish) {
    auto tx = store_->begin();
    std::int64_t user = 0;
    if (auto found = store::find_user_by_username(*tx, "plan_secretary")) user = found->id;
    store::Department afcd;
    afcd.code = "afcd";
    afcd.name_zh = "漁農自然護理署";
    afcd.name_en = "AFCD";
    afcd.kind = "department";
    store::ProgressReport draft;
    draft.item_id = item;
    draft.year = 2026;
    draft.department_id = store::upsert_department(*tx, afcd, "test");
    draft.status = plan::ItemStatus::on_track;
    draft.narrative_zh = "進度";
    draft.narrative_en = narrative_en;
    std::int64_t id = store::save_progress_draft(*tx, draft, user);
    if (publish) {
      store::set_progress_state(*tx, id, plan::ReportState::draft, plan::ReportState::submitted, "",
                                user);
      store::set_progress_state(*tx, id, plan::ReportState::submitted, plan::ReportState::reviewed,
                                "", user);
      store::set_progress_state(*tx, id, plan::ReportState::reviewed, plan::ReportState::published,
                                "", user);
    }
    tx->commit();
  }
};

TEST_P(CbdExportTest, SectionIIIHasThe23TargetsInOrder_Clause5_2) {
  const Json document = exported(2026);
  EXPECT_EQ(document["report"]["year"], 2026);
  ASSERT_EQ(document["section_iii"].size(), 23u);
  for (int target = 1; target <= 23; ++target) {
    const Json& section = document["section_iii"][static_cast<std::size_t>(target - 1)];
    EXPECT_EQ(section["target"], target);
    // The actions serving it are the plan's mapping (附錄), no more and no fewer.
    EXPECT_EQ(section["actions"].size(),
              plan::actions_serving(plan_data().plan, plan::Framework::kmgbf, target).size())
        << target;
  }
  EXPECT_EQ(document["section_i"]["items"], 81);
}

TEST_P(CbdExportTest, OnlyPublishedNarrativesAreExported_Clause5_2) {
  add_test_user("plan_secretary", {Role::plan_secretariat});
  // Two items of the first action serving target 3.
  const auto serving = plan::actions_serving(plan_data().plan, plan::Framework::kmgbf, 3);
  ASSERT_FALSE(serving.empty());
  const plan::Action& action = *serving.front();
  ASSERT_GE(action.items.size(), 2u);
  report(plan::item_id(action, action.items[0]), "Published narrative", true);
  report(plan::item_id(action, action.items[1]), "Draft narrative", false);
  const Json document = exported(2026);
  const std::string text = document.dump();
  EXPECT_NE(text.find("Published narrative"), std::string::npos);
  EXPECT_EQ(text.find("Draft narrative"), std::string::npos);
  const Json& target3 = document["section_iii"][2];
  EXPECT_EQ(target3["progress"]["reported"], 1);
  const Json& first = target3["actions"][0];
  EXPECT_EQ(first["action"], action.number);
  EXPECT_EQ(first["status"], "on_track");
  ASSERT_EQ(first["items"].size(), 1u);
  EXPECT_EQ(first["items"][0]["narrative"]["en"], "Published narrative");
}

TEST_P(CbdExportTest, HeadlineIndicatorsAreThoseMeasuringTheTarget_Clause5_2) {
  const Json document = exported(2026);
  std::size_t listed = 0;
  for (const Json& section : document["section_iii"]) {
    const int target = section["target"];
    for (const Json& entry : section["headline_indicators"]) {
      ++listed;
      auto indicator =
          std::ranges::find(indicators(), entry["code"].get<std::string>(), &plan::Indicator::code);
      ASSERT_NE(indicator, indicators().end());
      const bool maps =
          std::ranges::find(indicator->kmgbf_targets, target) != indicator->kmgbf_targets.end();
      const bool headline = indicator->kmgbf_headline.starts_with(std::to_string(target) + ".");
      EXPECT_TRUE(maps || headline) << indicator->code << " under target " << target;
    }
  }
  EXPECT_GT(listed, 0u);  // the registry maps some indicators to KMGBF targets
}

INSTANTIATE_TEST_SUITE_P(Backends, CbdExportTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::track
