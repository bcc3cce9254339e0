// Generalising a sensitive species' coordinates (issue 9 §6, after Chapman 2020): each category's
// grid, a point on a cell line, withheld, and full precision for authorised staff.
#include "biodata/sensitivity.h"

#include <gtest/gtest.h>

namespace bsap::biodata {
namespace {

const LonLat kTaiPoKau{114.18437, 22.42581};

TEST(Sensitivity, StaffSeeThePrecisePoint) {
  auto shown = publish_location(kTaiPoKau, 10.0, Sensitivity::withheld, true);
  ASSERT_TRUE(shown.point);
  EXPECT_DOUBLE_EQ(shown.point->lon, kTaiPoKau.lon);
  EXPECT_FALSE(shown.generalised);
  EXPECT_EQ(shown.data_generalizations, "");
}

TEST(Sensitivity, NotSensitiveIsPreciseForEveryone) {
  auto shown = publish_location(kTaiPoKau, 10.0, Sensitivity::none, false);
  EXPECT_DOUBLE_EQ(shown.point->lat, kTaiPoKau.lat);
  EXPECT_DOUBLE_EQ(*shown.uncertainty_m, 10.0);
  EXPECT_FALSE(shown.generalised);
}

TEST(Sensitivity, EachCategoryGoesToItsCellCentre) {
  auto tenth = publish_location(kTaiPoKau, 10.0, Sensitivity::to_0_1_degree, false);
  EXPECT_NEAR(tenth.point->lon, 114.15, 1e-9);
  EXPECT_NEAR(tenth.point->lat, 22.45, 1e-9);
  auto hundredth = publish_location(kTaiPoKau, 10.0, Sensitivity::to_0_01_degree, false);
  EXPECT_NEAR(hundredth.point->lon, 114.185, 1e-9);
  EXPECT_NEAR(hundredth.point->lat, 22.425, 1e-9);
  auto thousandth = publish_location(kTaiPoKau, 10.0, Sensitivity::to_0_001_degree, false);
  EXPECT_NEAR(thousandth.point->lon, 114.1845, 1e-9);
  EXPECT_NEAR(thousandth.point->lat, 22.4255, 1e-9);
  EXPECT_TRUE(hundredth.generalised);
  EXPECT_NE(hundredth.data_generalizations.find("0.01°"), std::string::npos);
  EXPECT_FALSE(hundredth.information_withheld.empty());
}

TEST(Sensitivity, UncertaintyCoversTheCell) {
  // 0.1° at 22.45° N: 5.56 km north-south, 5.14 km east-west from the centre: about 7.6 km.
  auto tenth = publish_location(kTaiPoKau, 10.0, Sensitivity::to_0_1_degree, false);
  EXPECT_NEAR(*tenth.uncertainty_m, 7570, 50);
  // A recorded uncertainty larger than the cell stays.
  auto coarse = publish_location(kTaiPoKau, 20000.0, Sensitivity::to_0_001_degree, false);
  EXPECT_DOUBLE_EQ(*coarse.uncertainty_m, 20000.0);
}

TEST(Sensitivity, APointOnACellLineStaysInTheCellItNames) {
  auto on_line =
      publish_location(LonLat{114.2, 22.3}, std::nullopt, Sensitivity::to_0_1_degree, false);
  EXPECT_NEAR(on_line.point->lon, 114.25, 1e-9);
  EXPECT_NEAR(on_line.point->lat, 22.35, 1e-9);
  auto just_under = publish_location(LonLat{114.1999999, 22.2999999}, std::nullopt,
                                     Sensitivity::to_0_1_degree, false);
  EXPECT_NEAR(just_under.point->lon, 114.15, 1e-9);
  EXPECT_NEAR(just_under.point->lat, 22.25, 1e-9);
}

TEST(Sensitivity, WithheldShowsNoPoint) {
  auto shown = publish_location(kTaiPoKau, 10.0, Sensitivity::withheld, false);
  EXPECT_FALSE(shown.point);
  EXPECT_FALSE(shown.uncertainty_m);
  EXPECT_TRUE(shown.generalised);
  EXPECT_FALSE(shown.information_withheld.empty());
}

TEST(Sensitivity, NamesAndNumbers) {
  EXPECT_EQ(sensitivity_name(Sensitivity::to_0_01_degree), "0.01");
  EXPECT_EQ(sensitivity_from_name("0.1"), Sensitivity::to_0_1_degree);
  EXPECT_EQ(sensitivity_from_name("withheld"), Sensitivity::withheld);
  EXPECT_FALSE(sensitivity_from_name("0.5"));
  EXPECT_EQ(sensitivity_from_number(4), Sensitivity::withheld);
  EXPECT_FALSE(sensitivity_from_number(5));
  EXPECT_FALSE(sensitivity_from_number(-1));
}

// The area of a 0.01° cell at 22.3° N: 0.01° of the mean radius (1 111.95 m) north, times its
// width, cos 22.3° as much, east: about 1.144 km².
const double kHundredthCellM2 = [] {
  double side = 0.01 * 6'371'008.8 * 3.141592653589793 / 180.0;
  return side * side * 0.9252;  // cos 22.3°
}();

TEST(Sensitivity, APresenceShowsOnlyInAnAreaAsLargeAsTheCell) {
  EXPECT_TRUE(
      presence_shown_in_area(Sensitivity::to_0_01_degree, kHundredthCellM2 * 1.0001, 22.3, false));
  EXPECT_FALSE(
      presence_shown_in_area(Sensitivity::to_0_01_degree, kHundredthCellM2 * 0.9999, 22.3, false));
  // A 1 km square of the richness map is smaller than a 0.01° cell, larger than a 0.001° one.
  EXPECT_FALSE(presence_shown_in_area(Sensitivity::to_0_01_degree, 1e6, 22.3, false));
  EXPECT_TRUE(presence_shown_in_area(Sensitivity::to_0_001_degree, 1e6, 22.3, false));
  EXPECT_FALSE(presence_shown_in_area(Sensitivity::to_0_1_degree, 1e8, 22.3, false));
  EXPECT_TRUE(presence_shown_in_area(Sensitivity::to_0_1_degree, 1.2e8, 22.3, false));
}

TEST(Sensitivity, AWithheldPresenceShowsNowhereButToStaff) {
  EXPECT_FALSE(presence_shown_in_area(Sensitivity::withheld, 1e12, 22.3, false));
  EXPECT_TRUE(presence_shown_in_area(Sensitivity::withheld, 1.0, 22.3, true));
  EXPECT_TRUE(presence_shown_in_area(Sensitivity::none, 1.0, 22.3, false));
}

}  // namespace
}  // namespace bsap::biodata
