// GET  /LANG/portal/applications/{id}/review: check your answers: every part's answers, every
//      finding with its clause, the reasons asked for by needs_justification findings, and
//      submission by the person-in-charge (§2.6.3).
// POST /LANG/portal/applications/{id}/justifications: saves the reasons (a revision like any).
// POST /LANG/portal/applications/{id}/submit: submits unless a finding is blocking; the
//      application is then frozen with its reference and ruleset version (§2.7.5).
// GET  /LANG/portal/applications/{id}/acknowledgement: the reference number on screen.
#include <chrono>
#include <set>

#include "store/application_repo.h"
#include "web/application_answers.h"
#include "web/application_checking.h"
#include "web/error_pages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/part_form.h"
#include "web/part_view.h"
#include "web/portal_access.h"

namespace bsap::web {
namespace {

struct Review {
  OpenedApplication opened;
  CheckedDraft checked;
  std::vector<PartSpec> parts;
};

std::string base_link(RequestContext& ctx, const Review& review) {
  return ctx.link("/portal/applications/" + std::to_string(review.opened.application.id));
}

std::variant<Review, Response> open_review(RequestContext& ctx) {
  auto opened = [&] {
    auto tx = ctx.web().store.begin();
    return open_application(ctx, *tx);
  }();
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  Review review{std::get<OpenedApplication>(std::move(opened)), {}, {}};
  review.checked = check_draft(ctx, review.opened.application);
  if (!review.checked.ruleset) return error_page(ctx, ErrorPage::server_error);
  review.parts = parts_for(ctx, *review.checked.ruleset, review.opened.application.project_type);
  return review;
}

// The reasons to ask for: one per rule with a needs_justification finding, plus those already
// given (whose findings the reasons turned into info).
PartSpec justification_part(RequestContext& ctx, const Review& review) {
  PartSpec part{"justifications",  ctx.text("app_justifications_heading"), "§2.5.3, §3.3", {}, {},
                {"justifications"}};
  std::set<std::string> seen;
  for (const ccfs::Finding& finding : review.checked.result.findings) {
    const bool justified =
        review.checked.document &&
        review.checked.document->application.justifications.contains(finding.rule);
    if (finding.severity != ccfs::Severity::needs_justification && !justified) continue;
    if (!seen.insert(finding.rule).second) continue;
    part.fields.push_back({"justifications." + finding.rule,
                           FieldKind::textarea,
                           finding_message(ctx, finding),
                           finding.clause,
                           {}});
  }
  return part;
}

void add_justifications(PageData& data, const Review& review, const PartSpec& part) {
  const BoundPart bound = bind_document(part, review.opened.application.document_json, 0);
  PageData list{PageData::type::list};
  for (const BoundField& field : bound.fields) {
    PageData item;
    item.set("id", input_id(field.name));
    item.set("name", field.name);
    item.set("label", field.spec->label);
    item.set("clause", field.spec->hint);
    item.set("value", field.value);
    list.push_back(item);
  }
  data.set("has_justifications", review.opened.editable && !bound.fields.empty());
  data.set("justifications", list);
}

Response render_review(RequestContext& ctx, const Review& review,
                       const std::vector<FieldError>& errors) {
  PageData data;
  add_findings(ctx, data, review.checked.result.findings, [&](const ccfs::Finding& finding) {
    const PartSpec* part = part_of_field(review.parts, finding.field);
    if (!part) return std::string{};
    return base_link(ctx, review) + "/parts/" + part->key + "#" + input_id(finding.field);
  });
  data.set("parts",
           application_answers(ctx, review.parts, review.opened.application.document_json,
                               [&](const PartSpec& part, PageData& item) {
                                 item.set("href", base_link(ctx, review) + "/parts/" + part.key);
                                 item.set("change_text",
                                          fill(ctx.text("app_change_part"), "part", part.title));
                                 item.set("editable", review.opened.editable);
                               }));
  add_justifications(data, review, justification_part(ctx, review));
  add_errors(data, errors);
  if (const auto* type =
          review.checked.ruleset->project_type(review.opened.application.project_type))
    data.set("type_name", ctx.data_text(type->name.zh, type->name.en));
  data.set("tasks_href", base_link(ctx, review));
  data.set("editable", review.opened.editable);
  data.set("may_submit", review.opened.may_submit);
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("revision", std::to_string(review.opened.application.revision));
  data.set("justifications_action", base_link(ctx, review) + "/justifications");
  data.set("submit_action", base_link(ctx, review) + "/submit");
  return render_page(ctx, "application_review", "app_review_title", std::move(data),
                     errors.empty() ? 200 : 422);
}

int submitted_revision(RequestContext& ctx) {
  return static_cast<int>(parse_positive_id(ctx.form().get("revision")).value_or(0));
}

}  // namespace

Response application_review_page(RequestContext& ctx) {
  auto review = open_review(ctx);
  if (auto* refusal = std::get_if<Response>(&review)) return std::move(*refusal);
  return render_review(ctx, std::get<Review>(review), {});
}

Response application_justifications_submit(RequestContext& ctx) {
  auto opened = open_review(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const Review& review = std::get<Review>(opened);
  if (!review.opened.editable) return error_page(ctx, ErrorPage::forbidden);
  const PartUpdate update = apply_submission(justification_part(ctx, review),
                                             review.opened.application.document_json, ctx.form());
  try {
    store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
      store::save_application(tx, review.opened.application.id, submitted_revision(ctx),
                              "justifications", update.document_json,
                              review.opened.application.title, ctx.user()->id);
    });
  } catch (const store::RevisionConflict&) {
    return render_review(ctx, review, {{"justifications", ctx.text("app_conflict")}});
  }
  return redirect_see_other(base_link(ctx, review) + "/review#justifications");
}

