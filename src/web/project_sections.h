// The project page's sections (project_page.cpp builds the page): what the page reads of one
// project in one transaction, and the money sections (project_money_sections.cpp: budget
// ledger, expenditure, income, purchases, capital items, reductions, settlement and refunds).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "ccfs/application.h"
#include "project/project_calendar.h"
#include "project/spending_ledger.h"
#include "rules/ruleset.h"
#include "store/change_request_repo.h"
#include "store/document_repo.h"
#include "store/ledger_repo.h"
#include "store/project_repo.h"
#include "web/page.h"
#include "web/project_view.h"
#include "web/templates.h"

namespace bsap::web {

struct ProjectFacts {
  store::ProjectRow row;
  std::vector<store::InstalmentRow> instalments;
  std::vector<store::ReportRow> reports;
  std::vector<store::ProjectEventRow> events;
  std::vector<store::ItemRow> items;
  std::vector<store::IncreaseRow> increases;
  std::vector<store::ExpenditureRow> expenditures;
  std::vector<store::IncomeRow> income;
  std::vector<store::RefundRow> refunds;
  std::vector<store::PurchaseRow> purchases;
  std::vector<store::CapitalItemRow> capital_items;
  std::vector<store::ReductionRow> reductions;
  project::Settlement settlement;
  std::vector<store::DocumentInfo> documents;  // the organisation's library
  std::vector<ccfs::Kpi> kpis;                 // the application's (§2.7.13), for the reports
  std::vector<store::ChangeRequestRow> change_requests;  // §5.16.6, oldest first
  std::string person_in_charge;  // now: the application's, or the latest approved change's
};

// Who looks, and what the project's state lets them do.
struct ProjectViewer {
  bool secretariat = false;
  bool grantee = false;
  bool running = false;  // agreement signed and not closed: money may be recorded
};

// The budget ledger, expenditure, income, purchases, capital items, reductions and settlement.
void add_money_sections(RequestContext& ctx, const rules::Ruleset& ruleset,
                        const ProjectFacts& facts, const ProjectViewer& viewer,
                        const ProjectFormState& state, PageData& data);

// §5.16.6 (project_change_sections.cpp): the changes asked for and their decisions, and the
// person-in-charge they leave, read in the page's transaction; then the section with the
// grantee's request form and the secretariat's decision forms.
void load_change_facts(store::Transaction& tx, std::int64_t application_id, ProjectFacts& facts);
void add_change_requests(RequestContext& ctx, const ProjectFacts& facts,
                         const ProjectViewer& viewer, const ProjectFormState& state,
                         PageData& data);

// The application's KPIs (§2.7.13) from its submitted document, which each report answers.
std::vector<ccfs::Kpi> application_kpis(store::Transaction& tx, std::int64_t application_id);
// §5.8.11: the rungs an officer may record, in the ladder's order, and one by its code.
std::span<const project::Escalation> escalation_rungs();
std::optional<project::Escalation> escalation_from_code(std::string_view code);
// The message of the first error for the field, or "".
std::string error_for(const ProjectFormState& state, const std::string& field);
// A link to a document of the organisation's library (portal_documents.cpp serves it).
std::string document_href(const RequestContext& ctx, std::int64_t document_id);
// An option of a <select>: value, name, selected.
PageData select_option(std::string value, std::string name, bool selected);

}  // namespace bsap::web
