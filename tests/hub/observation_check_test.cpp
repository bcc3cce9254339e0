// A citizen-science observation's form, checked (issue 11; 000 優先行動 2.2 item 1): a place
// inside the hub's home region, a day no later than today, a count from 1, at the boundaries.
#include "hub/observation_check.h"

#include <gtest/gtest.h>

namespace bsap::hub {
namespace {

HomeRegion hong_kong() { return load_home_region(BSAP_HOME_DIR "/data/biodata/home_region.yaml"); }

const CivilDate kToday = *CivilDate::from_ymd(2026, 11, 24);

ObservationEntry entry() { return {"22.4258", "114.1844", "2026-11-20", "1", " A pool "}; }

std::vector<ObservationFault> faults(const ObservationEntry& e) {
  std::vector<ObservationFault> out;
  for (const auto& f : check_observation(e, hong_kong(), kToday).faults) out.push_back(f.fault);
  return out;
}

TEST(ObservationCheck, AWellFilledFormGivesItsDetails) {
  CheckedObservation checked = check_observation(entry(), hong_kong(), kToday);
  ASSERT_TRUE(checked.details);
  EXPECT_DOUBLE_EQ(checked.details->point.lat, 22.4258);
  EXPECT_DOUBLE_EQ(checked.details->point.lon, 114.1844);
  EXPECT_EQ(checked.details->observed_on, *CivilDate::from_ymd(2026, 11, 20));
  EXPECT_EQ(checked.details->individual_count, 1);
  EXPECT_EQ(checked.details->notes, "A pool");
}

TEST(ObservationCheck, TodayIsAcceptedTomorrowIsInTheFuture) {
  ObservationEntry e = entry();
  e.observed_on = "2026-11-24";
  EXPECT_TRUE(faults(e).empty());
  e.observed_on = "2026-11-25";
  EXPECT_EQ(faults(e), std::vector{ObservationFault::date_in_future});
  e.observed_on = "24/11/2026";
  EXPECT_EQ(faults(e), std::vector{ObservationFault::date_not_a_day});
}

TEST(ObservationCheck, CountIsAWholeNumberFromOne) {
  ObservationEntry e = entry();
  for (std::string bad : {"0", "-1", "1.5", "", "two", "1000001"}) {
    e.individual_count = bad;
    EXPECT_EQ(faults(e), std::vector{ObservationFault::count_not_positive_whole}) << bad;
  }
  for (std::string good : {"1", "2", "1000000"}) {
    e.individual_count = good;
    EXPECT_TRUE(faults(e).empty()) << good;
  }
}

// The home region's edges (22°08'–22°35'N, 113°49'–114°31'E) are inside; just beyond is not.
TEST(ObservationCheck, PlaceIsInsideHongKongsLandAndWaters) {
  const HomeRegion region = hong_kong();
  ObservationEntry e = entry();
  e.latitude = std::to_string(region.max_lat);
  e.longitude = std::to_string(region.max_lon);
  EXPECT_TRUE(faults(e).empty());
  e.latitude = "22.5834";
  EXPECT_EQ(faults(e), std::vector{ObservationFault::place_outside_hong_kong});
  e.latitude = "22.4258";
  e.longitude = "113.8166";
  EXPECT_EQ(faults(e), std::vector{ObservationFault::place_outside_hong_kong});
  // Swapped latitude and longitude is outside too.
  e.latitude = "114.1844";
  e.longitude = "22.4258";
  EXPECT_EQ(faults(e), std::vector{ObservationFault::place_outside_hong_kong});
}

TEST(ObservationCheck, PlaceMustBeDecimalDegrees) {
  ObservationEntry e = entry();
  e.latitude = "22°25'";
  e.longitude = "";
  EXPECT_EQ(faults(e), (std::vector{ObservationFault::latitude_not_number,
                                    ObservationFault::longitude_not_number}));
  e.latitude = "nan";
  e.longitude = "114.1";
  EXPECT_EQ(faults(e), std::vector{ObservationFault::latitude_not_number});
}

TEST(ObservationCheck, NotesUpToTheLimit) {
  ObservationEntry e = entry();
  e.notes = std::string(kMostNoteBytes, 'a');
  EXPECT_TRUE(faults(e).empty());
  e.notes += 'a';
  EXPECT_EQ(faults(e), std::vector{ObservationFault::notes_too_long});
}

TEST(ObservationCheck, EveryFaultHasAMessageKey) {
  for (auto fault : {ObservationFault::latitude_not_number, ObservationFault::longitude_not_number,
                     ObservationFault::place_outside_hong_kong, ObservationFault::date_not_a_day,
                     ObservationFault::date_in_future, ObservationFault::count_not_positive_whole,
                     ObservationFault::notes_too_long})
    EXPECT_TRUE(observation_fault_key(fault).starts_with("observation_fault_"));
}

}  // namespace
}  // namespace bsap::hub
