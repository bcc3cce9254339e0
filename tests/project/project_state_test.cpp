// The funded project's states (§5.1.1, §5.16, §5.8.2, §5.5.7): the whole table, every pair, and
// when a suspension or termination takes effect (§5.16.3).
#include "project/project_state.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace bsap::project {
namespace {

using enum ProjectState;
using enum ProjectEvent;

const ProjectState kStates[] = {agreement_pending, active,    suspended,
                                terminated,        completed, closed};
const ProjectEvent kEvents[] = {sign_agreement, suspend, resume, terminate, complete, close};

// The header's diagram, written out again.
const std::map<std::pair<ProjectState, ProjectEvent>, ProjectState>& allowed() {
  static const std::map<std::pair<ProjectState, ProjectEvent>, ProjectState> moves{
      {{agreement_pending, sign_agreement}, active},
      {{active, complete}, completed},
      {{completed, close}, closed},
      {{active, suspend}, suspended},
      {{suspended, resume}, active},
      {{active, terminate}, terminated},
      {{suspended, terminate}, terminated},
      {{terminated, close}, closed},
  };
  return moves;
}

CivilDate date(int year, unsigned month, unsigned day) {
  return *CivilDate::from_ymd(year, month, day);
}

TEST(ProjectState, EveryAllowedTransition_5_1_1_5_16) {
  for (const auto& [move, to] : allowed()) {
    const auto next = next_project_state(move.first, move.second);
    ASSERT_TRUE(std::holds_alternative<ProjectState>(next))
        << state_code(move.first) << " " << event_code(move.second);
    EXPECT_EQ(std::get<ProjectState>(next), to);
  }
}

TEST(ProjectState, EveryOtherPairRefusedInBothLanguages) {
  int refused = 0;
  for (const ProjectState from : kStates) {
    for (const ProjectEvent event : kEvents) {
      if (allowed().contains({from, event})) continue;
      const auto next = next_project_state(from, event);
      ASSERT_TRUE(std::holds_alternative<ProjectRefusal>(next))
          << state_code(from) << " " << event_code(event);
      const ProjectRefusal& refusal = std::get<ProjectRefusal>(next);
      EXPECT_FALSE(refusal.clause.empty());
      EXPECT_FALSE(refusal.message_zh.empty());
      EXPECT_FALSE(refusal.message_en.empty());
      ++refused;
    }
  }
  EXPECT_EQ(refused, 36 - 8);
}

TEST(ProjectState, RefusalNamesTheClauseAndWhatIsOpen_5_16_3) {
  const auto next = next_project_state(active, resume);
  const ProjectRefusal& refusal = std::get<ProjectRefusal>(next);
  EXPECT_EQ(refusal.clause, "§5.16.3");
  EXPECT_NE(refusal.message_zh.find("資助已暫停"), std::string::npos);
  EXPECT_NE(refusal.message_zh.find("暫停資助"), std::string::npos);  // open instead
  EXPECT_NE(refusal.message_en.find("'Suspended'"), std::string::npos);
  EXPECT_NE(refusal.message_en.find("'Accept the completion report'"), std::string::npos);
}

TEST(ProjectState, ClauseOfEachEvent) {
  const std::pair<ProjectEvent, ProjectState> refused_in[] = {
      {sign_agreement, active}, {suspend, completed},  {resume, active},
      {terminate, completed},   {complete, suspended}, {close, active},
  };
  const char* clauses[] = {"§5.1.1",           "§5.16.1, §5.16.3", "§5.16.3",
                           "§5.16.1, §5.16.2", "§5.8.2",           "§5.5.7, §5.16.3"};
  for (std::size_t i = 0; i < std::size(refused_in); ++i) {
    const auto [event, from] = refused_in[i];
    const auto next = next_project_state(from, event);
    ASSERT_TRUE(std::holds_alternative<ProjectRefusal>(next));
    EXPECT_EQ(std::get<ProjectRefusal>(next).clause, clauses[i]) << event_code(event);
  }
}

TEST(ProjectState, ClosedProjectHasNoStepOpen) {
  EXPECT_TRUE(project_events_from(closed).empty());
  const auto next = next_project_state(closed, close);
  const ProjectRefusal& refusal = std::get<ProjectRefusal>(next);
  EXPECT_NE(refusal.message_en.find("no step is open"), std::string::npos);
}

TEST(ProjectState, EventsFromEachStateMatchTheTable) {
  for (const ProjectState from : kStates) {
    std::vector<ProjectEvent> expected;
    for (const ProjectEvent event : kEvents)
      if (allowed().contains({from, event})) expected.push_back(event);
    EXPECT_EQ(project_events_from(from), expected) << state_code(from);
  }
}

TEST(ProjectState, GroundsNeededToSuspendResumeAndTerminate_5_16) {
  for (const ProjectEvent event : kEvents)
    EXPECT_EQ(event_needs_grounds(event), event == suspend || event == resume || event == terminate)
        << event_code(event);
}

TEST(ProjectState, CodesAndTextsRoundTrip) {
  for (const ProjectState state : kStates) {
    EXPECT_EQ(state_from_code(state_code(state)), state);
    EXPECT_FALSE(state_text(state, Lang::zh_hant).empty());
    EXPECT_FALSE(state_text(state, Lang::en).empty());
  }
  for (const ProjectEvent event : kEvents) {
    EXPECT_EQ(event_from_code(event_code(event)), event);
    EXPECT_FALSE(event_text(event, Lang::zh_hant).empty());
    EXPECT_FALSE(event_text(event, Lang::en).empty());
  }
  EXPECT_EQ(state_code(agreement_pending), "agreement_pending");
  EXPECT_EQ(event_code(sign_agreement), "sign_agreement");
  EXPECT_FALSE(state_from_code("cancelled"));
  EXPECT_FALSE(event_from_code("cancel"));
}

// ---- §5.16.3: one month's notice; §5.16.2: immediately

TEST(TakesEffectOn, OneMonthAfterTheNotice_5_16_3) {
  EXPECT_EQ(takes_effect_on(date(2026, 3, 15), false), date(2026, 4, 15));
  EXPECT_EQ(takes_effect_on(date(2026, 12, 10), false), date(2027, 1, 10));
}

TEST(TakesEffectOn, ThirtyFirstOfJanuaryGivesTheEndOfFebruary_5_16_3) {
  EXPECT_EQ(takes_effect_on(date(2026, 1, 31), false), date(2026, 2, 28));
  EXPECT_EQ(takes_effect_on(date(2028, 1, 31), false), date(2028, 2, 29));
}

TEST(TakesEffectOn, ImmediateTerminationTheSameDay_5_16_2) {
  EXPECT_EQ(takes_effect_on(date(2026, 1, 31), true), date(2026, 1, 31));
}

// §5.8, §5.5.7, §5.12.3: reports and returns are owed until the close-out, none after a close or
// a termination.
TEST(OwesReports, WhileRunningAndUntilTheCloseOut) {
  EXPECT_FALSE(owes_reports(ProjectState::agreement_pending));
  EXPECT_TRUE(owes_reports(ProjectState::active));
  EXPECT_TRUE(owes_reports(ProjectState::suspended));
  EXPECT_TRUE(owes_reports(ProjectState::completed));
  EXPECT_FALSE(owes_reports(ProjectState::terminated));
  EXPECT_FALSE(owes_reports(ProjectState::closed));
}

}  // namespace
}  // namespace bsap::project
