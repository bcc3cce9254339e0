#include "web/plan_view.h"

#include <charconv>

#include "web/page.h"

namespace bsap::web {

std::string plan_text(const RequestContext& ctx, const plan::BilingualText& text) {
  return ctx.data_text(text.zh, text.en);
}

std::optional<int> parse_page_number(std::string_view text) {
  if (text.empty() || text.size() > 4 || text.front() == '0') return std::nullopt;
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return number;
}

std::string_view crosswalk_segment(plan::Framework framework) {
  return framework == plan::Framework::goal ? "goals" : plan::framework_code(framework);
}

std::string crosswalk_href(const RequestContext& ctx, plan::Framework framework, int number) {
  return ctx.link("/plan/" + std::string(crosswalk_segment(framework)) + "/" +
                  std::to_string(number));
}

std::string crosswalk_label(const RequestContext& ctx, plan::Framework framework, int number) {
  std::string key = "crosswalk_label_" + std::string(plan::framework_code(framework));
  return fill(ctx.text(key), "n", std::to_string(number));
}

std::string crosswalk_name(const RequestContext& ctx, plan::Framework framework, int number) {
  const plan::PlanData& data = ctx.web().domain.plan;
  // The SDGs carry the UN's own Simplified Chinese names.
  if (framework == plan::Framework::sdg && ctx.lang() == Lang::zh_hans) {
    for (const plan::Sdg& sdg : data.frameworks.sdgs)
      if (sdg.number == number && !sdg.name_zh_hans.empty()) return sdg.name_zh_hans;
  }
  const plan::BilingualText* name = plan::framework_entry(data, framework, number);
  return name ? plan_text(ctx, *name) : std::string();
}

std::string action_href(const RequestContext& ctx, const plan::Action& action) {
  return ctx.link("/plan/actions/" + action.number);
}

PageData action_summary(const RequestContext& ctx, const plan::Action& action) {
  PageData items{PageData::type::list};
  for (const plan::ActionItem& item : action.items) {
    PageData row;
    row.set("number", action.number + "." + std::to_string(item.number));
    row.set("text", plan_text(ctx, item.text));
    items.push_back(row);
  }
  PageData summary;
  summary.set("number", action.number);
  summary.set("title", plan_text(ctx, action.title));
  summary.set("href", action_href(ctx, action));
  summary.set("has_items", !action.items.empty());
  summary.set("items", items);
  return summary;
}

PageData action_summaries(const RequestContext& ctx,
                          const std::vector<const plan::Action*>& actions) {
  PageData list{PageData::type::list};
  for (const plan::Action* action : actions) list.push_back(action_summary(ctx, *action));
  return list;
}

}  // namespace bsap::web
