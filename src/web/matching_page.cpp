// GET  /LANG/matching: public–private funding matching (000 優先行動 2.4 優先項目 2, 2.7). For
//      everyone, what it is; for a project owner, its proposals and the form to post one; for a
//      funder, the listed proposals ranked for it with each score explained; for the
//      secretariat, the proposals awaiting review and those listed.
// POST /LANG/matching/proposals: a project owner posts a proposal; it waits for review.
// GET  /LANG/matching/profile, POST: a funder keeps its profile, its §3.11.3 declaration and
//      its interests. Funder accounts are made by an administrator (role `funder`).
#include "match/sponsorship.h"
#include "store/matching_repo.h"
#include "web/matching_proposal_form.h"
#include "web/matching_view.h"
#include "web/pages.h"
#include "web/project_view.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

PageData proposal_rows(RequestContext& ctx, const std::vector<store::Proposal>& proposals) {
  PageData rows{PageData::type::list};
  for (const store::Proposal& proposal : proposals) {
    PageData row;
    row.set("title", proposal_title(ctx, proposal.details));
    row.set("href", proposal_href(ctx, proposal.id));
    row.set("state", proposal_state_text(ctx, proposal.state));
    row.set("budget", format_money(proposal.details.budget, ctx.lang()));
    row.set("district", term_name(ctx, match::districts(), proposal.details.district));
    rows.push_back(row);
  }
  return rows;
}

// The listed proposals, best match first, each with its explained score.
PageData ranked_proposals(RequestContext& ctx, store::Transaction& tx,
                          const store::Funder& funder) {
  const auto proposals = store::list_proposals_in(tx, store::ProposalState::listed);
  std::vector<match::MatchScore> scores;
  for (const store::Proposal& proposal : proposals)
    scores.push_back(
        match::score_match(proposal_traits(proposal.details), funder_interests(funder.profile)));
  PageData rows{PageData::type::list};
  for (std::size_t i : match::ranking_order(scores)) {
    PageData row;
    row.set("title", proposal_title(ctx, proposals[i].details));
    row.set("href", proposal_href(ctx, proposals[i].id));
    row.set("budget", format_money(proposals[i].details.budget, ctx.lang()));
    set_score(ctx, row, scores[i]);
    rows.push_back(row);
  }
  return rows;
}

// The declarations §3.11.3 refused, for the secretariat (002 §3.11.2: it considers other funding).
PageData refused_pledges(RequestContext& ctx, store::Transaction& tx) {
  PageData rows{PageData::type::list};
  for (const store::Pledge& pledge : store::list_pledges_in(tx, store::SponsorshipState::refused)) {
    const auto proposal = store::find_proposal(tx, pledge.pledge.proposal_id);
    const auto funder = store::find_funder(tx, pledge.pledge.funder_id);
    PageData row;
    row.set("title", proposal ? proposal_title(ctx, proposal->details) : std::string());
    row.set("href", proposal_href(ctx, pledge.pledge.proposal_id));
    row.set("funder", funder ? funder->profile.name : std::string());
    row.set("amount", format_money(pledge.pledge.amount, ctx.lang()));
    row.set("clause", pledge.sponsorship->finding_clause);
    row.set("application", std::to_string(pledge.sponsorship->application_id));
    rows.push_back(row);
  }
  return rows;
}

Response matching_view(RequestContext& ctx, const std::vector<FieldError>& errors, int status) {
  PageData data;
  // The page is public: the visitor's session is read before this page's transaction begins.
  data.set("signed_out", !ctx.user().has_value());
  {
    auto tx = ctx.web().store.begin();
    const MatchingVisitor visitor = matching_visitor(ctx, *tx);
    if (visitor.owner) {
      data.set("is_owner", true);
      data.set("own_proposals",
               proposal_rows(ctx, store::list_proposals_of(*tx, visitor.owner->organisation.id)));
      if (errors.empty())
        set_proposal_form(ctx, data, {});
      else
        set_proposal_form_as_sent(ctx, data);
      data.set("proposal_action", ctx.link("/matching/proposals"));
    }
    if (visitor.is_funder) {
      data.set("is_funder", true);
      data.set("profile_href", ctx.link("/matching/profile"));
      if (visitor.funder)
        data.set("ranked_proposals", ranked_proposals(ctx, *tx, *visitor.funder));
      else
        data.set("needs_profile", true);
    }
    if (visitor.secretariat) {
      data.set("is_secretariat", true);
      data.set("awaiting_review",
               proposal_rows(ctx, store::list_proposals_in(*tx, store::ProposalState::submitted)));
      data.set("listed",
               proposal_rows(ctx, store::list_proposals_in(*tx, store::ProposalState::listed)));
      data.set("refused_pledges", refused_pledges(ctx, *tx));
    }
  }
  data.set("csrf_token", ctx.session().csrf_token());
  if (ctx.query().get("done") == "posted")
    data.set("done_message", ctx.text("matching_done_posted"));
  add_errors(data, errors);
  return render_page(ctx, "matching", "matching_title", std::move(data), status);
}

}  // namespace

Response matching_page(RequestContext& ctx) { return matching_view(ctx, {}, 200); }

