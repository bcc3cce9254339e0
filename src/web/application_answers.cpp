#include "web/application_answers.h"

#include <string>

#include "web/part_form.h"

namespace bsap::web {
namespace {

std::string shown_answer(RequestContext& ctx, const BoundField& field) {
  switch (field.spec->kind) {
    case FieldKind::yes_no:
      return field.value.empty() ? "" : ctx.text(field.value == "yes" ? "app_yes" : "app_no");
    case FieldKind::checkbox:
      return ctx.text(field.value.empty() ? "app_no" : "app_yes");
    case FieldKind::choice:
      for (const Choice& choice : field.spec->choices)
        if (choice.value == field.value) return choice.label;
      return field.value;
    default:
      return field.value;
  }
}

PageData answer(const std::string& label, const std::string& value) {
  PageData row;
  row.set("label", label);
  row.set("value", value);
  return row;
}

// A group's row on one line: "Item: Booth; Amount: 1,200.00", leaving out what is unanswered.
std::string row_text(RequestContext& ctx, const BoundRow& row) {
  std::string text;
  for (const BoundField& field : row.fields)
    if (const std::string shown = shown_answer(ctx, field);
        !shown.empty() && !(field.spec->kind == FieldKind::checkbox && field.value.empty()))
      text += (text.empty() ? "" : "; ") + field.spec->label + ": " + shown;
  return text;
}

}  // namespace

PageData part_answers(RequestContext& ctx, const PartSpec& part, std::string_view document_json) {
  const BoundPart bound = bind_document(part, document_json, 0);
  PageData answers{PageData::type::list};
  for (const BoundField& field : bound.fields)
    answers.push_back(answer(field.spec->label, shown_answer(ctx, field)));
  for (const BoundGroup& group : bound.groups) {
    if (group.rows.empty()) answers.push_back(answer(group.spec->label, ctx.text("app_none")));
    for (const BoundRow& row : group.rows)
      answers.push_back(
          answer(group.spec->row_label + " " + std::to_string(row.index + 1), row_text(ctx, row)));
  }
  return answers;
}

PageData application_answers(RequestContext& ctx, const std::vector<PartSpec>& parts,
                             std::string_view document_json,
                             const std::function<void(const PartSpec&, PageData&)>& decorate) {
  PageData items{PageData::type::list};
  for (const PartSpec& part : parts) {
    PageData item;
    item.set("title", part.title);
    item.set("answers", part_answers(ctx, part, document_json));
    if (decorate) decorate(part, item);
    items.push_back(item);
  }
  return items;
}

}  // namespace bsap::web
