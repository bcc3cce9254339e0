#include "geo/grid_square_locator.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace bsap::geo {
namespace {

// The fitted region: Hong Kong's land and waters with room around them (degrees, WGS 84).
constexpr double kWest = 113.75, kEast = 114.55, kSouth = 22.05, kNorth = 22.65;
// Fit nodes per side; the check runs between them, where a fit strays most.
constexpr int kNodes = 41;
// The fit is used only if PROJ and it never differ by more than this at the check...
constexpr double kLargestUsableError = 0.01;
// ...and a point is trusted to the polynomial only this far from a kilometre line: a hundred
// times the largest difference found, and never under a millimetre.
constexpr double kMarginTimesError = 100, kLeastMargin = 0.001;
constexpr double kSquare = 1000;

// Longitude and latitude scaled to -1 … 1 over the region, so that the powers stay near 1.
std::pair<double, double> scaled(LonLat point) {
  return {(2 * point.lon - kWest - kEast) / (kEast - kWest),
          (2 * point.lat - kSouth - kNorth) / (kNorth - kSouth)};
}

// Each term u^i v^j of total degree at most `degree`, in a fixed order.
template <int kDegree, std::size_t kTerms>
std::array<double, kTerms> terms_at(LonLat point) {
  auto [u, v] = scaled(point);
  std::array<double, kDegree + 1> u_power{}, v_power{};
  u_power[0] = v_power[0] = 1;
  for (int k = 1; k <= kDegree; ++k)
    u_power[k] = u_power[k - 1] * u, v_power[k] = v_power[k - 1] * v;
  std::array<double, kTerms> out{};
  std::size_t at = 0;
  for (int i = 0; i <= kDegree; ++i)
    for (int j = 0; i + j <= kDegree; ++j) out[at++] = u_power[i] * v_power[j];
  return out;
}

// Solves a x = b for two right-hand sides by Gaussian elimination with partial pivoting; a is
// the normal equations' matrix (symmetric, positive definite for distinct nodes).
template <std::size_t N>
bool solve(std::array<std::array<double, N>, N> a, std::array<double, N>& b1,
           std::array<double, N>& b2) {
  for (std::size_t k = 0; k < N; ++k) {
    std::size_t pivot = k;
    for (std::size_t i = k + 1; i < N; ++i)
      if (std::fabs(a[i][k]) > std::fabs(a[pivot][k])) pivot = i;
    if (a[pivot][k] == 0) return false;
    std::swap(a[k], a[pivot]), std::swap(b1[k], b1[pivot]), std::swap(b2[k], b2[pivot]);
    for (std::size_t i = k + 1; i < N; ++i) {
      const double f = a[i][k] / a[k][k];
      for (std::size_t j = k; j < N; ++j) a[i][j] -= f * a[k][j];
      b1[i] -= f * b1[k], b2[i] -= f * b2[k];
    }
  }
  for (std::size_t k = N; k-- > 0;) {
    for (std::size_t j = k + 1; j < N; ++j) b1[k] -= a[k][j] * b1[j], b2[k] -= a[k][j] * b2[j];
    b1[k] /= a[k][k], b2[k] /= a[k][k];
  }
  return true;
}

LonLat node(double i, double j) {
  return {kWest + (kEast - kWest) * i / (kNodes - 1),
          kSouth + (kNorth - kSouth) * j / (kNodes - 1)};
}

// Whether a Grid coordinate is farther than the margin from every kilometre line.
bool clear_of_lines(double metres, double margin) {
  const double into = metres - kSquare * std::floor(metres / kSquare);
  return into > margin && into < kSquare - margin;
}

}  // namespace

GridSquareLocator::GridSquareLocator(HkGridProjection& projection) : projection_(projection) {
  fit();
}

void GridSquareLocator::fit() {
  std::array<std::array<double, kTerms>, kTerms> normal{};
  Coefficients east{}, north{};
  for (int i = 0; i < kNodes; ++i)
    for (int j = 0; j < kNodes; ++j) {
      const LonLat at = node(i, j);
      const auto exact = projection_.to_grid(at);
      if (!exact) return;
      const auto t = terms_at<kDegree, kTerms>(at);
      for (int r = 0; r < kTerms; ++r) {
        east[r] += t[r] * exact->easting, north[r] += t[r] * exact->northing;
        for (int c = 0; c < kTerms; ++c) normal[r][c] += t[r] * t[c];
      }
    }
  if (!solve(normal, east, north)) return;
  east_ = east, north_ = north;
  double worst = 0;
  for (int i = 0; i < kNodes - 1; ++i)
    for (int j = 0; j < kNodes - 1; ++j) {
      const LonLat between = node(i + 0.5, j + 0.5);
      const auto exact = projection_.to_grid(between);
      const auto fitted = polynomial_at(between);
      if (!exact || !fitted) return;
      worst = std::max({worst, std::fabs(fitted->easting - exact->easting),
                        std::fabs(fitted->northing - exact->northing)});
    }
  if (!(worst <= kLargestUsableError)) return;
  margin_ = std::max(kLeastMargin, kMarginTimesError * worst);
  fitted_ = true;
}

std::optional<GridPoint> GridSquareLocator::polynomial_at(LonLat point) const {
  if (!(point.lon >= kWest && point.lon <= kEast && point.lat >= kSouth && point.lat <= kNorth))
    return std::nullopt;
  const auto t = terms_at<kDegree, kTerms>(point);
  GridPoint out;
  for (int k = 0; k < kTerms; ++k) out.easting += east_[k] * t[k], out.northing += north_[k] * t[k];
  return out;
}

std::optional<GridSquare> GridSquareLocator::square_of(LonLat point) {
  if (auto fitted = fitted_ ? polynomial_at(point) : std::nullopt)
    if (clear_of_lines(fitted->easting, margin_) && clear_of_lines(fitted->northing, margin_))
      return grid_square_of(*fitted);
  return by_proj(point);
}

std::optional<GridSquare> GridSquareLocator::by_proj(LonLat point) {
  const auto grid = projection_.to_grid(point);
  if (!grid) return std::nullopt;
  return grid_square_of(*grid);
}

}  // namespace bsap::geo
