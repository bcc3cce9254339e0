// GET  /LANG/assessment: the secretariat's dashboard: the application rounds with their closing
//      dates and six-month targets (§2.6.1), and every submitted application with its state and
//      its age against its round's target, filtered by round and state.
// POST /LANG/assessment/rounds: opens a round (names, opening day, closing date).
#include <map>

#include "ccfs/assessment_deadlines.h"
#include "ccfs/assessment_state.h"
#include "store/round_repo.h"
#include "web/assessment_view.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

CivilDate today() { return today_in_hong_kong(std::chrono::system_clock::now()); }

std::string round_name(const RequestContext& ctx, const store::Round& round) {
  return ctx.data_text(round.name_zh, round.name_en);
}

PageData round_rows(RequestContext& ctx, const std::vector<store::Round>& rounds,
                    const rules::Ruleset& ruleset) {
  PageData rows{PageData::type::list};
  for (const store::Round& round : rounds) {
    PageData row;
    row.set("name", round_name(ctx, round));
    row.set("opens_on", format_iso(round.opens_on));
    row.set("closes_on", format_iso(round.closes_on));
    row.set("target", format_iso(ccfs::assessment_target(round.closes_on, ruleset)));
    row.set("open_now", round.opens_on <= today() && today() <= round.closes_on);
    row.set("scores_href",
            ctx.link("/assessment/rounds/" + std::to_string(round.id) + "/scores.csv"));
    rows.push_back(row);
  }
  return rows;
}

// "closed 40 days ago; 142 days to the target" or "overdue by 3 days".
std::string age_text(RequestContext& ctx, const ccfs::AssessmentAge& age) {
  if (age.overdue)
    return fill(ctx.text("assessment_age_overdue"), "days", std::to_string(-age.days_to_target));
  if (age.days_since_closing < 0) return ctx.text("assessment_age_round_open");
  return fill(fill(ctx.text("assessment_age"), "since", std::to_string(age.days_since_closing)),
              "left", std::to_string(age.days_to_target));
}

PageData application_rows(RequestContext& ctx, const std::vector<store::AssessmentRow>& rows_in,
                          const std::map<std::int64_t, store::Round>& rounds,
                          const rules::Ruleset& ruleset) {
  PageData rows{PageData::type::list};
  for (const store::AssessmentRow& item : rows_in) {
    PageData row;
    row.set("href", ctx.link("/assessment/applications/" + std::to_string(item.application_id)));
    row.set("reference", item.reference);
    row.set("organisation", ctx.data_text(item.organisation_name_zh, item.organisation_name_en));
    row.set("title", item.title);
    if (const auto* type = ruleset.project_type(item.project_type))
      row.set("type", ctx.data_text(type->name.zh, type->name.en));
    row.set("state", state_text(ctx, item.state));
    row.set("submitted_on", item.submitted_on);
    const auto round = item.round_id ? rounds.find(*item.round_id) : rounds.end();
    if (round == rounds.end()) {
      row.set("round", ctx.text("assessment_no_round"));
    } else {
      row.set("round", round_name(ctx, round->second));
      const auto state = ccfs::parse_state(item.state);
      const bool over = state && ccfs::is_final(*state);
      const bool decided = over || (state && ccfs::is_decided(*state));
      const auto age = ccfs::assessment_age(round->second.closes_on, today(), decided, ruleset);
      row.set("age", decided ? ctx.text("assessment_age_done") : age_text(ctx, age));
      row.set("overdue", age.overdue && !decided);
    }
    rows.push_back(row);
  }
  return rows;
}

PageData filter_options(const RequestContext& ctx, const std::vector<store::Round>& rounds,
                        const std::string& selected_round, const std::string& selected_state,
                        PageData& states) {
  PageData options{PageData::type::list};
  for (const store::Round& round : rounds) {
    PageData option;
    option.set("value", std::to_string(round.id));
    option.set("name", round_name(ctx, round));
    option.set("selected", std::to_string(round.id) == selected_round);
    options.push_back(option);
  }
  states = PageData{PageData::type::list};
  for (const ccfs::AssessmentState state : ccfs::all_states()) {
    PageData option;
    option.set("value", std::string(ccfs::state_code(state)));
    option.set("name", state_text(ctx, ccfs::state_code(state)));
    option.set("selected", ccfs::state_code(state) == selected_state);
    states.push_back(option);
  }
  return options;
}

