// GET /LANG/observations: citizen science (issue 11; 000 優先行動 2.2 item 1): the observations
// verifiers have published, the reader's own in every state, and, for verifiers, those awaiting
// review. GET /LANG/observations/{id}: one observation, its identifications, and the forms to
// identify it (contributors, verifiers) and review it (verifiers). What a reader sees of an
// unreviewed observation or a sensitive place: observation_view.h.
#include "hub/observation_grade.h"
#include "media/photo_licence.h"
#include "store/observation_repo.h"
#include "store/photo_repo.h"
#include "web/error_pages.h"
#include "web/observation_view.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/photo_response.h"
#include "web/portal_access.h"

namespace bsap::web {
namespace {

std::vector<store::StoredObservation> published(store::Transaction& tx) {
  auto verified = store::observations_in_state(tx, hub::ReviewState::verified);
  auto needs_id = store::observations_in_state(tx, hub::ReviewState::needs_id);
  verified.insert(verified.end(), needs_id.begin(), needs_id.end());
  return verified;
}

PageData identification_rows(RequestContext& ctx,
                             const std::vector<store::StoredIdentification>& identifications) {
  PageData rows{PageData::type::list};
  for (const auto& identification : identifications) {
    PageData row;
    row.set("who", identification.user_name);
    row.set("species", identification.taxon ? taxon_label(ctx, *identification.taxon)
                                            : ctx.text("observation_species_unknown"));
    if (identification.taxon) row.set("scientific_name", identification.taxon->scientific_name);
    set_if_text(row, "comment", identification.comment);
    row.set("added_at", identification.added_at.substr(0, 10));
    rows.push_back(row);
  }
  return rows;
}

// The community's taxon (hub/observation_grade.h), named, for the verifier to start from.
void set_community_taxon(RequestContext& ctx, PageData& data,
                         const std::vector<store::StoredIdentification>& identifications) {
  std::vector<std::optional<std::int64_t>> identified;
  for (const auto& each : identifications)
    identified.push_back(each.taxon ? std::optional(each.taxon->id) : std::nullopt);
  auto taxon = hub::community_taxon(identified);
  if (!taxon) return;
  for (const auto& each : identifications)
    if (each.taxon && each.taxon->id == *taxon) {
      data.set("community_taxon", taxon_label(ctx, *each.taxon));
      data.set("community_taxon_id", std::to_string(*taxon));
      return;
    }
}

// The taxa the observation and its identifications name: the verifier's likely choices.
std::vector<store::ObservationTaxon> named_taxa(
    const store::StoredObservation& observation,
    const std::vector<store::StoredIdentification>& identifications) {
  std::vector<store::ObservationTaxon> taxa;
  if (observation.taxon) taxa.push_back(*observation.taxon);
  for (const auto& identification : identifications)
    if (identification.taxon) taxa.push_back(*identification.taxon);
  return taxa;
}

// Each photograph: its thumbnail linking to the full picture, its credit and licence.
PageData photo_rows(RequestContext& ctx, store::Transaction& tx, std::int64_t observation_id) {
  PageData rows{PageData::type::list};
  int n = 0;
  for (std::int64_t photo_id : store::observation_photo_ids(tx, observation_id)) {
    auto info = store::find_photo(tx, photo_id);
    if (!info) continue;
    const std::string href =
        observation_href(ctx, observation_id) + "/photos/" + std::to_string(photo_id);
    PageData row;
    row.set("href", href);
    row.set("thumbnail_href", href + "?size=thumbnail");
    row.set("alt", fill(ctx.text("observation_photo_alt"), "n", std::to_string(++n)));
    auto licence = media::parse_licence(info->licence);
    row.set("credit",
            fill(fill(ctx.text("observation_photo_credit"), "credit", info->credit), "licence",
                 licence ? ctx.text(media::licence_message_key(*licence)) : info->licence));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response observations_page(RequestContext& ctx) {
  PageData data;
  auto tx = begin_for_visitor(ctx);
  data.set("published", observation_rows(ctx, published(*tx)));
  if (ctx.user()) {
    auto own = store::observations_by(*tx, ctx.user()->id);
    data.set("has_own", !own.empty());
    data.set("own", observation_rows(ctx, own));
  } else {
    data.set("join_href", ctx.link("/observations/join"));
  }
  if (holds_role(ctx, Role::contributor)) data.set("new_href", ctx.link("/observations/new"));
  if (is_verifier(ctx)) {
    auto waiting = store::observations_in_state(*tx, hub::ReviewState::submitted);
    data.set("reviewer", true);
    data.set("has_waiting", !waiting.empty());
    data.set("waiting", observation_rows(ctx, waiting));
  }
  return render_page(ctx, "observations", "observations_title", std::move(data));
}

Response observation_page_with(RequestContext& ctx, const std::vector<FieldError>& errors,
                               const std::vector<store::TaxonHit>& choices, int status) {
  auto id = parse_positive_id(ctx.path_parameter("id"));
  if (!id) return error_page(ctx, ErrorPage::not_found);
  // The forms are for signed-in readers; asking a visitor's session for a token would write it.
  const std::string csrf_token = ctx.user() ? ctx.session().csrf_token() : std::string();
  auto tx = begin_for_visitor(ctx);
  auto observation = store::find_observation(*tx, *id);
  if (!observation || !may_see_observation(ctx, *observation))
    return error_page(ctx, ErrorPage::not_found);
  PageData data = observation_row(ctx, *observation);
  // Notes may say where, and a review note why: for those who see the precise place.
  if (sees_precise_observation(ctx, *observation)) {
    set_if_text(data, "notes", observation->notes);
    set_if_text(data, "review_note", observation->review_note);
  }
  const auto identifications = store::identifications_of(*tx, *id);
  data.set("photos", photo_rows(ctx, *tx, *id));
  data.set("identifications", identification_rows(ctx, identifications));
  data.set("has_identifications", !identifications.empty());
  set_community_taxon(ctx, data, identifications);
  data.set("species_names", species_names(ctx, named_taxa(*observation, identifications)));
  data.set("csrf_token", csrf_token);
  data.set("list_href", ctx.link("/observations"));
  const bool open_to_identify =
      hub::is_published(observation->state) || sees_precise_observation(ctx, *observation);
  if ((holds_role(ctx, Role::contributor) || is_verifier(ctx)) && open_to_identify)
    data.set("identify_action", observation_href(ctx, *id) + "/identifications");
  if (is_verifier(ctx)) data.set("review_action", observation_href(ctx, *id) + "/review");
  data.set("choices", species_choices(ctx, choices));
  data.set("has_choices", !choices.empty());
  add_errors(data, errors);
  return render_titled_page(ctx, "observation",
                            fill(ctx.text("observation_title"), "id", std::to_string(*id)),
                            std::move(data), status);
}

Response observation_page(RequestContext& ctx) { return observation_page_with(ctx, {}, {}, 200); }

}  // namespace bsap::web

namespace bsap::web {

// GET /LANG/observations/{id}/photos/{pid}[?size=thumbnail]: one of the observation's
// photographs, to whoever may see the observation (404 otherwise, as for the page); kept by
// shared caches only once the observation is published.
Response observation_photo(RequestContext& ctx) {
  auto id = parse_positive_id(ctx.path_parameter("id"));
  auto photo_id = parse_positive_id(ctx.path_parameter("pid"));
  if (!id || !photo_id) return error_page(ctx, ErrorPage::not_found);
  auto tx = begin_for_visitor(ctx);
  auto observation = store::find_observation(*tx, *id);
  if (!observation || !may_see_observation(ctx, *observation))
    return error_page(ctx, ErrorPage::not_found);
  auto photos = store::observation_photo_ids(*tx, *id);
  if (std::ranges::find(photos, *photo_id) == photos.end())
    return error_page(ctx, ErrorPage::not_found);
  auto jpeg = store::photo_jpeg(*tx, *photo_id,
                                ctx.query().get("size") == "thumbnail" ? store::PhotoSize::thumbnail
                                                                       : store::PhotoSize::full);
  if (!jpeg) return error_page(ctx, ErrorPage::not_found);
  return photo_response(std::move(*jpeg), hub::is_published(observation->state));
}

}  // namespace bsap::web
