// The annual progress report to the Advisory Council on the Environment (000 5.1) as the
// template templates/annual_report.mustache shows it: the web page (annual_report_page.cpp) and
// `bsap plan report` (cli/plan_report_command.cpp) render the same data with the same template.
#pragma once
#include <string>
#include <string_view>

#include "core/messages.h"
#include "plan/plan_model.h"
#include "track/annual_report.h"
#include "web/progress_view.h"
#include "web/templates.h"

namespace bsap::web {

// The report's data for annual_report.mustache: summary, the 30 actions with each item's
// published status and narrative, the indicators each with a chart and its table, the City
// Biodiversity Index, the funding scheme's figures, the year's volunteering and citizen science,
// and whether it is demonstration data.
PageData annual_report_data(const ViewLanguage& view, const plan::PlanData& plan,
                            const track::AnnualReport& report);

// "Annual progress report 2026" in the view's language.
std::string annual_report_title(const ViewLanguage& view, int year);

// The report as one self-contained HTML file (annual_report_document.mustache): the same
// template and the style sheet inlined. `chart_script` (ECharts and static/js/charts.js), when
// not empty, is inlined too so that the file and its PDF draw the charts; without it each
// chart's table still carries its figures.
std::string annual_report_document(const TemplateSet& templates, const ViewLanguage& view,
                                   const plan::PlanData& plan, const track::AnnualReport& report,
                                   std::string_view css, std::string_view chart_script);

}  // namespace bsap::web
