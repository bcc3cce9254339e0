#include "project/project_notices.h"

namespace bsap::project {
namespace {

std::string day_text(const ProjectNoticeFacts& facts) {
  return facts.day ? format_iso(*facts.day) : std::string();
}

std::string amount_text(const ProjectNoticeFacts& facts) {
  return facts.amount ? format_hkd(*facts.amount) : std::string();
}

std::string note_zh(const ProjectNoticeFacts& facts) {
  return facts.note.empty() ? std::string() : "\n\n秘書處的說明：" + facts.note;
}

std::string note_en(const ProjectNoticeFacts& facts) {
  return facts.note.empty() ? std::string() : "\n\nThe secretariat's note: " + facts.note;
}

struct Texts {
  std::string kind;
  std::string subject_zh;
  std::string subject_en;
  std::string body_zh;
  std::string body_en;
};

Texts texts(ProjectNoticeKind kind, const ProjectNoticeFacts& f) {
  const std::string ref = f.reference + " " + f.title;
  switch (kind) {
    case ProjectNoticeKind::opened:
      return {"project.opened", "請簽訂資助協議：" + f.reference,
              "Please sign the agreement: " + f.reference,
              "項目「" + ref +
                  "」已獲批。請簽訂協議，並提交以項目機構名義開設的銀行帳戶結單副本(第5.1.1、5.6."
                  "1節)。",
              "The project \"" + ref +
                  "\" is approved. Please sign the agreement and send a copy of "
                  "a bank statement in the grantee's name (§5.1.1, §5.6.1)."};
    case ProjectNoticeKind::agreement_signed:
      return {
          "project.agreement_signed", "協議已簽訂：" + f.reference,
          "Agreement signed: " + f.reference,
          "秘書處已確認項目「" + ref +
              "」的協議。貴機構現為項目機構；發放款項時間表及須提交的報告已列於項目頁。初始報告須於"
              "項目開展後一個月內提交(第5.1.2節)。",
          "The secretariat has confirmed the agreement for \"" + ref +
              "\". Your organisation "
              "is now the grantee; the payment schedule and the reports due are on the project's "
              "page. The inception report is due within one month of the start (§5.1.2)."};
    case ProjectNoticeKind::report_accepted:
      return {
          "project.report_accepted", "報告已獲接納：" + f.reference,
          "Report accepted: " + f.reference,
          "秘書處已接納項目「" + ref + "」的" + f.what_zh + "。" + note_zh(f),
          "The secretariat has accepted the " + f.what_en + " of \"" + ref + "\"." + note_en(f)};
    case ProjectNoticeKind::report_returned:
      return {"project.report_returned", "報告須修訂：" + f.reference,
              "Report returned for revision: " + f.reference,
              "秘書處退回項目「" + ref + "」的" + f.what_zh + "，請修訂後再提交。" + note_zh(f),
              "The secretariat has returned the " + f.what_en + " of \"" + ref +
                  "\": please revise and submit it again." + note_en(f)};
    case ProjectNoticeKind::instalment_released:
      return {"project.instalment_released", "資助款項已發放：" + f.reference,
              "Instalment released: " + f.reference,
              "項目「" + ref + "」的" + f.what_zh + "(" + amount_text(f) + ")已於" + day_text(f) +
                  "發放。",
              "The " + f.what_en + " of \"" + ref + "\" (" + amount_text(f) + ") was released on " +
                  day_text(f) + "."};
    case ProjectNoticeKind::report_due_soon:
      return {
          "project.report_due_soon", "提醒：" + f.what_zh + "將於" + day_text(f) + "到期",
          "Reminder: " + f.what_en + " due on " + day_text(f),
          "項目「" + ref + "」的" + f.what_zh + "須於" + day_text(f) + "或之前提交(第5.8.2節)。",
          "The " + f.what_en + " of \"" + ref + "\" is due on or before " + day_text(f) +
              " (§5.8.2)."};
    case ProjectNoticeKind::report_overdue:
      return {"project.report_overdue", "逾期：" + f.what_zh + "(" + f.reference + ")",
              "Overdue: " + f.what_en + " (" + f.reference + ")",
              "項目「" + ref + "」的" + f.what_zh + "已於" + day_text(f) +
                  "到期但尚未提交。逾期提交會按第5.8."
                  "11節跟進，包括警告信、向委員會呈報及考慮暫停或終止資助；請盡快提交，如需延期須事"
                  "先取得秘書處批准(第5.8.2節)。",
              "The " + f.what_en + " of \"" + ref + "\" was due on " + day_text(f) +
                  " and has not been submitted. Late reports are followed up under §5.8.11, up to "
                  "a warning letter, a report to the committee and suspension or termination; "
                  "please submit it now, or ask the secretariat in advance for an extension "
                  "(§5.8.2)."};
    case ProjectNoticeKind::state_notice:
      return {"project.state_notice", f.what_zh + "：" + f.reference,
              f.what_en + ": " + f.reference,
              "項目「" + ref + "」：" + f.what_zh + "，於" + day_text(f) + "生效(第5.16節)。" +
                  note_zh(f),
              "Project \"" + ref + "\": " + f.what_en + ", effective " + day_text(f) + " (§5.16)." +
                  note_en(f)};
    case ProjectNoticeKind::closed:
      return {"project.closed", "項目已結束：" + f.reference, "Project closed: " + f.reference,
              "項目「" + ref + "」的帳目已結算。請妥為保存項目的完整帳目報表及記錄至" +
                  day_text(f) + "(第5.9.1節)。",
              "The accounts of \"" + ref +
                  "\" are settled. Keep the project's complete accounts "
                  "and records until " +
                  day_text(f) + " (§5.9.1)."};
  }
  return {};
}

}  // namespace

ccfs::Notice project_notice(ProjectNoticeKind kind, const ProjectNoticeFacts& facts) {
  Texts t = texts(kind, facts);
  ccfs::Notice notice;
  notice.kind = std::move(t.kind);
  notice.subject_zh = std::move(t.subject_zh);
  notice.subject_en = std::move(t.subject_en);
  notice.body_zh = std::move(t.body_zh);
  notice.body_en = std::move(t.body_en);
  return notice;
}

}  // namespace bsap::project
