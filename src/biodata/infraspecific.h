// Infraspecific taxa (issue 9 §3, §5, §7; decision 0012 §6): a record of a subspecies, variety or
// form counts towards its species wherever the hub lists species. Until the checklist's
// parentNameUsageID is kept, a taxon finds its species by name: the first two words of its
// canonical name ("Cuora trifasciata" of "Cuora trifasciata luteocephala"), an accepted species
// of the same checklist. Pure.
#pragma once
#include <array>
#include <string>
#include <string_view>

namespace bsap::biodata {

// The ranks whose records count for their species, as the checklists spell them (compared
// without regard to ASCII case: GBIF writes SUBSPECIES).
inline constexpr std::array<std::string_view, 3> kInfraspecificRanks = {"subspecies", "variety",
                                                                        "form"};
bool is_infraspecific_rank(std::string_view rank);

// "Genus epithet" of a canonical name with three words or more; "" otherwise.
std::string species_name_of(std::string_view canonical_name);

}  // namespace bsap::biodata
