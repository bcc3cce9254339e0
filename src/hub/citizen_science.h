// Verified observations as a hub dataset of their own (issue 11; 000 優先行動 2.2 item 1 feeding
// 3.2's information hub): "bsap-citizen-science", rebuilt from the verified observations in the
// transaction that verifies or rejects one, so that the hub's species pages, area pages, counts,
// richness map and downloads include exactly the verified ones, with their sensitive places
// generalised as every hub record's are. A rebuild replaces the dataset whole, the way an import
// does (store/bio_occurrence_repo.h): one code path for the summaries, and a rejected
// observation's record and area joins go with it. It reads every verified observation each
// time; at a few thousand a rebuild stays in milliseconds, and past that it wants an update of
// one record instead. The hub's records have no column for a quality grade: the dataset's report
// (bio_datasets.report_json) counts the research-grade and casual ones.
#pragma once
#include <string_view>

#include "store/store.h"

namespace bsap::hub {

inline constexpr std::string_view kCitizenScienceDataset = "bsap-citizen-science";

// Returns how many records the dataset now holds.
std::int64_t rebuild_citizen_science_dataset(store::Transaction& tx, std::string_view actor);

}  // namespace bsap::hub
