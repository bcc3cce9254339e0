// The organisation's form for a good-practice case (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1):
// GET  /LANG/cases/new: an empty form. POST /LANG/cases/new: creates the case as a draft.
// GET  /LANG/cases/{id}/edit: the form for one of the visitor's own cases while it is a draft or
//      returned; POST saves it. Anyone else's case, or one not editable, answers 404.
// The place is typed as latitude and longitude (with JavaScript, also chosen by clicking the
// map). The district is taken from the hub's district layer when the point falls in one of its
// areas (case_district.h), else from the form. A draft may be incomplete; what is given is
// checked (plan::check_case) and a refusal shows the form again (422) with each fault beside its
// field and the values as typed.
#include <charconv>
#include <chrono>

#include "store/case_repo.h"
#include "web/case_district.h"
#include "web/case_view.h"
#include "web/error_pages.h"
#include "web/form_rows.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

constexpr int kBlankRows = 2;  // empty rows offered below those filled in

// The form as typed: shown again when a save is refused.
struct CaseForm {
  std::string title_zh, title_en, latitude, longitude, district, habitat, nbs_kind, work_zh,
      work_en;
  std::vector<std::array<std::string, 4>> outcomes;  // what, value, unit, on
  std::vector<std::array<std::string, 2>> funding;   // source, amount
  std::vector<std::string> actions, kmgbf, sdgs;
};

CaseForm posted_form(RequestContext& ctx) {
  const FormData& form = ctx.form();
  CaseForm values;
  for (const auto& [name, field] : {std::pair{"title_zh", &values.title_zh},
                                    {"title_en", &values.title_en},
                                    {"latitude", &values.latitude},
                                    {"longitude", &values.longitude},
                                    {"district", &values.district},
                                    {"habitat", &values.habitat},
                                    {"nbs_kind", &values.nbs_kind},
                                    {"work_zh", &values.work_zh},
                                    {"work_en", &values.work_en}})
    *field = trim_text(form.get(name));
  values.actions = form.all("actions");
  values.kmgbf = form.all("kmgbf");
  values.sdgs = form.all("sdgs");
  values.outcomes =
      posted_rows<4>(ctx.form(), "outcome", {"what", "value", "unit", "on"}, "outcome_count");
  values.funding = posted_rows<2>(ctx.form(), "funding", {"source", "amount"}, "funding_count");
  return values;
}

CaseForm form_of(const plan::GoodPracticeCase& c) {
  CaseForm values;
  values.title_zh = c.title.zh;
  values.title_en = c.title.en;
  values.latitude = c.latitude ? format_number(*c.latitude) : "";
  values.longitude = c.longitude ? format_number(*c.longitude) : "";
  values.district = c.district;
  values.habitat = c.habitat;
  values.nbs_kind = c.nbs_kind;
  values.work_zh = c.work.zh;
  values.work_en = c.work.en;
  for (const plan::CaseOutcome& outcome : c.outcomes)
    values.outcomes.push_back({outcome.what, outcome.value, outcome.unit, outcome.on});
  for (const plan::CaseFunding& row : c.funding)
    values.funding.push_back({row.source, format_hkd(row.amount)});
  values.actions = c.actions;
  for (int target : c.kmgbf_targets) values.kmgbf.push_back(std::to_string(target));
  for (int sdg : c.sdgs) values.sdgs.push_back(std::to_string(sdg));
  return values;
}

std::vector<int> numbers_of(const std::vector<std::string>& texts, bool& malformed) {
  std::vector<int> numbers;
  for (const std::string& text : texts) {
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc{} || end != text.data() + text.size())
      malformed = true;
    else
      numbers.push_back(number);
  }
  std::ranges::sort(numbers);
  numbers.erase(std::ranges::unique(numbers).begin(), numbers.end());
  return numbers;
}

