// GET  /LANG/reviews/{id}/declaration: the member declares any conflict of interest before seeing
//      the application (§5.17.3). The page shows only what the declaration needs: the reference,
//      the applicant organisation and the project type.
// POST /LANG/reviews/{id}/declaration: no conflict opens the application to the member; a conflict,
//      with what it is, removes them from it. A declaration is final.
#include "assess/assessment_service.h"
#include "ccfs/assessment_state.h"
#include "web/assessment_view.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/review_view.h"

namespace bsap::web {
namespace {

struct DeclarationForm {
  std::string choice;  // "no_conflict", "conflict"
  std::string note;
};

std::variant<MemberCase, Response> find_case(RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  auto found = find_member_case(ctx, *tx);
  if (auto* member_case = std::get_if<MemberCase>(&found);
      member_case && member_case->assignment.declaration == "conflict")
    return member_refusal(ctx, *member_case);
  return found;
}

Response render_declaration(RequestContext& ctx, const MemberCase& member_case,
                            const DeclarationForm& form, const std::vector<FieldError>& errors,
                            int status) {
  const store::AssessmentRow& row = member_case.assessment;
  PageData data;
  data.set("reference", row.reference);
  data.set("organisation", organisation_name(ctx, row));
  data.set("type", project_type_name(ctx, row.project_type));
  data.set("body", body_name(ctx, member_case.assignment.body));
  data.set("declared", member_case.assignment.may_see());
  data.set("declared_text", fill(ctx.text("review_declaration_made"), "at",
                                 member_case.assignment.declared_at.value_or("")));
  data.set("review_href", review_link(ctx, row.application_id));
  data.set("reviews_href", ctx.link("/reviews"));
  data.set("action", review_link(ctx, row.application_id) + "/declaration");
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("no_conflict_checked", form.choice == "no_conflict");
  data.set("conflict_checked", form.choice == "conflict");
  data.set("note", form.note);
  add_errors(data, errors);
  return render_page(ctx, "review_declaration", "review_declaration_title", std::move(data),
                     status);
}

}  // namespace

Response review_declaration_page(RequestContext& ctx) {
  auto found = find_case(ctx);
  if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
  return render_declaration(ctx, std::get<MemberCase>(found), {}, {}, 200);
}

Response review_declaration_submit(RequestContext& ctx) {
  auto found = find_case(ctx);
  if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
  const MemberCase& member_case = std::get<MemberCase>(found);
  const DeclarationForm form{ctx.form().get("declaration"), ctx.form().get("note")};
  if (member_case.assignment.may_see())
    return render_declaration(ctx, member_case, form,
                              {{"declaration", ctx.text("review_error_already_declared")}}, 409);
  if (form.choice != "no_conflict" && form.choice != "conflict")
    return render_declaration(ctx, member_case, form,
                              {{"declaration", ctx.text("review_error_declaration_choice")}}, 422);
  const bool conflict = form.choice == "conflict";
  const auto body = ccfs::parse_state(member_case.assignment.body);
  if (!body) return error_page(ctx, ErrorPage::server_error);
  try {
    store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
      assess::declare_interest(tx, member_case.assessment.application_id, ctx.user()->id, *body,
                               conflict, form.note);
    });
  } catch (const assess::StepRefused& refusal) {
    const std::string field = conflict ? "note" : "declaration";
    return render_declaration(ctx, member_case, form, {{field, refusal_text(ctx, refusal)}}, 422);
  } catch (const store::StoreError&) {
    // The store refuses a second declaration: the same member declaring twice at once.
    auto again = find_case(ctx);
    if (auto* refusal = std::get_if<Response>(&again)) return std::move(*refusal);
    if (std::get<MemberCase>(again).assignment.declaration.empty()) throw;
    return redirect_see_other(ctx.link("/reviews"));
  }
  if (conflict) return redirect_see_other(ctx.link("/reviews") + "?done=conflict");
  return redirect_see_other(review_link(ctx, member_case.assessment.application_id) +
                            "?done=declared");
}

}  // namespace bsap::web
