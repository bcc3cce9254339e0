// Every route's handler; each lives in the file named for its page.
#pragma once
#include "web/http_message.h"
#include "web/request_context.h"

namespace bsap::web {

Response root_redirect(RequestContext& ctx);         // root_redirect.cpp
Response health_check(RequestContext& ctx);          // health_check.cpp
Response static_asset(RequestContext& ctx);          // static_asset.cpp
Response home_page(RequestContext& ctx);             // home_page.cpp
Response login_page(RequestContext& ctx);            // login_page.cpp
Response login_submit(RequestContext& ctx);          // login_page.cpp
Response logout_submit(RequestContext& ctx);         // logout_action.cpp
Response account_page(RequestContext& ctx);          // account_page.cpp
Response admin_page(RequestContext& ctx);            // admin_page.cpp
Response admin_users_page(RequestContext& ctx);      // admin_users_page.cpp
Response admin_user_add(RequestContext& ctx);        // admin_users_page.cpp
Response admin_user_page(RequestContext& ctx);       // admin_user_page.cpp
Response admin_user_roles(RequestContext& ctx);      // admin_user_page.cpp
Response admin_user_state(RequestContext& ctx);      // admin_user_page.cpp
Response plan_page(RequestContext& ctx);             // plan_page.cpp
Response plan_area_page(RequestContext& ctx);        // plan_area_page.cpp
Response plan_action_page(RequestContext& ctx);      // plan_action_page.cpp
Response plan_crosswalk_page(RequestContext& ctx);   // plan_crosswalk_page.cpp
Response plan_matrix_page(RequestContext& ctx);      // plan_matrix_page.cpp
Response ccfs_rules_page(RequestContext& ctx);       // ccfs_rules_page.cpp
Response ccfs_rules_diff_page(RequestContext& ctx);  // ccfs_rules_diff_page.cpp
Response ccfs_sites_page(RequestContext& ctx);       // ccfs_sites_page.cpp

// The applicant portal (§2.3, §2.7): object rules in portal_access.h.
Response register_page(RequestContext& ctx);                      // register_page.cpp
Response register_submit(RequestContext& ctx);                    // register_page.cpp
Response portal_page(RequestContext& ctx);                        // portal_page.cpp
Response portal_new_application(RequestContext& ctx);             // portal_page.cpp
Response portal_add_member(RequestContext& ctx);                  // portal_page.cpp
Response portal_upload_document(RequestContext& ctx);             // portal_documents.cpp
Response portal_document_download(RequestContext& ctx);           // portal_documents.cpp
Response application_page(RequestContext& ctx);                   // application_page.cpp
Response application_part_page(RequestContext& ctx);              // application_part_page.cpp
Response application_part_submit(RequestContext& ctx);            // application_part_page.cpp
Response application_part_check(RequestContext& ctx);             // application_part_page.cpp
Response application_attach(RequestContext& ctx);                 // application_attachments.cpp
Response application_review_page(RequestContext& ctx);            // application_review_page.cpp
Response application_justifications_submit(RequestContext& ctx);  // application_review_page.cpp
Response application_submit(RequestContext& ctx);                 // application_review_page.cpp
Response application_acknowledgement_page(RequestContext& ctx);   // application_review_page.cpp
Response application_history_page(RequestContext& ctx);           // application_history_page.cpp
Response application_budget_download(RequestContext& ctx);        // application_budget_download.cpp

// The JSON API (docs/api.md), each in the file named for it.
Response application_check_api(RequestContext& ctx);

}  // namespace bsap::web
