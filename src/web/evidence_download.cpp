// GET /LANG/plan/evidence/ID: a file a progress report cites as evidence (000 5.1). Anyone may
// fetch it once the report is published; before that only focal points and the plan
// secretariat, and to anyone else the file does not exist (404, so an unpublished report's
// evidence does not give itself away). Always an attachment of its stored media type, never
// sniffed (App adds X-Content-Type-Options: nosniff to every response), so an uploaded HTML or SVG
// file cannot run as a page of this site.
#include <algorithm>

#include "core/role.h"
#include "store/tracker_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/plan_view.h"

namespace bsap::web {
namespace {

bool reports_progress(RequestContext& ctx) {
  const auto& user = ctx.user();
  if (!user) return false;
  return std::ranges::any_of(user->roles, [](Role role) {
    return role == Role::focal_point || role == Role::plan_secretariat;
  });
}

// A file name for the header: printable ASCII without quotes or backslashes (RFC 6266's
// quoted-string); the original name in UTF-8 goes in filename* (RFC 8187).
std::string ascii_filename(std::string_view name) {
  std::string safe;
  for (char c : name) safe += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? c : '_';
  return safe.empty() ? "evidence" : safe;
}

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  return encoded;
}

}  // namespace

Response evidence_download(RequestContext& ctx) {
  auto id = parse_page_number(ctx.path_parameter("id"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  std::optional<store::ProgressFile> file;
  bool published = false;
  {  // closed before any page is rendered: rendering may read the session in a transaction
    auto tx = ctx.web().store.begin();
    file = store::find_progress_file(*tx, *id);
    if (auto report_id = store::report_of_file(*tx, *id))
      if (auto report = store::find_progress(*tx, *report_id))
        published = report->state == plan::ReportState::published;
  }
  if (!file || (!published && !reports_progress(ctx))) return error_page(ctx, ErrorPage::not_found);
  Response response;
  response.content_type = file->media_type.empty() ? "application/octet-stream" : file->media_type;
  response.body = std::move(file->content);
  response.add_header("Content-Disposition",
                      "attachment; filename=\"" + ascii_filename(file->filename) +
                          "\"; filename*=UTF-8''" + percent_encoded(file->filename));
  // An unpublished report's file is for the signed-in reader only.
  response.add_header("Cache-Control", published ? "public, max-age=300" : "private, no-store");
  return response;
}

}  // namespace bsap::web
