// Read-time roll-up of infraspecific taxa to their species (decision 0012 §6): the subspecies,
// varieties and forms whose records count for a species, and the species an infraspecific
// taxon's records count for, by the rule of biodata/infraspecific.h (an accepted species of the
// same checklist named by the first two words of the taxon's canonical name). Nothing is written:
// the records keep the taxon they were matched to.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "store/bio_taxon_repo.h"
#include "store/store.h"

namespace bsap::store {

// The accepted infraspecific taxa of an accepted species, by scientific name; none for a taxon of
// another rank or a synonym.
std::vector<BioTaxon> infraspecific_taxa_of(Transaction& tx, std::int64_t species_id);

// The accepted species whose records an accepted infraspecific taxon's records count for; none
// when the checklist holds no such species (the records then count for nothing species-wise).
std::optional<BioTaxon> species_of_infraspecific(Transaction& tx, const BioTaxon& taxon);

}  // namespace bsap::store
