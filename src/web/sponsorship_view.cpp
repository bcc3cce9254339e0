#include "web/sponsorship_view.h"

#include "ccfs/budget_check_support.h"
#include "web/matching_view.h"
#include "web/page.h"
#include "web/project_view.h"
#include "web/rules_view.h"

namespace bsap::web {
std::string sponsorship_text(RequestContext& ctx, const store::SponsorshipRecord& record,
                             const rules::Ruleset* ruleset) {
  if (record.state == store::SponsorshipState::refused) {
    std::string name = record.finding_clause;
    if (ruleset)
      for (const rules::ProhibitedSponsor& sponsor : ruleset->application.prohibited_sponsors)
        if (sponsor.clause == record.finding_clause)
          name = sponsor.clause + " " + ctx.data_text(sponsor.name.zh, sponsor.name.en);
    return fill(ctx.text("matching_sponsorship_refused"), "prohibited", name);
  }
  std::string text = ctx.text("matching_sponsorship_declared");
  text = fill(text, "application", std::to_string(record.application_id));
  text = fill(text, "before",
              format_money(record.contribution_before, ctx.lang()) + " (" +
                  ccfs::share_text(record.contribution_before, record.expenditure) + ")");
  text = fill(text, "after",
              format_money(record.contribution_after, ctx.lang()) + " (" +
                  ccfs::share_text(record.contribution_after, record.expenditure) + ")");
  text = fill(text, "budget", format_money(record.expenditure, ctx.lang()));
  return fill(text, "floor",
              ruleset ? ccfs::percent_text(ruleset->contribution_ratio.min_pct) + " (" +
                            ruleset->contribution_ratio.source.clause + ")"
                      : std::string("5%"));
}

void set_application_sponsorships(RequestContext& ctx, store::Transaction& tx, PageData& data,
                                  std::int64_t application_id, bool link_proposals) {
  const auto ruleset = ruleset_in_force_today(ctx);
  PageData rows{PageData::type::list};
  for (const store::Pledge& pledge : store::list_sponsorships_of(tx, application_id)) {
    const auto funder = store::find_funder(tx, pledge.pledge.funder_id);
    const auto proposal = store::find_proposal(tx, pledge.pledge.proposal_id);
    PageData row;
    row.set("funder", funder ? funder->profile.name : std::string());
    row.set("amount", format_money(pledge.pledge.amount, ctx.lang()));
    row.set("proposal", proposal ? proposal_title(ctx, proposal->details) : std::string());
    if (link_proposals) row.set("proposal_href", proposal_href(ctx, pledge.pledge.proposal_id));
    row.set("outcome", sponsorship_text(ctx, *pledge.sponsorship, ruleset.get()));
    row.set("refused", pledge.sponsorship->state == store::SponsorshipState::refused);
    rows.push_back(row);
  }
  data.set("has_sponsorships", !rows.is_empty_list());
  data.set("sponsorships", rows);
}

}  // namespace bsap::web
