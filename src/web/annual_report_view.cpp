#include "web/annual_report_view.h"

#include "core/lang.h"
#include "web/item_volunteering_view.h"
#include "web/page.h"

namespace bsap::web {
namespace {

PageData outputs_data(const ViewLanguage& view, const store::ProgressReport& progress) {
  PageData outputs{PageData::type::list};
  for (const store::ProgressOutput& output : progress.outputs) {
    PageData row;
    row.set("label", view.data_text(output.label_zh, output.label_en));
    row.set("value", format_figure(output.value));
    row.set("unit", output.unit);
    outputs.push_back(row);
  }
  return outputs;
}

// A file is fetched through the evidence route, which checks the report is published; a link
// is shown as it was given.
PageData evidence_data(const ViewLanguage& view, const store::ProgressReport& progress) {
  PageData evidence{PageData::type::list};
  for (const store::Evidence& item : progress.evidence) {
    PageData row;
    row.set("label", item.label.empty() ? view.text("report_evidence_file") : item.label);
    row.set("href",
            item.file_id ? view.link("/plan/evidence/" + std::to_string(*item.file_id)) : item.url);
    evidence.push_back(row);
  }
  return evidence;
}

PageData item_data(const ViewLanguage& view, const track::ReportedItem& item) {
  PageData row;
  row.set("id", item.item_id);
  row.set("text", view.data_text(item.item->text));
  row.set("has_progress", item.progress.has_value());
  if (!item.progress) return row;
  const store::ProgressReport& progress = *item.progress;
  row.set("status", status_label(view, progress.status));
  row.set("status_code", std::string(plan::status_code(progress.status)));
  row.set("narrative", view.data_text(progress.narrative_zh, progress.narrative_en));
  row.set("has_outputs", !progress.outputs.empty());
  row.set("outputs", outputs_data(view, progress));
  row.set("has_evidence", !progress.evidence.empty());
  row.set("evidence", evidence_data(view, progress));
  row.set("demonstration", progress.demonstration);
  return row;
}

PageData actions_data(const ViewLanguage& view, const track::AnnualReport& report) {
  PageData actions{PageData::type::list};
  for (const track::ReportedAction& action : report.actions) {
    PageData row;
    row.set("number", action.action->number);
    row.set("title", view.data_text(action.action->title));
    row.set("href", view.link("/plan/actions/" + action.action->number));
    row.set("has_status", action.status.has_value());
    if (action.status) {
      row.set("status", status_label(view, *action.status));
      row.set("status_code", std::string(plan::status_code(*action.status)));
    }
    PageData items{PageData::type::list};
    for (const track::ReportedItem& item : action.items) items.push_back(item_data(view, item));
    row.set("items", items);
    actions.push_back(row);
  }
  return actions;
}

PageData indicators_data(const ViewLanguage& view, const track::AnnualReport& report) {
  PageData indicators{PageData::type::list};
  for (const track::ReportedIndicator& indicator : report.indicators) {
    PageData row = indicator_card(view, indicator);
    row.set("has_series", !indicator.series.empty());
    row.set("chart", chart_data(indicator_chart(view, indicator)));
    indicators.push_back(row);
  }
  return indicators;
}

PageData cbi_data(const ViewLanguage& view, const plan::CbiScoring& scoring) {
  PageData cbi;
  cbi.set("year", std::to_string(scoring.year));
  cbi.set("total", std::to_string(scoring.total));
  cbi.set("max_points", std::to_string(scoring.max_points()));
  cbi.set("scored", std::to_string(scoring.scored));
  cbi.set("indicator_count", std::to_string(scoring.indicators.size()));
  PageData components{PageData::type::list};
  for (int component = 1; component <= 3; ++component) {
    PageData row;
    row.set("name", view.text("cbi_component_" + std::to_string(component)));
    row.set("points", std::to_string(scoring.components[static_cast<std::size_t>(component - 1)]));
    components.push_back(row);
  }
  cbi.set("components", components);
  cbi.set("href", view.link("/cbi/" + std::to_string(scoring.year)));
  return cbi;
}

PageData ccfs_data(const ViewLanguage& view, const plan::PlanData& plan,
                   const track::CcfsFigures& ccfs) {
  PageData data;
  data.set("grants_approved", std::to_string(ccfs.grants_approved));
  data.set("grant_amount", format_cents(ccfs.grant_cents));
  data.set("active_projects", std::to_string(ccfs.active_projects));
  PageData by_item{PageData::type::list};
  for (const track::ItemProjects& item : ccfs.by_item) {
    PageData row;
    row.set("item", item.item_id);
    if (auto ref = plan::find_item(plan.plan, item.item_id))
      row.set("text", view.data_text(ref->item->text));
    row.set("projects", std::to_string(item.projects));
    row.set("grant_amount", format_cents(item.grant_cents));
    row.set("project_titles", text_list(item.project_titles));
    row.set("kpi_lines", text_list(item.kpi_lines));
    row.set("has_kpi_lines", !item.kpi_lines.empty());
    by_item.push_back(row);
  }
  data.set("has_by_item", !ccfs.by_item.empty());
  data.set("by_item", by_item);
  return data;
}

PageData volunteering_data(const ViewLanguage& view, const plan::PlanData& plan,
                           const track::VolunteeringFigures& volunteering) {
  PageData data = engagement_data(volunteering.engagement);
  data.set("citizen_scientists", std::to_string(volunteering.citizen_scientists));
  PageData by_item{PageData::type::list};
  for (const track::ItemVolunteering& item : volunteering.by_item) {
    PageData row = item_volunteering_data(item);
    if (auto ref = plan::find_item(plan.plan, item.item_id))
      row.set("text", view.data_text(ref->item->text));
    by_item.push_back(row);
  }
  data.set("has_by_item", !volunteering.by_item.empty());
  data.set("by_item", by_item);
  return data;
}

}  // namespace

std::string annual_report_title(const ViewLanguage& view, int year) {
  return fill(view.text("report_title"), "year", std::to_string(year));
}

PageData annual_report_data(const ViewLanguage& view, const plan::PlanData& plan,
                            const track::AnnualReport& report) {
  const plan::StatusCounts& overall = report.rollup.overall;
  PageData data;
  data.set("year", std::to_string(report.year));
  data.set("demonstration", report.demonstration);
  data.set("action_count", std::to_string(report.actions.size()));
  data.set("item_count", std::to_string(overall.items));
  data.set("reported_count", std::to_string(overall.reported));
  data.set("overall", status_row(view.text("dash_overall"), "", overall));
  data.set("status_columns", status_columns(view));
  data.set("status_chart", chart_data(status_chart(view, view.text("dash_status_chart"), overall)));
  data.set("actions", actions_data(view, report));
  data.set("indicators", indicators_data(view, report));
  data.set("has_cbi", report.cbi.has_value());
  if (report.cbi) data.set("cbi", cbi_data(view, *report.cbi));
  data.set("ccfs", ccfs_data(view, plan, report.ccfs));
  data.set("volunteering", volunteering_data(view, plan, report.volunteering));
  data.set("year_dashboard_href", view.link("/dashboard?year=" + std::to_string(report.year)));
  return data;
}

std::string annual_report_document(const TemplateSet& templates, const ViewLanguage& view,
                                   const plan::PlanData& plan, const track::AnnualReport& report,
                                   std::string_view css, std::string_view chart_script) {
  PageData data = annual_report_data(view, plan, report);
  data.set("t", catalogue_texts(view.messages, view.lang));
  data.set("lang", std::string(lang_segment(view.lang)));
  data.set("lang_tag", std::string(lang_tag(view.lang)));
  data.set("title", annual_report_title(view, report.year));
  data.set("is_en", view.lang == Lang::en);
  data.set("standalone", true);
  data.set("content", templates.render("annual_report", data));
  data.set("css", std::string(css));
  if (!chart_script.empty()) data.set("chart_script", std::string(chart_script));
  return templates.render("annual_report_document", data);
}

}  // namespace bsap::web
