#include "web/routes.h"

#include "web/pages.h"

namespace bsap::web {

std::span<const Route> app_routes() {
  // Built on first use, after static initialisation, since Access::public_ lives in another
  // translation unit.
  static const Access administrators = Access::any_of({Role::administrator});
  static const Route routes[] = {
      {Method::get, "/", Access::public_, root_redirect},
      {Method::get, "/healthz", Access::public_, health_check},
      {Method::get, "/static/*", Access::public_, static_asset},
      {Method::get, "/{lang}/", Access::public_, home_page},
      {Method::get, "/{lang}/login", Access::public_, login_page},
      {Method::post, "/{lang}/login", Access::public_, login_submit},
      {Method::post, "/{lang}/logout", Access::signed_in, logout_submit},
      {Method::get, "/{lang}/account", Access::signed_in, account_page},
      {Method::get, "/{lang}/admin", administrators, admin_page},
      {Method::get, "/{lang}/admin/users", administrators, admin_users_page},
      {Method::post, "/{lang}/admin/users", administrators, admin_user_add},
      {Method::get, "/{lang}/admin/user", administrators, admin_user_page},
      {Method::post, "/{lang}/admin/user/roles", administrators, admin_user_roles},
      {Method::post, "/{lang}/admin/user/state", administrators, admin_user_state},
      // The plan and the scheme's rules and sites are published: the public reads them.
      {Method::get, "/{lang}/plan", Access::public_, plan_page},
      {Method::get, "/{lang}/plan/areas/{n}", Access::public_, plan_area_page},
      {Method::get, "/{lang}/plan/actions/{number}", Access::public_, plan_action_page},
      {Method::get, "/{lang}/plan/goals/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/nbsap/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/kmgbf/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/sdg/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/matrix", Access::public_, plan_matrix_page},
      {Method::get, "/{lang}/ccfs/rules", Access::public_, ccfs_rules_page},
      {Method::get, "/{lang}/ccfs/rules/diff", Access::public_, ccfs_rules_diff_page},
      {Method::get, "/{lang}/ccfs/sites", Access::public_, ccfs_sites_page},
  };
  return routes;
}

}  // namespace bsap::web
