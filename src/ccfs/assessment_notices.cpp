// The texts speak to the applicant as 「你」/"you" and cite the guidelines' clauses, so that the
// applicant can read the rule a step rests on. Money is written as the checker writes it
// ("HK$1,234,567.00" in both languages); dates as 「2026年3月15日」 and "15 March 2026".
#include "ccfs/assessment_notices.h"

#include <array>

namespace bsap::ccfs {
namespace {

constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string date_zh(CivilDate date) {
  return std::to_string(date.year()) + "年" + std::to_string(date.month()) + "月" +
         std::to_string(date.day()) + "日";
}

std::string date_en(CivilDate date) {
  return std::to_string(date.day()) + " " + std::string(kMonthsEn[date.month() - 1]) + " " +
         std::to_string(date.year());
}

// 「CCFS-2026-0001「標題」」 and "CCFS-2026-0001 'Title'".
std::string named_zh(const NoticeFacts& facts) {
  return facts.reference + "「" + facts.title + "」";
}
std::string named_en(const NoticeFacts& facts) {
  return facts.reference + " '" + facts.title + "'";
}

// A text in both languages.
struct Wording {
  std::string zh;
  std::string en;
};

// The bodies as assessment.yaml#bodies names them; a state that is no body keeps its own name.
Wording body_name(AssessmentState body) {
  switch (body) {
    case AssessmentState::assessment_panel:
      return {"審議小組", "Assessment Panel"};
    case AssessmentState::approval_panel:
      return {"審批小組", "Approval Panel"};
    case AssessmentState::committee:
      return {"鄉郊保育諮詢委員會", "Countryside Conservation Advisory Committee"};
    default:
      return {std::string(state_name_zh(body)), std::string(state_name_en(body))};
  }
}

Notice notice(std::string_view kind, std::string subject_zh, std::string subject_en,
              std::string body_zh, std::string body_en) {
  return {"assessment." + std::string(kind), std::move(subject_zh), std::move(subject_en),
          std::move(body_zh), std::move(body_en)};
}

Notice applicant(AssessmentEvent event, const NoticeFacts& facts, std::string_view subject_zh,
                 std::string_view subject_en, std::string body_zh, std::string body_en) {
  return notice(event_code(event), facts.reference + "：" + std::string(subject_zh),
                facts.reference + ": " + std::string(subject_en), std::move(body_zh),
                std::move(body_en));
}

// §2.6.4: the question, the last day and what follows from silence.
Notice request_information(const NoticeFacts& facts) {
  const std::string due_zh = facts.reply_due ? "請於" + date_zh(*facts.reply_due) + "或之前回覆。"
                                             : "請在提出要求當日起計的限期內回覆。";
  const std::string due_en = facts.reply_due
                                 ? "Please reply on or before " + date_en(*facts.reply_due) + "."
                                 : "Please reply within the time allowed from the day of this "
                                   "request.";
  return applicant(
      AssessmentEvent::request_information, facts, "請提供額外資料", "more information needed",
      "就你的申請" + named_zh(facts) + "，秘書處要求你提供以下額外資料：\n\n" + facts.reason +
          "\n\n" + due_zh +
          "如屆時仍未收到你的回覆，有關申請將被視作撤回，不會獲繼續處理（指引第"
          "2.6.4節）。",
      "For your application " + named_en(facts) +
          ", the Secretariat asks for the following information:\n\n" + facts.reason + "\n\n" +
          due_en +
          " If no reply has been received by then, the application will be deemed withdrawn and "
          "not processed further (guidelines §2.6.4).");
}

Notice answer_information(const NoticeFacts& facts) {
  return applicant(
      AssessmentEvent::answer_information, facts, "已收到你提供的額外資料",
      "your further information has been received",
      "我們已收到你就申請" + named_zh(facts) + "提供的額外資料，秘書處會繼續審查申請。",
      "We have received the further information for your application " + named_en(facts) +
          ". The Secretariat will continue screening it.");
}

Notice lapse(const NoticeFacts& facts) {
  const std::string by_zh =
      facts.reply_due ? "於" + date_zh(*facts.reply_due) + "或之前" : "在限期內";
  const std::string by_en =
      facts.reply_due ? "on or before " + date_en(*facts.reply_due) : "within the time allowed";
  return applicant(
      AssessmentEvent::lapse_information_request, facts, "申請已被視作撤回",
      "application deemed withdrawn",
      "秘書處" + by_zh + "未有收到你就申請" + named_zh(facts) +
          "要求提供額外資料的回覆，因此有關申請已被視作撤回，不會獲繼續處理（指引第2.6.4節）。",
      "The Secretariat received no reply " + by_en +
          " to its request for more information on your application " + named_en(facts) +
          ", so the application is deemed withdrawn and will not be processed further "
          "(guidelines §2.6.4).");
}

Notice not_considered(const NoticeFacts& facts) {
  return applicant(AssessmentEvent::declare_not_considered, facts, "申請不獲考慮",
                   "application not considered",
                   "經審查，你的申請" + named_zh(facts) +
                       "不符合資助計劃的要求，不會獲得考慮。原因：" + facts.reason,
                   "After screening, your application " + named_en(facts) +
                       " does not meet the scheme's requirements and will not be considered. "
                       "Reason: " +
                       facts.reason);
}

// The panel that invites, with its clause; either panel when the caller does not say.
struct Inviter {
  Wording name;
  std::string clause_zh;
  std::string clause_en;
};

Inviter inviter(const std::optional<AssessmentState>& body) {
  if (body == AssessmentState::assessment_panel || body == AssessmentState::approval_panel) {
    const bool approval = body == AssessmentState::approval_panel;
    return {body_name(*body), approval ? "第4.1.2節" : "第4.1.1節", approval ? "§4.1.2" : "§4.1.1"};
  }
  return {{"審議小組／審批小組", "panel assessing it"}, "第4.1.1及4.1.2節", "§4.1.1, §4.1.2"};
}

Notice invite_briefing(const NoticeFacts& facts) {
  const Inviter panel = inviter(facts.body);
  return applicant(AssessmentEvent::invite_briefing, facts, "邀請你簡介申請",
                   "invitation to brief the " + panel.name.en,
                   panel.name.zh + "邀請你簡介申請" + named_zh(facts) + "並回答提問（指引" +
                       panel.clause_zh + "）。" + facts.reason,
                   "The " + panel.name.en + " invites you to present your application " +
                       named_en(facts) + " and answer its questions (guidelines " +
                       panel.clause_en + "). " + facts.reason);
}

// The amount, the duration and the conditions of an approval, and what comes next.
Wording approval_terms(const NoticeFacts& facts) {
  Wording terms;
  if (facts.approved_amount) {
    terms.zh += "核准資助額：" + format_hkd(*facts.approved_amount) + "。";
    terms.en += "Approved grant: " + format_hkd(*facts.approved_amount) + ". ";
  }
  if (facts.duration_months) {
    terms.zh += "項目年期：" + std::to_string(*facts.duration_months) + "個月。";
    terms.en += "Project duration: " + std::to_string(*facts.duration_months) + " months. ";
  }
  terms.zh += facts.conditions.empty() ? "批核並無附加條件。" : "批核條件：" + facts.conditions;
  terms.en += facts.conditions.empty() ? "The approval carries no further conditions."
                                       : "Conditions: " + facts.conditions;
  terms.zh +=
      "\n\n秘書處會聯絡你簽訂協議（指引第5.1.1節）。簽訂協議前，你仍可隨時致函秘書處撤回申請（指引"
      "第4.4.1節）。";
  terms.en +=
      "\n\nThe Secretariat will contact you to sign the agreement (guidelines §5.1.1). Until it "
      "is signed you may still withdraw the application by letter (guidelines §4.4.1).";
  return terms;
}

Notice approve(const NoticeFacts& facts) {
  const Wording terms = approval_terms(facts);
  return applicant(AssessmentEvent::approve, facts, "申請獲批准", "application approved",
                   "委員會已批准你的申請" + named_zh(facts) + "（指引第4.1.2節）。\n\n" + terms.zh,
                   "The committee has approved your application " + named_en(facts) +
                       " (guidelines §4.1.2).\n\n" + terms.en);
}

Notice approve_in_part(const NoticeFacts& facts) {
  const Wording terms = approval_terms(facts);
  return applicant(
      AssessmentEvent::approve_in_part, facts, "申請獲部分批准", "application approved in part",
      "委員會已批准資助你的申請" + named_zh(facts) + "的部分項目（指引第4.1.2節）。獲批准的部分：" +
          facts.reason + "\n\n" + terms.zh,
      "The committee has approved part of your application " + named_en(facts) +
          " (guidelines §4.1.2). The part approved: " + facts.reason + "\n\n" + terms.en);
}

Notice reject(const NoticeFacts& facts) {
  return applicant(
      AssessmentEvent::reject, facts, "申請不獲批准", "application not approved",
      "委員會決定不批准你的申請" + named_zh(facts) + "。原因：" + facts.reason +
          "\n\n你可修改申請內容，在符合主題下於下一輪或其後的審批程序重新遞交；重新提交時須清楚列明"
          "前後兩宗申請有何分別（指引第4.5.1節）。",
      "The committee has decided not to approve your application " + named_en(facts) +
          ". Reason: " + facts.reason +
          "\n\nYou may revise the application and resubmit it to a later round; the resubmitted "
          "application must state clearly how it differs from this one (guidelines §4.5.1).");
}

Notice withdraw(const NoticeFacts& facts) {
  return applicant(
      AssessmentEvent::withdraw, facts, "申請已撤回", "application withdrawn",
      "我們確認你已撤回申請" + named_zh(facts) + "（指引第4.4.1節），有關申請不會獲繼續處理。",
      "We confirm that you have withdrawn your application " + named_en(facts) +
          " (guidelines §4.4.1); it will not be processed further.");
}

Notice disqualify(const NoticeFacts& facts) {
  return applicant(
      AssessmentEvent::disqualify, facts, "申請已被取消資格", "application disqualified",
      "根據指引第4.1.4節，你的申請" + named_zh(facts) + "已被取消資格。原因：" + facts.reason,
      "Under guidelines §4.1.4 your application " + named_en(facts) +
          " has been disqualified. Reason: " + facts.reason);
}

// What the body does with an application that reaches it.
Wording body_task(AssessmentState body) {
  switch (body) {
    case AssessmentState::assessment_panel:
      return {"，按指引第4.2節或第4.3節的準則評審", " to assess against §4.2 or §4.3"};
    case AssessmentState::approval_panel:
      return {"商討並提出建議（指引第4.1.2節）", " to deliberate and recommend (§4.1.2)"};
    case AssessmentState::committee:
      return {"考慮有關申請及資助款額（指引第4.1.2節）",
              " to consider the application and the grant (§4.1.2)"};
    default:
      return {"", ""};
  }
}

}  // namespace

std::string Notice::subject(Lang lang) const { return lang == Lang::en ? subject_en : subject_zh; }
std::string Notice::body(Lang lang) const { return lang == Lang::en ? body_en : body_zh; }

std::optional<Notice> applicant_notice(AssessmentEvent event, const NoticeFacts& facts) {
  switch (event) {
    case AssessmentEvent::request_information:
      return request_information(facts);
    case AssessmentEvent::answer_information:
      return answer_information(facts);
    case AssessmentEvent::lapse_information_request:
      return lapse(facts);
    case AssessmentEvent::declare_not_considered:
      return not_considered(facts);
    case AssessmentEvent::invite_briefing:
      return invite_briefing(facts);
    case AssessmentEvent::approve:
      return approve(facts);
    case AssessmentEvent::approve_in_part:
      return approve_in_part(facts);
    case AssessmentEvent::reject:
      return reject(facts);
    case AssessmentEvent::withdraw:
      return withdraw(facts);
    case AssessmentEvent::disqualify:
      return disqualify(facts);
    case AssessmentEvent::begin_screening:
    case AssessmentEvent::refer_to_assessment_panel:
    case AssessmentEvent::refer_to_approval_panel:
    case AssessmentEvent::refer_to_committee:
      return std::nullopt;  // internal steps: the applicant sees the state, not a notice
  }
  return std::nullopt;
}

Notice member_assigned_notice(AssessmentState body, const NoticeFacts& facts) {
  const Wording name = body_name(body);
  return notice(
      "member_assigned", facts.reference + "：請先申報利益",
      facts.reference + ": declare any conflict of interest first",
      "你已獲委派為" + name.zh + "成員，負責處理申請" + named_zh(facts) +
          "。在查閱申請前，請先申報你與申請者或其相關人士是否有任何實際、潛在或被視為存在的利益"
          "衝突（指引第5.17節）。如有利益衝突，你將不會參與此申請的評審。",
      "You have been assigned as a member of the " + name.en + " for application " +
          named_en(facts) +
          ". Before you see the application, declare whether you have any actual, potential or "
          "perceived conflict of interest with the applicant or anyone connected with it "
          "(guidelines §5.17). If you have one, you will take no part in assessing it.");
}

Notice member_stage_notice(AssessmentState body, const NoticeFacts& facts) {
  const Wording name = body_name(body);
  const Wording task = body_task(body);
  return notice("member_stage", facts.reference + "：申請已交" + name.zh,
                facts.reference + ": the application has reached the " + name.en,
                "申請" + named_zh(facts) + "已交" + name.zh + task.zh +
                    "。獲委派的成員請先申報利益（指引第5.17節），然後查閱申請。",
                "Application " + named_en(facts) + " has reached the " + name.en + task.en +
                    ". Assigned members declare any conflict of interest first (guidelines §5.17), "
                    "then see the application.");
}

}  // namespace bsap::ccfs
