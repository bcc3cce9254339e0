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
  };
  return routes;
}

}  // namespace bsap::web
