// Effective mesh size (Jaeger 2000), the City Biodiversity Index's connectivity measure
// (indicator 2): MESH = (1 / A_total) × Σ A_Gi², where A_Gi is the area of the i-th group of
// natural patches connected to each other (patches less than 100 m apart, with no barrier
// between them, are one group) and A_total the denominator the handbook names. Pure: the patch
// geometry and the links between patches come from geo/natural_area_links.h.
#pragma once
#include <utility>
#include <vector>

namespace bsap::plan {

// The areas of the groups the links join the patches into (union–find): patch_areas[i] is patch
// i's area; links are pairs of patch indices. Groups in order of their smallest patch index.
std::vector<double> connected_group_areas(const std::vector<double>& patch_areas,
                                          const std::vector<std::pair<int, int>>& links);

// (1 / total_area) × Σ group_area²; 0 when total_area is not positive. In the unit of the areas.
double effective_mesh_size(const std::vector<double>& group_areas, double total_area);

}  // namespace bsap::plan
