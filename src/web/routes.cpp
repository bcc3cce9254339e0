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
  static const Access secretariat = Access::any_of({Role::secretariat});
  // Panel and committee members; member_access.h decides on each application (§5.17.3).
  static const Access members =
      Access::any_of({Role::assessment_panel, Role::approval_panel, Role::committee});
  // The plan tracker (000 5.1): focal points report for their departments' items
  // (track/progress_service.h decides on each item); the working group's secretariat reviews,
  // publishes and keeps the indicators and the City Biodiversity Index; administrators set the
  // departments, their focal points and the items' assignments, and enter CBI bands.
  static const Access reporters = Access::any_of({Role::focal_point, Role::plan_secretariat});
  static const Access plan_secretariat = Access::any_of({Role::plan_secretariat});
  static const Access plan_admins = Access::any_of({Role::plan_secretariat, Role::administrator});
  static const Access project_taggers = Access::any_of({Role::plan_secretariat, Role::secretariat});
  // Citizen science (000 優先行動 2.2 item 1, 3.5): members of the public submit and identify
  // observations; verifiers identify and review them. Who sees an unreviewed observation or a
  // sensitive place is decided per reader inside (observation_view.h), not by these rules.
  static const Access contributors = Access::any_of({Role::contributor});
  static const Access identifiers = Access::any_of({Role::contributor, Role::verifier});
  static const Access verifiers = Access::any_of({Role::verifier});
  // Volunteering (000 優先行動 2.2 item 1): departments (their focal points) and organisations
  // (their applicants) run programmes, which the plan's secretariat publishes; members of the
  // public sign up. Which programme a visitor organises is decided inside (volunteer_view.h).
  static const Access organisers = Access::any_of({Role::focal_point, Role::applicant});
  // Funding matching (000 2.4, 2.7): project owners (applicants) post proposals, funders keep
  // profiles and pledge, the secretariat reviews proposals before funders see them.
  static const Access funders = Access::any_of({Role::funder});
  static const Access owners_and_funders = Access::any_of({Role::applicant, Role::funder});
  static const Access matching_readers =
      Access::any_of({Role::applicant, Role::funder, Role::secretariat});
  // Good-practice cases (000 2.7, 2.7.1): organisations (applicants) and funders make them, the
  // working group's secretariat publishes them.
  static const Access case_makers = Access::any_of({Role::applicant, Role::funder});
  static const Route routes[] = {
      {Method::get, "/", Access::public_, root_redirect},
      {Method::get, "/healthz", Access::public_, health_check},
      {Method::get, "/static/*", Access::public_, static_asset},
      {Method::get, "/{lang}/", Access::public_, home_page},
      {Method::get, "/{lang}/login", Access::public_, login_page},
      {Method::post, "/{lang}/login", Access::public_, login_submit, RateClass::sign_in},
      {Method::post, "/{lang}/logout", Access::signed_in, logout_submit},
      {Method::get, "/{lang}/account", Access::signed_in, account_page},
      // One's own personal data: corrected and copied (§5.10.3, docs/privacy.md).
      {Method::post, "/{lang}/account", Access::signed_in, account_correct},
      {Method::get, "/{lang}/account/personal-data.json", Access::signed_in, account_personal_data},
      {Method::get, "/{lang}/admin", administrators, admin_page},
      {Method::get, "/{lang}/admin/users", administrators, admin_users_page},
      {Method::post, "/{lang}/admin/users", administrators, admin_user_add},
      {Method::get, "/{lang}/admin/user", administrators, admin_user_page},
      {Method::post, "/{lang}/admin/user/roles", administrators, admin_user_roles},
      {Method::post, "/{lang}/admin/user/state", administrators, admin_user_state},
      // The hub's taxa: sensitivity, IUCN, establishment and named lists (issue 9 §3, §6).
      {Method::get, "/{lang}/admin/taxa", administrators, admin_taxa_page},
      {Method::post, "/{lang}/admin/taxa/status", administrators, admin_taxon_status},
      {Method::post, "/{lang}/admin/taxa/lists", administrators, admin_taxon_list_add},
      {Method::post, "/{lang}/admin/taxa/lists/remove", administrators, admin_taxon_list_remove},
      // The plan and the scheme's rules and sites are published: the public reads them.
      {Method::get, "/{lang}/plan", Access::public_, plan_page},
      {Method::get, "/{lang}/plan/areas/{n}", Access::public_, plan_area_page},
      {Method::get, "/{lang}/plan/actions/{number}", Access::public_, plan_action_page},
      {Method::get, "/{lang}/plan/goals/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/nbsap/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/kmgbf/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/sdg/{n}", Access::public_, plan_crosswalk_page},
      {Method::get, "/{lang}/plan/matrix", Access::public_, plan_matrix_page},
      // The plan's progress, published (000 5.2): the dashboard, the indicators, the City
      // Biodiversity Index, the annual report, their open data and the CBD export. Only
      // published progress shows; an evidence file only when its report is published.
      {Method::get, "/{lang}/dashboard", Access::public_, dashboard_page},
      {Method::get, "/{lang}/indicators", Access::public_, indicators_page},
      {Method::get, "/{lang}/indicators/{code}", Access::public_, indicator_page},
      {Method::get, "/{lang}/cbi", Access::public_, cbi_page},
      {Method::get, "/{lang}/cbi/{year}", Access::public_, cbi_year_page},
      {Method::get, "/{lang}/reports/annual/{year}", Access::public_, annual_report_page},
      {Method::get, "/{lang}/plan/evidence/{id}", Access::public_, evidence_download},
      {Method::get, "/open-data/plan-progress.json", Access::public_, open_data_progress_json},
      {Method::get, "/open-data/plan-progress.csv", Access::public_, open_data_progress_csv},
      {Method::get, "/open-data/plan-indicators.json", Access::public_, open_data_indicators_json},
      {Method::get, "/open-data/plan-indicators.csv", Access::public_, open_data_indicators_csv},
      {Method::get, "/api/v1/cbd/national-report/{year}", Access::public_, cbd_export_api,
       RateClass::api},
      // The tracker's working pages.
      {Method::get, "/{lang}/tracker", reporters, tracker_page},
      {Method::get, "/{lang}/tracker/items/{item}/{year}", reporters, tracker_item_page},
      {Method::post, "/{lang}/tracker/items/{item}/{year}", reporters, tracker_item_save},
      {Method::post, "/{lang}/tracker/items/{item}/{year}/evidence", reporters,
       tracker_evidence_upload},
      {Method::post, "/{lang}/tracker/items/{item}/{year}/submit", reporters, tracker_item_submit},
      {Method::post, "/{lang}/tracker/items/{item}/{year}/review", plan_secretariat,
       tracker_item_review},
      {Method::post, "/{lang}/tracker/items/{item}/{year}/return", plan_secretariat,
       tracker_item_return},
      {Method::post, "/{lang}/tracker/items/{item}/{year}/publish", plan_secretariat,
       tracker_item_publish},
      {Method::get, "/{lang}/tracker/review", plan_secretariat, tracker_review_page},
      {Method::get, "/{lang}/tracker/departments", plan_admins, tracker_departments_page},
      {Method::post, "/{lang}/tracker/departments", plan_admins, tracker_department_save},
      {Method::post, "/{lang}/tracker/members", plan_admins, tracker_member_save},
      {Method::post, "/{lang}/tracker/assignments", plan_admins, tracker_assignment_save},
      {Method::get, "/{lang}/tracker/indicators", plan_secretariat, tracker_indicators_page},
      {Method::post, "/{lang}/tracker/indicators/{code}", plan_secretariat,
       tracker_indicator_value_save},
      {Method::get, "/{lang}/tracker/cbi/{year}", plan_admins, tracker_cbi_page},
      {Method::post, "/{lang}/tracker/cbi/{year}", plan_secretariat, tracker_cbi_inputs_save},
      {Method::post, "/{lang}/tracker/cbi-bands/{n}", administrators, tracker_cbi_bands_save},
      {Method::get, "/{lang}/tracker/projects", project_taggers, tracker_projects_page},
      {Method::post, "/{lang}/tracker/projects", project_taggers, tracker_project_tag_save},
      {Method::post, "/{lang}/reports/annual/{year}/midterm", plan_secretariat,
       annual_report_freeze},
      // Good-practice cases (000 2.7, 2.7.1): published cases are public; case_view.h decides on
      // each case, so an unpublished one answers 404 to everyone but its owner and (once
      // submitted) the secretariat. The fixed paths come before /cases/{id}.
      {Method::get, "/{lang}/cases", Access::public_, cases_page},
      {Method::get, "/{lang}/cases/mine", case_makers, cases_mine_page},
      {Method::get, "/{lang}/cases/review", plan_secretariat, cases_review_page},
      {Method::get, "/{lang}/cases/new", case_makers, case_new_page},
      {Method::post, "/{lang}/cases/new", case_makers, case_create},
      {Method::get, "/{lang}/cases/{id}", Access::public_, case_page},
      {Method::get, "/{lang}/cases/{id}/edit", case_makers, case_edit_page},
      {Method::post, "/{lang}/cases/{id}/edit", case_makers, case_save},
      {Method::post, "/{lang}/cases/{id}/submit", case_makers, case_submit},
      {Method::post, "/{lang}/cases/{id}/withdraw", case_makers, case_withdraw},
      {Method::post, "/{lang}/cases/{id}/photos", case_makers, case_photo_add},
      {Method::get, "/{lang}/cases/{id}/photos/{pid}", Access::public_, case_photo},
      {Method::post, "/{lang}/cases/{id}/publish", plan_secretariat, case_publish},
      {Method::post, "/{lang}/cases/{id}/return", plan_secretariat, case_return},
      {Method::get, "/open-data/good-practice-cases.json", Access::public_, open_data_cases_json},
      {Method::get, "/open-data/good-practice-cases.csv", Access::public_, open_data_cases_csv},
      // The biodiversity hub (issue 9 §5) is public; who sees a sensitive species' precise
      // records is decided per reader inside (biodata_access.h, §6), not by these rules.
      {Method::get, "/{lang}/species", Access::public_, species_search_page},
      {Method::get, "/{lang}/species/{id}", Access::public_, species_page},
      {Method::get, "/{lang}/areas", Access::public_, area_layers_page},
      {Method::get, "/{lang}/areas/{layer}", Access::public_, area_layer_page},
      {Method::get, "/{lang}/areas/{layer}/{area}", Access::public_, area_page},
      {Method::get, "/{lang}/richness", Access::public_, richness_page},
      {Method::get, "/api/v1/biodata/species", Access::public_, biodata_species_api,
       RateClass::api},
      {Method::get, "/api/v1/biodata/species/{id}/occurrences", Access::public_,
       biodata_species_occurrences_api, RateClass::api},
      {Method::get, "/api/v1/biodata/richness", Access::public_, biodata_richness_api,
       RateClass::api},
      {Method::get, "/open-data/biodata/species/{id}/occurrences.csv", Access::public_,
       biodata_species_csv},
      {Method::get, "/open-data/biodata/species/{id}/occurrences.zip", Access::public_,
       biodata_species_archive},
      {Method::get, "/open-data/biodata/areas/{layer}/{area}/occurrences.csv", Access::public_,
       biodata_area_csv},
      {Method::get, "/open-data/biodata/areas/{layer}/{area}/occurrences.zip", Access::public_,
       biodata_area_archive},
      {Method::get, "/{lang}/observations", Access::public_, observations_page},
      {Method::post, "/{lang}/observations", contributors, observation_submit},
      {Method::get, "/{lang}/observations/join", Access::public_, contributor_register_page},
      {Method::post, "/{lang}/observations/join", Access::public_, contributor_register_submit,
       RateClass::sign_in},
      {Method::get, "/{lang}/observations/new", contributors, observation_new_page},
      // Before /observations/{id}: the first route that matches answers.
      {Method::get, "/{lang}/observations/programmes", Access::public_, volunteer_programmes_page},
      {Method::post, "/{lang}/observations/programmes", organisers, volunteer_programme_submit},
      {Method::get, "/{lang}/observations/programmes/new", organisers,
       volunteer_programme_new_page},
      {Method::get, "/{lang}/observations/programmes/mine", contributors, my_volunteering_page},
      {Method::get, "/{lang}/observations/programmes/{id}", Access::public_,
       volunteer_programme_page},
      {Method::post, "/{lang}/observations/programmes/{id}", organisers,
       volunteer_programme_resubmit},
      {Method::post, "/{lang}/observations/programmes/{id}/review", plan_secretariat,
       volunteer_programme_review},
      {Method::post, "/{lang}/observations/programmes/{id}/close", organisers,
       volunteer_programme_close},
      {Method::post, "/{lang}/observations/programmes/{id}/events", organisers,
       volunteer_event_add},
      {Method::get, "/{lang}/observations/events/{id}", Access::public_, volunteer_event_page},
      {Method::post, "/{lang}/observations/events/{id}/sign-up", contributors, volunteer_sign_up},
      {Method::post, "/{lang}/observations/events/{id}/cancel-sign-up", contributors,
       volunteer_cancel_sign_up},
      {Method::post, "/{lang}/observations/events/{id}/attendance", organisers,
       volunteer_attendance},
      {Method::post, "/{lang}/observations/events/{id}/cancel", organisers, volunteer_event_cancel},
      {Method::get, "/{lang}/observations/{id}", Access::public_, observation_page},
      {Method::get, "/{lang}/observations/{id}/photos/{pid}", Access::public_, observation_photo},
      {Method::post, "/{lang}/observations/{id}/identifications", identifiers,
       observation_identify},
      {Method::post, "/{lang}/observations/{id}/review", verifiers, observation_review},
      {Method::get, "/{lang}/ccfs/rules", Access::public_, ccfs_rules_page},
      {Method::get, "/{lang}/ccfs/rules/diff", Access::public_, ccfs_rules_diff_page},
      {Method::get, "/{lang}/ccfs/sites", Access::public_, ccfs_sites_page},
      // The approved projects are published (§4.1.3): the list and its 360Giving open data.
      {Method::get, "/{lang}/grants", Access::public_, grants_page},
      {Method::get, "/open-data/ccfs-grants.json", Access::public_, open_data_grants_json},
      {Method::get, "/open-data/ccfs-grants.csv", Access::public_, open_data_grants_csv},
      // The applicant portal. Anyone may register an organisation; the pages admit applicants
      // and the secretariat, and portal_access.h decides on each object: another
      // organisation's application or document answers 403.
      {Method::get, "/{lang}/register", Access::public_, register_page},
      {Method::post, "/{lang}/register", Access::public_, register_submit, RateClass::sign_in},
      {Method::get, "/{lang}/portal", applicants_and_secretariat, portal_page},
      {Method::post, "/{lang}/portal/applications", applicants, portal_new_application},
      {Method::post, "/{lang}/portal/applications/import", applicants, portal_import_application},
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
      // The assessment as the applicant sees it: state, requests, decision; never scores.
      {Method::get, "/{lang}/portal/applications/{id}/assessment", applicants_and_secretariat,
       application_assessment_page},
      {Method::post, "/{lang}/portal/applications/{id}/answer", applicants,
       application_answer_submit},
      {Method::post, "/{lang}/portal/applications/{id}/withdraw", applicants,
       application_withdraw_submit},
      {Method::post, "/{lang}/portal/applications/{id}/resubmit", applicants, application_resubmit},
      {Method::get, "/{lang}/portal/applications/{id}/differences", applicants_and_secretariat,
       application_differences_page},
      {Method::post, "/{lang}/portal/applications/{id}/differences", applicants,
       application_differences_submit},
      // The secretariat's assessment: rounds, screening, the steps of the state machine, the
      // members of each body and their scores.
      {Method::get, "/{lang}/assessment", secretariat, assessment_dashboard_page},
      {Method::post, "/{lang}/assessment/rounds", secretariat, assessment_round_create},
      {Method::get, "/{lang}/assessment/rounds/{id}/scores.csv", secretariat,
       assessment_scores_csv},
      {Method::get, "/{lang}/assessment/applications/{id}", secretariat, assessment_case_page},
      {Method::post, "/{lang}/assessment/applications/{id}/steps", secretariat,
       assessment_step_submit},
      {Method::post, "/{lang}/assessment/applications/{id}/members", secretariat,
       assessment_member_assign},
      {Method::post, "/{lang}/assessment/applications/{id}/round", secretariat,
       assessment_round_assign},
      // Funded projects (§5). The pages admit applicants and the secretariat, and
      // project_view.h decides on each project: another organisation's answers 403. The
      // grantee reports, spends and photographs; the secretariat opens, signs, pays, reviews,
      // follows up, reduces, refunds, suspends and closes; both record income and purchases.
      {Method::get, "/{lang}/projects", applicants_and_secretariat, projects_page},
      {Method::post, "/{lang}/projects", secretariat, projects_open_submit},
      {Method::get, "/{lang}/projects/{id}", applicants_and_secretariat, project_page},
      {Method::post, "/{lang}/projects/{id}/agreement", secretariat, project_agreement_submit},
      {Method::post, "/{lang}/projects/{id}/instalments/{n}/release", secretariat,
       project_release_submit},
      {Method::post, "/{lang}/projects/{id}/reports/{rid}", applicants, project_report_submit},
      {Method::post, "/{lang}/projects/{id}/reports/{rid}/review", secretariat,
       project_report_review_submit},
      {Method::post, "/{lang}/projects/{id}/reports/{rid}/escalation", secretariat,
       project_report_escalation_submit},
      {Method::post, "/{lang}/projects/{id}/expenditures", applicants, project_expenditure_submit},
      {Method::post, "/{lang}/projects/{id}/increases", secretariat, project_increase_submit},
      {Method::post, "/{lang}/projects/{id}/income", applicants_and_secretariat,
       project_income_submit},
      {Method::post, "/{lang}/projects/{id}/purchases", applicants_and_secretariat,
       project_purchase_submit},
      {Method::post, "/{lang}/projects/{id}/capital-items/{cid}/photo", applicants,
       project_item_photo_submit},
      {Method::post, "/{lang}/projects/{id}/capital-items/{cid}/disposal", secretariat,
       project_item_disposal_submit},
      {Method::post, "/{lang}/projects/{id}/reductions", secretariat, project_reduction_submit},
      {Method::post, "/{lang}/projects/{id}/refunds", secretariat, project_refund_submit},
      {Method::post, "/{lang}/projects/{id}/state", secretariat, project_state_submit},
      {Method::post, "/{lang}/projects/{id}/close", secretariat, project_close_submit},
      // §5.16.6: the grantee asks, the secretariat decides.
      {Method::post, "/{lang}/projects/{id}/changes", applicants_and_secretariat,
       project_change_submit},
      {Method::post, "/{lang}/projects/{id}/changes/{cid}/decision", secretariat,
       project_change_decision_submit},
      // The members' pages: their assignments, the declaration of interests that must come
      // first, and the application with its scores or the committee's decision.
      {Method::get, "/{lang}/reviews", members, reviews_page},
      {Method::get, "/{lang}/reviews/{id}/declaration", members, review_declaration_page},
      {Method::post, "/{lang}/reviews/{id}/declaration", members, review_declaration_submit},
      {Method::get, "/{lang}/reviews/{id}", members, review_page},
      {Method::post, "/{lang}/reviews/{id}/scores", members, review_scores_submit},
      {Method::post, "/{lang}/reviews/{id}/decision", members, review_decision_submit},
      // Public–private funding matching: the page explains itself to everyone and shows each
      // role its part; matching_proposal_page.cpp decides on each proposal.
      {Method::get, "/{lang}/matching", Access::public_, matching_page},
      {Method::post, "/{lang}/matching/proposals", applicants, matching_proposal_create},
      {Method::get, "/{lang}/matching/profile", funders, matching_profile_page},
      {Method::post, "/{lang}/matching/profile", funders, matching_profile_save},
      {Method::get, "/{lang}/matching/proposals/{id}", matching_readers, matching_proposal_page},
      {Method::post, "/{lang}/matching/proposals/{id}/review", secretariat,
       matching_proposal_review},
      {Method::get, "/{lang}/matching/proposals/{id}/edit", applicants,
       matching_proposal_edit_page},
      {Method::post, "/{lang}/matching/proposals/{id}/edit", applicants,
       matching_proposal_resubmit},
      {Method::post, "/{lang}/matching/proposals/{id}/interest", owners_and_funders,
       matching_interest_submit},
      {Method::post, "/{lang}/matching/proposals/{id}/pledges", funders, matching_pledge_submit},
      {Method::post, "/{lang}/matching/pledges/{id}/sponsorship", applicants,
       matching_sponsorship_submit},
      // JSON API, no language prefix, refusals in JSON (app.cpp): applicants check their
      // drafts, the secretariat what it screens.
      {Method::post, "/api/v1/applications/check", applicants_and_secretariat,
       application_check_api, RateClass::api},
  };
  return routes;
}

}  // namespace bsap::web
