// The demo's citizen science (issue 11): a few observations by the demo contributor `citizen` —
// one of a sensitive species (Hong Kong cascade frog, generalised to 0.01° for the public)
// verified by `verifier` and so in the hub's counts, one published needing an identification,
// one awaiting review.
#pragma once
#include "store/store.h"

namespace bsap::cli {

// After add_demo_hub (it needs the demo checklist and areas); does nothing when the citizen
// already has observations.
void add_demo_observations(store::Store& store);

}  // namespace bsap::cli
