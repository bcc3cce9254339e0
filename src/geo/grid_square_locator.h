// The 1 km square (hk_grid.h) of a WGS 84 point, a million times per import, exactly as PROJ's
// transformation to Hong Kong 1980 Grid places it, at a fraction of PROJ's cost (decision 0013
// §16). PROJ's datum shift and projection take 0.5 µs a point, half a second a million, on the
// import's busiest thread. Over Hong Kong the transformation is smooth: a polynomial of degree 4
// in longitude and latitude, fitted to PROJ at start, follows it to about a micrometre. A point
// whose fitted easting and northing are both farther than a safety margin from a kilometre line
// is in the square the polynomial says; any other point (a few in a million), and any point
// outside the fitted region, is placed by PROJ itself. The fit is checked against PROJ at start
// between its nodes; if it is not within a centimetre, every point goes to PROJ.
#pragma once
#include <array>
#include <optional>

#include "core/lon_lat.h"
#include "geo/hk_grid.h"
#include "geo/hk_grid_projection.h"

namespace bsap::geo {

class GridSquareLocator {
 public:
  // The projection is used for the fit and for the points the polynomial cannot decide; it must
  // outlive the locator, and both belong to one thread.
  explicit GridSquareLocator(HkGridProjection& projection);

  // What grid_square_of(projection.to_grid(point)) gives.
  std::optional<GridSquare> square_of(LonLat point);

  // Whether the fit passed its check at start (false: every point goes to PROJ), and its margin.
  bool fitted() const { return fitted_; }
  double margin_metres() const { return margin_; }

 private:
  static constexpr int kDegree = 4;
  static constexpr int kTerms = (kDegree + 1) * (kDegree + 2) / 2;
  using Coefficients = std::array<double, kTerms>;

  std::optional<GridSquare> by_proj(LonLat point);
  // The polynomial's easting and northing; nothing outside the fitted region.
  std::optional<GridPoint> polynomial_at(LonLat point) const;
  void fit();

  HkGridProjection& projection_;
  Coefficients east_{}, north_{};
  double margin_ = 0;
  bool fitted_ = false;
};

}  // namespace bsap::geo