Response dashboard(RequestContext& ctx, const std::vector<FieldError>& errors, int status) {
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset) return error_page(ctx, ErrorPage::server_error);
  const FormData query = ctx.query();
  const std::string round_filter = query.get("round");
  const std::string state_filter = query.get("state");
  std::optional<std::int64_t> round_id;
  if (!round_filter.empty()) round_id = std::atoll(round_filter.c_str());
  std::optional<std::string> state;
  if (ccfs::parse_state(state_filter)) state = state_filter;

  auto tx = ctx.web().store.begin();
  const std::vector<store::Round> rounds = store::list_rounds(*tx);
  const std::vector<store::AssessmentRow> applications =
      store::list_assessments(*tx, round_id, state);
  tx.reset();
  std::map<std::int64_t, store::Round> by_id;
  for (const store::Round& round : rounds) by_id.emplace(round.id, round);

  PageData data;
  data.set("rounds", round_rows(ctx, rounds, *ruleset));
  data.set("has_rounds", !rounds.empty());
  data.set("applications", application_rows(ctx, applications, by_id, *ruleset));
  data.set("has_applications", !applications.empty());
  PageData states;
  data.set("round_options", filter_options(ctx, rounds, round_filter, state_filter, states));
  data.set("state_options", states);
  data.set("filter_action", ctx.link("/assessment"));
  data.set("round_action", ctx.link("/assessment/rounds"));
  data.set("csrf_token", ctx.session().csrf_token());
  const FormData& form = ctx.form();
  for (const char* field : {"name_zh", "name_en", "opens_on", "closes_on"})
    data.set(std::string("value_") + field, form.get(field));
  if (query.get("done") == "round") data.set("done_message", ctx.text("assessment_round_opened"));
  add_errors(data, errors);
  return render_page(ctx, "assessment_dashboard", "assessment_title", std::move(data), status);
}

std::vector<FieldError> round_errors(RequestContext& ctx, store::NewRound& round) {
  std::vector<FieldError> errors;
  const FormData& form = ctx.form();
  round.name_zh = form.get("name_zh");
  round.name_en = form.get("name_en");
  if (round.name_zh.empty()) errors.push_back({"name_zh", ctx.text("assessment_error_name_zh")});
  if (round.name_en.empty()) errors.push_back({"name_en", ctx.text("assessment_error_name_en")});
  const auto opens = parse_iso_date(form.get("opens_on"));
  const auto closes = parse_iso_date(form.get("closes_on"));
  if (!opens) errors.push_back({"opens_on", ctx.text("assessment_error_date")});
  if (!closes) errors.push_back({"closes_on", ctx.text("assessment_error_date")});
  if (opens && closes && *closes < *opens)
    errors.push_back({"closes_on", ctx.text("assessment_error_closes_before")});
  if (opens) round.opens_on = *opens;
  if (closes) round.closes_on = *closes;
  return errors;
}

}  // namespace

Response assessment_dashboard_page(RequestContext& ctx) { return dashboard(ctx, {}, 200); }

Response assessment_round_create(RequestContext& ctx) {
  store::NewRound round;
  std::vector<FieldError> errors = round_errors(ctx, round);
  if (!errors.empty()) return dashboard(ctx, errors, 422);
  try {
    auto tx = ctx.web().store.begin();
    store::create_round(*tx, round, ctx.user()->id);
    tx->commit();
  } catch (const store::RoundRefused& refused) {
    return dashboard(ctx, {{"opens_on", refused.what()}}, 422);
  }
  return redirect_see_other(ctx.link("/assessment") + "?done=round");
}

}  // namespace bsap::web
