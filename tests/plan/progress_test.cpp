// Progress on the plan's items (000_e0ccae9882b7fb64.txt 5.1 監測進度): the codes, the report's
// life from draft to publication, an action's status from its items', and the roll-ups over the
// real plan (81 items; the mappings of the 附錄 table).
#include "plan/progress.h"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "support/real_plan_data.h"

namespace bsap::plan {
namespace {

using test_data::real_plan_data;

// ---- codes

TEST(ItemStatusCodes, EveryStatusRoundTripsThroughItsCode_5_1) {
  const std::vector<std::string_view> expected = {"not_started", "on_track",  "needs_attention",
                                                  "off_track",   "completed", "ongoing"};
  ASSERT_EQ(all_statuses().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(status_code(all_statuses()[i]), expected[i]);
    EXPECT_EQ(parse_status(expected[i]), all_statuses()[i]);
  }
}

TEST(ItemStatusCodes, UnknownOrMiscasedCodesAreRefused) {
  EXPECT_EQ(parse_status(""), std::nullopt);
  EXPECT_EQ(parse_status("On_Track"), std::nullopt);
  EXPECT_EQ(parse_status("on track"), std::nullopt);
  EXPECT_EQ(parse_status("done"), std::nullopt);
}

TEST(ReportStateCodes, EveryStateAndEventHasItsCode) {
  const std::map<ReportState, std::string_view> states = {{ReportState::draft, "draft"},
                                                          {ReportState::submitted, "submitted"},
                                                          {ReportState::reviewed, "reviewed"},
                                                          {ReportState::published, "published"}};
  for (const auto& [state, code] : states) {
    EXPECT_EQ(state_code(state), code);
    EXPECT_EQ(parse_state(code), state);
  }
  EXPECT_EQ(parse_state("approved"), std::nullopt);
  EXPECT_EQ(event_code(ReportEvent::submit), "submit");
  EXPECT_EQ(event_code(ReportEvent::return_to_draft), "return");
  EXPECT_EQ(event_code(ReportEvent::review), "review");
  EXPECT_EQ(event_code(ReportEvent::publish), "publish");
}

// ---- the report's life

// Every (state, event) pair: the five allowed moves lead where progress.h says and the other
// eleven are refused.
TEST(ReportLife, OnlyTheMovesOfTheWorkflowAreAllowed_5_1) {
  using S = ReportState;
  using E = ReportEvent;
  const std::map<std::pair<S, E>, S> allowed = {
      {{S::draft, E::submit}, S::submitted},          {{S::submitted, E::review}, S::reviewed},
      {{S::submitted, E::return_to_draft}, S::draft}, {{S::reviewed, E::return_to_draft}, S::draft},
      {{S::reviewed, E::publish}, S::published},
  };
  int refused = 0;
  for (const S from : {S::draft, S::submitted, S::reviewed, S::published}) {
    for (const E event : {E::submit, E::return_to_draft, E::review, E::publish}) {
      const auto found = allowed.find({from, event});
      const std::optional<S> next = next_state(from, event);
      SCOPED_TRACE(std::string(state_code(from)) + " -" + std::string(event_code(event)) + "->");
      if (found == allowed.end()) {
        EXPECT_EQ(next, std::nullopt);
        ++refused;
      } else {
        EXPECT_EQ(next, found->second);
      }
    }
  }
  EXPECT_EQ(refused, 11);
}

TEST(ReportLife, APublishedReportIsFinal_5_1) {
  for (const ReportEvent event : {ReportEvent::submit, ReportEvent::return_to_draft,
                                  ReportEvent::review, ReportEvent::publish})
    EXPECT_EQ(next_state(ReportState::published, event), std::nullopt);
}

TEST(ReportLife, ADraftCannotBePublishedWithoutReview_5_1) {
  EXPECT_EQ(next_state(ReportState::draft, ReportEvent::publish), std::nullopt);
  EXPECT_EQ(next_state(ReportState::submitted, ReportEvent::publish), std::nullopt);
  EXPECT_EQ(next_state(ReportState::draft, ReportEvent::review), std::nullopt);
}

// ---- item ids

TEST(ItemIds, AnItemIsNamedByItsActionAndItsNumber) {
  const Plan& plan = real_plan_data().plan;
  const std::optional<ItemRef> found = find_item(plan, "1.6.2");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->action->number, "1.6");
  EXPECT_EQ(found->item->number, 2);
  EXPECT_EQ(item_id(*found->action, *found->item), "1.6.2");
}

// 2.10 is the tenth action of area 2, not "2.1" with a trailing zero.
TEST(ItemIds, TwoDigitActionNumbersAreText_Action2_10) {
  const std::optional<ItemRef> found = find_item(real_plan_data().plan, "2.10.4");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->action->number, "2.10");
  EXPECT_EQ(found->item->number, 4);
  EXPECT_EQ(find_item(real_plan_data().plan, "2.1.4"), std::nullopt);  // 2.1 has two items
}

