// GET /LANG/ccfs/rules/diff?from=1.8&to=X: what changed between two versions of the ruleset —
// rules added, removed, and values, clauses or texts changed. With one version, says so.
#include "rules/ruleset_diff.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

PageData change_rows(const RequestContext& ctx, const rules::RulesetDiff& diff) {
  PageData rows{PageData::type::list};
  for (const rules::RuleChange& change : diff.changes) {
    PageData row;
    row.set("kind", ctx.text("rules_change_" + std::string(rules::change_kind_name(change.kind))));
    row.set("key", change.key_path);
    row.set("clause", change.clause);
    row.set("before", change.before);
    row.set("after", change.after);
    rows.push_back(row);
  }
  return rows;
}

// ?from= and ?to=, defaulting to the oldest and the newest version.
std::pair<std::string, std::string> chosen_versions(const RequestContext& ctx) {
  const auto& versions = ctx.web().domain.rulesets.versions();
  FormData query = ctx.query();
  std::string from = query.get("from"), to = query.get("to");
  if (from.empty()) from = versions.front()->version;
  if (to.empty()) to = versions.back()->version;
  return {from, to};
}

}  // namespace

Response ccfs_rules_diff_page(RequestContext& ctx) {
  const rules::RulesetRegistry& registry = ctx.web().domain.rulesets;
  PageData data;
  data.set("rules_href", ctx.link("/ccfs/rules"));
  data.set("diff_href", ctx.link("/ccfs/rules/diff"));
  if (registry.versions().size() < 2) {
    data.set("only_version", fill(ctx.text("rules_diff_only_one"), "version",
                                  registry.versions().front()->version));
    return render_page(ctx, "ccfs_rules_diff", "rules_diff_title", std::move(data));
  }
  auto [from_version, to_version] = chosen_versions(ctx);
  auto from = registry.find(from_version), to = registry.find(to_version);
  if (!from || !to) return error_page(ctx, ErrorPage::not_found);
  rules::RulesetDiff diff = rules::diff_rulesets(*from, *to);
  data.set("compared", true);
  data.set("from_options", version_options(ctx, from_version));
  data.set("to_options", version_options(ctx, to_version));
  data.set("summary",
           fill(fill(ctx.text("rules_diff_summary"), "from", from_version), "to", to_version));
  data.set("changes", change_rows(ctx, diff));
  data.set("no_changes", diff.changes.empty());
  return render_page(ctx, "ccfs_rules_diff", "rules_diff_title", std::move(data));
}

}  // namespace bsap::web
