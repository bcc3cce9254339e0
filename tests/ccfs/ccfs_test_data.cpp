#include "ccfs_test_data.h"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

#include "rules/ruleset_loader.h"
#include "support/test_ruleset.h"

namespace bsap::ccfs::testing {
namespace {

BudgetLine line(std::string kind, int year, long long quantity, Money unit_cost,
                std::string justification = {}) {
  BudgetLine made;
  made.kind = std::move(kind);
  made.description = made.kind + " (year " + std::to_string(year) + ")";
  made.year = year;
  made.quantity = quantity;
  made.unit_cost = unit_cost;
  made.justification = std::move(justification);
  return made;
}

Applicant company() {
  return {"綠野保育有限公司",
          "Green Fields Conservation Limited",
          "non_profit_company",
          false,
          true,
          false,
          {"tax_exemption_letter", "certificate_of_incorporation", "articles_of_association",
           "directors_list"}};
}

Partner co_organiser() {
  Partner partner;
  partner.name = "Tai Po Nature Society Limited";
  partner.role = "Leads the volunteer surveys";
  partner.kind = "charitable_institution";
  partner.registered_under_societies_ordinance = false;
  partner.written_confirmation = true;
  partner.documents = {"tax_exemption_letter", "registration_document", "articles_of_association",
                       "principal_officers_list"};
  return partner;
}

std::vector<Kpi> five_kpis() {
  return {{"Farmland under management (ha)", "measure_effectiveness", "4 ha by month 12"},
          {"Dragonfly species recorded", "measure_effectiveness", "30 species by month 24"},
          {"Landowners in agreements", "stakeholder_participation", "12 owners by month 6"},
          {"Volunteer days", "stakeholder_participation", "400 days by month 24"},
          {"Guided walks and participants", "public_awareness", "20 walks, 600 people"}};
}

// Fills what every type shares; the budget is set per type.
Application common(const std::string& type, const std::string& site) {
  Application a;
  a.project_type = type;
  a.language = "en";
  a.title = "Wetland and farmland stewardship";
  a.summary = "Bring abandoned fields back under wet farming for wildlife and visitors.";
  a.planned_start = day("2027-04-01");
  a.duration_months = 24;
  a.applicant = company();
  a.person_in_charge = {"Chan Tai Man", "Director", true};
  a.site_codes = {site};
  a.map_reference = "DD 27 Lots 101-140";
  a.site_map = true;
  a.site_photos = true;
  a.objectives = "Restore wet agriculture and the habitats it supports.";
  a.benefits = "Habitat for wetland species; a place for the public to learn.";
  a.owners = {{"DD 27 Lot 101", "Tso Tong of the village", true}};
  a.partners = {co_organiser()};
  a.income = {{"Farm produce sales", hkd(50'000)}};
  a.work_plan = "Year 1: agreements, clearing, wet farming; year 2: monitoring and education.";
  a.timetable = "Months 1-3 agreements; 4-12 works; 13-24 farming, surveys, walks.";
  a.statutory_approvals = {{"Excavation permit", "Lands Department", "Apply in month 1"}};
  a.kpis = five_kpis();
  a.deliverables = {"Habitat management plan", "Two survey reports"};
  a.sustainability_plan = "From year 3 farm income and membership fees cover the farming costs.";
  return a;
}

std::vector<BudgetLine> ma_budget() {
  std::vector<BudgetLine> budget = {
      line("project_staff", 1, 1, hkd(150'000), "One field officer for the farming works"),
      line("project_staff", 2, 1, hkd(150'000), "One field officer for the farming works"),
      line("direct_labour", 1, 2'000, hkd(80), "Farm workers for clearing and planting"),
      line("direct_labour", 2, 2'000, hkd(80), "Farm workers for the wet farming"),
      line("audit_fee", 2, 1, hkd(20'000), "Audited final accounts (§5.8.2)"),
      line("publicity", 1, 1, hkd(30'000)),
      line("booth", 1, 10, hkd(850)),
      line("speaker", 1, 4, hkd(400)),
      line("volunteer_meal", 1, 100, hkd(50)),
      line("travel_allowance", 1, 500, hkd(20)),
      line("insurance", 1, 1, hkd(6'000)),
      line("transport", 2, 5, hkd(2'600)),
      line("equipment", 1, 1, hkd(50'000), "Water pump and pipes for the paddies"),
      line("admin_recurrent", 2, 1, hkd(30'000)),
  };
  budget[7].minutes = 120;  // two-hour talks: HK$200 an hour (附錄2 item 7)
  budget[8].minutes = 240;  // four-hour work days: HK$50 a volunteer (附錄2 item 17)
  budget[10].quotation = true;
  budget[11].vehicle = "coach";
  budget[11].quotation = true;
  return budget;
}

// Grant HK$744,100: 25 % before the start, the rest of a 38 % first instalment on the
// inception report, two equal progress instalments and the 10 % retention (§5.5.1).
std::vector<Instalment> ma_schedule() {
  return {{"One month before the start", cents(18'602'500), true, false},
          {"Inception report accepted", hkd(100'000), false, false},
          {"First progress report", cents(19'183'250), false, false},
          {"Second progress report", cents(19'183'250), false, false},
          {"Completion report and audited accounts", hkd(74'410), false, true}};
}

std::map<std::string, std::string> details_for(const rules::ProjectType& type) {
  std::map<std::string, std::string> details;
  for (const rules::RequiredDetail& detail : type.required_details)
    details[detail.key] = "Answer on " + detail.name.en;
  return details;
}

}  // namespace

const rules::Ruleset& ruleset_1_8() { return bsap::testing::ruleset_1_8(); }

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }
Money cents(std::int64_t amount) { return Money::from_cents(amount); }
Money cent() { return cents(1); }
CivilDate day(const std::string& iso) { return parse_iso_date(iso).value(); }

Application complete_ma() {
  Application a = common("management_agreement", "B01");
  a.habitat_map = true;
  a.management_agreement_evidence = true;
  a.details = details_for(*ruleset_1_8().project_type("management_agreement"));
  a.budget = ma_budget();
  a.disbursement_schedule = ma_schedule();
  a.requested_grant = hkd(744'100);
  return a;
}

Application complete_non_ma(const std::string& type) {
  const bool remote_village = type != "heritage_building";
  Application a = common(type, remote_village ? "D01" : "A02");
  if (remote_village) {
    a.walk_to_public_transport_m = 800;
    a.map_shows_public_transport = true;
  } else {
    a.restoration_months = 12;  // half of 24 months open to the public (§2.7.12(a))
    a.heritage_assets = {{"Old school house", false, false}};
  }
  a.details = details_for(*ruleset_1_8().project_type(type));
  a.budget = {
      line("project_staff", 1, 1, hkd(150'000), "Research assistant, with a breakdown"),
      line("project_staff", 2, 1, hkd(150'000), "Research assistant, with a breakdown"),
      line("publicity", 1, 1, hkd(20'000)),
      line("display_board", 2, 10, hkd(2'700)),
      line("guided_tour", 2, 20, hkd(300)),
      line("admin_recurrent", 2, 1, hkd(20'000)),
  };
  a.budget[4].participant_fee = hkd(200);  // participants pay 200 of 500: 40 % (附錄2 item 11)
  // Expenditure 373,000, income 50,000: grant 323,000.
  a.disbursement_schedule = {{"One month before the start", hkd(80'750), true, false},
                             {"Inception report accepted", hkd(40'000), false, false},
                             {"First progress report", hkd(84'975), false, false},
                             {"Second progress report", hkd(84'975), false, false},
                             {"Completion report", hkd(32'300), false, true}};
  a.requested_grant = hkd(323'000);
  return a;
}

CheckResult check(const Application& application, std::vector<PriorGrant> prior_grants) {
  return check_application(application, ruleset_1_8(),
                           CheckContext{day("2026-11-22"), std::move(prior_grants)});
}

std::vector<Finding> findings_of(const CheckResult& result, const std::string& rule) {
  std::vector<Finding> found;
  for (const Finding& finding : result.findings)
    if (finding.rule == rule) found.push_back(finding);
  return found;
}

bool has_finding(const CheckResult& result, const std::string& rule, Severity severity) {
  for (const Finding& finding : result.findings)
    if (finding.rule == rule && finding.severity == severity) return true;
  return false;
}

std::string describe(const CheckResult& result) {
  std::ostringstream text;
  for (const Finding& f : result.findings)
    text << severity_name(f.severity) << ' ' << f.rule << ' ' << f.field << ' ' << f.clause << ": "
         << f.message_en << '\n';
  return text.str();
}

bool clean_of(const CheckResult& result, const std::string& rule) {
  return findings_of(result, rule).empty();
}

Finding single(const CheckResult& result, const std::string& rule, Severity severity,
               const std::string& clause) {
  const std::vector<Finding> found = findings_of(result, rule);
  EXPECT_EQ(found.size(), 1u) << describe(result);
  if (found.size() != 1) return {};
  EXPECT_EQ(found[0].severity, severity) << describe(result);
  EXPECT_EQ(found[0].clause, clause);
  EXPECT_FALSE(found[0].message_zh.empty());
  EXPECT_FALSE(found[0].message_en.empty());
  return found[0];
}

void expect_only(const CheckResult& result, const std::string& rule, Severity severity,
                 std::size_t count) {
  const std::vector<Finding> found = findings_of(result, rule);
  EXPECT_EQ(found.size(), count) << describe(result);
  for (const Finding& finding : found) EXPECT_EQ(finding.severity, severity) << describe(result);
}

BudgetLine& line_of(Application& application, const std::string& kind) {
  for (BudgetLine& candidate : application.budget)
    if (candidate.kind == kind) return candidate;
  throw std::runtime_error("no line of kind " + kind);
}

BudgetLine& add_line(Application& application, const std::string& kind, long long quantity,
                     Money unit_cost) {
  BudgetLine added;
  added.kind = kind;
  added.description = kind;
  added.year = 1;
  added.quantity = quantity;
  added.unit_cost = unit_cost;
  application.budget.push_back(added);
  return application.budget.back();
}

}  // namespace bsap::ccfs::testing
