// GET /LANG/cases?habitat=&district=&action=&kmgbf=: the good-practice showcase
// (000_e0ccae9882b7fb64.txt 優先行動 2.7, item 2.7.1): every published case, narrowed by the
// filters of a GET form the server applies, so the page works without JavaScript; the map
// (static/js/cases-map.js) draws the same cases the list shows. Open data links beside it.
#include "plan/crosswalk.h"
#include "store/case_repo.h"
#include "web/case_view.h"
#include "web/pages.h"
#include "web/plan_view.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

PageData list_options(const RequestContext& ctx, const std::vector<plan::ListEntry>& list,
                      const std::string& chosen) {
  PageData options{PageData::type::list};
  options.push_back(option("", ctx.text("cases_filter_any"), chosen.empty()));
  for (const plan::ListEntry& entry : list)
    options.push_back(
        option(entry.code, ctx.data_text(entry.name.zh, entry.name.en), entry.code == chosen));
  return options;
}

PageData action_options(const RequestContext& ctx, const std::string& chosen) {
  PageData options{PageData::type::list};
  options.push_back(option("", ctx.text("cases_filter_any"), chosen.empty()));
  for (const plan::Action& action : ctx.web().domain.plan.plan.actions)
    options.push_back(option(action.number,
                             action.number + " " + ctx.data_text(action.title.zh, action.title.en),
                             action.number == chosen));
  return options;
}

PageData target_options(const RequestContext& ctx, std::optional<int> chosen) {
  PageData options{PageData::type::list};
  options.push_back(option("", ctx.text("cases_filter_any"), !chosen));
  for (const plan::KmgbfTarget& target : ctx.web().domain.plan.frameworks.kmgbf_targets)
    options.push_back(option(
        std::to_string(target.number),
        std::to_string(target.number) + " " + ctx.data_text(target.title.zh, target.title.en),
        chosen == target.number));
  return options;
}

// A filter's value only when it names something the lists hold; anything else is no filter.
plan::CaseFilter asked_filter(const RequestContext& ctx) {
  const FormData query = ctx.query();
  const plan::CaseLists& lists = case_lists(ctx);
  plan::CaseFilter filter;
  if (plan::find_entry(lists.habitats, query.get("habitat"))) filter.habitat = query.get("habitat");
  if (plan::find_entry(lists.districts, query.get("district")))
    filter.district = query.get("district");
  if (plan::find_action(ctx.web().domain.plan.plan, query.get("action")))
    filter.action = query.get("action");
  if (const auto target = parse_page_number(query.get("kmgbf")); target && *target <= 23)
    filter.kmgbf_target = *target;
  return filter;
}

}  // namespace

Response cases_page(RequestContext& ctx) {
  const plan::CaseFilter filter = asked_filter(ctx);
  std::vector<plan::GoodPracticeCase> published;
  {
    auto tx = ctx.web().store.begin();
    published = store::list_cases_in_state(*tx, plan::CaseState::published);
  }
  PageData rows{PageData::type::list};
  std::size_t shown = 0;
  for (const plan::GoodPracticeCase& c : published)
    if (plan::case_matches(c, filter)) {
      rows.push_back(case_row(ctx, c));
      ++shown;
    }
  const plan::CaseLists& lists = case_lists(ctx);
  PageData data;
  data.set("cases", rows);
  data.set("has_cases", shown > 0);
  data.set("shown_summary", fill(fill(ctx.text("cases_shown"), "shown", std::to_string(shown)),
                                 "total", std::to_string(published.size())));
  data.set("filter_action_href", ctx.link("/cases"));
  data.set("habitat_options", list_options(ctx, lists.habitats, filter.habitat));
  data.set("district_options", list_options(ctx, lists.districts, filter.district));
  data.set("action_options", action_options(ctx, filter.action));
  data.set("kmgbf_options", target_options(ctx, filter.kmgbf_target));
  const CaseVisitor visitor = case_visitor(ctx);
  if (visitor.makes_cases) data.set("mine_href", ctx.link("/cases/mine"));
  if (visitor.reviews_cases) data.set("review_href", ctx.link("/cases/review"));
  data.set("json_href", "/open-data/good-practice-cases.json");
  data.set("csv_href", "/open-data/good-practice-cases.csv");
  return render_page(ctx, "cases", "cases_title", std::move(data));
}

}  // namespace bsap::web
