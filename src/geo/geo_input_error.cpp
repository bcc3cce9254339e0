#include "geo/geo_input_error.h"

namespace bsap::geo {

std::string GeoInputError::message() const {
  return source + ": " + (feature > 0 ? "feature " + std::to_string(feature) + " " : "") + reason;
}

}  // namespace bsap::geo