TEST(ItemIds, IdsThatNameNoItemAreRefused) {
  const Plan& plan = real_plan_data().plan;
  for (const char* id : {"", "1", "1.5", "1.5.", ".1.5", "1.5.3", "1.5.0", "1.5.02", "1.5.-1",
                         "1.5.2.", "1.5.2a", "1.05.2", "5.1.1", "1.10.1", "1.5.2 "})
    EXPECT_EQ(find_item(plan, id), std::nullopt) << "'" << id << "'";
}

TEST(ItemIds, EveryItemOfThePlanIsFoundByItsId) {
  const Plan& plan = real_plan_data().plan;
  int items = 0;
  for (const Action& action : plan.actions) {
    for (const ActionItem& item : action.items) {
      const std::optional<ItemRef> found = find_item(plan, item_id(action, item));
      ASSERT_TRUE(found) << item_id(action, item);
      EXPECT_EQ(found->item, &item);
      ++items;
    }
  }
  EXPECT_EQ(items, 81);
}

// ---- an action's status from its items'

using S = ItemStatus;
constexpr std::nullopt_t unreported = std::nullopt;

std::optional<S> status_of(std::initializer_list<std::optional<S>> items) {
  return action_status(std::vector<std::optional<S>>(items));
}

TEST(ActionStatus, NoReportedItemMeansNoStatus) {
  EXPECT_EQ(status_of({}), std::nullopt);
  EXPECT_EQ(status_of({unreported, unreported}), std::nullopt);
}

TEST(ActionStatus, AnyItemOffTrackMakesTheActionOffTrack) {
  EXPECT_EQ(status_of({S::completed, S::off_track, S::needs_attention}), S::off_track);
  EXPECT_EQ(status_of({unreported, S::off_track}), S::off_track);
}

TEST(ActionStatus, ElseAnyItemNeedingAttentionMakesItNeedAttention) {
  EXPECT_EQ(status_of({S::completed, S::needs_attention, S::on_track}), S::needs_attention);
  EXPECT_EQ(status_of({S::not_started, S::needs_attention}), S::needs_attention);
}

TEST(ActionStatus, EveryItemCompletedMakesItCompleted) {
  EXPECT_EQ(status_of({S::completed, S::completed, S::completed}), S::completed);
}

// The choice written in progress.cpp: "every item" counts the unreported ones too.
TEST(ActionStatus, ACompletedItemBesideAnUnreportedOneIsOnlyOnTrack) {
  EXPECT_EQ(status_of({S::completed, unreported}), S::on_track);
}

TEST(ActionStatus, EveryReportedItemNotStartedMakesItNotStarted) {
  EXPECT_EQ(status_of({S::not_started, S::not_started}), S::not_started);
  EXPECT_EQ(status_of({S::not_started, unreported, unreported}), S::not_started);
}

