// Effective mesh size (Jaeger 2000), the City Biodiversity Index's connectivity indicator
// (000_e0ccae9882b7fb64.txt 5.2 城市生物多樣性指數, indicator 2): the groups of linked natural
// patches found by union–find, and (1 / A_total) × Σ A_Gi². Pure.
#include "plan/effective_mesh.h"

#include <numeric>
#include <stdexcept>
#include <string>

namespace bsap::plan {
namespace {

// Disjoint sets over patch indices, with path halving and union by size.
class PatchGroups {
 public:
  explicit PatchGroups(std::size_t patches) : parent_(patches), size_(patches, 1) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }

  std::size_t root(std::size_t patch) {
    while (parent_[patch] != patch) {
      parent_[patch] = parent_[parent_[patch]];
      patch = parent_[patch];
    }
    return patch;
  }

  void join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<std::size_t> parent_;
  std::vector<std::size_t> size_;
};

// A link naming a patch that does not exist is a fault of the caller (geo/natural_area_links.h
// builds links from the same patch list), not of the data: it is refused loudly.
std::size_t patch_index(int index, std::size_t patches) {
  if (index < 0 || static_cast<std::size_t>(index) >= patches)
    throw std::out_of_range("effective mesh: link names patch " + std::to_string(index) + " of " +
                            std::to_string(patches));
  return static_cast<std::size_t>(index);
}

}  // namespace

std::vector<double> connected_group_areas(const std::vector<double>& patch_areas,
                                          const std::vector<std::pair<int, int>>& links) {
  const std::size_t patches = patch_areas.size();
  PatchGroups groups(patches);
  for (const auto& [a, b] : links) groups.join(patch_index(a, patches), patch_index(b, patches));
  // A group's slot is fixed when its smallest patch is met, so groups come in that order.
  std::vector<std::size_t> slot_of_root(patches, patches);
  std::vector<double> areas;
  for (std::size_t patch = 0; patch < patches; ++patch) {
    std::size_t& slot = slot_of_root[groups.root(patch)];
    if (slot == patches) {
      slot = areas.size();
      areas.push_back(0.0);
    }
    areas[slot] += patch_areas[patch];
  }
  return areas;
}

double effective_mesh_size(const std::vector<double>& group_areas, double total_area) {
  if (!(total_area > 0)) return 0.0;
  double sum_of_squares = 0.0;
  for (const double area : group_areas) sum_of_squares += area * area;
  return sum_of_squares / total_area;
}

}  // namespace bsap::plan
