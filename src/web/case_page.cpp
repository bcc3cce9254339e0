// GET /LANG/cases/{id}: a good-practice case (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1): what
// was done, where, its outcomes with their figures and dates, its funding, its photographs and the
// plan actions, KMGBF targets and SDGs it serves. Public once published; before that only its
// owner and (once submitted) the working group's secretariat see it, with their steps, and to
// anyone else it does not exist (404: case_view.h).
#include "core/money.h"
#include "media/photo_licence.h"
#include "plan/crosswalk.h"
#include "store/photo_repo.h"
#include "web/case_view.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/plan_view.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

PageData outcome_rows(const plan::GoodPracticeCase& c) {
  PageData rows{PageData::type::list};
  for (const plan::CaseOutcome& outcome : c.outcomes) {
    PageData row;
    row.set("what", outcome.what);
    row.set("value", outcome.value);
    row.set("unit", outcome.unit);
    row.set("on", outcome.on);
    rows.push_back(row);
  }
  return rows;
}

PageData funding_rows(const RequestContext& ctx, const plan::GoodPracticeCase& c) {
  PageData rows{PageData::type::list};
  for (const plan::CaseFunding& funding : c.funding) {
    PageData row;
    row.set("source", funding.source);
    row.set("amount", format_money(funding.amount, ctx.lang()));
    rows.push_back(row);
  }
  return rows;
}

PageData link_rows(const RequestContext& ctx, const plan::GoodPracticeCase& c) {
  PageData rows{PageData::type::list};
  const plan::Plan& plan = ctx.web().domain.plan.plan;
  for (const std::string& number : c.actions)
    if (const plan::Action* action = plan::find_action(plan, number)) {
      PageData row;
      row.set("href", action_href(ctx, *action));
      row.set("label", action->number + " " + ctx.data_text(action->title.zh, action->title.en));
      rows.push_back(row);
    }
  for (const auto& [framework, numbers] :
       {std::pair{plan::Framework::kmgbf, &c.kmgbf_targets}, {plan::Framework::sdg, &c.sdgs}})
    for (int number : *numbers) {
      PageData row;
      row.set("href", crosswalk_href(ctx, framework, number));
      row.set("label", crosswalk_label(ctx, framework, number) + " " +
                           crosswalk_name(ctx, framework, number));
      rows.push_back(row);
    }
  return rows;
}

PageData photo_rows(const RequestContext& ctx, const plan::GoodPracticeCase& c) {
  PageData rows{PageData::type::list};
  auto tx = ctx.web().store.begin();
  for (std::int64_t id : c.photo_ids) {
    const auto info = store::find_photo(*tx, id);
    if (!info) continue;
    const std::string href = case_link(ctx, c.id, "/photos/" + std::to_string(id));
    PageData row;
    row.set("full_href", href);
    row.set("thumbnail_href", href + "?size=thumbnail");
    row.set("credit", info->credit);
    const auto licence = media::parse_licence(info->licence);
    row.set("licence", licence ? ctx.text(media::licence_message_key(*licence)) : info->licence);
    row.set("caption", fill(ctx.text("case_photo_caption"), "title", case_title(ctx, c)));
    rows.push_back(row);
  }
  return rows;
}

PageData licence_options(const RequestContext& ctx) {
  PageData options{PageData::type::list};
  for (media::PhotoLicence licence : media::all_licences())
    options.push_back(option(std::string(media::licence_code(licence)),
                             ctx.text(media::licence_message_key(licence)),
                             licence == media::PhotoLicence::cc_by));
  return options;
}

}  // namespace

Response case_page_view(RequestContext& ctx, const plan::GoodPracticeCase& c,
                        const CaseVisitor& visitor, const std::vector<FieldError>& errors,
                        int status, const std::string& return_reason) {
  const plan::CaseLists& lists = case_lists(ctx);
  PageData data = case_row(ctx, c);
  data.set("cases_href", ctx.link("/cases"));
  data.set("nbs_kind", entry_name(ctx, lists.nbs_kinds, c.nbs_kind));
  data.set("work", ctx.data_text(c.work.zh, c.work.en));
  data.set("outcomes", outcome_rows(c));
  data.set("has_outcomes", !c.outcomes.empty());
  data.set("funding", funding_rows(ctx, c));
  data.set("has_funding", !c.funding.empty());
  data.set("links", link_rows(ctx, c));
  data.set("photos", photo_rows(ctx, c));
  data.set("has_photos", !c.photo_ids.empty());
  data.set("not_public", c.state != plan::CaseState::published);
  set_if_text(data, "published_at", c.published_at);
  const bool owner = owns_case(visitor, c);
  if (owner) {
    set_if_text(data, "return_reason_shown", c.return_reason);
    data.set("mine_href", ctx.link("/cases/mine"));
    if (plan::case_editable(c.state)) {
      data.set("edit_href", case_link(ctx, c.id, "/edit"));
      data.set("submit_action", case_link(ctx, c.id, "/submit"));
      if (c.photo_ids.size() < plan::kMaxPhotos) {
        data.set("photo_action", case_link(ctx, c.id, "/photos"));
        data.set("licence_options", licence_options(ctx));
      }
    }
    if (plan::next_case_state(c.state, plan::CaseEvent::withdraw))
      data.set("withdraw_action", case_link(ctx, c.id, "/withdraw"));
  }
  if (visitor.reviews_cases && c.state == plan::CaseState::submitted) {
    data.set("publish_action", case_link(ctx, c.id, "/publish"));
    data.set("return_action", case_link(ctx, c.id, "/return"));
    data.set("review_href", ctx.link("/cases/review"));
    data.set("return_reason", return_reason);
  }
  const std::string done = ctx.query().get("done");
  for (std::string_view key :
       {"saved", "submitted", "withdrawn", "published", "returned", "photo_added"})
    if (done == key) data.set("done_message", ctx.text("case_done_" + done));
  add_errors(data, errors);
  return render_titled_page(ctx, "case", case_title(ctx, c), std::move(data), status);
}

Response case_page(RequestContext& ctx) {
  const CaseVisitor visitor = case_visitor(ctx);
  const auto found = visible_case(ctx, visitor);
  if (!found) return error_page(ctx, ErrorPage::not_found);
  return case_page_view(ctx, *found, visitor, {}, 200);
}

}  // namespace bsap::web
