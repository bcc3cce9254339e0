// What the plan's public progress pages share (000 5.2: the indicators published as infographics
// on the plan's website): texts in a language without a request (so `bsap plan report` renders
// the same template as the web page), the statuses' and trends' names, the tables of counts per
// status, the indicator cards, and charts that always come with a table of the same figures.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"
#include "core/messages.h"
#include "plan/indicator.h"
#include "plan/progress.h"
#include "track/annual_report.h"
#include "web/request_context.h"
#include "web/templates.h"

namespace bsap::web {

// The language a view is rendered in: the catalogue's texts and the data's, and links.
struct ViewLanguage {
  const MessageCatalogue& messages;
  const SimplifiedConverter& converter;
  Lang lang = Lang::zh_hant;

  std::string text(std::string_view key) const { return messages.get(key, lang); }
  std::string data_text(std::string_view zh, std::string_view en) const;
  std::string data_text(const plan::BilingualText& text) const {
    return data_text(text.zh, text.en);
  }
  std::string link(std::string_view rest) const;  // "/en" + rest
};
ViewLanguage view_language(const RequestContext& ctx);

// Every catalogue text of the language as {{t.key}} data (what the layout gets from WebContext).
PageData catalogue_texts(const MessageCatalogue& messages, Lang lang);

std::string status_label(const ViewLanguage& view, plan::ItemStatus status);
std::string trend_label(const ViewLanguage& view, plan::Trend trend);
std::string_view trend_code(plan::Trend trend);
// A figure as people read it: "1,234", "12.5", "0.25" (at most two decimals, no trailing zeros).
std::string format_figure(double value);
// HK$ with thousands separators: "HK$1,234,567.89".
std::string format_cents(std::int64_t cents);

// {status_columns: [label…]} for the tables of counts per status.
PageData status_columns(const ViewLanguage& view);
// A row of such a table: {label, href, items, reported, cells: [count per status], share}.
PageData status_row(std::string label, std::string href, const plan::StatusCounts& counts);

// A chart and its table. kind: "bar" (categories along the axis, one bar per series) or "line".
struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per category
};
struct Chart {
  std::string kind = "bar";
  std::string title;
  std::string category_heading;  // the table's first column's heading
  std::string unit;
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
};
// {title, chart_json, category_heading, columns: [series names], rows: [{label, cells}]}: the
// _chart_figure partial's data; chart_json is read by static/js/charts.js.
PageData chart_data(const Chart& chart);

// The status counts as a bar chart: one bar per status.
Chart status_chart(const ViewLanguage& view, std::string title, const plan::StatusCounts& counts);
// The indicator's series as a line chart.
Chart indicator_chart(const ViewLanguage& view, const track::ReportedIndicator& indicator);

// The indicator's recorded and computed values, by year, with its trend: what its pages show.
track::ReportedIndicator reported_indicator(store::Transaction& tx,
                                            const plan::Indicator& indicator);

// {code, name, unit, href, has_value, latest_value, latest_year, trend, trend_code,
// demonstration} for an indicator's card.
PageData indicator_card(const ViewLanguage& view, const track::ReportedIndicator& indicator);

// The year a page asks for (?year= or a path segment): a plan year 2026–2035, or nullopt.
std::optional<int> parse_plan_year(std::string_view text);

}  // namespace bsap::web