// The case the form describes, with the faults of what was typed; the check of the case itself
// follows (plan::check_case).
plan::GoodPracticeCase case_of(RequestContext& ctx, const CaseForm& form,
                               std::vector<FieldError>& errors) {
  plan::GoodPracticeCase c;
  c.title = {form.title_zh, form.title_en};
  c.work = {form.work_zh, form.work_en};
  if (!form.latitude.empty() || !form.longitude.empty()) {
    c.latitude = parse_number(form.latitude);
    c.longitude = parse_number(form.longitude);
    if (!c.latitude || !c.longitude) {
      errors.push_back({"latitude", ctx.text("case_error_place")});
      c.latitude.reset();
      c.longitude.reset();
    }
  }
  c.district = form.district;
  if (c.latitude && c.longitude)
    if (auto district = district_at(ctx, *c.latitude, *c.longitude)) c.district = *district;
  c.habitat = form.habitat;
  c.nbs_kind = form.nbs_kind;
  for (const auto& [what, value, unit, on] : form.outcomes)
    c.outcomes.push_back({what, value, unit, on});
  for (std::size_t i = 0; i < form.funding.size(); ++i) {
    const auto& [source, amount] = form.funding[i];
    const auto money = parse_money(amount.empty() ? "0" : amount);
    if (std::holds_alternative<MoneyParseError>(money))
      errors.push_back(
          {"funding_" + std::to_string(i) + "_amount", ctx.text("case_error_funding_amount")});
    c.funding.push_back(
        {source, std::holds_alternative<Money>(money) ? std::get<Money>(money) : Money()});
  }
  c.actions = form.actions;
  std::ranges::sort(c.actions);
  c.actions.erase(std::ranges::unique(c.actions).begin(), c.actions.end());
  bool malformed = false;
  c.kmgbf_targets = numbers_of(form.kmgbf, malformed);
  if (malformed) errors.push_back({"kmgbf_targets", ctx.text("case_error_kmgbf")});
  malformed = false;
  c.sdgs = numbers_of(form.sdgs, malformed);
  if (malformed) errors.push_back({"sdgs", ctx.text("case_error_sdg")});
  return c;
}

PageData entry_options(const RequestContext& ctx, const std::vector<plan::ListEntry>& list,
                       const std::string& chosen) {
  PageData options{PageData::type::list};
  options.push_back(option("", ctx.text("case_choose"), chosen.empty()));
  for (const plan::ListEntry& entry : list)
    options.push_back(
        option(entry.code, ctx.data_text(entry.name.zh, entry.name.en), entry.code == chosen));
  return options;
}

PageData checkbox(std::string name, std::string value, std::string label,
                  const std::vector<std::string>& chosen) {
  PageData box;
  box.set("id", name + "-" + value);
  box.set("name", std::move(name));
  box.set("checked", std::ranges::find(chosen, value) != chosen.end());
  box.set("value", std::move(value));
  box.set("label", std::move(label));
  return box;
}

template <std::size_t N>
PageData row_data(const std::vector<std::array<std::string, N>>& rows, std::string_view prefix,
                  const std::array<std::string_view, N>& names,
                  const std::vector<FieldError>& errors) {
  PageData list{PageData::type::list};
  for (std::size_t i = 0; i < rows.size() + kBlankRows; ++i) {
    PageData row;
    row.set("row_number", std::to_string(i + 1));
    std::string row_error;
    for (std::size_t field = 0; field < N; ++field) {
      const std::string name =
          std::string(prefix) + "_" + std::to_string(i) + "_" + std::string(names[field]);
      row.set("name_" + std::string(names[field]), name);
      row.set("cell_" + std::string(names[field]), i < rows.size() ? rows[i][field] : "");
      if (const std::string error = error_of(errors, name); !error.empty())
        row_error += (row_error.empty() ? "" : " ") + error;
    }
    set_if_text(row, "row_error", row_error);
    row.set("row_id", std::string(prefix) + "_" + std::to_string(i));
    list.push_back(row);
  }
  return list;
}

