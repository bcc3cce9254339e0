// The assess suite's fixture: a fresh database on the backend under test (the store suite's
// TestDatabase), the real ruleset 1.8, the people of an assessment (an organisation with its
// person-in-charge and another member, the secretariat, two assessment panel members, an approval
// panel member, a committee member), and a submitted management agreement application.
#pragma once
#include <memory>

#include "assess/assessment_service.h"
#include "rules/ruleset_registry.h"
#include "store/store_test_fixture.h"

namespace bsap::assess::testing {

class AssessmentTest : public store::testing::StoreTest {
 protected:
  void SetUp() override;

  const rules::Ruleset& ruleset() const { return *ruleset_; }
  // A submitted application of the organisation (a fresh one each call), submitted on `on`.
  std::int64_t submit(CivilDate on);
  // Runs a step in its own transaction; StepRefused and store errors propagate.
  ccfs::AssessmentState step(std::int64_t id, ccfs::AssessmentEvent event, Actor actor,
                             CivilDate on, std::string reason = "a reason");
  Actor secretariat() const { return {ccfs::TransitionActor::secretariat, secretariat_}; }
  Actor applicant() const { return {ccfs::TransitionActor::applicant, pic_}; }
  Actor committee() const { return {ccfs::TransitionActor::committee, committee_}; }
  std::string state_of(std::int64_t id);
  // The grant the submitted application asks for (§3.11.4).
  Money requested_grant() const;
  // Moves a new application from submission to the committee, members assigned and declared.
  std::int64_t at_committee(CivilDate on);

  std::shared_ptr<const rules::Ruleset> ruleset_;
  std::int64_t organisation_ = 0;
  std::int64_t pic_ = 0;
  std::int64_t colleague_ = 0;  // a member who is not the person-in-charge
  std::int64_t secretariat_ = 0;
  std::int64_t assessor1_ = 0;
  std::int64_t assessor2_ = 0;
  std::int64_t approver_ = 0;
  std::int64_t committee_ = 0;
};

CivilDate day(const char* iso);

}  // namespace bsap::assess::testing
