// §3.10.7, §5.5.1: the proposed disbursement schedule. It pays out exactly the grant asked for;
// the part paid a month before the start is at most 25 % (「以…為限」: blocking); the first
// instalment is generally 25–50 % and the last 10 % generally waits for completion (「一般」, and
// 「有別於上述指引…只會在特殊情況下才予以考慮」: reasons).
//
// Our reading of "first instalment": the part paid before the start plus the remainder paid on
// the inception report, i.e. every instalment before the start and then the first instalment that
// is neither before the start nor after completion. Without a before-start part it is that
// first instalment alone.
#include "ccfs/budget_check_support.h"

namespace bsap::ccfs {
namespace {

constexpr std::string_view kScheduleClause = "§3.10.7, §5.5.1";

std::string instalment_field(std::size_t index, std::string_view member = "amount") {
  return "disbursement_schedule[" + std::to_string(index) + "]." + std::string(member);
}

Money schedule_total(const std::vector<Instalment>& schedule) {
  Money total;
  for (const Instalment& instalment : schedule) total += instalment.amount;
  return total;
}

Money before_start_part(const std::vector<Instalment>& schedule) {
  Money part;
  for (const Instalment& instalment : schedule)
    if (instalment.before_project_start) part += instalment.amount;
  return part;
}

// The instalment that completes the first one (released on the inception report), if any.
std::optional<std::size_t> first_regular_instalment(const std::vector<Instalment>& schedule) {
  for (std::size_t i = 0; i < schedule.size(); ++i)
    if (!schedule[i].before_project_start && !schedule[i].after_completion) return i;
  return std::nullopt;
}

// The instalments at the end of the schedule paid after completion: the retention.
Money retained_part(const std::vector<Instalment>& schedule) {
  Money part;
  for (auto it = schedule.rbegin(); it != schedule.rend() && it->after_completion; ++it)
    part += it->amount;
  return part;
}

void check_amounts(const std::vector<Instalment>& schedule, FindingSink& sink) {
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    if (schedule[i].amount >= Money{}) continue;
    sink.blocking("disbursement.amount", std::string(kScheduleClause), instalment_field(i),
                  "發放資助款項時間表第" + std::to_string(i + 1) + "期的金額為" +
                      hkd(schedule[i].amount) + "。金額不可為負數；請更正此期。",
                  "Instalment " + std::to_string(i + 1) + " of the disbursement schedule is " +
                      hkd(schedule[i].amount) + ". An instalment cannot be negative; correct it.");
  }
}

void check_total(const std::vector<Instalment>& schedule, Money grant, FindingSink& sink) {
  const Money total = schedule_total(schedule);
  if (total == grant) return;
  sink.blocking("disbursement.total", std::string(kScheduleClause), "disbursement_schedule",
                "發放資助款項時間表合共" + hkd(total) + "，與申請資助額" + hkd(grant) +
                    "不符(相差" + hkd(total - grant) + ")。各期款項的總和須等於申請資助額。",
                "The disbursement schedule totals " + hkd(total) + ", not the grant asked for, " +
                    hkd(grant) + " (a difference of " + hkd(total - grant) +
                    "). The instalments must add up to the grant.");
}

void check_first_part(const CheckInput& input, Money grant, FindingSink& sink) {
  const rules::PercentCap& cap = input.ruleset.disbursement.first_part_cap;
  const Money part = before_start_part(input.application.disbursement_schedule);
  if (cap.admits(part, grant)) return;
  const std::string most = hkd(largest_admitted(cap, grant));
  // §5.5.1 ends: a schedule departing from this guidance is considered in special
  // circumstances only, so the cap yields to reasons rather than refusing outright.
  sink.needs_justification(
      "disbursement.first_part", cap.source.clause, "disbursement_schedule",
      "項目開始前發放的款項為" + hkd(part) + "，佔資助額" + hkd(grant) + "的" +
          share_text(part, grant) + "；首次發放款項的第一部分以資助額的" +
          percent_text(cap.max_pct) + "為限(" + most + ")。請把項目開始前的款項減至" + most +
          "或以下，餘額在初始報告獲接納後發放。",
      "The part paid before the start is " + hkd(part) + ", " + share_text(part, grant) +
          " of the grant " + hkd(grant) + "; the first part of the first instalment is at most " +
          percent_text(cap.max_pct) + " (" + most + "). Lower it to " + most +
          " or less and pay the rest once the inception report is accepted.");
}

void check_first_instalment(const CheckInput& input, Money grant, FindingSink& sink) {
  const rules::Disbursement& rule = input.ruleset.disbursement;
  const std::vector<Instalment>& schedule = input.application.disbursement_schedule;
  const std::optional<std::size_t> regular = first_regular_instalment(schedule);
  const Money first = before_start_part(schedule) + (regular ? schedule[*regular].amount : Money{});
  if (rule.first_instalment_in_band(first, grant)) return;
  const std::string low = hkd(smallest_meeting(rule.first_instalment_min, grant));
  const std::string high = hkd(largest_admitted(rule.first_instalment_max, grant));
  const std::string band = percent_text(rule.first_instalment_min.min_pct) + "–" +
                           percent_text(rule.first_instalment_max.max_pct);
  sink.needs_justification(
      "disbursement.first_instalment", rule.first_instalment_min.source.clause,
      regular ? instalment_field(*regular) : "disbursement_schedule",
      "首次發放的款項(項目開始前的部分連同初始報告獲接納後的餘下部分)為" + hkd(first) +
          "，佔資助額的" + share_text(first, grant) + "；一般為核准資助額的" + band + "(" + low +
          "至" + high + ")。請調整首次發放的款項；有別於指引的時間表只會在特殊情況下才予以考慮。",
      "The first instalment (the part before the start and the rest on the inception report) is " +
          hkd(first) + ", " + share_text(first, grant) + " of the grant; it is generally " + band +
          " of the grant (" + low + " to " + high +
          "). Adjust it; a schedule departing from the guidelines is considered only in special "
          "circumstances.");
}

void check_retention(const CheckInput& input, Money grant, FindingSink& sink) {
  const rules::Disbursement& rule = input.ruleset.disbursement;
  const rules::PercentFloor floor{rule.retention_source, rule.retention_pct};
  const Money retained = retained_part(input.application.disbursement_schedule);
  if (floor.met_by(retained, grant)) return;
  const std::string pct = percent_text(rule.retention_pct);
  const std::string least = hkd(smallest_meeting(floor, grant));
  sink.needs_justification(
      "disbursement.retention", rule.retention_source.clause, "disbursement_schedule",
      "時間表最後於項目完成後發放的款項為" + hkd(retained) + "，佔資助額的" +
          share_text(retained, grant) + "；最後" + pct +
          "的核准資助額一般只會在項目完成後才發放。請把最後一期定為項目完成後發放，金額最少" +
          least + "。",
      "The schedule pays " + hkd(retained) + " (" + share_text(retained, grant) +
          " of the grant) after completion; the last " + pct +
          " of the grant is normally paid only after completion. Make the last instalment "
          "after completion and at least " +
          least + ".");
}

}  // namespace

void check_disbursement(const CheckInput& input, FindingSink& sink) {
  const std::vector<Instalment>& schedule = input.application.disbursement_schedule;
  if (schedule.empty()) return;  // the completeness step asks for a schedule
  const Money grant = input.totals.grant;
  check_amounts(schedule, sink);
  check_total(schedule, grant, sink);
  if (grant <= Money{}) return;  // no grant to take shares of: check_contribution says why
  check_first_part(input, grant, sink);
  check_first_instalment(input, grant, sink);
  check_retention(input, grant, sink);
}

}  // namespace bsap::ccfs
