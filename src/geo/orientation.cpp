// The determinant (ax − cx)(by − cy) − (ay − cy)(bx − cx) as an exact sum of doubles: each
// difference is exactly a two-term sum (Knuth's TwoSum), each product of terms exactly a two-term
// sum (an FMA gives the rounding error), and the sixteen terms are added into a nonoverlapping
// expansion (Shewchuk's Grow-Expansion) whose largest term carries the sign.
#include "geo/orientation.h"

#include <array>

namespace bsap::geo {
namespace {

struct TwoTerms {
  double high;
  double low;
};

TwoTerms two_sum(double a, double b) {
  const double sum = a + b;
  const double b_part = sum - a;
  const double a_part = sum - b_part;
  return {sum, (a - a_part) + (b - b_part)};
}

TwoTerms two_product(double a, double b) {
  const double product = a * b;
  return {product, std::fma(a, b, -product)};
}

// A sum of doubles kept exactly, as nonoverlapping terms in increasing magnitude.
class Expansion {
 public:
  void add(double value) {
    int kept = 0;
    for (int i = 0; i < size_; ++i) {
      const TwoTerms sum = two_sum(value, terms_[i]);
      if (sum.low != 0) terms_[kept++] = sum.low;
      value = sum.high;
    }
    if (value != 0) terms_[kept++] = value;
    size_ = kept;
  }
  int sign() const { return size_ == 0 ? 0 : terms_[size_ - 1] > 0 ? 1 : -1; }

 private:
  std::array<double, 16> terms_{};
  int size_ = 0;
};

// Adds (a.high + a.low) × (b.high + b.low) × `sign`, exactly.
void add_product(Expansion& sum, TwoTerms a, TwoTerms b, double sign) {
  for (double x : {a.high, a.low})
    for (double y : {b.high, b.low}) {
      const TwoTerms product = two_product(x, y);
      sum.add(sign * product.high);
      sum.add(sign * product.low);
    }
}

}  // namespace

int exact_orientation(double ax, double ay, double bx, double by, double cx, double cy) {
  Expansion determinant;
  add_product(determinant, two_sum(ax, -cx), two_sum(by, -cy), 1.0);
  add_product(determinant, two_sum(ay, -cy), two_sum(bx, -cx), -1.0);
  return determinant.sign();
}

}  // namespace bsap::geo