Response application_submit(RequestContext& ctx) {
  auto opened = open_review(ctx);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const Review& review = std::get<Review>(opened);
  if (!review.opened.may_submit) return error_page(ctx, ErrorPage::forbidden);
  if (!review.checked.document || !review.checked.result.eligible())
    return render_review(ctx, review, {{"findings", ctx.text("app_submit_blocked")}});
  try {
    // The frozen application carries the organisation's record it was judged with.
    store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
      const int revision = store::save_application(
          tx, review.opened.application.id, submitted_revision(ctx), "organisation",
          ccfs::to_json(review.checked.document->application), review.opened.application.title,
          ctx.user()->id);
      store::submit_application(tx, review.opened.application.id, revision, ctx.user()->id,
                                review.checked.ruleset->version, review.checked.checked_on);
    });
  } catch (const store::RevisionConflict&) {
    return render_review(ctx, review, {{"findings", ctx.text("app_conflict")}});
  } catch (const store::NotPersonInCharge&) {
    return error_page(ctx, ErrorPage::forbidden);
  } catch (const store::NotALaterRound&) {
    return render_review(ctx, review, {{"findings", ctx.text("app_submit_not_later_round")}});
  } catch (const store::ApplicationFrozen&) {
    return render_review(ctx, review, {{"findings", ctx.text("app_already_submitted")}});
  } catch (const store::StoreError&) {
    // The remaining refusal is a submitter without an e-mail address (§2.7.5 acknowledges by
    // e-mail): say so and how to fix it.
    return render_review(ctx, review, {{"findings", ctx.text("app_submit_no_email")}});
  }
  return redirect_see_other(base_link(ctx, review) + "/acknowledgement");
}

Response application_acknowledgement_page(RequestContext& ctx) {
  auto opened = [&] {
    auto tx = ctx.web().store.begin();
    return open_application(ctx, *tx);
  }();
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const store::StoredApplication& application = std::get<OpenedApplication>(opened).application;
  if (!application.reference) return error_page(ctx, ErrorPage::not_found);
  PageData data;
  data.set("reference", *application.reference);
  data.set("ack_text", fill(ctx.text("app_ack_text"), "reference", *application.reference));
  data.set("tasks_href", ctx.link("/portal/applications/" + std::to_string(application.id)));
  data.set("portal_href", ctx.link("/portal"));
  return render_page(ctx, "application_acknowledgement", "app_ack_title", std::move(data));
}

}  // namespace bsap::web
