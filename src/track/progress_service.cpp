// Plan progress through its roles (000_e0ccae9882b7fb64.txt 5.1): a focal point drafts and submits
// the items their department leads; the working group's secretariat reviews, returns with a note
// and publishes. Every refusal is checked before the store writes anything.
#include "track/progress_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/civil_date.h"
#include "plan/progress.h"

namespace bsap::track {
namespace {

constexpr const char* kClause = "000 5.1";

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

void require_plan_item(const plan::Plan& plan, const std::string& item_id) {
  if (!plan::find_item(plan, item_id))
    throw StepRefused(
        kClause,
        fmt::format("「{}」不是《計劃》的優先項目。請以行動及項目編號填寫，例如 1.5.2。", item_id),
        fmt::format("\"{}\" is not one of the plan's priority items. Write the action "
                    "and item number, such as 1.5.2.",
                    item_id));
}

void require_plan_year(int year) {
  if (year < kFirstPlanYear || year > kLastPlanYear)
    throw StepRefused(
        kClause,
        fmt::format("{} 年不在《計劃》的匯報年度內。請選擇 {} 至 {} 年。", year, kFirstPlanYear,
                    kLastPlanYear),
        fmt::format("{} is not a reporting year of the plan. Choose a year from {} to {}.", year,
                    kFirstPlanYear, kLastPlanYear));
}

void require_may_report(store::Transaction& tx, const TrackerActor& actor,
                        const std::string& item_id) {
  if (may_report_item(tx, actor, item_id)) return;
  throw StepRefused(
      kClause,
      fmt::format("只有項目 {} 的牽頭部門聯絡人或工作小組秘書處可匯報此項目的進度。如你的部門"
                  "應負責此項目，請聯絡管理員更改牽頭部門。",
                  item_id),
      fmt::format("Only a focal point of the department leading item {}, or the working group's "
                  "secretariat, may report its progress. If your department should lead it, ask "
                  "an administrator to assign it.",
                  item_id));
}

void require_secretariat(const TrackerActor& actor, std::string_view what_zh,
                         std::string_view what_en) {
  if (actor.plan_secretariat) return;
  throw StepRefused(kClause, fmt::format("只有跨部門工作小組秘書處可{}進度報告。", what_zh),
                    fmt::format("Only the inter-departmental working group's secretariat may {} "
                                "a progress report.",
                                what_en));
}

store::ProgressReport require_report(store::Transaction& tx, std::int64_t report_id) {
  auto report = store::find_progress(tx, report_id);
  if (!report)
    throw StepRefused(kClause, fmt::format("找不到進度報告 {}。", report_id),
                      fmt::format("There is no progress report {}.", report_id));
  return *report;
}

std::string_view state_zh(plan::ReportState state) {
  switch (state) {
    case plan::ReportState::draft:
      return "草稿";
    case plan::ReportState::submitted:
      return "已提交";
    case plan::ReportState::reviewed:
      return "已審閱";
    case plan::ReportState::published:
      return "已發布";
  }
  return "";
}

std::string_view event_zh(plan::ReportEvent event) {
  switch (event) {
    case plan::ReportEvent::submit:
      return "提交";
    case plan::ReportEvent::return_to_draft:
      return "退回";
    case plan::ReportEvent::review:
      return "審閱";
    case plan::ReportEvent::publish:
      return "發布";
  }
  return "";
}

// The state the event leads to, or a refusal naming the report's state and what it allows.
plan::ReportState require_next(const store::ProgressReport& report, plan::ReportEvent event) {
  if (auto next = plan::next_state(report.state, event)) return *next;
  const std::string state(plan::state_code(report.state));
  const std::string verb(plan::event_code(event));
  throw StepRefused(
      kClause,
      fmt::format("項目 {} 的 {} 年報告現為「{}」，不能{}。草稿須先提交，提交後須先審閱，"
                  "審閱後方可發布；已發布的報告不再更改。",
                  report.item_id, report.year, state_zh(report.state), event_zh(event)),
      fmt::format("The {} report of item {} is {}, so it cannot be given \"{}\". A draft is "
                  "submitted, then reviewed, then published; a published report is final.",
                  report.year, report.item_id, state, verb));
}

// What a draft may hold: outputs and milestones with a label, days as YYYY-MM-DD, evidence as an
// https link or a stored file.
void check_draft_contents(const store::ProgressReport& draft) {
  for (const auto& output : draft.outputs)
    if (blank(output.label_zh) && blank(output.label_en))
      throw StepRefused(kClause, "每項產出須有名稱（中文或英文）。",
                        "Every output needs a label, in Chinese or in English.");
  for (const auto& milestone : draft.milestones) {
    if (blank(milestone.title_zh) && blank(milestone.title_en))
      throw StepRefused(kClause, "每個里程碑須有名稱（中文或英文）。",
                        "Every milestone needs a title, in Chinese or in English.");
    std::vector<std::string> days{milestone.due_on};
    if (!milestone.done_on.empty()) days.push_back(milestone.done_on);
    for (const std::string& on : days)
      if (!parse_iso_date(on))
        throw StepRefused(
            kClause,
            fmt::format("里程碑「{}」的日期「{}」無效，請以 YYYY-MM-DD 填寫。", milestone.title_zh,
                        on),
            fmt::format("Milestone \"{}\" has the day \"{}\"; write it as YYYY-MM-DD.",
                        milestone.title_en.empty() ? milestone.title_zh : milestone.title_en, on));
  }
  for (const auto& evidence : draft.evidence) {
    if (blank(evidence.label))
      throw StepRefused(kClause, "每項佐證須有說明。", "Every piece of evidence needs a label.");
    const bool link = !evidence.url.empty();
    if (link == evidence.file_id.has_value())
      throw StepRefused(
          kClause,
          fmt::format("佐證「{}」須為一個連結或一個上載檔案（二擇其一）。", evidence.label),
          fmt::format("Evidence \"{}\" must be either a link or an uploaded file, not {}.",
                      evidence.label, link ? "both" : "neither"));
    if (link && evidence.url.rfind("https://", 0) != 0)
      throw StepRefused(
          kClause, fmt::format("佐證「{}」的連結須以 https:// 開首。", evidence.label),
          fmt::format("The link of evidence \"{}\" must start with https://.", evidence.label));
  }
}

}  // namespace

bool may_report_item(store::Transaction& tx, const TrackerActor& actor, std::string_view item_id) {
  if (actor.plan_secretariat) return true;
  const auto lead = store::lead_department(tx, item_id);
  if (!lead) return false;
  const auto mine = store::departments_of_user(tx, actor.user_id);
  return std::find(mine.begin(), mine.end(), *lead) != mine.end();
}

std::int64_t save_progress(store::Transaction& tx, const plan::Plan& plan,
                           const store::ProgressReport& draft, const TrackerActor& actor) {
  require_plan_item(plan, draft.item_id);
  require_plan_year(draft.year);
  const auto lead = store::lead_department(tx, draft.item_id);
  if (!lead)
    throw StepRefused(
        kClause,
        fmt::format("項目 {} 尚未指派牽頭部門。請管理員先指派牽頭部門，然後再匯報進度。",
                    draft.item_id),
        fmt::format("Item {} has no lead department yet. An administrator assigns one first; "
                    "then its progress can be reported.",
                    draft.item_id));
  require_may_report(tx, actor, draft.item_id);
  if (auto existing = store::find_progress_of(tx, draft.item_id, draft.year);
      existing && existing->state != plan::ReportState::draft)
    throw StepRefused(
        kClause,
        fmt::format("項目 {} 的 {} 年報告現為「{}」，不能再修改。如需修改，請工作小組秘書處先退回"
                    "草稿。",
                    draft.item_id, draft.year, state_zh(existing->state)),
        fmt::format("The {} report of item {} is {}, so it can no longer be edited. Ask the "
                    "working group's secretariat to return it to draft first.",
                    draft.year, draft.item_id, plan::state_code(existing->state)));
  check_draft_contents(draft);

  store::ProgressReport saved = draft;
  saved.department_id = *lead;
  saved.state = plan::ReportState::draft;
  return store::save_progress_draft(tx, saved, actor.user_id);
}

void submit_progress(store::Transaction& tx, std::int64_t report_id, const TrackerActor& actor) {
  const store::ProgressReport report = require_report(tx, report_id);
  require_may_report(tx, actor, report.item_id);
  const plan::ReportState next = require_next(report, plan::ReportEvent::submit);
  if (blank(report.narrative_zh) && blank(report.narrative_en))
    throw StepRefused(
        kClause,
        fmt::format("項目 {} 的 {} 年報告未有進度說明。請以中文或英文說明進度後再提交。",
                    report.item_id, report.year),
        fmt::format("The {} report of item {} has no narrative. Describe the progress in "
                    "Chinese or English, then submit it.",
                    report.year, report.item_id));
  store::set_progress_state(tx, report_id, report.state, next, "", actor.user_id);
}

void review_progress(store::Transaction& tx, std::int64_t report_id, const TrackerActor& actor) {
  require_secretariat(actor, "審閱", "review");
  const store::ProgressReport report = require_report(tx, report_id);
  const plan::ReportState next = require_next(report, plan::ReportEvent::review);
  store::set_progress_state(tx, report_id, report.state, next, "", actor.user_id);
}

void return_progress(store::Transaction& tx, std::int64_t report_id, const std::string& note,
                     const TrackerActor& actor) {
  require_secretariat(actor, "退回", "return");
  if (blank(note))
    throw StepRefused(kClause, "退回報告時須說明原因，讓部門知道要修改甚麼。",
                      "Returning a report needs a note saying what the department should change.");
  const store::ProgressReport report = require_report(tx, report_id);
  const plan::ReportState next = require_next(report, plan::ReportEvent::return_to_draft);
  store::set_progress_state(tx, report_id, report.state, next, note, actor.user_id);
}

void publish_progress(store::Transaction& tx, std::int64_t report_id, const TrackerActor& actor) {
  require_secretariat(actor, "發布", "publish");
  const store::ProgressReport report = require_report(tx, report_id);
  const plan::ReportState next = require_next(report, plan::ReportEvent::publish);
  store::set_progress_state(tx, report_id, report.state, next, "", actor.user_id);
}

}  // namespace bsap::track