Response form_view(RequestContext& ctx, const CaseForm& form, const std::vector<FieldError>& errors,
                   std::string action_href, std::string back_href, int status) {
  const plan::CaseLists& lists = case_lists(ctx);
  const plan::PlanData& plan = ctx.web().domain.plan;
  PageData data;
  data.set("form_action", std::move(action_href));
  data.set("back_href", std::move(back_href));
  for (const auto& [key, value] : {std::pair{"title_zh", &form.title_zh},
                                   {"title_en", &form.title_en},
                                   {"latitude", &form.latitude},
                                   {"longitude", &form.longitude},
                                   {"work_zh", &form.work_zh},
                                   {"work_en", &form.work_en}})
    data.set(std::string("value_") + key, *value);
  data.set("district_options", entry_options(ctx, lists.districts, form.district));
  data.set("habitat_options", entry_options(ctx, lists.habitats, form.habitat));
  data.set("nbs_kind_options", entry_options(ctx, lists.nbs_kinds, form.nbs_kind));
  data.set("outcome_rows",
           row_data<4>(form.outcomes, "outcome", {"what", "value", "unit", "on"}, errors));
  data.set("outcome_count", std::to_string(form.outcomes.size() + kBlankRows));
  data.set("funding_rows", row_data<2>(form.funding, "funding", {"source", "amount"}, errors));
  data.set("funding_count", std::to_string(form.funding.size() + kBlankRows));
  PageData actions{PageData::type::list}, targets{PageData::type::list}, sdgs{PageData::type::list};
  for (const plan::Action& action : plan.plan.actions)
    actions.push_back(checkbox(
        "actions", action.number,
        action.number + " " + ctx.data_text(action.title.zh, action.title.en), form.actions));
  for (const plan::KmgbfTarget& target : plan.frameworks.kmgbf_targets)
    targets.push_back(checkbox(
        "kmgbf", std::to_string(target.number),
        std::to_string(target.number) + " " + ctx.data_text(target.title.zh, target.title.en),
        form.kmgbf));
  for (const plan::Sdg& sdg : plan.frameworks.sdgs)
    sdgs.push_back(checkbox("sdgs", std::to_string(sdg.number),
                            std::to_string(sdg.number) + " " +
                                (ctx.lang() == Lang::zh_hans && !sdg.name_zh_hans.empty()
                                     ? sdg.name_zh_hans
                                     : ctx.data_text(sdg.name.zh, sdg.name.en)),
                            form.sdgs));
  data.set("action_boxes", actions);
  data.set("kmgbf_boxes", targets);
  data.set("sdg_boxes", sdgs);
  add_errors(data, errors);
  return render_page(ctx, "case_form", "case_form_title", std::move(data), status);
}

// The visitor's own editable case the path names; nullopt answers 404.
std::optional<plan::GoodPracticeCase> editable_case(RequestContext& ctx) {
  const CaseVisitor visitor = case_visitor(ctx);
  auto found = visible_case(ctx, visitor);
  if (!found || !owns_case(visitor, *found) || !plan::case_editable(found->state))
    return std::nullopt;
  return found;
}

// Checks and saves the posted case (`existing` nullopt: a new one); the case page, or the form
// again with what refused it.
Response save_posted(RequestContext& ctx, const std::optional<plan::GoodPracticeCase>& existing) {
  const CaseForm form = posted_form(ctx);
  std::vector<FieldError> errors;
  plan::GoodPracticeCase c = case_of(ctx, form, errors);
  const CaseVisitor visitor = case_visitor(ctx);
  for (const plan::CaseFault& fault : plan::check_case(
           c, case_lists(ctx), ctx.web().domain.plan,
           today_in_hong_kong(std::chrono::system_clock::now()), plan::CaseCheck::draft))
    errors.push_back({fault.field, ctx.text(fault.message_key)});
  const std::string action =
      existing ? case_link(ctx, existing->id, "/edit") : ctx.link("/cases/new");
  const std::string back = existing ? case_link(ctx, existing->id) : ctx.link("/cases/mine");
  if (!errors.empty()) return form_view(ctx, form, errors, action, back, 422);
  if (existing) {
    c.id = existing->id;
    c.demonstration = existing->demonstration;
  } else {
    c.organisation_id = visitor.organisation_id;
    c.owner_user_id = visitor.user_id;
  }
  std::int64_t id = 0;
  if (auto refusal = run_tracker_step(
          ctx, [&](store::Transaction& tx) { id = store::save_case(tx, c, visitor.user_id); }))
    return form_view(ctx, form, {{"title_zh", *refusal}}, action, back, 422);
  return redirect_see_other(case_link(ctx, id, "?done=saved"));
}

}  // namespace

Response case_new_page(RequestContext& ctx) {
  return form_view(ctx, {}, {}, ctx.link("/cases/new"), ctx.link("/cases/mine"), 200);
}

Response case_create(RequestContext& ctx) { return save_posted(ctx, std::nullopt); }

Response case_edit_page(RequestContext& ctx) {
  const auto c = editable_case(ctx);
  if (!c) return error_page(ctx, ErrorPage::not_found);
  return form_view(ctx, form_of(*c), {}, case_link(ctx, c->id, "/edit"), case_link(ctx, c->id),
                   200);
}

Response case_save(RequestContext& ctx) {
  const auto c = editable_case(ctx);
  if (!c) return error_page(ctx, ErrorPage::not_found);
  return save_posted(ctx, c);
}

}  // namespace bsap::web
