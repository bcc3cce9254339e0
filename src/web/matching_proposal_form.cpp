#include "web/matching_proposal_form.h"

#include <algorithm>

#include "core/money.h"
#include "match/vocabulary.h"
#include "web/matching_view.h"
#include "web/project_view.h"

namespace bsap::web {
namespace {

bool known_actions(RequestContext& ctx, const std::vector<std::string>& values) {
  const auto& actions = ctx.web().domain.plan.plan.actions;
  return std::ranges::all_of(values, [&](const std::string& number) {
    return std::ranges::any_of(actions, [&](const auto& a) { return a.number == number; });
  });
}

// Budget and duration as typed: a figure that does not read comes back as it was sent.
void set_fields(RequestContext& ctx, PageData& data, const store::ProposalDetails& d,
                const std::string& budget, const std::string& duration_months) {
  data.set("form_title_zh", d.title_zh);
  data.set("form_title_en", d.title_en);
  data.set("form_place", d.place);
  data.set("form_budget", budget);
  data.set("form_duration_months", duration_months);
  data.set("form_outcomes", d.outcomes);
  data.set("habitat_options", term_options(ctx, match::habitats(), {d.habitat}));
  data.set("district_options", term_options(ctx, match::districts(), {d.district}));
  data.set("theme_options", term_options(ctx, match::themes(), d.themes));
  data.set("kmgbf_options", kmgbf_options(ctx, d.kmgbf_targets));
  data.set("action_options", plan_action_options(ctx, d.plan_actions));
}

}  // namespace

store::ProposalDetails read_proposal_form(RequestContext& ctx, std::vector<FieldError>& errors) {
  const FormData& form = ctx.form();
  store::ProposalDetails d;
  d.title_zh = trimmed(form.get("title_zh"));
  d.title_en = trimmed(form.get("title_en"));
  if (d.title_zh.empty() && d.title_en.empty())
    errors.push_back({"title_zh", ctx.text("matching_error_title")});
  d.habitat = form.get("habitat");
  if (!match::find_term(match::habitats(), d.habitat))
    errors.push_back({"habitat", ctx.text("matching_error_habitat")});
  d.district = form.get("district");
  if (!match::find_term(match::districts(), d.district))
    errors.push_back({"district", ctx.text("matching_error_district")});
  d.place = trimmed(form.get("place"));
  if (d.place.empty()) errors.push_back({"place", ctx.text("matching_error_place")});
  if (const auto budget = money_field(ctx, "budget", "matching_budget", errors)) {
    d.budget = *budget;
    if (d.budget <= Money{}) errors.push_back({"budget", ctx.text("matching_error_budget")});
  }
  const auto months = count_of(trimmed(form.get("duration_months")));
  if (!months || *months < 1 || *months > 120)
    errors.push_back({"duration_months", ctx.text("matching_error_duration")});
  else
    d.duration_months = static_cast<int>(*months);
  d.outcomes = trimmed(form.get("outcomes"));
  if (d.outcomes.empty()) errors.push_back({"outcomes", ctx.text("matching_error_outcomes")});
  d.themes = form.all("themes");
  if (d.themes.empty() || !all_known(match::themes(), d.themes))
    errors.push_back({"themes", ctx.text("matching_error_themes")});
  d.plan_actions = form.all("plan_actions");
  if (d.plan_actions.empty() || !known_actions(ctx, d.plan_actions))
    errors.push_back({"plan_actions", ctx.text("matching_error_actions")});
  if (!known_targets(ctx, form.all("kmgbf_targets")))
    errors.push_back({"kmgbf_targets", ctx.text("matching_error_kmgbf")});
  d.kmgbf_targets = chosen_numbers(form.all("kmgbf_targets"));
  return d;
}

void set_proposal_form(RequestContext& ctx, PageData& data, const store::ProposalDetails& details) {
  set_fields(ctx, data, details, details.budget > Money{} ? format_hkd(details.budget) : "",
             details.duration_months > 0 ? std::to_string(details.duration_months) : "");
}

void set_proposal_form_as_sent(RequestContext& ctx, PageData& data) {
  std::vector<FieldError> ignored;
  set_fields(ctx, data, read_proposal_form(ctx, ignored), ctx.form().get("budget"),
             ctx.form().get("duration_months"));
}

}  // namespace bsap::web