Response matching_proposal_create(RequestContext& ctx) {
  std::vector<FieldError> errors;
  const store::ProposalDetails d = read_proposal_form(ctx, errors);
  if (!errors.empty()) return matching_view(ctx, errors, 422);
  auto tx = ctx.web().store.begin();
  const auto member = portal_member(ctx, *tx);
  if (!member) {
    tx.reset();
    return matching_view(ctx, {{"title_zh", ctx.text("portal_no_organisation")}}, 403);
  }
  store::create_proposal(*tx, member->organisation.id, d, ctx.user()->id);
  tx->commit();
  return redirect_see_other(ctx.link("/matching") + "?done=posted");
}

namespace {

PageData declaration_options(RequestContext& ctx, const std::string& chosen) {
  PageData options{PageData::type::list};
  const auto add = [&](const std::string& key, const std::string& name) {
    PageData option;
    option.set("key", key);
    option.set("name", name);
    option.set("checked", key == chosen);
    options.push_back(option);
  };
  if (const auto ruleset = ruleset_in_force_today(ctx))
    for (const rules::ProhibitedSponsor& sponsor : ruleset->application.prohibited_sponsors)
      add(sponsor.key, sponsor.clause + " " + ctx.text("matching_declaration_" + sponsor.key));
  add(std::string(match::kNoProhibitedCategory), ctx.text("matching_declaration_none"));
  return options;
}

PageData kind_options(RequestContext& ctx, const std::string& chosen) {
  PageData options{PageData::type::list};
  for (const char* kind : {"company", "trust", "family_office", "other"}) {
    PageData option;
    option.set("key", std::string(kind));
    option.set("name", ctx.text(std::string("matching_kind_") + kind));
    option.set("checked", chosen == kind);
    options.push_back(option);
  }
  return options;
}

std::string money_text(const std::optional<Money>& money) {
  return money ? format_hkd(*money) : std::string();
}

Response profile_view(RequestContext& ctx, const store::FunderProfile& profile,
                      const std::vector<FieldError>& errors, int status) {
  PageData data;
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("profile_action", ctx.link("/matching/profile"));
  data.set("matching_href", ctx.link("/matching"));
  data.set("form_name", profile.name);
  data.set("kind_options", kind_options(ctx, profile.kind));
  data.set("declaration_options", declaration_options(ctx, profile.declaration));
  data.set("theme_options", term_options(ctx, match::themes(), profile.themes));
  data.set("habitat_options", term_options(ctx, match::habitats(), profile.habitats));
  data.set("district_options", term_options(ctx, match::districts(), profile.districts));
  data.set("kmgbf_options", kmgbf_options(ctx, profile.kmgbf_targets));
  data.set("form_budget_min", money_text(profile.budget_min));
  data.set("form_budget_max", money_text(profile.budget_max));
  if (ctx.query().get("done") == "saved")
    data.set("done_message", ctx.text("matching_done_profile"));
  add_errors(data, errors);
  return render_page(ctx, "matching_profile", "matching_profile_title", std::move(data), status);
}

}  // namespace

Response matching_profile_page(RequestContext& ctx) {
  std::optional<store::Funder> funder;
  {
    auto tx = ctx.web().store.begin();
    funder = store::funder_of_user(*tx, ctx.user()->id);
  }
  return profile_view(ctx, funder ? funder->profile : store::FunderProfile{}, {}, 200);
}

Response matching_profile_save(RequestContext& ctx) {
  const FormData& form = ctx.form();
  std::vector<FieldError> errors;
  store::FunderProfile p;
  p.name = trimmed(form.get("name"));
  if (p.name.empty()) errors.push_back({"name", ctx.text("matching_error_funder_name")});
  p.kind = form.get("kind");
  if (p.kind != "company" && p.kind != "trust" && p.kind != "family_office" && p.kind != "other")
    errors.push_back({"kind", ctx.text("matching_error_kind")});
  p.declaration = form.get("declaration");
  const auto ruleset = ruleset_in_force_today(ctx);
  if (!ruleset || !match::is_declaration(*ruleset, p.declaration))
    errors.push_back({"declaration", ctx.text("matching_error_declaration")});
  p.themes = form.all("themes");
  p.habitats = form.all("habitats");
  p.districts = form.all("districts");
  if (!all_known(match::themes(), p.themes) || !all_known(match::habitats(), p.habitats) ||
      !all_known(match::districts(), p.districts) || !known_targets(ctx, form.all("kmgbf_targets")))
    errors.push_back({"themes", ctx.text("matching_error_interests")});
  p.kmgbf_targets = chosen_numbers(form.all("kmgbf_targets"));
  bool valid = true;
  p.budget_min = optional_money_field(ctx, "budget_min", "matching_budget_min", errors, valid);
  p.budget_max = optional_money_field(ctx, "budget_max", "matching_budget_max", errors, valid);
  if (p.budget_min && p.budget_max && *p.budget_min > *p.budget_max)
    errors.push_back({"budget_min", ctx.text("matching_error_budget_range")});
  if (!errors.empty()) return profile_view(ctx, p, errors, 422);
  store::in_transaction(ctx.web().store,
                        [&](store::Transaction& tx) { store::save_funder(tx, ctx.user()->id, p); });
  return redirect_see_other(ctx.link("/matching/profile") + "?done=saved");
}

}  // namespace bsap::web
