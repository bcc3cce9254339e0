// GET /LANG/observations/new and POST /LANG/observations: a contributor submits an observation
// (000 優先行動 2.2 item 1): species (a name, one of the names it matched, or "I do not know"),
// place, day, count, notes, checked by hub/observation_check.h; it waits for a verifier.
// POST /LANG/observations/{id}/identifications: a contributor or verifier names its species.
// POST /LANG/observations/{id}/review: a verifier verifies it as a species, publishes it as
// needing an identification, or rejects it; the hub's citizen-science dataset follows in the
// same transaction (hub/citizen_science.h).
#include <fmt/format.h>

#include <chrono>

#include "hub/citizen_science.h"
#include "hub/observation_check.h"
#include "media/photo.h"
#include "media/photo_licence.h"
#include "store/observation_repo.h"
#include "store/photo_repo.h"
#include "web/error_pages.h"
#include "web/observation_view.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/portal_access.h"

namespace bsap::web {
namespace {

constexpr std::size_t kMostCommentBytes = 1000;

hub::ObservationEntry read_entry(RequestContext& ctx) {
  const FormData& form = ctx.form();
  return {form.get("latitude"), form.get("longitude"), form.get("observed_on"),
          form.get("individual_count"), form.get("notes")};
}

// The photograph the form sent, prepared (media/photo.h: upright, scaled, no metadata), with its
// credit and licence; none when no file was chosen. error_key says what to fix.
struct PhotoAnswer {
  std::optional<media::PreparedPhoto> photo;
  std::string credit;
  std::string licence;
  std::string error_key;  // "" when usable
};

PhotoAnswer read_photo(RequestContext& ctx) {
  PhotoAnswer answer;
  const UploadedFile* file = ctx.upload("photo");
  if (!file || (file->filename.empty() && file->bytes.empty())) return answer;
  media::PhotoResult prepared = media::prepare_photo(file->bytes);
  if (!prepared.ok()) {
    answer.error_key = media::photo_fault_key(prepared.fault);
    return answer;
  }
  auto licence = media::parse_licence(ctx.form().get("photo_licence"));
  if (!licence) {
    answer.error_key = "observation_error_photo_licence";
    return answer;
  }
  answer.photo = std::move(prepared.photo);
  answer.licence = std::string(media::licence_code(*licence));
  const std::string credit = ctx.form().get("photo_credit");
  answer.credit = credit.empty() ? ctx.user()->display_name : credit;
  return answer;
}

PageData licence_choices(const RequestContext& ctx, const std::string& chosen) {
  PageData list{PageData::type::list};
  for (media::PhotoLicence licence : media::all_licences()) {
    PageData item;
    const std::string code(media::licence_code(licence));
    item.set("code", code);
    item.set("name", ctx.text(media::licence_message_key(licence)));
    item.set("checked", code == chosen);
    list.push_back(item);
  }
  return list;
}

Response new_form(RequestContext& ctx, const hub::ObservationEntry& entry,
                  const std::vector<FieldError>& errors,
                  const std::vector<store::TaxonHit>& choices) {
  PageData data;
  data.set("csrf_token", ctx.session().csrf_token());
  data.set("action", ctx.link("/observations"));
  data.set("species", ctx.form().get("species"));
  data.set("unknown", ctx.form().get("unknown") == "yes");
  data.set("latitude", entry.latitude);
  data.set("longitude", entry.longitude);
  data.set("observed_on", entry.observed_on.empty()
                              ? format_iso(today_in_hong_kong(std::chrono::system_clock::now()))
                              : entry.observed_on);
  data.set("individual_count", entry.individual_count.empty() ? "1" : entry.individual_count);
  data.set("notes", entry.notes);
  const std::string licence = ctx.form().get("photo_licence");
  data.set("licences", licence_choices(ctx, licence.empty() ? "CC-BY-4.0" : licence));
  data.set("photo_credit", ctx.form().get("photo_credit"));
  data.set("choices", species_choices(ctx, choices));
  data.set("has_choices", !choices.empty());
  const hub::HomeRegion& region = ctx.web().domain.home_region;
  data.set("region_bounds", fmt::format("{},{},{},{}", region.min_lat, region.min_lon,
                                        region.max_lat, region.max_lon));
  add_errors(data, errors);
  return render_page(ctx, "observation_new", "observation_new_title", std::move(data),
                     errors.empty() ? 200 : 422);
}

std::optional<store::StoredObservation> routed_observation(RequestContext& ctx,
                                                           store::Transaction& tx) {
  auto id = parse_positive_id(ctx.path_parameter("id"));
  if (!id) return std::nullopt;
  auto observation = store::find_observation(tx, *id);
  if (!observation || !may_see_observation(ctx, *observation)) return std::nullopt;
  return observation;
}

}  // namespace

Response observation_new_page(RequestContext& ctx) { return new_form(ctx, {}, {}, {}); }

Response observation_submit(RequestContext& ctx) {
  const hub::ObservationEntry entry = read_entry(ctx);
  PhotoAnswer photo = read_photo(ctx);  // before the transaction: decoding takes a while
  auto tx = begin_for_visitor(ctx);
  SpeciesAnswer species = read_species(ctx, *tx, true);
  hub::CheckedObservation checked = hub::check_observation(
      entry, ctx.web().domain.home_region, today_in_hong_kong(std::chrono::system_clock::now()));
  std::vector<FieldError> errors;
  if (!species.error_key.empty()) errors.push_back({"species", ctx.text(species.error_key)});
  for (const auto& fault : checked.faults)
    errors.push_back({fault.field, ctx.text(hub::observation_fault_key(fault.fault))});
  if (!photo.error_key.empty()) errors.push_back({"photo", ctx.text(photo.error_key)});
  if (!errors.empty()) return new_form(ctx, entry, errors, species.choices);
  std::int64_t id = store::add_observation(*tx, ctx.user()->id, *checked.details, species.taxon_id);
  if (photo.photo)
    store::add_observation_photo(
        *tx, id, store::add_photo(*tx, *photo.photo, photo.credit, photo.licence, ctx.user()->id),
        ctx.user()->id);
  tx->commit();
  return redirect_see_other(ctx.link("/observations/" + std::to_string(id)));
}

Response observation_identify(RequestContext& ctx) {
  auto tx = begin_for_visitor(ctx);
  auto observation = routed_observation(ctx, *tx);
  if (!observation) return error_page(ctx, ErrorPage::not_found);
  SpeciesAnswer species = read_species(ctx, *tx, true);
  const std::string comment = ctx.form().get("comment");
  std::vector<FieldError> errors;
  if (!species.error_key.empty()) errors.push_back({"species", ctx.text(species.error_key)});
  if (comment.size() > kMostCommentBytes)
    errors.push_back({"comment", ctx.text("observation_error_comment")});
  if (!errors.empty()) {
    tx.reset();
    return observation_page_with(ctx, errors, species.choices, 422);
  }
  store::add_identification(*tx, observation->id, ctx.user()->id, species.taxon_id, comment);
  tx->commit();
  return redirect_see_other(observation_href(ctx, observation->id));
}

Response observation_review(RequestContext& ctx) {
  auto tx = begin_for_visitor(ctx);
  auto observation = routed_observation(ctx, *tx);
  if (!observation) return error_page(ctx, ErrorPage::not_found);
  auto decision = hub::parse_review_state(ctx.form().get("decision"));
  const std::string note = ctx.form().get("review_note");
  if (!decision || *decision == hub::ReviewState::submitted) {
    tx.reset();
    return observation_page_with(ctx, {{"decision", ctx.text("observation_error_decision")}}, {},
                                 422);
  }
  std::vector<FieldError> errors;
  SpeciesAnswer species;
  if (*decision == hub::ReviewState::verified) species = read_species(ctx, *tx, false);
  if (!species.error_key.empty()) errors.push_back({"review_species", ctx.text(species.error_key)});
  if (*decision == hub::ReviewState::rejected && note.empty())
    errors.push_back({"review_note", ctx.text("observation_error_reject_note")});
  if (note.size() > kMostCommentBytes)
    errors.push_back({"review_note", ctx.text("observation_error_comment")});
  if (!errors.empty()) {
    tx.reset();
    // A name several species match is typed in full here: the choices belong to the
    // identification form.
    return observation_page_with(ctx, errors, {}, 422);
  }
  const bool hub_changes =
      *decision == hub::ReviewState::verified || observation->state == hub::ReviewState::verified;
  store::review_observation(*tx, observation->id, *decision, species.taxon_id, note,
                            ctx.user()->id);
  if (hub_changes) hub::rebuild_citizen_science_dataset(*tx, ctx.user()->username);
  tx->commit();
  return redirect_see_other(observation_href(ctx, observation->id));
}

}  // namespace bsap::web
