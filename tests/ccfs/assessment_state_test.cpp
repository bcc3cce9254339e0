// The assessment's state machine (§2.6.4, §4.1, §4.4.1, §4.1.4): every allowed (state, event,
// actor) leads where the diagram of assessment_state.h says, and every other combination is
// refused with its clause and a message in both languages naming the state, the step and what is
// open instead.
#include "ccfs/assessment_state.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace bsap::ccfs {
namespace {

using enum AssessmentState;
using enum AssessmentEvent;
using Actor = TransitionActor;

struct Allowed {
  AssessmentState from;
  AssessmentEvent event;
  Actor actor;
  AssessmentState to;
};

const std::vector<AssessmentState> kOpen = {
    submitted, screening, information_requested, assessment_panel, approval_panel,
    committee, approved,  approved_in_part};
const std::vector<AssessmentState> kFinal = {rejected, not_considered, withdrawn, deemed_withdrawn,
                                             disqualified};
const std::vector<Actor> kActors = {Actor::applicant, Actor::secretariat, Actor::committee,
                                    Actor::system};

// The diagram of assessment_state.h, written out independently of the implementation.
std::vector<Allowed> expected_table() {
  std::vector<Allowed> table = {
      {submitted, begin_screening, Actor::secretariat, screening},
      {screening, request_information, Actor::secretariat, information_requested},  // §2.6.4
      {information_requested, answer_information, Actor::applicant, screening},     // §2.6.4
      {information_requested, lapse_information_request, Actor::system, deemed_withdrawn},
      {screening, declare_not_considered, Actor::secretariat, not_considered},
      {screening, refer_to_assessment_panel, Actor::secretariat, assessment_panel},  // §4.1.1
      {assessment_panel, invite_briefing, Actor::secretariat, assessment_panel},     // §4.1.1
      {approval_panel, invite_briefing, Actor::secretariat, approval_panel},         // §4.1.2
      {assessment_panel, refer_to_approval_panel, Actor::secretariat, approval_panel},
      {approval_panel, refer_to_committee, Actor::secretariat, committee},
      {committee, approve, Actor::committee, approved},
      {committee, approve_in_part, Actor::committee, approved_in_part},
      {committee, reject, Actor::committee, rejected},
  };
  for (const AssessmentState from : kOpen) {
    table.push_back({from, withdraw, Actor::applicant, withdrawn});         // §4.4.1
    table.push_back({from, disqualify, Actor::secretariat, disqualified});  // §4.1.4
  }
  return table;
}

const Allowed* find_allowed(const std::vector<Allowed>& table, AssessmentState from,
                            AssessmentEvent event, Actor actor) {
  const auto found = std::find_if(table.begin(), table.end(), [&](const Allowed& allowed) {
    return allowed.from == from && allowed.event == event && allowed.actor == actor;
  });
  return found == table.end() ? nullptr : &*found;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string combination(AssessmentState from, AssessmentEvent event, Actor actor) {
  return std::string(state_code(from)) + " --" + std::string(event_code(event)) + "/" +
         std::string(actor_code(actor)) + "-->";
}

TransitionRefusal refusal_of(AssessmentState from, AssessmentEvent event, Actor actor) {
  const auto result = next_state(from, event, actor);
  if (!std::holds_alternative<TransitionRefusal>(result)) {
    ADD_FAILURE() << combination(from, event, actor) << " was allowed";
    return {};
  }
  return std::get<TransitionRefusal>(result);
}

TEST(AssessmentState, EveryAllowedTransitionLeadsWhereTheDiagramSays) {
  const std::vector<Allowed> table = expected_table();
  for (const Allowed& allowed : table) {
    const auto result = next_state(allowed.from, allowed.event, allowed.actor);
    ASSERT_TRUE(std::holds_alternative<AssessmentState>(result))
        << combination(allowed.from, allowed.event, allowed.actor)
        << " refused: " << std::get<TransitionRefusal>(result).message_en;
    EXPECT_EQ(std::get<AssessmentState>(result), allowed.to)
        << combination(allowed.from, allowed.event, allowed.actor);
  }
  EXPECT_EQ(table.size(), 13u + 2u * kOpen.size());
}

TEST(AssessmentState, EveryOtherCombinationIsRefusedWithItsClauseInBothLanguages) {
  const std::vector<Allowed> table = expected_table();
  int refused = 0;
  for (const AssessmentState from : all_states())
    for (const AssessmentEvent event : all_events())
      for (const Actor actor : kActors) {
        if (find_allowed(table, from, event, actor)) continue;
        SCOPED_TRACE(combination(from, event, actor));
        const TransitionRefusal refusal = refusal_of(from, event, actor);
        ++refused;
        EXPECT_TRUE(refusal.clause.starts_with("§")) << refusal.clause;
        EXPECT_TRUE(contains(refusal.message_zh, state_name_zh(from))) << refusal.message_zh;
        EXPECT_TRUE(contains(refusal.message_zh, event_name_zh(event))) << refusal.message_zh;
        EXPECT_TRUE(contains(refusal.message_en, state_name_en(from))) << refusal.message_en;
        EXPECT_TRUE(contains(refusal.message_en, event_name_en(event))) << refusal.message_en;
      }
  EXPECT_EQ(refused, static_cast<int>(all_states().size() * all_events().size() * 4 -
                                      expected_table().size()));
}

// What is open instead: every step open in the state, with who takes it.
TEST(AssessmentState, RefusalInAnOpenStateNamesTheStepsOpenThere) {
  const TransitionRefusal refusal = refusal_of(screening, approve, Actor::committee);
  EXPECT_EQ(refusal.clause, "§4.1.2");
  for (const AssessmentEvent open : {request_information, declare_not_considered,
                                     refer_to_assessment_panel, withdraw, disqualify}) {
    EXPECT_TRUE(contains(refusal.message_en, event_name_en(open))) << refusal.message_en;
    EXPECT_TRUE(contains(refusal.message_zh, event_name_zh(open))) << refusal.message_zh;
  }
  EXPECT_FALSE(contains(refusal.message_en, event_name_en(begin_screening)));
}

TEST(AssessmentState, WrongActorIsToldWhoTakesTheStep_4_1_2) {
  const TransitionRefusal refusal = refusal_of(committee, approve, Actor::secretariat);
  EXPECT_EQ(refusal.clause, "§4.1.2");
  EXPECT_TRUE(contains(refusal.message_en, "Only the committee")) << refusal.message_en;
  EXPECT_TRUE(contains(refusal.message_zh, "須由委員會作出")) << refusal.message_zh;
}

TEST(AssessmentState, OnlyTheApplicantWithdraws_4_4_1) {
  EXPECT_EQ(refusal_of(screening, withdraw, Actor::secretariat).clause, "§4.4.1");
  EXPECT_EQ(std::get<AssessmentState>(next_state(approved, withdraw, Actor::applicant)), withdrawn);
}

// §4.4.1: 「申請者與政府簽訂協議前，可隨時…撤回申請」: an approval is still open.
TEST(AssessmentState, ApprovalIsOpenUntilTheAgreement_4_4_1_4_1_4) {
  for (const AssessmentState decided : {approved, approved_in_part}) {
    EXPECT_FALSE(is_final(decided));
    EXPECT_EQ(allowed_events(decided, Actor::applicant), std::vector{withdraw});
    EXPECT_EQ(allowed_events(decided, Actor::secretariat), std::vector{disqualify});
  }
}

TEST(AssessmentState, InformationRequestOnlyFromScreening_2_6_4) {
  for (const AssessmentState from : all_states()) {
    const bool allowed = std::holds_alternative<AssessmentState>(
        next_state(from, request_information, Actor::secretariat));
    EXPECT_EQ(allowed, from == screening) << state_code(from);
  }
  EXPECT_EQ(refusal_of(assessment_panel, request_information, Actor::secretariat).clause, "§2.6.4");
}

TEST(AssessmentState, LapseOnlyByTheScheduledJobOnAnOpenRequest_2_6_4) {
  EXPECT_EQ(std::get<AssessmentState>(
                next_state(information_requested, lapse_information_request, Actor::system)),
            deemed_withdrawn);
  EXPECT_EQ(refusal_of(information_requested, lapse_information_request, Actor::secretariat).clause,
            "§2.6.4");
  EXPECT_EQ(refusal_of(screening, lapse_information_request, Actor::system).clause, "§2.6.4");
  EXPECT_EQ(refusal_of(screening, answer_information, Actor::applicant).clause, "§2.6.4");
}

TEST(AssessmentState, BriefingKeepsThePanel_4_1_1_4_1_2) {
  EXPECT_EQ(
      std::get<AssessmentState>(next_state(assessment_panel, invite_briefing, Actor::secretariat)),
      assessment_panel);
  EXPECT_EQ(
      std::get<AssessmentState>(next_state(approval_panel, invite_briefing, Actor::secretariat)),
      approval_panel);
  EXPECT_TRUE(std::holds_alternative<TransitionRefusal>(
      next_state(committee, invite_briefing, Actor::secretariat)));
}

TEST(AssessmentState, FinalStatesRefuseEverythingAndSayWhatFollows) {
  for (const AssessmentState ending : kFinal) {
    EXPECT_TRUE(is_final(ending)) << state_code(ending);
    for (const Actor actor : kActors) EXPECT_TRUE(allowed_events(ending, actor).empty());
  }
  for (const AssessmentState open : kOpen) EXPECT_FALSE(is_final(open)) << state_code(open);
  const TransitionRefusal withdrawn_again = refusal_of(withdrawn, withdraw, Actor::applicant);
  EXPECT_EQ(withdrawn_again.clause, "§4.4.1");
  EXPECT_EQ(refusal_of(deemed_withdrawn, answer_information, Actor::applicant).clause, "§2.6.4");
  EXPECT_EQ(refusal_of(disqualified, withdraw, Actor::applicant).clause, "§4.1.4");
}

// §4.5.1: a rejection is final for this application; the way on is a resubmission.
TEST(AssessmentState, RejectedPointsToResubmission_4_5_1) {
  const TransitionRefusal refusal = refusal_of(rejected, withdraw, Actor::applicant);
  EXPECT_TRUE(contains(refusal.clause, "§4.5.1")) << refusal.clause;
  EXPECT_TRUE(contains(refusal.message_en, "resubmit")) << refusal.message_en;
  EXPECT_TRUE(contains(refusal.message_zh, "重新提交")) << refusal.message_zh;
}

TEST(AssessmentState, DecidedStatesAreTheCommitteesDecisions_4_1_2) {
  for (const AssessmentState state : all_states())
    EXPECT_EQ(is_decided(state),
              state == approved || state == approved_in_part || state == rejected)
        << state_code(state);
}

TEST(AssessmentState, AllowedEventsFollowTheTable) {
  EXPECT_EQ(allowed_events(screening, Actor::secretariat),
            (std::vector{request_information, declare_not_considered, refer_to_assessment_panel,
                         disqualify}));
  EXPECT_EQ(allowed_events(screening, Actor::applicant), std::vector{withdraw});
  EXPECT_EQ(allowed_events(information_requested, Actor::applicant),
            (std::vector{answer_information, withdraw}));
  EXPECT_EQ(allowed_events(information_requested, Actor::system),
            std::vector{lapse_information_request});
  EXPECT_EQ(allowed_events(committee, Actor::committee),
            (std::vector{approve, approve_in_part, reject}));
  const std::vector<Allowed> table = expected_table();
  for (const AssessmentState from : all_states())
    for (const Actor actor : kActors)
      for (const AssessmentEvent event : allowed_events(from, actor))
        EXPECT_NE(find_allowed(table, from, event, actor), nullptr)
            << combination(from, event, actor);
}

TEST(AssessmentState, ReasonsRequiredWhereTheStepMustSayWhy) {
  const std::set<AssessmentEvent> with_reason = {
      request_information,     declare_not_considered, reject,         withdraw, disqualify,
      refer_to_approval_panel, refer_to_committee,     approve_in_part};
  for (const AssessmentEvent event : all_events())
    EXPECT_EQ(needs_reason(event), with_reason.contains(event)) << event_code(event);
}

TEST(AssessmentState, CodesRoundTripAndNamesAreBilingual) {
  std::set<std::string_view> codes;
  for (const AssessmentState state : all_states()) {
    EXPECT_EQ(parse_state(state_code(state)), state);
    EXPECT_FALSE(state_name_zh(state).empty());
    EXPECT_FALSE(state_name_en(state).empty());
    codes.insert(state_code(state));
  }
  for (const AssessmentEvent event : all_events()) {
    EXPECT_EQ(parse_event(event_code(event)), event);
    EXPECT_FALSE(event_name_zh(event).empty());
    EXPECT_FALSE(event_name_en(event).empty());
    codes.insert(event_code(event));
  }
  EXPECT_EQ(codes.size(), all_states().size() + all_events().size());
  EXPECT_EQ(all_states().size(), 13u);
  EXPECT_EQ(all_events().size(), 14u);
  EXPECT_EQ(state_code(information_requested), "information_requested");
  EXPECT_EQ(event_code(request_information), "request_information");
  EXPECT_EQ(actor_code(Actor::system), "system");
  EXPECT_FALSE(parse_state("approved_partly").has_value());
  EXPECT_FALSE(parse_event("").has_value());
}

}  // namespace
}  // namespace bsap::ccfs
