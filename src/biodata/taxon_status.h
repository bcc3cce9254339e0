// A taxon's status as the hub keeps it (issue 9 §3): its establishment in Hong Kong, its IUCN
// Red List category, and the one rule that says which categories are threatened. The feeds to
// the funding scheme and to the City Biodiversity Index (§7) and the administrators' page and
// command (§3, §6) all read these names from here. Pure.
#pragma once
#include <array>
#include <string_view>

namespace bsap::biodata {

// bio_taxa.establishment: native, exotic (introduced, not spreading), invasive (an invasive
// alien species, as the CBI's indicator 11 counts them), or not known.
inline constexpr std::array<std::string_view, 4> kEstablishments = {"native", "exotic", "invasive",
                                                                    "unknown"};
bool is_establishment(std::string_view name);

// bio_taxa.iucn_category: the IUCN Red List categories (IUCN 2012, Categories and Criteria
// version 3.1), or "" when the taxon has not been assessed here.
inline constexpr std::array<std::string_view, 9> kIucnCategories = {"EX", "EW", "CR", "EN", "VU",
                                                                    "NT", "LC", "DD", "NE"};
bool is_iucn_category(std::string_view category);

// Threatened: IUCN's own grouping of Critically Endangered, Endangered and Vulnerable (IUCN
// 2012, §IV "threatened categories"). The scheme-site feed marks these species.
bool is_threatened(std::string_view iucn_category);

// An invasive alien species, as bio_taxa.establishment says.
bool is_invasive(std::string_view establishment);

}  // namespace bsap::biodata
