// Which side of a line a point lies on, decided exactly: the point-in-area join must give GEOS's
// answer for every point, including points on or a hair off an area's edge, and GEOS decides these
// with its robust orientation (a floating-point filter, then double-double arithmetic).
#pragma once
#include <cmath>

namespace bsap::geo {

// The exact sign of the determinant of (a − c, b − c), from the inputs as given; for when the fast
// estimate cannot tell.
int exact_orientation(double ax, double ay, double bx, double by, double cx, double cy);

// +1 when c is to the left of the line from a to b (a, b, c turn counter-clockwise), −1 to the
// right, 0 on it; exact for finite coordinates whose products neither overflow nor underflow.
inline int orientation(double ax, double ay, double bx, double by, double cx, double cy) {
  const double left = (ax - cx) * (by - cy);
  const double right = (ay - cy) * (bx - cx);
  const double determinant = left - right;
  // Shewchuk's bound on the rounding error of the expression above ("Adaptive Precision
  // Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997: ccwerrboundA): beyond
  // it the sign is certain, and nearly every point of a join is far beyond it.
  constexpr double kEpsilon = 0x1p-53;
  constexpr double kErrorBound = (3.0 + 16.0 * kEpsilon) * kEpsilon;
  const double bound = kErrorBound * (std::fabs(left) + std::fabs(right));
  if (determinant > bound) return 1;
  if (-determinant > bound) return -1;
  return exact_orientation(ax, ay, bx, by, cx, cy);
}

}  // namespace bsap::geo
