#include "biodata/taxon_status.h"

#include <algorithm>

namespace bsap::biodata {

bool is_establishment(std::string_view name) {
  return std::ranges::find(kEstablishments, name) != kEstablishments.end();
}

bool is_iucn_category(std::string_view category) {
  return std::ranges::find(kIucnCategories, category) != kIucnCategories.end();
}

bool is_threatened(std::string_view iucn_category) {
  return iucn_category == "CR" || iucn_category == "EN" || iucn_category == "VU";
}

bool is_invasive(std::string_view establishment) { return establishment == "invasive"; }

}  // namespace bsap::biodata
