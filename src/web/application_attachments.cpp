// POST /LANG/portal/applications/{id}/attachments: a member uploads a file for this draft
//      (§2.7.6 site photos, site map, habitat map; §2.7.9 partners' confirmations; §2.4.1
//      management agreements; quotations): checked like any upload (core/upload_check.h), kept
//      as an organisation document and attached to the application in one transaction.
#include <algorithm>

#include "core/upload_check.h"
#include "store/document_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/portal_view.h"

namespace bsap::web {

std::span<const std::string_view> attachment_kinds() {
  static constexpr std::string_view kKinds[] = {
      "site_photo",           "site_map",  "habitat_map", "partner_confirmation",
      "management_agreement", "quotation", "other"};
  return kKinds;
}

Response application_attach(RequestContext& ctx) {
  auto opened = [&] {
    auto tx = ctx.web().store.begin();
    return open_application(ctx, *tx);
  }();
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const OpenedApplication& application = std::get<OpenedApplication>(opened);
  if (!application.editable) return error_page(ctx, ErrorPage::forbidden);
  const std::string base =
      ctx.link("/portal/applications/" + std::to_string(application.application.id));
  const std::string kind = ctx.form().get("attachment_kind");
  const UploadedFile* file = ctx.upload("attachment_file");
  const bool known_kind = std::ranges::find(attachment_kinds(), kind) != attachment_kinds().end();
  if (!known_kind) return redirect_see_other(base + "?attach=upload_error_kind#attachments");
  if (!file) return redirect_see_other(base + "?attach=upload_error_empty#attachments");
  const UploadVerdict verdict = check_upload(file->filename, file->bytes);
  if (!verdict.ok())
    return redirect_see_other(base + "?attach=" + upload_fault_key(verdict.fault) + "#attachments");
  store::in_transaction(ctx.web().store, [&](store::Transaction& tx) {
    const std::int64_t document =
        store::store_document(tx, application.application.organisation_id, kind, file->filename,
                              file->bytes, ctx.user()->id);
    store::attach_document(tx, application.application.id, document, ctx.user()->id);
  });
  return redirect_see_other(base + "?attach=attached#attachments");
}

}  // namespace bsap::web
