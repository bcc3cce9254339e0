// The table of §5.16.6's changes (kChanges) and the checks of a request and its decision.
#include "project/change_requests.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace bsap::project {
namespace {

using enum ProjectChange;

struct ChangeInfo {
  ProjectChange change;
  std::string_view code;
  std::string_view name_zh;
  std::string_view name_en;
  std::string_view clause;
  bool needs_committee;
};

constexpr auto kChanges = std::to_array<ChangeInfo>({
    {person_in_charge, "person_in_charge", "更換項目負責人", "Change of person-in-charge",
     "§5.16.6", false},
    {budget_modification, "budget_modification", "修改預算(第5.5.3節訂明的修改除外)",
     "Budget modification (other than under §5.5.3)", "§5.16.6(a)", true},
    {transfer_to_organisation, "transfer_to_organisation", "把項目交由另一機構推行",
     "Transfer of the project to another organisation", "§5.16.6(b)", true},
});

const ChangeInfo& info(ProjectChange change) {
  return *std::find_if(kChanges.begin(), kChanges.end(),
                       [&](const ChangeInfo& known) { return known.change == change; });
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

std::string note_zh(const std::string& note) {
  return note.empty() ? std::string() : "\n\n秘書處的說明：" + note;
}

std::string note_en(const std::string& note) {
  return note.empty() ? std::string() : "\n\nThe secretariat's note: " + note;
}

}  // namespace

std::string_view change_code(ProjectChange change) { return info(change).code; }

std::optional<ProjectChange> change_from_code(std::string_view code) {
  for (const ChangeInfo& known : kChanges)
    if (known.code == code) return known.change;
  return std::nullopt;
}

// Simplified Chinese gets the Traditional text, as project_state.cpp's names do.
std::string change_text(ProjectChange change, Lang lang) {
  return std::string(lang == Lang::en ? info(change).name_en : info(change).name_zh);
}

std::string_view change_clause(ProjectChange change) { return info(change).clause; }

bool needs_committee(ProjectChange change) { return info(change).needs_committee; }

std::optional<ChangeRefusal> check_change_request(ProjectChange change, const std::string& details,
                                                  const std::string& reason) {
  const std::string clause(change_clause(change));
  if (blank(details)) {
    if (change == person_in_charge)
      return ChangeRefusal{clause, "請填寫新項目負責人的姓名及職位。",
                           "Give the new person-in-charge's name and post."};
    if (change == transfer_to_organisation)
      return ChangeRefusal{clause, "請填寫接辦項目的機構及安排。",
                           "Name the organisation that would take the project on, and how."};
    return ChangeRefusal{clause, "請說明預算的修改。", "Describe the budget modification."};
  }
  if (blank(reason))
    return ChangeRefusal{clause, "請說明更改的理由。", "Give the reason for the change."};
  return std::nullopt;
}

std::optional<ChangeRefusal> check_change_decision(ProjectChange change, bool approved,
                                                   bool committee_consulted,
                                                   const std::string& committee_note,
                                                   const std::string& decision_note) {
  if (!approved) {
    if (blank(decision_note))
      return ChangeRefusal{"§5.16.6", "不批准更改時請說明理由。",
                           "Give the reason when refusing a change."};
    return std::nullopt;
  }
  if (needs_committee(change) && (!committee_consulted || blank(committee_note)))
    return ChangeRefusal{
        "§5.16.6",
        "秘書處須在諮詢委員會後才可批准項目的重大調整(第5.16.6節)：請填寫諮詢委員會的日期及委員會"
        "的意見。",
        "The secretariat approves a major change only after consulting the committee (§5.16.6): "
        "give the day the committee was consulted and its view."};
  return std::nullopt;
}

ccfs::Notice change_requested_notice(const ChangeNoticeFacts& facts) {
  const std::string ref = facts.reference + " " + facts.title;
  const std::string what_zh = change_text(facts.change, Lang::zh_hant);
  const std::string what_en = change_text(facts.change, Lang::en);
  ccfs::Notice notice;
  notice.kind = "project.change_requested";
  notice.subject_zh = "已收到更改申請：" + facts.reference;
  notice.subject_en = "Change requested: " + facts.reference;
  notice.body_zh = "項目「" + ref + "」的更改申請(" + what_zh + ")已記錄，待秘書處批准(第" +
                   std::string(change_clause(facts.change)).substr(2) +
                   "節)。在獲批准前請勿推行有關更改，否則秘書處可暫停或終止資助(第5.16.7節)。\n\n" +
                   facts.details;
  notice.body_en = "The request for a change to \"" + ref + "\" (" + what_en +
                   ") is recorded and awaits the secretariat's approval (" +
                   std::string(change_clause(facts.change)) +
                   "). Do not make the change before it is approved: the secretariat may suspend "
                   "or terminate the funding otherwise (§5.16.7).\n\n" +
                   facts.details;
  return notice;
}

ccfs::Notice change_decided_notice(const ChangeNoticeFacts& facts, bool approved) {
  const std::string ref = facts.reference + " " + facts.title;
  const std::string what_zh = change_text(facts.change, Lang::zh_hant);
  const std::string what_en = change_text(facts.change, Lang::en);
  ccfs::Notice notice;
  notice.kind = approved ? "project.change_approved" : "project.change_refused";
  notice.subject_zh = (approved ? "更改已獲批准：" : "更改不獲批准：") + facts.reference;
  notice.subject_en = (approved ? "Change approved: " : "Change refused: ") + facts.reference;
  notice.body_zh = "秘書處" + std::string(approved ? "已批准" : "不批准") + "項目「" + ref +
                   "」的更改(" + what_zh + ")。\n\n" + facts.details + note_zh(facts.note);
  notice.body_en = "The secretariat has " + std::string(approved ? "approved" : "refused") +
                   " the change to \"" + ref + "\" (" + what_en + ").\n\n" + facts.details +
                   note_en(facts.note);
  return notice;
}

}  // namespace bsap::project
