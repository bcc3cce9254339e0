// GET  /LANG/matching/proposals/{id}: one proposal. Its organisation's members and the
//      secretariat always see it; funders only once the secretariat has listed it (a proposal
//      awaiting review answers them 404, as if it did not exist); another organisation 403.
//      The owner sees the funders ranked for it with each score explained, and the pledges with
//      the form declaring one as sponsorship of a draft CCFS application (002 §3.11); a funder
//      its own score, interest and pledges; the secretariat the review form and every pledge,
//      with what §3.11.3 refused.
//      The owner of a returned proposal finds the link to edit and resubmit it.
// POST .../review (secretariat), .../interest (owner → funder, funder → proposal),
//      .../pledges (funder), /LANG/matching/pledges/{id}/sponsorship (the owner).
#include <algorithm>
#include <chrono>
#include <variant>

#include "ccfs/application_json.h"
#include "match/sponsorship.h"
#include "store/application_repo.h"
#include "web/application_checking.h"
#include "web/error_pages.h"
#include "web/matching_view.h"
#include "web/pages.h"
#include "web/project_view.h"
#include "web/rules_view.h"
#include "web/sponsorship_view.h"

namespace bsap::web {
namespace {

struct OpenedProposal {
  store::Proposal proposal;
  MatchingVisitor visitor;
  bool own = false;  // the visitor acts for the proposal's organisation
};

std::variant<OpenedProposal, Response> open_proposal(RequestContext& ctx, store::Transaction& tx,
                                                     std::optional<std::int64_t> id) {
  auto proposal = id ? store::find_proposal(tx, *id) : std::nullopt;
  if (!proposal) return error_page(ctx, ErrorPage::not_found);
  OpenedProposal opened{std::move(*proposal), matching_visitor(ctx, tx), false};
  opened.own = opened.visitor.owner &&
               opened.visitor.owner->organisation.id == opened.proposal.organisation_id;
  if (opened.own || opened.visitor.secretariat) return opened;
  // Moderation: nothing posted appears to funders before the secretariat lists it.
  if (opened.visitor.is_funder)
    return opened.proposal.state == store::ProposalState::listed
               ? std::variant<OpenedProposal, Response>(std::move(opened))
               : error_page(ctx, ErrorPage::not_found);
  return error_page(ctx, ErrorPage::forbidden);
}

std::optional<std::int64_t> route_id(RequestContext& ctx) {
  return parse_positive_id(ctx.path_parameter("id"));
}

std::string names_of(RequestContext& ctx, std::span<const match::Term> terms,
                     const std::vector<std::string>& keys) {
  std::string text;
  for (const std::string& key : keys)
    text += (text.empty() ? "" : ctx.text("list_separator")) + term_name(ctx, terms, key);
  return text;
}

void set_details(RequestContext& ctx, PageData& data, const store::Proposal& proposal) {
  const store::ProposalDetails& d = proposal.details;
  data.set("title_zh", d.title_zh);
  data.set("title_en", d.title_en);
  data.set("state", proposal_state_text(ctx, proposal.state));
  set_if_text(data, "review_note", proposal.review_note);
  data.set("habitat", term_name(ctx, match::habitats(), d.habitat));
  data.set("district", term_name(ctx, match::districts(), d.district));
  data.set("place", d.place);
  data.set("budget", format_money(d.budget, ctx.lang()));
  data.set("duration_months", std::to_string(d.duration_months));
  data.set("outcomes", d.outcomes);
  data.set("themes", names_of(ctx, match::themes(), d.themes));
  PageData actions{PageData::type::list};
  for (const std::string& number : d.plan_actions) {
    PageData action;
    action.set("number", number);
    action.set("href", ctx.link("/plan/actions/" + number));
    actions.push_back(action);
  }
  data.set("plan_actions", actions);
  std::string targets;
  for (int target : d.kmgbf_targets)
    targets += (targets.empty() ? "" : ctx.text("list_separator")) + std::to_string(target);
  data.set("kmgbf_targets", targets);
}

bool has_interest(const std::vector<store::Interest>& interests, std::int64_t funder_id,
                  store::InterestDirection direction) {
  return std::ranges::any_of(interests, [&](const store::Interest& interest) {
    return interest.funder_id == funder_id && interest.direction == direction;
  });
}

// The funders ranked for the owner's listed proposal, each with its explanation.
PageData ranked_funders(RequestContext& ctx, store::Transaction& tx,
                        const store::Proposal& proposal,
                        const std::vector<store::Interest>& interests) {
  const auto funders = store::list_funders(tx);
  std::vector<match::MatchScore> scores;
  for (const store::Funder& funder : funders)
    scores.push_back(
        match::score_match(proposal_traits(proposal.details), funder_interests(funder.profile)));
  PageData rows{PageData::type::list};
  for (std::size_t i : match::ranking_order(scores)) {
    PageData row;
    row.set("funder_id", std::to_string(funders[i].id));
    row.set("name", funders[i].profile.name);
    row.set("kind", ctx.text("matching_kind_" + funders[i].profile.kind));
    set_score(ctx, row, scores[i]);
    row.set("owner_interested",
            has_interest(interests, funders[i].id, store::InterestDirection::owner_to_funder));
    row.set("funder_interested",
            has_interest(interests, funders[i].id, store::InterestDirection::funder_to_proposal));
    rows.push_back(row);
  }
  return rows;
}

PageData draft_options(RequestContext& ctx, store::Transaction& tx, std::int64_t organisation_id) {
  PageData options{PageData::type::list};
  for (const store::StoredApplication& application :
       store::list_applications(tx, organisation_id)) {
    if (application.state != store::ApplicationState::draft) continue;
    PageData option;
    option.set("id", std::to_string(application.id));
    option.set("title", (application.title.empty() ? ctx.text("app_untitled") : application.title) +
                            " (" + std::to_string(application.id) + ")");
    options.push_back(option);
  }
  return options;
}

PageData pledge_rows(RequestContext& ctx, store::Transaction& tx, const OpenedProposal& opened,
                     const rules::Ruleset* ruleset) {
  PageData rows{PageData::type::list};
  const PageData drafts = opened.own ? draft_options(ctx, tx, opened.proposal.organisation_id)
                                     : PageData{PageData::type::list};
  for (const store::Pledge& pledge : store::list_pledges(tx, opened.proposal.id)) {
    const bool funders_own =
        opened.visitor.funder && opened.visitor.funder->id == pledge.pledge.funder_id;
    if (!opened.own && !opened.visitor.secretariat && !funders_own) continue;
    const auto funder = store::find_funder(tx, pledge.pledge.funder_id);
    PageData row;
    row.set("id", std::to_string(pledge.id));
    row.set("funder", funder ? funder->profile.name : std::string());
    row.set("amount", format_money(pledge.pledge.amount, ctx.lang()));
    row.set("form", ctx.text("matching_form_" + pledge.pledge.form));
    row.set("description", pledge.pledge.description);
    const bool declared =
        pledge.sponsorship && pledge.sponsorship->state == store::SponsorshipState::declared;
    if (pledge.sponsorship) {
      row.set("sponsorship", sponsorship_text(ctx, *pledge.sponsorship, ruleset));
      row.set("refused", pledge.sponsorship->state == store::SponsorshipState::refused);
    }
    if (opened.own && !declared) {
      row.set("may_declare", true);
      row.set("declare_action",
              ctx.link("/matching/pledges/" + std::to_string(pledge.id) + "/sponsorship"));
      row.set("drafts", drafts);
      row.set("has_drafts", !drafts.is_empty_list());
    }
    rows.push_back(row);
  }
  return rows;
}

Response proposal_view(RequestContext& ctx, std::optional<std::int64_t> id,
                       const std::vector<FieldError>& errors, int status) {
  PageData data;
  std::string title;
  const auto ruleset = ruleset_in_force_today(ctx);
  {
    auto tx = ctx.web().store.begin();
    auto opened_or = open_proposal(ctx, *tx, id);
    if (auto* refusal = std::get_if<Response>(&opened_or)) return std::move(*refusal);
    const OpenedProposal& opened = std::get<OpenedProposal>(opened_or);
    const store::Proposal& proposal = opened.proposal;
    set_details(ctx, data, proposal);
    title = proposal_title(ctx, proposal.details);
    const bool listed = proposal.state == store::ProposalState::listed;
    const auto interests = store::list_interests(*tx, proposal.id);
    const std::string base = proposal_href(ctx, proposal.id);
    data.set("interest_action", base + "/interest");
    if (opened.own && listed) {
      data.set("has_ranked_funders", true);
      data.set("ranked_funders", ranked_funders(ctx, *tx, proposal, interests));
    }
    const bool returned = proposal.state == store::ProposalState::returned;
    if (opened.own && !listed && !returned) data.set("awaiting_listing", true);
    if (opened.own && returned) data.set("edit_href", base + "/edit");
    if (opened.visitor.funder && listed) {
      const store::Funder& funder = *opened.visitor.funder;
      PageData mine;
      set_score(
          ctx, mine,
          match::score_match(proposal_traits(proposal.details), funder_interests(funder.profile)));
      data.set("funder_score", mine);
      data.set("funder_interested",
               has_interest(interests, funder.id, store::InterestDirection::funder_to_proposal));
      data.set("owner_interested",
               has_interest(interests, funder.id, store::InterestDirection::owner_to_funder));
      data.set("pledge_action", base + "/pledges");
      data.set("form_amount", ctx.form().get("amount"));
      data.set("form_description", ctx.form().get("description"));
    } else if (opened.visitor.is_funder && listed) {
      data.set("needs_profile", true);
      data.set("profile_href", ctx.link("/matching/profile"));
    }
    if (opened.visitor.secretariat && proposal.state == store::ProposalState::submitted)
      data.set("review_action", base + "/review");
    data.set("show_pledges", opened.own || opened.visitor.secretariat || opened.visitor.funder);
    data.set("pledges", pledge_rows(ctx, *tx, opened, ruleset.get()));
    data.set("portal_href", ctx.link("/portal"));
  }
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("matching_href", ctx.link("/matching"));
  if (const std::string done = ctx.query().get("done"); done == "reviewed" || done == "interest" ||
                                                        done == "pledged" || done == "declared" ||
                                                        done == "resubmitted")
    data.set("done_message", ctx.text("matching_done_" + done));
  add_errors(data, errors);
  return render_titled_page(ctx, "matching_proposal", title, std::move(data), status);
}

Response done(RequestContext& ctx, std::int64_t proposal_id, std::string_view what) {
  return redirect_see_other(proposal_href(ctx, proposal_id) + "?done=" + std::string(what));
}

}  // namespace

Response matching_proposal_page(RequestContext& ctx) {
  return proposal_view(ctx, route_id(ctx), {}, 200);
}

Response matching_proposal_review(RequestContext& ctx) {
  const std::string decision = ctx.form().get("decision");
  const std::string note = trimmed(ctx.form().get("note"));
  if (decision != "listed" && decision != "returned")
    return proposal_view(ctx, route_id(ctx), {{"decision", ctx.text("matching_error_decision")}},
                         422);
  if (decision == "returned" && note.empty())
    return proposal_view(ctx, route_id(ctx), {{"note", ctx.text("matching_error_note")}}, 422);
  auto tx = ctx.web().store.begin();
  auto opened_or = open_proposal(ctx, *tx, route_id(ctx));
  if (auto* refusal = std::get_if<Response>(&opened_or)) return std::move(*refusal);
  const store::Proposal& proposal = std::get<OpenedProposal>(opened_or).proposal;
  if (proposal.state != store::ProposalState::submitted) {
    tx.reset();
    return proposal_view(ctx, route_id(ctx), {{"decision", ctx.text("matching_error_reviewed")}},
                         422);
  }
  store::review_proposal(
      *tx, proposal.id,
      decision == "listed" ? store::ProposalState::listed : store::ProposalState::returned, note,
      ctx.user()->id);
  tx->commit();
  return done(ctx, proposal.id, "reviewed");
}

Response matching_interest_submit(RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  auto opened_or = open_proposal(ctx, *tx, route_id(ctx));
  if (auto* refusal = std::get_if<Response>(&opened_or)) return std::move(*refusal);
  const OpenedProposal& opened = std::get<OpenedProposal>(opened_or);
  if (opened.proposal.state != store::ProposalState::listed) {
    tx.reset();
    return proposal_view(ctx, route_id(ctx), {{"interest", ctx.text("matching_error_not_listed")}},
                         422);
  }
  if (opened.own) {
    const auto funder_id = parse_positive_id(ctx.form().get("funder_id"));
    if (!funder_id || !store::find_funder(*tx, *funder_id)) {
      tx.reset();
      return proposal_view(ctx, route_id(ctx), {{"interest", ctx.text("matching_error_funder")}},
                           422);
    }
    store::record_interest(*tx, opened.proposal.id, *funder_id,
                           store::InterestDirection::owner_to_funder, ctx.user()->id);
  } else if (opened.visitor.funder) {
    store::record_interest(*tx, opened.proposal.id, opened.visitor.funder->id,
                           store::InterestDirection::funder_to_proposal, ctx.user()->id);
  } else {
    return error_page(ctx, ErrorPage::forbidden);
  }
  tx->commit();
  return done(ctx, opened.proposal.id, "interest");
}

Response matching_pledge_submit(RequestContext& ctx) {
  std::vector<FieldError> errors;
  const auto amount = money_field(ctx, "amount", "matching_pledge_amount", errors);
  if (amount && *amount <= Money{})
    errors.push_back({"amount", ctx.text("matching_error_pledge_amount")});
  const std::string form = ctx.form().get("form");
  if (form != "cash" && form != "kind")
    errors.push_back({"form", ctx.text("matching_error_pledge_form")});
  const std::string description = trimmed(ctx.form().get("description"));
  if (description.empty())
    errors.push_back({"description", ctx.text("matching_error_pledge_description")});
  auto tx = ctx.web().store.begin();
  auto opened_or = open_proposal(ctx, *tx, route_id(ctx));
  if (auto* refusal = std::get_if<Response>(&opened_or)) return std::move(*refusal);
  const OpenedProposal& opened = std::get<OpenedProposal>(opened_or);
  if (!opened.visitor.funder) errors.push_back({"amount", ctx.text("matching_error_no_profile")});
  if (opened.proposal.state != store::ProposalState::listed)
    errors.push_back({"amount", ctx.text("matching_error_not_listed")});
  if (!errors.empty()) {
    tx.reset();
    return proposal_view(ctx, route_id(ctx), errors, 422);
  }
  store::record_pledge(*tx,
                       {opened.proposal.id, opened.visitor.funder->id, *amount, form, description},
                       ctx.user()->id);
  tx->commit();
  return done(ctx, opened.proposal.id, "pledged");
}

namespace {

// The applicant's draft the pledge is declared for: 422 text when it is not one of the
// organisation's drafts.
std::optional<store::StoredApplication> own_draft(store::Transaction& tx,
                                                  std::int64_t organisation_id,
                                                  std::optional<std::int64_t> id) {
  auto application = id ? store::find_application(tx, *id) : std::nullopt;
  if (!application || application->organisation_id != organisation_id ||
      application->state != store::ApplicationState::draft)
    return std::nullopt;
  return application;
}

}  // namespace

// The pledge joins the draft as confirmed sponsorship in the funder's name (§3.11.1, §3.11.2)
// unless §3.11.3 prohibits the funder, judged by its declaration and the applicant's answer
// whether the sponsored activities are for under-18s; both outcomes are recorded and audited.
Response matching_sponsorship_submit(RequestContext& ctx) {
  const auto ruleset = ruleset_in_force_today(ctx);
  auto tx = ctx.web().store.begin();
  const auto pledge_id = route_id(ctx);
  const auto pledge = pledge_id ? store::find_pledge(*tx, *pledge_id) : std::nullopt;
  if (!pledge) return error_page(ctx, ErrorPage::not_found);
  const auto proposal = store::find_proposal(*tx, pledge->pledge.proposal_id);
  const auto member = portal_member(ctx, *tx);
  // Only the organisation the pledge was made to may declare it.
  if (!proposal || !member || member->organisation.id != proposal->organisation_id)
    return error_page(ctx, ErrorPage::forbidden);
  const auto refuse = [&](std::vector<FieldError> errors) {
    tx.reset();
    return proposal_view(ctx, proposal->id, errors, 422);
  };
  const std::string field = "declare-" + std::to_string(pledge->id);
  if (pledge->sponsorship && pledge->sponsorship->state == store::SponsorshipState::declared)
    return refuse({{field, ctx.text("matching_error_declared")}});
  const auto application =
      own_draft(*tx, member->organisation.id, parse_positive_id(ctx.form().get("application_id")));
  if (!application) return refuse({{field, ctx.text("matching_error_application")}});
  const std::string under_18 = ctx.form().get("under_18");
  if (under_18 != "yes" && under_18 != "no")
    return refuse({{field, ctx.text("matching_error_under_18")}});
  auto parsed = ccfs::parse_application_json(application->document_json);
  auto* document = std::get_if<ccfs::ApplicationDocument>(&parsed);
  const auto funder = store::find_funder(*tx, pledge->pledge.funder_id);
  if (!document || !ruleset || !funder)
    return refuse({{field, ctx.text("matching_error_application")}});

  const match::SponsorshipOutcome outcome = match::add_sponsorship(
      document->application,
      {funder->profile.name, pledge->pledge.amount, funder->profile.declaration, under_18 == "yes"},
      *ruleset, today_in_hong_kong(std::chrono::system_clock::now()));
  store::SponsorshipRecord record{
      outcome.accepted() ? store::SponsorshipState::declared : store::SponsorshipState::refused,
      application->id,
      under_18 == "yes",
      outcome.accepted() ? std::string() : outcome.refusals.front().clause,
      outcome.contribution_before,
      outcome.contribution_after,
      outcome.expenditure};
  if (outcome.accepted()) {
    document->application = outcome.application;
    store::save_application(*tx, application->id, application->revision, "funding",
                            ccfs::to_json(*document), application->title, ctx.user()->id);
  }
  store::record_sponsorship(*tx, pledge->id, record, ctx.user()->id);
  tx->commit();
  tx.reset();
  if (outcome.accepted()) return done(ctx, proposal->id, "declared");
  std::vector<FieldError> errors;
  for (const ccfs::Finding& finding : outcome.refusals)
    errors.push_back({field, finding.clause + ": " + finding_message(ctx, finding)});
  return proposal_view(ctx, proposal->id, errors, 422);
}

}  // namespace bsap::web
