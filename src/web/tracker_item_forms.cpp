// The focal point's forms on an item's progress (000_e0ccae9882b7fb64.txt 5.1):
// POST /LANG/tracker/items/{item}/{year}: saves the draft: status, narrative zh and en, outputs,
//      milestones and evidence links (https only); the evidence files already kept stay.
// POST /LANG/tracker/items/{item}/{year}/evidence: an evidence file (multipart/form-data), at most
//      10 MiB and a PDF, PNG or JPEG by its content (core/upload_check.h), kept with
//      store_progress_file and cited in the draft's evidence.
// POST /LANG/tracker/items/{item}/{year}/submit: the saved draft goes to the secretariat.
// track/progress_service.h decides whether the visitor may report the item; a refused step shows
// the item page again (422) with the clause, what to do, and the values as typed.
#include <algorithm>
#include <cctype>

#include "core/civil_date.h"
#include "core/crypto.h"
#include "core/upload_check.h"
#include "web/error_pages.h"
#include "web/form_rows.h"
#include "web/pages.h"
#include "web/portal_view.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

ItemFormValues posted_values(RequestContext& ctx) {
  ItemFormValues values;
  values.status = ctx.form().get("status");
  values.narrative_zh = trim_text(ctx.form().get("narrative_zh"));
  values.narrative_en = trim_text(ctx.form().get("narrative_en"));
  values.outputs = posted_rows<4>(ctx.form(), "output", {"label_zh", "label_en", "value", "unit"},
                                  "output_count");
  values.milestones = posted_rows<4>(
      ctx.form(), "milestone", {"title_zh", "title_en", "due_on", "done_on"}, "milestone_count");
  values.links = posted_rows<2>(ctx.form(), "link", {"label", "url"}, "link_count");
  return values;
}

// An https URL with a host and nothing a browser would read as markup or a second address.
bool is_https_url(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (url.size() <= kScheme.size() || url.size() > 2000) return false;
  std::string scheme(url.substr(0, kScheme.size()));
  std::ranges::transform(scheme, scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  if (scheme != kScheme) return false;
  const std::string_view rest = url.substr(kScheme.size());
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.empty() || host.find('@') != std::string_view::npos) return false;
  if (!std::ranges::all_of(host, [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '.' || c == ':';
      }))
    return false;
  return std::ranges::none_of(url, [](unsigned char c) {
    return c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\';
  });
}

// The report the form describes, or the errors naming each field at fault.
store::ProgressReport checked_report(RequestContext& ctx, const ItemFormValues& values,
                                     std::vector<FieldError>& errors) {
  store::ProgressReport report;
  if (auto status = plan::parse_status(values.status))
    report.status = *status;
  else
    errors.push_back({"status", ctx.text("tracker_error_status")});
  report.narrative_zh = values.narrative_zh;
  report.narrative_en = values.narrative_en;
  for (std::size_t i = 0; i < values.outputs.size(); ++i) {
    const auto& [label_zh, label_en, value, unit] = values.outputs[i];
    const std::string id = "output_" + std::to_string(i) + "_";
    if (label_zh.empty() && label_en.empty())
      errors.push_back({id + "label_zh", ctx.text("tracker_error_output_label")});
    const auto number = parse_number(value);
    if (!number) errors.push_back({id + "value", ctx.text("tracker_error_output_value")});
    report.outputs.push_back({label_zh, label_en, number.value_or(0), unit});
  }
  for (std::size_t i = 0; i < values.milestones.size(); ++i) {
    const auto& [title_zh, title_en, due_on, done_on] = values.milestones[i];
    const std::string id = "milestone_" + std::to_string(i) + "_";
    if (title_zh.empty() && title_en.empty())
      errors.push_back({id + "title_zh", ctx.text("tracker_error_milestone_title")});
    if (!parse_iso_date(due_on))
      errors.push_back({id + "due_on", ctx.text("tracker_error_milestone_due")});
    if (!done_on.empty() && !parse_iso_date(done_on))
      errors.push_back({id + "done_on", ctx.text("tracker_error_milestone_done")});
    report.milestones.push_back({title_zh, title_en, due_on, done_on});
  }
  for (std::size_t i = 0; i < values.links.size(); ++i) {
    const auto& [label, url] = values.links[i];
    const std::string id = "link_" + std::to_string(i) + "_";
    if (label.empty()) errors.push_back({id + "label", ctx.text("tracker_error_link_label")});
    if (!is_https_url(url)) errors.push_back({id + "url", ctx.text("tracker_error_link_url")});
    report.evidence.push_back({label, url, std::nullopt});
  }
  return report;
}

struct ItemRoute {
  std::string item_id;
  int year = 0;
};

std::optional<ItemRoute> item_route(RequestContext& ctx) {
  const auto year = tracker_plan_year(ctx.path_parameter("year"));
  std::string item_id = ctx.path_parameter("item");
  if (!year || !plan::find_item(ctx.web().domain.plan.plan, item_id)) return std::nullopt;
  return ItemRoute{std::move(item_id), *year};
}

