// GET /LANG/ccfs/rules: the CCFS ruleset in force today (or ?version=), every rule with its clause,
// its description and its values, grouped by the file it comes from, and a version picker.
#include <algorithm>

#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

PageData leaf_rows(const RequestContext& ctx, const rules::RuleEntry& entry) {
  PageData rows{PageData::type::list};
  for (const rules::RuleLeaf& leaf : entry.leaves) {
    PageData row;
    row.set("path", leaf.path);
    row.set("value", leaf_value(ctx, leaf));
    rows.push_back(row);
  }
  return rows;
}

PageData entry_row(const RequestContext& ctx, const rules::RuleEntry& entry) {
  PageData row;
  row.set("clause", entry.clause);
  row.set("description", rules_text(ctx, entry.description));
  row.set("key", entry.key_path.substr(entry.key_path.find('#') + 1));
  row.set("values", leaf_rows(ctx, entry));
  return row;
}

// The files in the order their first rule comes.
std::vector<std::string> files_in_order(const rules::Ruleset& ruleset) {
  std::vector<std::string> files;
  for (const rules::RuleEntry& entry : ruleset.entries)
    if (std::ranges::find(files, entry.file) == files.end()) files.push_back(entry.file);
  return files;
}

// A file's rules under the file's catalogue name: "project_types.yaml" is rules_file_project_types.
PageData file_group(const RequestContext& ctx, const rules::Ruleset& ruleset,
                    const std::string& file) {
  PageData entries{PageData::type::list};
  for (const rules::RuleEntry& entry : ruleset.entries)
    if (entry.file == file) entries.push_back(entry_row(ctx, entry));
  std::string stem = file.substr(0, file.find('.'));
  PageData group;
  group.set("heading", ctx.text("rules_file_" + stem));
  group.set("file", file);
  group.set("id", "file-" + stem);
  group.set("entries", entries);
  return group;
}

PageData file_groups(const RequestContext& ctx, const rules::Ruleset& ruleset) {
  PageData groups{PageData::type::list};
  for (const std::string& file : files_in_order(ruleset))
    groups.push_back(file_group(ctx, ruleset, file));
  return groups;
}

}  // namespace

Response ccfs_rules_page(RequestContext& ctx) {
  auto ruleset = requested_ruleset(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::not_found);
  PageData data;
  data.set("ruleset_title", rules_text(ctx, ruleset->title));
  data.set("in_force", fill(fill(ctx.text("rules_in_force"), "version", ruleset->version), "date",
                            format_iso(ruleset->effective_from)));
  data.set("rule_count", std::to_string(ruleset->entries.size()));
  data.set("groups", file_groups(ctx, *ruleset));
  data.set("several_versions", ctx.web().domain.rulesets.versions().size() > 1);
  data.set("versions", version_options(ctx, ruleset->version));
  data.set("rules_href", ctx.link("/ccfs/rules"));
  data.set("diff_href", ctx.link("/ccfs/rules/diff"));
  data.set("sites_href", ctx.link("/ccfs/sites"));
  return render_page(ctx, "ccfs_rules", "rules_title", std::move(data));
}

}  // namespace bsap::web
