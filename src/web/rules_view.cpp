#include "web/rules_view.h"

#include <charconv>
#include <chrono>

namespace bsap::web {
namespace {

std::optional<std::int64_t> whole_number(std::string_view json) {
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(json.data(), json.data() + json.size(), number);
  if (error != std::errc{} || end != json.data() + json.size()) return std::nullopt;
  return number;
}

}  // namespace

std::string rules_text(const RequestContext& ctx, const rules::Bilingual& text) {
  return ctx.data_text(text.zh, text.en);
}

std::shared_ptr<const rules::Ruleset> requested_ruleset(const RequestContext& ctx) {
  const rules::RulesetRegistry& registry = ctx.web().domain.rulesets;
  if (auto version = ctx.query().get("version"); !version.empty()) return registry.find(version);
  return ruleset_in_force_today(ctx);
}

std::shared_ptr<const rules::Ruleset> ruleset_in_force_today(const RequestContext& ctx) {
  return ruleset_in_force(ctx, today_in_hong_kong(std::chrono::system_clock::now()));
}

std::shared_ptr<const rules::Ruleset> ruleset_in_force(const RequestContext& ctx, CivilDate day) {
  auto in_force = ctx.web().domain.rulesets.ruleset_for(day);
  auto* ruleset = std::get_if<std::shared_ptr<const rules::Ruleset>>(&in_force);
  return ruleset ? *ruleset : nullptr;
}

PageData version_options(const RequestContext& ctx, const std::string& selected_version) {
  PageData options{PageData::type::list};
  for (const auto& ruleset : ctx.web().domain.rulesets.versions()) {
    PageData option;
    option.set("version", ruleset->version);
    option.set("effective_from", format_iso(ruleset->effective_from));
    option.set("selected", ruleset->version == selected_version);
    options.push_back(option);
  }
  return options;
}

std::string leaf_value(const RequestContext& ctx, const rules::RuleLeaf& leaf) {
  if (leaf.path.ends_with("_cents")) {
    if (auto cents = whole_number(leaf.json))
      return format_money(Money::from_cents(*cents), ctx.lang());
  }
  // A JSON string without escapes reads as its text; one with escapes stays as JSON.
  bool plain_string = leaf.json.size() >= 2 && leaf.json.front() == '"' &&
                      leaf.json.find('\\') == std::string::npos;
  return plain_string ? leaf.json.substr(1, leaf.json.size() - 2) : leaf.json;
}

}  // namespace bsap::web