Response refused(RequestContext& ctx, const ItemRoute& route, std::vector<FieldError> errors,
                 std::optional<ItemFormValues> posted = std::nullopt) {
  ItemPageState state;
  state.errors = std::move(errors);
  state.posted = std::move(posted);
  return tracker_item_view(ctx, route.item_id, route.year, state, 422);
}

// Another department's item is not the focal point's to change (000 5.1): 403 with the item's
// page, which says who leads it and so who reports it; nothing is written.
std::optional<Response> refused_unless_reporter(RequestContext& ctx, const ItemRoute& route) {
  const bool may_report = [&] {
    auto tx = ctx.web().store.begin();
    return track::may_report_item(*tx, tracker_actor(ctx), route.item_id);
  }();
  if (may_report) return std::nullopt;
  return tracker_item_view(ctx, route.item_id, route.year, ItemPageState{}, 403);
}

Response done(RequestContext& ctx, const ItemRoute& route, std::string_view what) {
  return redirect_see_other(tracker_item_link(ctx, route.item_id, route.year) +
                            "?done=" + std::string(what));
}

// The draft's evidence files, which the form does not carry: they stay as they were kept.
void keep_files(store::Transaction& tx, const ItemRoute& route, store::ProgressReport& report) {
  const auto existing = store::find_progress_of(tx, route.item_id, route.year);
  if (!existing) return;
  for (const store::Evidence& evidence : existing->evidence)
    if (evidence.file_id) report.evidence.push_back(evidence);
}

}  // namespace

Response tracker_item_save(RequestContext& ctx) {
  const auto route = item_route(ctx);
  if (!route) return error_page(ctx, ErrorPage::not_found);
  if (auto forbidden = refused_unless_reporter(ctx, *route)) return std::move(*forbidden);
  ItemFormValues values = posted_values(ctx);
  std::vector<FieldError> errors;
  store::ProgressReport report = checked_report(ctx, values, errors);
  if (!errors.empty()) return refused(ctx, *route, std::move(errors), std::move(values));
  report.item_id = route->item_id;
  report.year = route->year;
  const track::TrackerActor actor = tracker_actor(ctx);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        keep_files(tx, *route, report);
        track::save_progress(tx, ctx.web().domain.plan.plan, report, actor);
      }))
    return refused(ctx, *route, {{"status", *refusal}}, std::move(values));
  return done(ctx, *route, "saved");
}

Response tracker_evidence_upload(RequestContext& ctx) {
  const auto route = item_route(ctx);
  if (!route) return error_page(ctx, ErrorPage::not_found);
  if (auto forbidden = refused_unless_reporter(ctx, *route)) return std::move(*forbidden);
  const std::string label = trim_text(ctx.form().get("evidence_label"));
  const UploadedFile* file = ctx.upload("evidence_file");
  std::vector<FieldError> errors;
  if (label.empty()) errors.push_back({"evidence_label", ctx.text("tracker_error_evidence_label")});
  std::optional<UploadVerdict> verdict;
  if (!file || file->bytes.empty()) {
    errors.push_back({"evidence_file", ctx.text("upload_error_empty")});
  } else {
    verdict = check_upload(file->filename, file->bytes);
    if (!verdict->ok())
      errors.push_back({"evidence_file", ctx.text(upload_fault_key(verdict->fault))});
  }
  if (!errors.empty()) return refused(ctx, *route, std::move(errors));
  const track::TrackerActor actor = tracker_actor(ctx);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        auto report = store::find_progress_of(tx, route->item_id, route->year)
                          .value_or(store::ProgressReport{});
        report.item_id = route->item_id;
        report.year = route->year;
        store::ProgressFile kept;
        kept.filename = verdict->filename;
        kept.media_type = std::string(media_type_name(*verdict->accepted));
        kept.sha256 = sha256_hex(file->bytes);
        kept.content = file->bytes;
        const std::int64_t file_id = store::store_progress_file(tx, kept, actor.user_id);
        report.evidence.push_back({label, "", file_id});
        track::save_progress(tx, ctx.web().domain.plan.plan, report, actor);
      }))
    return refused(ctx, *route, {{"evidence_file", *refusal}});
  return done(ctx, *route, "uploaded");
}

Response tracker_item_submit(RequestContext& ctx) {
  const auto route = item_route(ctx);
  if (!route) return error_page(ctx, ErrorPage::not_found);
  if (auto forbidden = refused_unless_reporter(ctx, *route)) return std::move(*forbidden);
  const track::TrackerActor actor = tracker_actor(ctx);
  bool saved = true;
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        const auto report = store::find_progress_of(tx, route->item_id, route->year);
        if (!report) {
          saved = false;
          return;
        }
        track::submit_progress(tx, report->id, actor);
      }))
    return refused(ctx, *route, {{"submit", *refusal}});
  if (!saved) return refused(ctx, *route, {{"submit", ctx.text("tracker_error_submit_unsaved")}});
  return done(ctx, *route, "submitted");
}

}  // namespace bsap::web
