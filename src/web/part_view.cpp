#include "web/part_view.h"

#include <algorithm>

#include "web/application_checking.h"

namespace bsap::web {
namespace {

PageData choice_options(const FieldSpec& spec, const std::string& value) {
  PageData options{PageData::type::list};
  for (const Choice& choice : spec.choices) {
    PageData option;
    option.set("value", choice.value);
    option.set("label", choice.label);
    option.set("selected", choice.value == value);
    options.push_back(option);
  }
  return options;
}

PageData field_data(const BoundField& field, const std::map<std::string, std::string>& errors) {
  const FieldSpec& spec = *field.spec;
  PageData data;
  data.set("id", input_id(field.name));
  data.set("name", field.name);
  data.set("label", spec.label);
  data.set("hint", spec.hint);
  data.set("value", field.value);
  if (const auto error = errors.find(field.name); error != errors.end())
    data.set("error", error->second);
  const bool labelled = spec.kind != FieldKind::yes_no && spec.kind != FieldKind::checkbox;
  data.set("is_labelled", labelled);
  data.set("is_text", spec.kind == FieldKind::text);
  data.set("is_number", spec.kind == FieldKind::integer);
  data.set("is_money", spec.kind == FieldKind::money);
  data.set("is_date", spec.kind == FieldKind::date);
  data.set("is_textarea", spec.kind == FieldKind::textarea || spec.kind == FieldKind::lines);
  data.set("is_choice", spec.kind == FieldKind::choice);
  data.set("is_yes_no", spec.kind == FieldKind::yes_no);
  data.set("is_checkbox", spec.kind == FieldKind::checkbox);
  data.set("yes", field.value == "yes");
  data.set("no", field.value == "no");
  data.set("checked", !field.value.empty());
  if (spec.kind == FieldKind::choice) data.set("options", choice_options(spec, field.value));
  return data;
}

PageData fields_data(const std::vector<BoundField>& fields,
                     const std::map<std::string, std::string>& errors) {
  PageData list{PageData::type::list};
  for (const BoundField& field : fields) list.push_back(field_data(field, errors));
  return list;
}

}  // namespace

std::string input_id(std::string_view name) {
  std::string id;
  for (const char c : name) {
    if (c == ']') continue;
    id += (c == '[' || c == '.') ? '-' : c;
  }
  return id;
}

void add_part_fields(PageData& data, const BoundPart& part,
                     const std::map<std::string, std::string>& errors) {
  data.set("fields", fields_data(part.fields, errors));
  PageData groups{PageData::type::list};
  for (const BoundGroup& group : part.groups) {
    PageData rows{PageData::type::list};
    for (const BoundRow& row : group.rows) {
      PageData row_data;
      row_data.set("row_label", group.spec->row_label + " " + std::to_string(row.index + 1));
      row_data.set("fields", fields_data(row.fields, errors));
      rows.push_back(row_data);
    }
    PageData group_data;
    group_data.set("path", group.spec->path);
    group_data.set("label", group.spec->label);
    group_data.set("row_count", std::to_string(group.rows.size()));
    group_data.set("rows", rows);
    groups.push_back(group_data);
  }
  data.set("groups", groups);
}

std::string severity_text(RequestContext& ctx, ccfs::Severity severity) {
  return ctx.text("app_severity_" + std::string(ccfs::severity_name(severity)));
}

void add_findings(RequestContext& ctx, PageData& data, const std::vector<ccfs::Finding>& findings,
                  const std::function<std::string(const ccfs::Finding&)>& href_for) {
  PageData list{PageData::type::list};
  for (const ccfs::Finding& finding : findings) {
    PageData item;
    item.set("severity", std::string(ccfs::severity_name(finding.severity)));
    item.set("severity_name", severity_text(ctx, finding.severity));
    item.set("message", finding_message(ctx, finding));
    item.set("clause", finding.clause);
    item.set("href", href_for(finding));
    list.push_back(item);
  }
  data.set("has_findings", !findings.empty());
  data.set("findings_title", ctx.text("app_findings_title"));
  data.set("findings", list);
}

}  // namespace bsap::web
