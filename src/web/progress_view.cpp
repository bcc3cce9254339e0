#include "web/progress_view.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/money.h"
#include "track/progress_service.h"
#include "web/lang_path.h"
#include "web/page.h"

namespace bsap::web {

std::string ViewLanguage::data_text(std::string_view zh, std::string_view en) const {
  switch (lang) {
    case Lang::en:
      return std::string(en);
    case Lang::zh_hans:
      return converter.convert(zh);
    default:
      return std::string(zh);
  }
}

std::string ViewLanguage::link(std::string_view rest) const { return with_language(lang, rest); }

ViewLanguage view_language(const RequestContext& ctx) {
  return {ctx.web().messages, ctx.web().domain.converter, ctx.lang()};
}

PageData catalogue_texts(const MessageCatalogue& messages, Lang lang) {
  PageData texts;
  for (const auto& [key, entry] : messages.entries()) texts.set(key, messages.get(key, lang));
  return texts;
}

std::string status_label(const ViewLanguage& view, plan::ItemStatus status) {
  return view.text("dash_status_" + std::string(plan::status_code(status)));
}

std::string trend_label(const ViewLanguage& view, plan::Trend trend) {
  return view.text("ind_trend_" + std::string(plan::trend_code(trend)));
}

namespace {

std::string with_thousands(std::string digits) {
  std::size_t start = digits.starts_with('-') ? 1 : 0;
  for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(digits.size()) - 3;
       at > static_cast<std::ptrdiff_t>(start); at -= 3)
    digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

}  // namespace

std::string format_figure(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  std::string whole = text.substr(0, text.find('.'));
  std::string fraction = text.substr(text.find('.') + 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (whole == "-0" && fraction.empty()) whole = "0";
  return with_thousands(whole) + (fraction.empty() ? "" : "." + fraction);
}

std::string format_cents(std::int64_t cents) { return format_hkd(Money::from_cents(cents)); }

PageData status_columns(const ViewLanguage& view) {
  PageData columns{PageData::type::list};
  for (plan::ItemStatus status : plan::all_statuses())
    columns.push_back(status_label(view, status));
  return columns;
}

PageData status_row(std::string label, std::string href, const plan::StatusCounts& counts) {
  PageData cells{PageData::type::list};
  for (plan::ItemStatus status : plan::all_statuses()) {
    auto found = counts.by_status.find(status);
    cells.push_back(std::to_string(found == counts.by_status.end() ? 0 : found->second));
  }
  PageData row;
  row.set("has_href", !href.empty());
  row.set("label", std::move(label));
  row.set("href", std::move(href));
  row.set("items", std::to_string(counts.items));
  row.set("reported", std::to_string(counts.reported));
  row.set("cells", cells);
  row.set("share", format_figure(std::round(counts.share_on_track() * 1000.0) / 10.0) + "%");
  return row;
}

PageData chart_data(const Chart& chart) {
  nlohmann::json series = nlohmann::json::array();
  PageData columns{PageData::type::list};
  for (const ChartSeries& one : chart.series) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& value : one.values) values.push_back(value ? nlohmann::json(*value) : nullptr);
    series.push_back({{"name", one.name}, {"values", values}});
    columns.push_back(one.name);
  }
  nlohmann::json spec = {{"kind", chart.kind},
                         {"title", chart.title},
                         {"unit", chart.unit},
                         {"categories", chart.categories},
                         {"series", series}};
  PageData rows{PageData::type::list};
  for (std::size_t at = 0; at < chart.categories.size(); ++at) {
    PageData cells{PageData::type::list};
    for (const ChartSeries& one : chart.series)
      cells.push_back(at < one.values.size() && one.values[at] ? format_figure(*one.values[at])
                                                               : std::string("–"));
    PageData row;
    row.set("label", chart.categories[at]);
    row.set("cells", cells);
    rows.push_back(row);
  }
  PageData data;
  data.set("title", chart.title);
  data.set("chart_json", spec.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  data.set("category_heading", chart.category_heading);
  data.set("columns", columns);
  data.set("rows", rows);
  data.set("has_rows", !chart.categories.empty());
  return data;
}

Chart status_chart(const ViewLanguage& view, std::string title, const plan::StatusCounts& counts) {
  Chart chart;
  chart.kind = "bar";
  chart.title = std::move(title);
  chart.category_heading = view.text("dash_status_heading");
  ChartSeries items;
  items.name = view.text("dash_items_heading");
  for (plan::ItemStatus status : plan::all_statuses()) {
    auto found = counts.by_status.find(status);
    chart.categories.push_back(status_label(view, status));
    items.values.push_back(found == counts.by_status.end() ? 0 : found->second);
  }
  chart.categories.push_back(view.text("dash_status_unreported"));
  items.values.push_back(counts.items - counts.reported);
  chart.series.push_back(std::move(items));
  return chart;
}

Chart indicator_chart(const ViewLanguage& view, const track::ReportedIndicator& indicator) {
  Chart chart;
  chart.kind = "line";
  chart.title = view.data_text(indicator.indicator->name);
  chart.category_heading = view.text("ind_year");
  chart.unit = indicator.indicator->unit;
  ChartSeries values;
  values.name = view.text("ind_value") + " (" + indicator.indicator->unit + ")";
  for (const plan::IndicatorValue& value : indicator.series) {
    chart.categories.push_back(std::to_string(value.year));
    values.values.push_back(value.value);
  }
  chart.series.push_back(std::move(values));
  return chart;
}

track::ReportedIndicator reported_indicator(store::Transaction& tx,
                                            const plan::Indicator& indicator) {
  track::ReportedIndicator reported;
  reported.indicator = &indicator;
  reported.series = track::indicator_series_with_computed(tx, indicator);
  std::ranges::sort(reported.series, {}, &plan::IndicatorValue::year);
  reported.trend = plan::trend(indicator, reported.series);
  return reported;
}

PageData indicator_card(const ViewLanguage& view, const track::ReportedIndicator& reported) {
  const plan::Indicator& indicator = *reported.indicator;
  PageData card;
  card.set("code", indicator.code);
  card.set("name", view.data_text(indicator.name));
  card.set("unit", indicator.unit);
  card.set("href", view.link("/indicators/" + indicator.code));
  card.set("has_value", !reported.series.empty());
  bool demonstration = false;
  if (!reported.series.empty()) {
    card.set("latest_value", format_figure(reported.series.back().value));
    card.set("latest_year", std::to_string(reported.series.back().year));
    demonstration = reported.series.back().demonstration;
  }
  card.set("trend", trend_label(view, reported.trend));
  card.set("trend_code", std::string(plan::trend_code(reported.trend)));
  card.set("demonstration", demonstration);
  return card;
}

std::optional<int> parse_plan_year(std::string_view text) {
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || error != std::errc{} || end != text.data() + text.size())
    return std::nullopt;
  if (year < track::kFirstPlanYear || year > track::kLastPlanYear) return std::nullopt;
  return year;
}

}  // namespace bsap::web
