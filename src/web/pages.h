// Every route's handler; each lives in the file named for its page.
#pragma once
#include "web/http_message.h"
#include "web/request_context.h"

namespace bsap::web {

Response root_redirect(RequestContext& ctx);  // root_redirect.cpp
Response health_check(RequestContext& ctx);   // health_check.cpp
Response static_asset(RequestContext& ctx);   // static_asset.cpp
Response home_page(RequestContext& ctx);      // home_page.cpp
Response login_page(RequestContext& ctx);     // login_page.cpp
Response login_submit(RequestContext& ctx);   // login_page.cpp
Response logout_submit(RequestContext& ctx);  // logout_action.cpp
Response account_page(RequestContext& ctx);   // account_page.cpp
Response account_correct(RequestContext& ctx);
Response account_personal_data(RequestContext& ctx);
Response admin_page(RequestContext& ctx);           // admin_page.cpp
Response admin_users_page(RequestContext& ctx);     // admin_users_page.cpp
Response admin_user_add(RequestContext& ctx);       // admin_users_page.cpp
Response admin_user_page(RequestContext& ctx);      // admin_user_page.cpp
Response admin_user_roles(RequestContext& ctx);     // admin_user_page.cpp
Response admin_user_state(RequestContext& ctx);     // admin_user_page.cpp
Response plan_page(RequestContext& ctx);            // plan_page.cpp
Response plan_area_page(RequestContext& ctx);       // plan_area_page.cpp
Response plan_action_page(RequestContext& ctx);     // plan_action_page.cpp
Response plan_crosswalk_page(RequestContext& ctx);  // plan_crosswalk_page.cpp
Response plan_matrix_page(RequestContext& ctx);     // plan_matrix_page.cpp

// The hub's taxa as administrators keep them (issue 9 §3, §6): admin_taxa_page.cpp.
Response admin_taxa_page(RequestContext& ctx);
Response admin_taxon_status(RequestContext& ctx);
Response admin_taxon_list_add(RequestContext& ctx);
Response admin_taxon_list_remove(RequestContext& ctx);

// The plan's published progress (000 5.2), for everyone.
Response dashboard_page(RequestContext& ctx);             // dashboard_page.cpp
Response indicators_page(RequestContext& ctx);            // indicators_page.cpp
Response indicator_page(RequestContext& ctx);             // indicator_page.cpp
Response cbi_page(RequestContext& ctx);                   // cbi_page.cpp
Response cbi_year_page(RequestContext& ctx);              // cbi_page.cpp
Response annual_report_page(RequestContext& ctx);         // annual_report_page.cpp
Response evidence_download(RequestContext& ctx);          // evidence_download.cpp
Response open_data_progress_json(RequestContext& ctx);    // plan_open_data.cpp
Response open_data_progress_csv(RequestContext& ctx);     // plan_open_data.cpp
Response open_data_indicators_json(RequestContext& ctx);  // plan_open_data.cpp
Response open_data_indicators_csv(RequestContext& ctx);   // plan_open_data.cpp
Response cbd_export_api(RequestContext& ctx);             // cbd_export_api.cpp

// The plan tracker's working pages (000 5.1): focal points, the working group's secretariat,
// administrators.
Response tracker_page(RequestContext& ctx);                  // tracker_page.cpp
Response tracker_item_page(RequestContext& ctx);             // tracker_item_page.cpp
Response tracker_item_save(RequestContext& ctx);             // tracker_item_forms.cpp
Response tracker_evidence_upload(RequestContext& ctx);       // tracker_item_forms.cpp
Response tracker_item_submit(RequestContext& ctx);           // tracker_item_forms.cpp
Response tracker_item_review(RequestContext& ctx);           // tracker_review_forms.cpp
Response tracker_item_return(RequestContext& ctx);           // tracker_review_forms.cpp
Response tracker_item_publish(RequestContext& ctx);          // tracker_review_forms.cpp
Response tracker_review_page(RequestContext& ctx);           // tracker_review_page.cpp
Response tracker_departments_page(RequestContext& ctx);      // tracker_departments_page.cpp
Response tracker_department_save(RequestContext& ctx);       // tracker_departments_page.cpp
Response tracker_member_save(RequestContext& ctx);           // tracker_departments_page.cpp
Response tracker_assignment_save(RequestContext& ctx);       // tracker_departments_page.cpp
Response tracker_indicators_page(RequestContext& ctx);       // tracker_indicators_page.cpp
Response tracker_indicator_value_save(RequestContext& ctx);  // tracker_indicators_page.cpp
Response tracker_cbi_page(RequestContext& ctx);              // tracker_cbi_page.cpp
Response tracker_cbi_inputs_save(RequestContext& ctx);       // tracker_cbi_page.cpp
Response tracker_cbi_bands_save(RequestContext& ctx);        // tracker_cbi_page.cpp
Response tracker_projects_page(RequestContext& ctx);         // tracker_projects_page.cpp
Response tracker_project_tag_save(RequestContext& ctx);      // tracker_projects_page.cpp
Response annual_report_freeze(RequestContext& ctx);          // annual_report_page.cpp
Response ccfs_rules_page(RequestContext& ctx);               // ccfs_rules_page.cpp
Response ccfs_rules_diff_page(RequestContext& ctx);          // ccfs_rules_diff_page.cpp
Response ccfs_sites_page(RequestContext& ctx);               // ccfs_sites_page.cpp

// Citizen science (issue 11; 000 優先行動 2.2 item 1, 3.5).
Response observations_page(RequestContext& ctx);            // observations_page.cpp
Response observation_page(RequestContext& ctx);             // observations_page.cpp
Response observation_photo(RequestContext& ctx);            // observations_page.cpp
Response observation_new_page(RequestContext& ctx);         // observation_forms.cpp
Response observation_submit(RequestContext& ctx);           // observation_forms.cpp
Response observation_identify(RequestContext& ctx);         // observation_forms.cpp
Response observation_review(RequestContext& ctx);           // observation_forms.cpp
Response contributor_register_page(RequestContext& ctx);    // contributor_register_page.cpp
Response contributor_register_submit(RequestContext& ctx);  // contributor_register_page.cpp

// Volunteering (issue 11; 000 優先行動 2.2 item 1).
Response volunteer_programmes_page(RequestContext& ctx);     // volunteer_programmes_page.cpp
Response volunteer_programme_page(RequestContext& ctx);      // volunteer_programmes_page.cpp
Response volunteer_programme_new_page(RequestContext& ctx);  // volunteer_programme_forms.cpp
Response volunteer_programme_submit(RequestContext& ctx);    // volunteer_programme_forms.cpp
Response volunteer_programme_resubmit(RequestContext& ctx);  // volunteer_programme_forms.cpp
Response volunteer_programme_review(RequestContext& ctx);    // volunteer_programme_forms.cpp
Response volunteer_programme_close(RequestContext& ctx);     // volunteer_programme_forms.cpp
Response volunteer_event_add(RequestContext& ctx);           // volunteer_programme_forms.cpp
Response volunteer_event_page(RequestContext& ctx);          // volunteer_event_page.cpp
Response volunteer_sign_up(RequestContext& ctx);             // volunteer_event_page.cpp
Response volunteer_cancel_sign_up(RequestContext& ctx);      // volunteer_event_page.cpp
Response volunteer_attendance(RequestContext& ctx);          // volunteer_event_page.cpp
Response volunteer_event_cancel(RequestContext& ctx);        // volunteer_event_page.cpp
Response my_volunteering_page(RequestContext& ctx);          // my_volunteering_page.cpp

// The approved projects (§4.1.3) and their 360Giving open data.
Response grants_page(RequestContext& ctx);            // grants_page.cpp
Response open_data_grants_json(RequestContext& ctx);  // grants_open_data.cpp
Response open_data_grants_csv(RequestContext& ctx);   // grants_open_data.cpp

// The applicant portal (§2.3, §2.7): object rules in portal_access.h.
Response register_page(RequestContext& ctx);                      // register_page.cpp
Response register_submit(RequestContext& ctx);                    // register_page.cpp
Response portal_page(RequestContext& ctx);                        // portal_page.cpp
Response portal_new_application(RequestContext& ctx);             // portal_page.cpp
Response portal_import_application(RequestContext& ctx);          // portal_import.cpp
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

// The applicant's side of the assessment (§2.6.4, §4.4, §4.5): portal_access.h's object rules.
Response application_assessment_page(RequestContext& ctx);     // application_assessment_page.cpp
Response application_answer_submit(RequestContext& ctx);       // application_assessment_page.cpp
Response application_withdraw_submit(RequestContext& ctx);     // application_assessment_page.cpp
Response application_resubmit(RequestContext& ctx);            // application_assessment_page.cpp
Response application_differences_page(RequestContext& ctx);    // application_differences_page.cpp
Response application_differences_submit(RequestContext& ctx);  // application_differences_page.cpp

// The secretariat's assessment (§2.6, §4.1): rounds, screening, steps, members, scores.
Response assessment_dashboard_page(RequestContext& ctx);  // assessment_dashboard_page.cpp
Response assessment_round_create(RequestContext& ctx);    // assessment_dashboard_page.cpp
Response assessment_case_page(RequestContext& ctx);       // assessment_case_page.cpp
Response assessment_step_submit(RequestContext& ctx);     // assessment_case_page.cpp
Response assessment_member_assign(RequestContext& ctx);   // assessment_case_page.cpp
Response assessment_round_assign(RequestContext& ctx);    // assessment_case_page.cpp
Response assessment_scores_csv(RequestContext& ctx);      // assessment_scores_csv.cpp

// Funded projects (§5): the secretariat's and the grantee's; object rules in project_view.h.
Response projects_page(RequestContext& ctx);                     // projects_page.cpp
Response projects_open_submit(RequestContext& ctx);              // projects_page.cpp
Response project_page(RequestContext& ctx);                      // project_page.cpp
Response project_agreement_submit(RequestContext& ctx);          // project_state_forms.cpp
Response project_release_submit(RequestContext& ctx);            // project_state_forms.cpp
Response project_state_submit(RequestContext& ctx);              // project_state_forms.cpp
Response project_close_submit(RequestContext& ctx);              // project_state_forms.cpp
Response project_report_submit(RequestContext& ctx);             // project_report_forms.cpp
Response project_report_review_submit(RequestContext& ctx);      // project_report_forms.cpp
Response project_report_escalation_submit(RequestContext& ctx);  // project_report_forms.cpp
Response project_expenditure_submit(RequestContext& ctx);        // project_money_forms.cpp
Response project_increase_submit(RequestContext& ctx);           // project_money_forms.cpp
Response project_income_submit(RequestContext& ctx);             // project_money_forms.cpp
Response project_reduction_submit(RequestContext& ctx);          // project_money_forms.cpp
Response project_refund_submit(RequestContext& ctx);             // project_money_forms.cpp
Response project_purchase_submit(RequestContext& ctx);           // project_purchase_forms.cpp
Response project_item_photo_submit(RequestContext& ctx);         // project_purchase_forms.cpp
Response project_item_disposal_submit(RequestContext& ctx);      // project_purchase_forms.cpp
Response project_change_submit(RequestContext& ctx);             // project_change_forms.cpp
Response project_change_decision_submit(RequestContext& ctx);    // project_change_forms.cpp

// The panels' and the committee's pages (§4.1.1, §4.1.2, §5.17): object rules in member_access.h.
Response reviews_page(RequestContext& ctx);               // reviews_page.cpp
Response review_declaration_page(RequestContext& ctx);    // review_declaration_page.cpp
Response review_declaration_submit(RequestContext& ctx);  // review_declaration_page.cpp
Response review_page(RequestContext& ctx);                // review_page.cpp
Response review_scores_submit(RequestContext& ctx);       // review_forms.cpp
Response review_decision_submit(RequestContext& ctx);     // review_forms.cpp

// Good-practice cases (000 2.7, 2.7.1): object rules in case_view.h.
Response cases_page(RequestContext& ctx);            // cases_page.cpp
Response cases_mine_page(RequestContext& ctx);       // cases_work_pages.cpp
Response cases_review_page(RequestContext& ctx);     // cases_work_pages.cpp
Response case_new_page(RequestContext& ctx);         // case_form_page.cpp
Response case_create(RequestContext& ctx);           // case_form_page.cpp
Response case_page(RequestContext& ctx);             // case_page.cpp
Response case_edit_page(RequestContext& ctx);        // case_form_page.cpp
Response case_save(RequestContext& ctx);             // case_form_page.cpp
Response case_submit(RequestContext& ctx);           // case_steps.cpp
Response case_withdraw(RequestContext& ctx);         // case_steps.cpp
Response case_photo_add(RequestContext& ctx);        // case_photo_pages.cpp
Response case_photo(RequestContext& ctx);            // case_photo_pages.cpp
Response case_publish(RequestContext& ctx);          // case_steps.cpp
Response case_return(RequestContext& ctx);           // case_steps.cpp
Response open_data_cases_json(RequestContext& ctx);  // cases_open_data.cpp
Response open_data_cases_csv(RequestContext& ctx);   // cases_open_data.cpp

// The biodiversity hub (issue 9 §5, §6): public pages, API and downloads; what each shows of a
// sensitive species' records depends on the reader (biodata_access.h).
Response species_search_page(RequestContext& ctx);              // species_search_page.cpp
Response species_page(RequestContext& ctx);                     // species_page.cpp
Response area_layers_page(RequestContext& ctx);                 // area_pages.cpp
Response area_layer_page(RequestContext& ctx);                  // area_pages.cpp
Response area_page(RequestContext& ctx);                        // area_pages.cpp
Response richness_page(RequestContext& ctx);                    // richness_page.cpp
Response biodata_species_api(RequestContext& ctx);              // biodata_api.cpp
Response biodata_species_occurrences_api(RequestContext& ctx);  // biodata_api.cpp
Response biodata_richness_api(RequestContext& ctx);             // biodata_api.cpp
Response biodata_species_csv(RequestContext& ctx);              // biodata_downloads.cpp
Response biodata_species_archive(RequestContext& ctx);          // biodata_downloads.cpp
Response biodata_area_csv(RequestContext& ctx);                 // biodata_downloads.cpp
Response biodata_area_archive(RequestContext& ctx);             // biodata_downloads.cpp

// Public–private funding matching (000 優先行動 2.4 優先項目 2, 2.7; 002 §3.11): who sees which
// proposal is decided in matching_proposal_page.cpp (funders only listed ones).
Response matching_page(RequestContext& ctx);                // matching_page.cpp
Response matching_proposal_create(RequestContext& ctx);     // matching_page.cpp
Response matching_profile_page(RequestContext& ctx);        // matching_page.cpp
Response matching_profile_save(RequestContext& ctx);        // matching_page.cpp
Response matching_proposal_page(RequestContext& ctx);       // matching_proposal_page.cpp
Response matching_proposal_review(RequestContext& ctx);     // matching_proposal_page.cpp
Response matching_interest_submit(RequestContext& ctx);     // matching_proposal_page.cpp
Response matching_pledge_submit(RequestContext& ctx);       // matching_proposal_page.cpp
Response matching_sponsorship_submit(RequestContext& ctx);  // matching_proposal_page.cpp
Response matching_proposal_edit_page(RequestContext& ctx);  // matching_proposal_edit_page.cpp
Response matching_proposal_resubmit(RequestContext& ctx);   // matching_proposal_edit_page.cpp

// The JSON API (docs/api.md), each in the file named for it.
Response application_check_api(RequestContext& ctx);

}  // namespace bsap::web
