// The columns of the tests' small occurrence archives, as Darwin Core terms in the order their
// occurrence.txt rows give them; a test takes the first few it writes (first(6): id to longitude).
// meta.xml comes from hub::occurrence_meta_xml, as the hub's own downloads write it.
#pragma once
#include <array>
#include <string_view>

namespace bsap::biodata::testing {

inline constexpr std::array<std::string_view, 8> kOccurrenceColumns = {
    "occurrenceID",    "scientificName",   "basisOfRecord", "eventDate",
    "decimalLatitude", "decimalLongitude", "geodeticDatum", "locality"};

}  // namespace bsap::biodata::testing
