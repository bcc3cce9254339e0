// A good-practice case's photographs (000_e0ccae9882b7fb64.txt 2.7.1; issue 11: photographs with
// credits and licences, checked, resized and stripped of their metadata before they are shown):
// POST /LANG/cases/{id}/photos: the owner adds a photograph (multipart/form-data) with its credit
//      and licence while the case is a draft or returned. media/photo.h checks it by its content
//      and writes it out again as a JPEG without any metadata, so no EXIF GPS position survives;
//      only that JPEG and its thumbnail are stored. A refusal shows the case page (422) with the
//      fault and how to put it right.
// GET  /LANG/cases/{id}/photos/{pid}[?size=thumbnail]: the photograph, to whoever may see the
//      case (case_view.h): the public only once the case is published; to anyone else 404.
#include <algorithm>

#include "media/photo.h"
#include "media/photo_licence.h"
#include "store/case_repo.h"
#include "store/photo_repo.h"
#include "web/case_view.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/photo_response.h"
#include "web/tracker_view.h"

namespace bsap::web {

Response case_photo_add(RequestContext& ctx) {
  const CaseVisitor visitor = case_visitor(ctx);
  const auto c = visible_case(ctx, visitor);
  if (!c || !owns_case(visitor, *c) || !plan::case_editable(c->state))
    return error_page(ctx, ErrorPage::not_found);
  const std::string credit = trim_text(ctx.form().get("photo_credit"));
  const auto licence = media::parse_licence(ctx.form().get("photo_licence"));
  const UploadedFile* file = ctx.upload("photo");
  std::vector<FieldError> errors;
  const media::PhotoResult prepared =
      media::prepare_photo(file ? std::string_view(file->bytes) : std::string_view());
  if (!prepared.ok()) errors.push_back({"photo", ctx.text(media::photo_fault_key(prepared.fault))});
  if (credit.empty() || credit.size() > plan::kMaxTitleBytes)
    errors.push_back({"photo_credit", ctx.text("case_error_photo_credit")});
  if (!licence) errors.push_back({"photo_licence", ctx.text("case_error_photo_licence")});
  if (c->photo_ids.size() >= plan::kMaxPhotos)
    errors.push_back({"photo", ctx.text("case_error_photo_count")});
  if (errors.empty())
    if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
          const std::int64_t photo = store::add_photo(
              tx, *prepared.photo, credit, media::licence_code(*licence), visitor.user_id);
          store::add_case_photo(tx, c->id, photo, visitor.user_id);
        }))
      errors.push_back({"photo", *refusal});
  if (!errors.empty()) return case_page_view(ctx, *c, visitor, errors, 422);
  return redirect_see_other(case_link(ctx, c->id, "?done=photo_added"));
}

Response case_photo(RequestContext& ctx) {
  const CaseVisitor visitor = case_visitor(ctx);
  const auto c = visible_case(ctx, visitor);
  const auto photo_id = parse_case_id(ctx.path_parameter("pid"));
  if (!c || !photo_id || std::ranges::find(c->photo_ids, *photo_id) == c->photo_ids.end())
    return error_page(ctx, ErrorPage::not_found);
  const auto size =
      ctx.query().get("size") == "thumbnail" ? store::PhotoSize::thumbnail : store::PhotoSize::full;
  std::optional<std::string> jpeg;
  {
    auto tx = ctx.web().store.begin();
    jpeg = store::photo_jpeg(*tx, *photo_id, size);
  }
  if (!jpeg) return error_page(ctx, ErrorPage::not_found);
  return photo_response(std::move(*jpeg), c->state == plan::CaseState::published);
}

}  // namespace bsap::web
