// Progress per KMGBF target for the national report to the Convention on Biological Diversity
// (000_e0ccae9882b7fb64.txt 5.2: reported through the Convention's online platform): for each of
// the 23 targets the actions serving it, their status and narrative, and the headline
// indicators' values, in a structured JSON following the national report's sections, for the
// national focal point. Reads only.
#pragma once
#include <string>

#include "track/annual_report.h"

namespace bsap::track {

// JSON text (UTF-8, indented): {"report": {...}, "section_iii": [{"target": 3, ...}], ...}.
// Its shape is documented in docs/api.md.
std::string cbd_export_json(const plan::PlanData& plan, const AnnualReport& report);

}  // namespace bsap::track
