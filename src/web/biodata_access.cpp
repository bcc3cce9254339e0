#include "web/biodata_access.h"

#include <algorithm>
#include <array>

#include "biodata/sensitivity.h"

namespace bsap::web {

bool sees_precise_locations(RequestContext& ctx) {
  // Named one by one: a role added later sees generalised records until it is put here.
  static constexpr std::array kStaff = {
      Role::secretariat, Role::assessment_panel, Role::approval_panel, Role::committee,
      Role::focal_point, Role::plan_secretariat, Role::administrator};
  const auto& user = ctx.user();
  if (!user) return false;
  return std::ranges::any_of(
      user->roles, [](Role role) { return std::ranges::find(kStaff, role) != kStaff.end(); });
}

bool presence_shown(int sensitivity, double area_m2, bool precise) {
  constexpr double kHongKongLatitude = 22.35;
  auto category = biodata::sensitivity_from_number(sensitivity);
  return biodata::presence_shown_in_area(category.value_or(biodata::Sensitivity::withheld), area_m2,
                                         kHongKongLatitude, precise);
}

int grid_square_sensitivity_limit(bool precise) {
  constexpr double kSquareM2 = 1e6;
  int limit = 0;
  while (limit < 4 && presence_shown(limit + 1, kSquareM2, precise)) ++limit;
  return limit;
}

}  // namespace bsap::web