TEST(ActionStatus, OtherwiseTheActionIsOnTrack) {
  EXPECT_EQ(status_of({S::on_track}), S::on_track);
  EXPECT_EQ(status_of({S::ongoing, S::completed}), S::on_track);
  EXPECT_EQ(status_of({S::not_started, S::on_track}), S::on_track);
  EXPECT_EQ(status_of({S::ongoing, unreported}), S::on_track);
}

// ---- counts

TEST(StatusCounts, AnEmptySetHasNoShareOnTrack) {
  EXPECT_EQ(StatusCounts{}.going_well(), 0);
  EXPECT_EQ(StatusCounts{}.share_on_track(), 0.0);
}

TEST(StatusCounts, UnreportedItemsCountAgainstTheShareOnTrack) {
  StatusCounts counts;
  counts.items = 8;
  counts.reported = 5;
  counts.by_status = {{S::on_track, 2}, {S::completed, 1}, {S::ongoing, 1}, {S::off_track, 1}};
  EXPECT_EQ(counts.going_well(), 4);
  EXPECT_DOUBLE_EQ(counts.share_on_track(), 0.5);
}

// ---- roll-up over the real plan

// Two items published: 1.1.1 on track (action 1.1: goal 2; KMGBF 1, 3; NBSAP 7, 9; SDG 14, 15) and
// 1.2.2 off track (action 1.2: goals 1, 2, 5; KMGBF 1, 2, 3, 6, 11; NBSAP 7, 8, 9, 21; SDG 14, 15).
class TwoItemsPublished : public ::testing::Test {
 protected:
  const PlanRollup rollup =
      roll_up(real_plan_data().plan, {{"1.1.1", S::on_track}, {"1.2.2", S::off_track}});
};

void expect_counts(const StatusCounts& counts, int items, int on_track, int off_track) {
  EXPECT_EQ(counts.items, items);
  EXPECT_EQ(counts.reported, on_track + off_track);
  std::map<S, int> by_status;
  if (on_track) by_status[S::on_track] = on_track;
  if (off_track) by_status[S::off_track] = off_track;
  EXPECT_EQ(counts.by_status, by_status);
}

TEST_F(TwoItemsPublished, OverallCountsEveryOneOfThe81Items) {
  expect_counts(rollup.overall, 81, 1, 1);
  EXPECT_EQ(rollup.overall.going_well(), 1);
  EXPECT_DOUBLE_EQ(rollup.overall.share_on_track(), 1.0 / 81);
}

TEST_F(TwoItemsPublished, ActionsTakeTheirItemsStatus) {
  ASSERT_EQ(rollup.actions.size(), 30u);
  EXPECT_EQ(rollup.actions.at("1.1"), S::on_track);  // 1.1.2 unreported
  EXPECT_EQ(rollup.actions.at("1.2"), S::off_track);
  EXPECT_EQ(rollup.actions.at("1.3"), std::nullopt);
  EXPECT_EQ(rollup.actions.at("2.10"), std::nullopt);
  expect_counts(rollup.action_counts.at("1.1"), 2, 1, 0);
  expect_counts(rollup.action_counts.at("1.2"), 2, 0, 1);
  expect_counts(rollup.action_counts.at("2.10"), 4, 0, 0);
}

// Areas of 22, 29, 17 and 13 items (4.2).
TEST_F(TwoItemsPublished, AreasCountTheirActionsItems) {
  ASSERT_EQ(rollup.areas.size(), 4u);
  expect_counts(rollup.areas.at(1), 22, 1, 1);
  expect_counts(rollup.areas.at(2), 29, 0, 0);
  expect_counts(rollup.areas.at(3), 17, 0, 0);
  expect_counts(rollup.areas.at(4), 13, 0, 0);
}

