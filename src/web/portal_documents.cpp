// POST /LANG/portal/documents: a member uploads a document (multipart/form-data): at most 10 MiB
//      and a PDF, PNG or JPEG by its content (core/upload_check.h); anything else is refused
//      with what to fix, before anything is stored.
// GET  /LANG/portal/documents/{id}: the document, to its organisation's members and the
//      secretariat only (403 for anyone else), as an attachment that browsers will not sniff.
#include <algorithm>

#include "core/upload_check.h"
#include "store/document_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/portal_access.h"
#include "web/portal_view.h"

namespace bsap::web {
namespace {

bool is_document_kind(std::string_view kind) {
  return !kind.empty() && kind.size() <= 64 && std::ranges::all_of(kind, [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string extension_of(std::string_view media_type) {
  const auto type = parse_media_type_name(media_type);
  if (type == UploadMediaType::pdf) return ".pdf";
  return type == UploadMediaType::png ? ".png" : ".jpg";
}

Response portal_error(RequestContext& ctx, FieldError error) {
  return portal_view(ctx, {std::move(error)}, 422);
}

}  // namespace

std::string upload_fault_key(UploadFault fault) {
  switch (fault) {
    case UploadFault::empty:
      return "upload_error_empty";
    case UploadFault::too_large:
      return "upload_error_too_large";
    case UploadFault::unsupported_type:
      return "upload_error_type";
  }
  return "upload_error_type";
}

Response portal_upload_document(RequestContext& ctx) {
  const std::string kind = ctx.form().get("document_kind");
  const UploadedFile* file = ctx.upload("document_file");
  if (!is_document_kind(kind))
    return portal_error(ctx, {"document_kind", ctx.text("upload_error_kind")});
  if (!file) return portal_error(ctx, {"document_file", ctx.text("upload_error_empty")});
  const UploadVerdict verdict = check_upload(file->filename, file->bytes);
  if (!verdict.ok())
    return portal_error(ctx, {"document_file", ctx.text(upload_fault_key(verdict.fault))});
  {
    auto tx = ctx.web().store.begin();
    const auto member = portal_member(ctx, *tx);
    if (!member) return error_page(ctx, ErrorPage::forbidden);
    store::store_document(*tx, member->organisation.id, kind, file->filename, file->bytes,
                          ctx.user()->id);
    tx->commit();
  }
  return redirect_see_other(ctx.link("/portal") + "?done=uploaded");
}

Response portal_document_download(RequestContext& ctx) {
  const auto id = parse_positive_id(ctx.path_parameter("id"));
  auto tx = ctx.web().store.begin();
  auto document = id ? store::load_document(*tx, *id) : std::nullopt;
  if (!document) return error_page(ctx, ErrorPage::not_found);
  if (!may_see_organisation(ctx, *tx, document->info.organisation_id))
    return error_page(ctx, ErrorPage::forbidden);
  Response response;
  response.content_type = document->info.media_type;
  // An ASCII name for old browsers and the kept name, percent-encoded, for the rest (RFC 6266).
  response.add_header("Content-Disposition",
                      "attachment; filename=\"document-" + std::to_string(document->info.id) +
                          extension_of(document->info.media_type) + "\"; filename*=UTF-8''" +
                          percent_encode(document->info.filename));
  response.add_header("X-Content-Type-Options", "nosniff");
  response.add_header("Cache-Control", "private, no-store");
  response.body = std::move(document->bytes);
  return response;
}

}  // namespace bsap::web
