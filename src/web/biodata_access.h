// Who sees a sensitive taxon's precise point (issue 9 §6): authorised staff — the scheme's
// secretariat, its panels and committee, the plan's focal points and secretariat, administrators.
// The public and applicants see sensitive records generalised (biodata/sensitivity.h). Every hub
// page, API answer and download asks this, and nothing else.
#pragma once
#include "web/request_context.h"

namespace bsap::web {

bool sees_precise_locations(RequestContext& ctx);

// Whether a reader may learn that a taxon of this stored sensitivity (bio_taxa.sensitivity) was
// recorded in an area of area_m2 (biodata::presence_shown_in_area, at Hong Kong's latitude: a
// cell's area changes by under 0.5 % between its north and south). An unknown number counts as
// withheld.
bool presence_shown(int sensitivity, double area_m2, bool precise);
// The highest sensitivity a 1 km square of the richness map may count for this reader.
int grid_square_sensitivity_limit(bool precise);

}  // namespace bsap::web
