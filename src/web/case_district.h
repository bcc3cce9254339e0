// The district a good-practice case's point lies in, from the hub's area layers of kind
// "district" (bsap biodata layer import): the area containing the point, matched to
// data/cases/lists.yaml's districts by its English name ("Sai Kung" or "Sai Kung District") or
// its Chinese name ("西貢" or "西貢區"). nullopt when no such layer is imported, the point falls
// in none of its areas, or the area's name is not one of the 18: the organisation chooses then.
#pragma once
#include <optional>
#include <string>

#include "web/request_context.h"

namespace bsap::web {

std::optional<std::string> district_at(RequestContext& ctx, double latitude, double longitude);

}  // namespace bsap::web
