#include "web/application_checking.h"

#include <algorithm>
#include <chrono>

#include "store/assessment_repo.h"
#include "store/document_repo.h"
#include "store/organisation_repo.h"
#include "web/rules_view.h"

namespace bsap::web {

namespace {

bool has_attachment(const std::vector<store::DocumentInfo>& attachments, std::string_view kind) {
  return std::ranges::any_of(
      attachments, [&](const store::DocumentInfo& document) { return document.kind == kind; });
}

// §2.7.6: the site's map, photos and habitat map are files attached to this application.
void take_attachments(RequestContext& ctx, std::int64_t application_id,
                      ccfs::Application& application) {
  auto tx = ctx.web().store.begin();
  const auto attachments = store::list_attachments(*tx, application_id);
  application.site_map = has_attachment(attachments, "site_map");
  application.site_photos = has_attachment(attachments, "site_photo");
  application.habitat_map = has_attachment(attachments, "habitat_map");
}

void take_organisation_record(RequestContext& ctx, std::int64_t organisation_id,
                              ccfs::Applicant& applicant) {
  auto tx = ctx.web().store.begin();
  if (const auto organisation = store::find_organisation(*tx, organisation_id)) {
    applicant.name_zh = organisation->name_zh;
    applicant.name_en = organisation->name_en;
    applicant.kind = organisation->kind;
    applicant.registered_under_societies_ordinance =
        organisation->registered_under_societies_ordinance;
  }
  applicant.documents.clear();
  for (const store::DocumentInfo& document : store::list_documents(*tx, organisation_id))
    if (std::ranges::find(applicant.documents, document.kind) == applicant.documents.end())
      applicant.documents.push_back(document.kind);
}

// §2.5.2 counts the organisation's grants approved before (the committee's decisions), not
// this application's own.
std::vector<ccfs::PriorGrant> prior_grants(RequestContext& ctx,
                                           const store::StoredApplication& application) {
  auto tx = ctx.web().store.begin();
  std::vector<ccfs::PriorGrant> grants;
  for (const store::ApprovedGrantRow& row : store::list_approved_grants(*tx))
    if (row.organisation_id == application.organisation_id &&
        row.application_id != application.id && row.decision.approved_amount)
      grants.push_back({row.reference, row.project_type, row.decision.decided_on,
                        *row.decision.approved_amount});
  return grants;
}

}  // namespace

CheckedDraft check_draft(RequestContext& ctx, const store::StoredApplication& application) {
  const std::string_view document_json = application.document_json;
  CheckedDraft checked;
  checked.checked_on = today_in_hong_kong(std::chrono::system_clock::now());
  if (application.submitted_on)
    checked.checked_on = parse_iso_date(*application.submitted_on).value_or(checked.checked_on);
  // A submitted application stays judged by the version it was submitted under (§2.7.5).
  checked.ruleset = application.ruleset_version
                        ? ctx.web().domain.rulesets.find(*application.ruleset_version)
                        : ruleset_in_force(ctx, checked.checked_on);
  auto parsed = ccfs::parse_application_json(document_json);
  if (auto* error = std::get_if<ccfs::ParseError>(&parsed)) {
    checked.parse_error = std::move(*error);
    return checked;
  }
  checked.document = std::get<ccfs::ApplicationDocument>(std::move(parsed));
  // A submitted application was frozen with its organisation's record as it then stood.
  if (application.state == store::ApplicationState::draft) {
    take_organisation_record(ctx, application.organisation_id,
                             checked.document->application.applicant);
    take_attachments(ctx, application.id, checked.document->application);
  }
  if (checked.ruleset) {
    ccfs::CheckContext context{checked.checked_on, prior_grants(ctx, application)};
    context.resubmission = application.resubmission_of.has_value();  // §4.5.1
    checked.result =
        ccfs::check_application(checked.document->application, *checked.ruleset, context);
  }
  return checked;
}

std::vector<PartSpec> parts_for(RequestContext& ctx, const rules::Ruleset& ruleset,
                                std::string_view project_type) {
  const PartTexts texts{
      [&](std::string_view key) { return ctx.text(key); },
      [&](std::string_view zh, std::string_view en) { return ctx.data_text(zh, en); }};
  return application_parts(ruleset, ruleset.project_type(project_type), texts);
}

std::string finding_message(RequestContext& ctx, const ccfs::Finding& finding) {
  return ctx.data_text(finding.message_zh, finding.message_en);
}

}  // namespace bsap::web