// Goal 2 is served by 1.1, 1.2, 1.3 and 4.1 (2 + 2 + 2 + 3 items); goal 5 by 1.2, 1.5, 1.8 and
// 3.5 (2 + 2 + 3 + 3); goal 1 by 12 actions with 34 items; goal 9 by 15 actions with 41.
TEST_F(TwoItemsPublished, GoalsCountTheItemsOfTheActionsMappedToThem) {
  ASSERT_EQ(rollup.goals.size(), 10u);
  expect_counts(rollup.goals.at(2), 9, 1, 1);
  expect_counts(rollup.goals.at(5), 10, 0, 1);
  expect_counts(rollup.goals.at(1), 34, 0, 1);
  expect_counts(rollup.goals.at(9), 41, 0, 0);
}

// KMGBF 1 is served by 1.1, 1.2, 1.3, 1.5, 2.5, 2.10 and 4.1 (17 items); 3 by 1.1–1.3 (6); 6 by
// 1.2, 1.5, 1.8 and 3.5 (10). No action serves 13, 18 or 23, so they have no entry.
TEST_F(TwoItemsPublished, KmgbfTargetsCountEachItemOnce) {
  expect_counts(rollup.kmgbf.at(1), 17, 1, 1);
  expect_counts(rollup.kmgbf.at(3), 6, 1, 1);
  expect_counts(rollup.kmgbf.at(6), 10, 0, 1);
  EXPECT_FALSE(rollup.kmgbf.contains(13));
  EXPECT_FALSE(rollup.kmgbf.contains(18));
  EXPECT_FALSE(rollup.kmgbf.contains(23));
  // Each published item counts once in each target of its action: 2 for 1.1.1, 5 for 1.2.2.
  int reported = 0;
  for (const auto& [target, counts] : rollup.kmgbf) reported += counts.reported;
  EXPECT_EQ(reported, 2 + 5);
}

TEST_F(TwoItemsPublished, NbsapActionsAndSdgsCountEachItemOnce) {
  expect_counts(rollup.nbsap.at(7), 11, 1, 1);   // 1.1–1.5 (2 + 2 + 2 + 3 + 2 items)
  expect_counts(rollup.nbsap.at(21), 25, 0, 1);  // 9 actions, 1.2 among them
  expect_counts(rollup.sdg.at(14), 79, 1, 1);
  int reported = 0;
  for (const auto& [sdg, counts] : rollup.sdg) reported += counts.reported;
  EXPECT_EQ(reported, 2 + 2);
}

TEST(RollUp, NothingPublishedLeavesEveryCountUnreported) {
  const PlanRollup rollup = roll_up(real_plan_data().plan, {});
  EXPECT_EQ(rollup.overall.items, 81);
  EXPECT_EQ(rollup.overall.reported, 0);
  EXPECT_TRUE(rollup.overall.by_status.empty());
  EXPECT_EQ(rollup.overall.share_on_track(), 0.0);
  for (const auto& [number, status] : rollup.actions) EXPECT_EQ(status, std::nullopt) << number;
}

TEST(RollUp, IdsThatNameNoItemAreNotCounted) {
  const PlanRollup rollup =
      roll_up(real_plan_data().plan, {{"9.9.9", S::completed}, {"1.5.3", S::completed}});
  EXPECT_EQ(rollup.overall.items, 81);
  EXPECT_EQ(rollup.overall.reported, 0);
}

TEST(RollUp, EveryItemCompletedCompletesTheWholePlan) {
  ItemStatuses statuses;
  for (const Action& action : real_plan_data().plan.actions)
    for (const ActionItem& item : action.items) statuses[item_id(action, item)] = S::completed;
  const PlanRollup rollup = roll_up(real_plan_data().plan, statuses);
  EXPECT_EQ(rollup.overall.reported, 81);
  EXPECT_DOUBLE_EQ(rollup.overall.share_on_track(), 1.0);
  for (const auto& [number, status] : rollup.actions) EXPECT_EQ(status, S::completed) << number;
  for (const auto& [goal, counts] : rollup.goals) EXPECT_EQ(counts.reported, counts.items) << goal;
}

}  // namespace
}  // namespace bsap::plan
