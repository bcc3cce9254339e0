// The demo's biodiversity hub (issue 9): a checklist of 16 Hong Kong species with a synonym
// (data/demo/biodata/checklist), their demonstration sensitivity categories, a few hundred
// generated records around seven places — every one marked as demonstration, two with
// geospatial flags — a layer of demonstration squares around those places, and a layer of kind
// scheme_site drawing the demo applications' sites (B39, D22) with a few records in each, so that
// their species show beside the applications. Taken through the same imports `bsap biodata` runs.
#pragma once
#include <filesystem>

#include "store/store.h"

namespace bsap::cli {

// Does nothing when the demonstration dataset is already there (the demo was loaded before).
void add_demo_hub(store::Store& store, const std::filesystem::path& data_dir);

}  // namespace bsap::cli
