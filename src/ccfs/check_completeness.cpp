// §2.7.2: 「申請表格內所有部分均須填寫」 — every part of the form is answered (blocking when
// blank); 「若要求填報的資料不適用或不詳，請填上「不適用」」, so 「不適用」/"N/A" is an answer
// wherever it is written. For a §2.7.11 required detail it is accepted with an info finding: the
// type asks for that detail, so the secretariat will weigh whether it really does not apply.
//
// §4.5.1: a resubmitted application states how it differs from the rejected one.
//
// Parts another step judges are left to it: sites and maps (check_sites), the applicant and the
// person in charge (check_applicant), KPIs and deliverables (check_kpis), partners and sponsors
// (check_partners).
//
// §2.4.3 and §2.7.8, owners' consent: §2.4.3 is one of the 必要條件 (prerequisites) and says the
// applicant obtains the owners'/tenants'/departments' consent in principle 「才申請」 (before
// applying), and §2.7.8 asks for the proof at the application stage, so an owner listed without
// consent in principle is blocking, not a matter for reasons. (§2.4.2's 「視乎該申請的優劣」
// concerns government land within an MA site, not consent.)
#include <string>

#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

// Clauses of the form's parts that the typed ruleset does not carry.
constexpr std::string_view kAllParts = "§2.7.2";
constexpr std::string_view kForms = "§2.7.1";
constexpr std::string_view kObjectivesAndBenefits = "§2.7.7";
constexpr std::string_view kOwners = "§2.7.8";
constexpr std::string_view kOwnersConsent = "§2.4.3, §2.7.8";
constexpr std::string_view kWorkPlan = "§2.7.12(a)";
constexpr std::string_view kTimetable = "§2.7.12(b)";
constexpr std::string_view kStatutoryApprovals = "§2.7.12(c)";
constexpr std::string_view kManagementAgreement = "§2.4.1";
constexpr std::string_view kBudget = "§3.1";
constexpr std::string_view kDisbursementSchedule = "§3.10.7";
constexpr std::string_view kResubmission = "§4.5.1";

// "owners[2].lot_or_address" → "owners.lot_or_address": a rule key names the part, not the item.
std::string without_indices(std::string_view field) {
  std::string key;
  bool in_index = false;
  for (const char c : field) {
    if (c == '[' || c == ']')
      in_index = c == '[';
    else if (!in_index)
      key += c;
  }
  return key;
}

// A part of the form, under the rule "complete.<field without indices>".
struct Part {
  std::string field;  // "title", "details.target_taxa", "owners[2].lot_or_address"
  std::string clause;
  std::string name_zh;
  std::string name_en;
  std::string rule() const { return "complete." + without_indices(field); }
};

// A text part may be answered 「不適用」 (§2.7.2); a list or a value is given or not.
void report_missing(const Part& part, bool text, FindingSink& sink) {
  sink.blocking(part.rule(), part.clause, part.field,
                "請填寫「" + part.name_zh + "」。申請表格內所有部分均須填寫" +
                    (text ? "；如資料不適用或不詳，請填上「不適用」。" : "。"),
                "Fill in '" + part.name_en + "'. Every part of the form must be answered" +
                    (text ? "; write 'N/A' where it does not apply or is not known." : "."));
}

void require_text(const Part& part, const std::string& answer, FindingSink& sink) {
  if (is_blank(answer)) report_missing(part, true, sink);
}

void require(bool answered, const Part& part, FindingSink& sink) {
  if (!answered) report_missing(part, false, sink);
}

void check_project_type(const CheckInput& input, FindingSink& sink) {
  if (input.type) return;
  std::vector<std::string> keys;
  for (const rules::ProjectType& type : input.ruleset.project_types) keys.push_back(type.key);
  const std::string given = input.application.project_type;
  sink.blocking(
      "complete.project_type", std::string(kForms), "project_type",
      (given.empty() ? std::string("請選擇項目類別") : "項目類別「" + given + "」不存在") +
          "。項目類別須為以下其中一項：" + joined_zh(keys) + "。",
      (given.empty() ? std::string("Choose the project type")
                     : "There is no project type '" + given + "'") +
          ". It must be one of: " + joined_en(keys) + ".");
}

