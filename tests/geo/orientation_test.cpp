// The side of a line a point lies on, exactly; it must agree with GEOS's robust orientation
// (GEOSOrientationIndex) on points a hair off a line, where plain floating point guesses.
#include "geo/orientation.h"

#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace bsap::geo {
namespace {

TEST(Orientation, LeftRightAndOn) {
  EXPECT_EQ(orientation(0, 0, 1, 0, 0.5, 1), 1);
  EXPECT_EQ(orientation(0, 0, 1, 0, 0.5, -1), -1);
  EXPECT_EQ(orientation(0, 0, 2, 2, 1, 1), 0);
  EXPECT_EQ(orientation(114.1, 22.3, 114.1, 22.3, 114.2, 22.4), 0);  // a point, not a line
}

TEST(Orientation, AHairOffALineIsStillOffIt) {
  // (114.2, 22.4) is not exactly on the line through the two others in binary; whichever side it
  // is on, the next double beyond it is further that way or on the other side, never "on" both.
  const double ax = 114.1, ay = 22.3, bx = 114.3, by = 22.5;
  const double y = 22.4;
  int previous = exact_orientation(ax, ay, bx, by, 114.2, y);
  double x = 114.2;
  for (int step = 0; step < 8; ++step) {
    x = std::nextafter(x, 200.0);
    const int side = orientation(ax, ay, bx, by, x, y);
    EXPECT_LE(side, previous);  // moving east along y only ever goes right of a rising line
    previous = side;
  }
}

TEST(Orientation, AgreesWithGeosNearLines) {
  GEOSContextHandle_t context = GEOS_init_r();
  std::mt19937_64 random(20260223);
  std::uniform_real_distribution<double> lon(113.8, 114.5), lat(22.1, 22.6), t(0, 1);
  int disagreements = 0;
  for (int i = 0; i < 20000; ++i) {
    const double ax = lon(random), ay = lat(random), bx = lon(random), by = lat(random);
    const double u = t(random);
    // On the segment as floating point computes it, then nudged by a few units in the last place.
    double cx = ax + u * (bx - ax), cy = ay + u * (by - ay);
    for (int k = 0; k < i % 4; ++k) cx = std::nextafter(cx, 0.0);
    const int ours = orientation(ax, ay, bx, by, cx, cy);
    const int theirs = GEOSOrientationIndex_r(context, ax, ay, bx, by, cx, cy);
    disagreements += ours != theirs;
  }
  EXPECT_EQ(disagreements, 0);
  GEOS_finish_r(context);
}

}  // namespace
}  // namespace bsap::geo
