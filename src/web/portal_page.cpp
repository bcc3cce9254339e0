// GET  /LANG/portal: the organisation's page: its members, documents, applications and
//      notifications; forms to upload a document, start an application and (for the
//      person-in-charge) add a member.
// POST /LANG/portal/applications: starts a draft of the chosen type (§2.7.1: one form a type).
// POST /LANG/portal/members: the person-in-charge adds an existing applicant account.
#include <algorithm>

#include "ccfs/application_json.h"
#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/document_repo.h"
#include "store/user_repo.h"
#include "web/application_checking.h"
#include "web/assessment_view.h"
#include "web/notification_view.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/portal_view.h"
#include "web/rules_view.h"

namespace bsap::web {
namespace {

PageData member_rows(store::Transaction& tx, std::int64_t organisation_id) {
  PageData rows{PageData::type::list};
  for (const store::Member& member : store::list_members(tx, organisation_id)) {
    PageData row;
    row.set("username", member.username);
    row.set("display_name", member.display_name);
    row.set("post", member.post);
    row.set("person_in_charge", member.is_person_in_charge);
    rows.push_back(row);
  }
  return rows;
}

PageData document_rows(RequestContext& ctx, store::Transaction& tx, std::int64_t organisation_id) {
  PageData rows{PageData::type::list};
  for (const store::DocumentInfo& document : store::list_documents(tx, organisation_id)) {
    PageData row;
    const std::string kind_key = "doc_kind_" + document.kind;
    row.set("kind", ctx.web().messages.has(kind_key) ? ctx.text(kind_key) : document.kind);
    row.set("filename", document.filename);
    row.set("size", std::to_string((document.size_bytes + 1023) / 1024) + " KB");
    row.set("uploaded_at", document.uploaded_at);
    row.set("href", ctx.link("/portal/documents/" + std::to_string(document.id)));
    rows.push_back(row);
  }
  return rows;
}

PageData application_rows(RequestContext& ctx, store::Transaction& tx, std::int64_t organisation_id,
                          const rules::Ruleset* ruleset) {
  PageData rows{PageData::type::list};
  for (const store::StoredApplication& application :
       store::list_applications(tx, organisation_id)) {
    PageData row;
    row.set("title", application.title.empty() ? ctx.text("app_untitled") : application.title);
    const auto* type = ruleset ? ruleset->project_type(application.project_type) : nullptr;
    row.set("type", type ? ctx.data_text(type->short_name.zh, type->short_name.en)
                         : application.project_type);
    // Once submitted, where the assessment stands (§2.6, §4) says more than "submitted".
    const auto assessment = store::find_assessment(tx, application.id);
    row.set("state", assessment
                         ? state_text(ctx, assessment->state)
                         : ctx.text("app_state_" +
                                    std::string(store::application_state_code(application.state))));
    row.set("reference", application.reference.value_or(""));
    row.set("updated_at", application.updated_at);
    row.set("href", ctx.link("/portal/applications/" + std::to_string(application.id)));
    rows.push_back(row);
  }
  return rows;
}

// The document kinds an upload may be: the §2.3.1 papers of the organisation's kind, then the
// application's attachments.
PageData document_kinds(RequestContext& ctx, const rules::Ruleset* ruleset,
                        const std::string& organisation_kind) {
  PageData kinds{PageData::type::list};
  const auto add = [&](const std::string& key, const std::string& name) {
    PageData item;
    item.set("key", key);
    item.set("name", name);
    kinds.push_back(item);
  };
  if (const auto* type = ruleset ? ruleset->application.applicant_type(organisation_kind) : nullptr)
    for (const rules::DocumentRequirement& document : type->documents)
      add(document.key,
          ctx.data_text(document.name.zh, document.name.en) + " (" + document.clause + ")");
  // §5.1.1, §5.6.1: what the secretariat asks for before it confirms a project's agreement.
  for (const char* key :
       {"site_photo", "site_map", "habitat_map", "partner_confirmation", "quotation",
        "management_agreement", "bank_statement", "owners_agreement", "other"})
    add(key, ctx.text(std::string("doc_kind_") + key));
  return kinds;
}

PageData project_types(RequestContext& ctx, const rules::Ruleset* ruleset) {
  PageData types{PageData::type::list};
  if (!ruleset) return types;
  for (const rules::ProjectType& type : ruleset->project_types) {
    PageData item;
    item.set("key", type.key);
    item.set("name", ctx.data_text(type.name.zh, type.name.en));
    types.push_back(item);
  }
  return types;
}

}  // namespace

Response portal_view(RequestContext& ctx, const std::vector<FieldError>& errors, int status) {
  PageData data;
  const rules::Ruleset* ruleset = ruleset_in_force_today(ctx).get();
  auto tx = ctx.web().store.begin();
  const auto member = portal_member(ctx, *tx);
  data.set("has_organisation", member.has_value());
  if (member) {
    const store::Organisation& organisation = member->organisation;
    data.set(
        "organisation_name",
        ctx.data_text(organisation.name_zh.empty() ? organisation.name_en : organisation.name_zh,
                      organisation.name_en.empty() ? organisation.name_zh : organisation.name_en));
    const auto* kind = ruleset ? ruleset->application.applicant_type(organisation.kind) : nullptr;
    data.set("organisation_kind",
             kind ? ctx.data_text(kind->name.zh, kind->name.en) : organisation.kind);
    data.set("members", member_rows(*tx, organisation.id));
    data.set("documents", document_rows(ctx, *tx, organisation.id));
    data.set("applications", application_rows(ctx, *tx, organisation.id, ruleset));
    data.set("notifications", notification_rows(ctx, *tx, ctx.user()->id));
    data.set("document_kinds", document_kinds(ctx, ruleset, organisation.kind));
    data.set("project_types", project_types(ctx, ruleset));
    data.set("is_person_in_charge", member->member.is_person_in_charge);
  }
  tx.reset();
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("upload_action", ctx.link("/portal/documents"));
  data.set("new_action", ctx.link("/portal/applications"));
  data.set("import_action", ctx.link("/portal/applications/import"));
  data.set("member_action", ctx.link("/portal/members"));
  if (const std::string done = ctx.query().get("done"); done == "uploaded" || done == "member")
    data.set("done_message", ctx.text("portal_done_" + done));
  add_errors(data, errors);
  return render_page(ctx, "portal", "portal_title", std::move(data), status);
}

namespace {

// The new draft starts with what the portal already knows: the type, the language of the page
// it was started from, and the organisation's record.
std::string first_document(RequestContext& ctx, const std::string& type,
                           const store::Organisation& organisation) {
  ccfs::Application application;
  application.project_type = type;
  application.language = ctx.lang() == Lang::en ? "en" : "zh-Hant";
  application.applicant.name_zh = organisation.name_zh;
  application.applicant.name_en = organisation.name_en;
  application.applicant.kind = organisation.kind;
  application.applicant.registered_under_societies_ordinance =
      organisation.registered_under_societies_ordinance;
  return ccfs::to_json(application);
}

}  // namespace

Response portal_page(RequestContext& ctx) { return portal_view(ctx, {}, 200); }

Response portal_new_application(RequestContext& ctx) {
  const rules::Ruleset* ruleset = ruleset_in_force_today(ctx).get();
  const std::string type = ctx.form().get("project_type");
  if (!ruleset || !ruleset->project_type(type))
    return portal_view(ctx, {{"project_type", ctx.text("portal_error_type")}}, 422);
  std::int64_t id = 0;
  {
    auto tx = ctx.web().store.begin();
    const auto member = portal_member(ctx, *tx);
    if (!member)
      return portal_view(ctx, {{"project_type", ctx.text("portal_no_organisation")}}, 403);
    id = store::create_application(
        *tx, {member->organisation.id, type, "", first_document(ctx, type, member->organisation)},
        ctx.user()->id);
    tx->commit();
  }
  return redirect_see_other(ctx.link("/portal/applications/" + std::to_string(id)));
}

Response portal_add_member(RequestContext& ctx) {
  const std::string username = ctx.form().get("member_username");
  const std::string post = ctx.form().get("member_post");
  auto tx = ctx.web().store.begin();
  const auto member = portal_member(ctx, *tx);
  if (!member || !member->member.is_person_in_charge) {
    tx.reset();
    return portal_view(ctx, {{"member_username", ctx.text("portal_error_not_pic")}}, 403);
  }
  const auto user = store::find_user_by_username(*tx, username);
  const bool applicant =
      user && std::ranges::find(user->roles, Role::applicant) != user->roles.end();
  if (!applicant || store::organisation_of_user(*tx, user->id) || post.empty()) {
    tx.reset();
    return portal_view(ctx, {{"member_username", ctx.text("portal_error_member")}}, 422);
  }
  store::add_member(*tx, member->organisation.id, user->id, post, ctx.user()->username);
  tx->commit();
  return redirect_see_other(ctx.link("/portal") + "?done=member");
}

}  // namespace bsap::web