void check_overview(const CheckInput& input, FindingSink& sink) {
  const Application& a = input.application;
  const std::string all(kAllParts);
  require(!is_blank(a.applicant.name_zh) || !is_blank(a.applicant.name_en),
          {"applicant.name_en", all, "申請機構名稱", "name of the applicant"}, sink);
  require_text({"title", all, "項目名稱", "project title"}, a.title, sink);
  require_text({"summary", all, "項目摘要", "project summary"}, a.summary, sink);
  require(a.planned_start.has_value(),
          {"planned_start", all, "項目預計開始日期", "planned start date"}, sink);
  const std::string duration = input.type ? input.type->duration.source.clause : all;
  require(a.duration_months.value_or(0) > 0,
          {"duration_months", duration, "項目年期(月數)", "project duration in months"}, sink);
  const std::string aims(kObjectivesAndBenefits);
  require_text({"objectives", aims, "項目目的", "project objectives"}, a.objectives, sink);
  require_text({"benefits", aims, "項目效益", "project benefits"}, a.benefits, sink);
}

// §2.7.11: every detail the type asks for, each under its own rule.
void check_details(const CheckInput& input, FindingSink& sink) {
  const rules::ProjectType& type = *input.type;
  for (const rules::RequiredDetail& detail : type.required_details) {
    const Part part{"details." + detail.key, type.required_details_source.clause,
                    "項目詳情：" + detail.name.zh, "project details: " + detail.name.en};
    const auto answer = input.application.details.find(detail.key);
    if (answer == input.application.details.end() || is_blank(answer->second))
      report_missing(part, true, sink);
    else if (is_not_applicable(answer->second))
      sink.info(part.rule(), part.clause, part.field,
                "「" + detail.name.zh + "」填上「不適用」：" + type.name.zh +
                    "須提供此項資料，秘書處會考慮此項是否確實不適用。如適用，請補充。",
                "'" + detail.name.en + "' is answered N/A: a project of type '" +
                    type.short_name.en +
                    "' is asked for it, so the secretariat will consider whether it really does "
                    "not apply. Fill it in if it does.");
  }
}

// §2.7.12(c), §2.4.5: the approvals needed with the plan and timing to obtain them, or none.
void check_statutory_approvals(const CheckInput& input, FindingSink& sink) {
  const Application& a = input.application;
  const std::string clause(kStatutoryApprovals);
  require(a.no_statutory_approvals_needed || !a.statutory_approvals.empty(),
          {"statutory_approvals", clause, "法定要求：所需的批准及取得批准的計劃(或「不適用」)",
           "statutory requirements: the approvals needed and the plan to obtain them (or N/A)"},
          sink);
  for (std::size_t i = 0; i < a.statutory_approvals.size(); ++i) {
    const StatutoryApproval& approval = a.statutory_approvals[i];
    require_text({item_field("statutory_approvals", i, "plan_and_timing"), clause,
                  "取得「" + approval.approval + "」的計劃及時限",
                  "plan and timing to obtain '" + approval.approval + "'"},
                 approval.plan_and_timing, sink);
  }
}

void check_owner_consent(std::size_t index, const OwnerConsent& owner, FindingSink& sink) {
  if (owner.consent_in_principle) return;
  sink.blocking(
      "owners.consent", std::string(kOwnersConsent),
      item_field("owners", index, "consent_in_principle"),
      "尚未獲得「" + owner.owner + "」(" + owner.lot_or_address +
          ")原則上同意推行項目。申請者須先獲得土地／建築物擁有人／租戶／相關政府部門原則上"
          "同意，才申請資助，並在申請階段提供證明文件。",
      "'" + owner.owner + "' (" + owner.lot_or_address +
          ") has not consented in principle to the project. Obtain the consent in "
          "principle of the owners, tenants or departments before applying, and attach "
          "the proof.");
}

