#include "web/routes.h"

#include "web/pages.h"

namespace bsap::web {

std::span<const Route> app_routes() {
  // Built on first use, after static initialisation, since Access::public_ lives in another
  // translation unit.
  static const Access administrators = Access::any_of({Role::administrator});
  // Applicants work on their organisation's applications; the secretariat screens them (§4.1).
  static const Access applicants = Access::any_of({Role::applicant});
  static const Access applicants_and_secretariat =
      Access::any_of({Role::applicant, Role::secretariat});
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
      // The applicant portal. Anyone may register an organisation; the pages admit applicants
      // and the secretariat, and portal_access.h decides on each object: another
      // organisation's application or document answers 403.
      {Method::get, "/{lang}/register", Access::public_, register_page},
      {Method::post, "/{lang}/register", Access::public_, register_submit},
      {Method::get, "/{lang}/portal", applicants_and_secretariat, portal_page},
      {Method::post, "/{lang}/portal/applications", applicants, portal_new_application},
      {Method::post, "/{lang}/portal/members", applicants, portal_add_member},
      {Method::post, "/{lang}/portal/documents", applicants, portal_upload_document},
      {Method::get, "/{lang}/portal/documents/{id}", applicants_and_secretariat,
       portal_document_download},
      {Method::get, "/{lang}/portal/applications/{id}", applicants_and_secretariat,
       application_page},
      {Method::get, "/{lang}/portal/applications/{id}/parts/{part}", applicants_and_secretariat,
       application_part_page},
      {Method::post, "/{lang}/portal/applications/{id}/parts/{part}", applicants,
       application_part_submit},
      {Method::post, "/{lang}/portal/applications/{id}/parts/{part}/check", applicants,
       application_part_check},
      {Method::post, "/{lang}/portal/applications/{id}/attachments", applicants,
       application_attach},
      {Method::get, "/{lang}/portal/applications/{id}/review", applicants_and_secretariat,
       application_review_page},
      {Method::post, "/{lang}/portal/applications/{id}/justifications", applicants,
       application_justifications_submit},
      {Method::post, "/{lang}/portal/applications/{id}/submit", applicants, application_submit},
      {Method::get, "/{lang}/portal/applications/{id}/acknowledgement", applicants_and_secretariat,
       application_acknowledgement_page},
      {Method::get, "/{lang}/portal/applications/{id}/history", applicants_and_secretariat,
       application_history_page},
      {Method::get, "/{lang}/portal/applications/{id}/budget.xlsx", applicants_and_secretariat,
       application_budget_download},
      // JSON API, no language prefix, refusals in JSON (app.cpp): applicants check their
      // drafts, the secretariat what it screens.
      {Method::post, "/api/v1/applications/check", applicants_and_secretariat,
       application_check_api},
  };
  return routes;
}

}  // namespace bsap::web
