// A volunteer programme's form and states (000 優先行動 2.2 item 1: 義工計劃).
#include "volunteer/programme.h"

#include <gtest/gtest.h>

#include <string>

namespace bsap::volunteer {
namespace {

const std::vector<std::string> kItems{"2.2.1", "2.2.2", "3.5.1"};

ProgrammeEntry wetland_park() {
  return {"濕地公園義工計劃", "Wetland Park Volunteer Programme", "協助導賞及生境管理",
          "Guiding visitors and managing habitats", "2.2.1"};
}

std::vector<std::string> fields(const CheckedProgramme& checked) {
  std::vector<std::string> names;
  for (const auto& fault : checked.faults) names.push_back(fault.field);
  return names;
}

TEST(VolunteerProgramme, AWholeEntryIsTrimmedAndKept) {
  auto entry = wetland_park();
  entry.title_en = "  Wetland Park Volunteer Programme \n";
  const auto checked = check_programme(entry, kItems);
  ASSERT_TRUE(checked.details);
  EXPECT_EQ(checked.details->title_en, "Wetland Park Volunteer Programme");
  EXPECT_EQ(checked.details->item_id, "2.2.1");
}

TEST(VolunteerProgramme, OneLanguageIsEnoughForTitleAndSummary) {
  auto entry = wetland_park();
  entry.title_en.clear();
  entry.summary_zh.clear();
  EXPECT_TRUE(check_programme(entry, kItems).details);
}

TEST(VolunteerProgramme, NoTitleAndNoSummaryInEitherLanguageAreRefused) {
  ProgrammeEntry entry{" ", "", "", "\t", "2.2.1"};
  const auto checked = check_programme(entry, kItems);
  EXPECT_FALSE(checked.details);
  ASSERT_EQ(checked.faults.size(), 2u);
  EXPECT_EQ(checked.faults[0].fault, ProgrammeFault::title_missing);
  EXPECT_EQ(checked.faults[1].fault, ProgrammeFault::summary_missing);
}

TEST(VolunteerProgramme, TitleAtTheLimitIsKeptAndOneByteMoreRefused) {
  auto entry = wetland_park();
  entry.title_en = std::string(kMostTitleBytes, 'a');
  EXPECT_TRUE(check_programme(entry, kItems).details);
  entry.title_en += 'a';
  EXPECT_EQ(fields(check_programme(entry, kItems)), std::vector<std::string>{"title_en"});
}

TEST(VolunteerProgramme, SummaryAtTheLimitIsKeptAndOneByteMoreRefused) {
  auto entry = wetland_park();
  entry.summary_zh = std::string(kMostSummaryBytes, 'a');
  EXPECT_TRUE(check_programme(entry, kItems).details);
  entry.summary_zh += 'a';
  EXPECT_EQ(fields(check_programme(entry, kItems)), std::vector<std::string>{"summary_zh"});
}

TEST(VolunteerProgramme, AnItemNotInThePlanIsRefused) {
  auto entry = wetland_park();
  entry.item_id = "2.2.9";
  const auto checked = check_programme(entry, kItems);
  ASSERT_EQ(checked.faults.size(), 1u);
  EXPECT_EQ(checked.faults[0].fault, ProgrammeFault::item_unknown);
  EXPECT_EQ(programme_fault_key(checked.faults[0].fault), "volunteer_fault_item_unknown");
}

TEST(VolunteerProgramme, StatesGoSubmittedPublishedClosedOrReturnedAndBack) {
  using S = ProgrammeState;
  using Step = ProgrammeStep;
  EXPECT_EQ(programme_after(S::submitted, Step::publish), S::published);
  EXPECT_EQ(programme_after(S::submitted, Step::send_back), S::returned);
  EXPECT_EQ(programme_after(S::returned, Step::resubmit), S::submitted);
  EXPECT_EQ(programme_after(S::published, Step::close), S::closed);
  EXPECT_FALSE(programme_after(S::returned, Step::publish));
  EXPECT_FALSE(programme_after(S::published, Step::send_back));
  EXPECT_FALSE(programme_after(S::closed, Step::publish));
  EXPECT_FALSE(programme_after(S::submitted, Step::close));
}

TEST(VolunteerProgramme, OnlyPublishedAndClosedProgrammesArePublic) {
  EXPECT_TRUE(programme_is_public(ProgrammeState::published));
  EXPECT_TRUE(programme_is_public(ProgrammeState::closed));
  EXPECT_FALSE(programme_is_public(ProgrammeState::submitted));
  EXPECT_FALSE(programme_is_public(ProgrammeState::returned));
}

TEST(VolunteerProgramme, StateCodesReadBack) {
  for (auto state : {ProgrammeState::submitted, ProgrammeState::published, ProgrammeState::returned,
                     ProgrammeState::closed})
    EXPECT_EQ(parse_programme_state(programme_state_code(state)), state);
  EXPECT_FALSE(parse_programme_state("draft"));
}

}  // namespace
}  // namespace bsap::volunteer