// §2.7.8: the owners or tenants, each property by lot number or address, with their consent.
void check_owners(const CheckInput& input, FindingSink& sink) {
  const std::vector<OwnerConsent>& owners = input.application.owners;
  const std::string clause(kOwners);
  require(!owners.empty(),
          {"owners", clause, "土地或建築物的擁有人／租戶及其原則上同意",
           "owners or tenants of the land or buildings and their consent in principle"},
          sink);
  for (std::size_t i = 0; i < owners.size(); ++i) {
    require_text({item_field("owners", i, "lot_or_address"), clause, "所涉物業的地段編號或地址",
                  "lot number or address of the property"},
                 owners[i].lot_or_address, sink);
    check_owner_consent(i, owners[i], sink);
  }
}

void check_plans(const CheckInput& input, FindingSink& sink) {
  const Application& a = input.application;
  require_text({"work_plan", std::string(kWorkPlan), "工作計劃", "work plan"}, a.work_plan, sink);
  require_text({"timetable", std::string(kTimetable), "時間表", "timetable"}, a.timetable, sink);
  check_statutory_approvals(input, sink);
  check_owners(input, sink);
  require_text({"sustainability_plan", input.ruleset.application.sustainability.clause,
                "項目的可持續性：載有時間表的計劃書", "sustainability: a plan with a timetable"},
               a.sustainability_plan, sink);
}

void check_type_specific(const CheckInput& input, FindingSink& sink) {
  const Application& a = input.application;
  if (is_ma_project_type(*input.type) && !a.management_agreement_evidence)
    sink.blocking("complete.management_agreement_evidence", std::string(kManagementAgreement),
                  "management_agreement_evidence",
                  "申請者須提供足夠證據，證明已經訂立或很可能在短期內訂立管理協議，否則該申請將不獲"
                  "考慮。請夾附有關證據。",
                  "Provide enough evidence that a management agreement has been or is likely soon "
                  "to be made; otherwise the application is not considered. Attach it.");
  if (is_heritage_building(*input.type))
    require(a.restoration_months.has_value(),
            {"restoration_months", input.ruleset.application.heritage_public_opening.source.clause,
             "復修工程所需的月數", "months the restoration works take"},
            sink);
}

void check_money_parts(const CheckInput& input, FindingSink& sink) {
  const Application& a = input.application;
  require(!a.budget.empty(), {"budget", std::string(kBudget), "項目的詳細預算", "detailed budget"},
          sink);
  require(!a.disbursement_schedule.empty(),
          {"disbursement_schedule", std::string(kDisbursementSchedule), "建議發放資助款項時間表",
           "proposed disbursement schedule"},
          sink);
}

// §4.5.1: 「須清楚列明前後兩宗申請有何分別」; the caller knows whether it is a resubmission.
void check_resubmission(const CheckInput& input, FindingSink& sink) {
  if (!input.context.resubmission || !is_blank(input.application.resubmission_differences)) return;
  sink.blocking("resubmission.differences", std::string(kResubmission), "resubmission_differences",
                "此申請是先前被拒絕的申請經修改後重新提交，請清楚列明前後兩宗申請有何分別。",
                "This application revises and resubmits one that was rejected: state clearly how "
                "it differs from the rejected application.");
}

}  // namespace

void check_completeness(const CheckInput& input, FindingSink& sink) {
  check_project_type(input, sink);
  check_overview(input, sink);
  if (input.type) {
    check_details(input, sink);
    check_type_specific(input, sink);
  }
  check_plans(input, sink);
  check_money_parts(input, sink);
  check_resubmission(input, sink);
}

}  // namespace bsap::ccfs
