// Bad geographic input, said so the person can fix the file: shared by the readers of this module
// (natural-area patches, area layers) so that every fault reads the same way.
#pragma once
#include <string>

namespace bsap::geo {

// Which file (or "patches"/"barriers", or the layer's file name), which feature (1-based; 0 when
// the fault is the file as a whole) and what is wrong.
struct GeoInputError {
  std::string source;
  int feature = 0;
  std::string reason;
  // "patches: feature 3 (Tai Po Kau) invalid geometry: Self-intersection[...]"
  std::string message() const;
};

}  // namespace bsap::geo
