// What the citizen-science pages share (issue 11; 000 優先行動 2.2 item 1, 3.5): who may see an
// observation and its precise place, how one is shown, and the species a form names.
//
// Moderation: a submitted or rejected observation is seen only by its submitter, the verifiers
// and the hub's staff (biodata_access.h); anyone else gets 404, as for a thing that is not there.
// Place: a sensitive taxon's point is generalised for everyone but the submitter, the verifiers
// and the hub's staff, exactly as the hub generalises its records (biodata/sensitivity.h), by
// the most sensitive of its taxon and the taxa its identifications name.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/bio_query_repo.h"
#include "store/observation_repo.h"
#include "web/page.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// The page's transaction, begun once the visitor's session is read: reading it takes a
// transaction of its own, which SQLite's single writer would refuse inside this one.
std::unique_ptr<store::Transaction> begin_for_visitor(RequestContext& ctx);

bool holds_role(RequestContext& ctx, Role role);
bool is_verifier(RequestContext& ctx);
bool may_see_observation(RequestContext& ctx, const store::StoredObservation& observation);
bool sees_precise_observation(RequestContext& ctx, const store::StoredObservation& observation);

// {id, href, species, scientific_name, observed_on, count, place, generalised, withheld,
// state, grade, submitter}: one observation as this reader may see it; map_lat and map_lon, its
// public place (generalised for a sensitive taxon, absent when withheld) whoever reads it.
PageData observation_row(RequestContext& ctx, const store::StoredObservation& observation);
PageData observation_rows(RequestContext& ctx,
                          const std::vector<store::StoredObservation>& observations);

std::string observation_href(const RequestContext& ctx, std::int64_t id);
std::string taxon_label(const RequestContext& ctx, const store::ObservationTaxon& taxon);

// The species a form names: a taxon chosen from a list (taxon_id), "I do not know" (unknown), or
// a name typed (species) that one taxon matches. error_key says what to fix; choices are the
// taxa a name matched when several did, for the form to offer.
struct SpeciesAnswer {
  std::optional<std::int64_t> taxon_id;
  std::string error_key;  // "" when the answer is usable
  std::vector<store::TaxonHit> choices;
};
SpeciesAnswer read_species(RequestContext& ctx, store::Transaction& tx, bool unknown_allowed);
PageData species_choices(const RequestContext& ctx, const std::vector<store::TaxonHit>& choices);
// The species fields' choice list (<datalist id="species-names">): each taxon once, by its
// scientific name (which the server matches exactly) with its common name. species-names.js adds
// the hub's taxa that match what is typed.
PageData species_names(const RequestContext& ctx, const std::vector<store::ObservationTaxon>& taxa);

// The observation page (observations_page.cpp), with a form's errors and the species its name
// matched; 404 when the route's {id} names none this reader may see.
Response observation_page_with(RequestContext& ctx, const std::vector<FieldError>& errors,
                               const std::vector<store::TaxonHit>& choices, int status);

}  // namespace bsap::web
