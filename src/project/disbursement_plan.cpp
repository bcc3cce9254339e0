#include "project/disbursement_plan.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string>

namespace bsap::project {
namespace {

constexpr int kMonthsPerYear = 12;
constexpr std::int64_t kBasisPointsPerPercent = 100;

struct ConditionName {
  ReleaseCondition condition;
  std::string_view code;
};

constexpr std::array<ConditionName, 4> kConditions = {{
    {ReleaseCondition::agreement_signed, "agreement_signed"},
    {ReleaseCondition::inception_report_accepted, "inception_report_accepted"},
    {ReleaseCondition::progress_report_accepted, "progress_report_accepted"},
    {ReleaseCondition::completion_report_accepted, "completion_report_accepted"},
}};

// The limits the schedule counts with are months or years in limits.yaml; a limit in days has no
// whole number of months, so the schedule cannot be worked out from it.
std::optional<int> whole_months(const rules::Duration& duration) {
  if (duration.unit == rules::DurationUnit::months) return duration.amount;
  if (duration.unit == rules::DurationUnit::years) return kMonthsPerYear * duration.amount;
  return std::nullopt;
}

// §5.5.1 pays the first part 「於項目開始前的一個月」: limits.yaml keeps the lead time as
// disbursement.first_part_cap value.paid, which the typed ruleset does not carry, so it is read
// from the rule entry; one month when the entry does not give it in months.
int first_part_lead_months(const rules::Ruleset& ruleset) {
  const rules::RuleEntry* entry = ruleset.entry("limits.yaml#disbursement.first_part_cap");
  if (entry == nullptr) return 1;
  std::optional<int> amount;
  bool in_months = false;
  for (const rules::RuleLeaf& leaf : entry->leaves) {
    int read = 0;
    const char* end = leaf.json.data() + leaf.json.size();
    if (leaf.path == "value.paid.amount" && std::from_chars(leaf.json.data(), end, read).ptr == end)
      amount = read;
    if (leaf.path == "value.paid.unit") in_months = leaf.json == "\"months\"";
  }
  return amount && in_months ? *amount : 1;
}

// "25", "24.99", "50.01", "0.1": basis points as the percentage people write.
std::string percent_text(std::int64_t basis_points) {
  std::string text = std::to_string(basis_points / kBasisPointsPerPercent);
  const std::int64_t hundredths = basis_points % kBasisPointsPerPercent;
  if (hundredths == 0) return text;
  std::string decimals = std::to_string(hundredths);
  if (decimals.size() < 2) decimals.insert(0, 1, '0');
  if (decimals.back() == '0') decimals.pop_back();
  return text + "." + decimals;
}

// The months a schedule counts with, each from the ruleset: when the inception report, each
// progress report and the completion report fall due, and the first part's lead time.
struct ScheduleMonths {
  int inception = 0;          // §5.1.2
  int progress_interval = 0;  // §5.8.1
  int submission = 0;         // §5.8.2
  int first_part_lead = 0;    // §5.5.1
};

std::optional<ScheduleMonths> schedule_months(const rules::Ruleset& ruleset) {
  const auto inception = whole_months(ruleset.time_limits.inception_report.duration);
  const auto interval = whole_months(ruleset.time_limits.progress_report_interval.duration);
  const auto submission = whole_months(ruleset.time_limits.report_submission.duration);
  if (!inception || !interval || *interval <= 0 || !submission) return std::nullopt;
  return ScheduleMonths{*inception, *interval, *submission, first_part_lead_months(ruleset)};
}

std::optional<ScheduleRefusal> refuse_request(const rules::Ruleset& ruleset,
                                              const ScheduleRequest& request) {
  const rules::Disbursement& rule = ruleset.disbursement;
  const std::string& clause = rule.first_instalment_min.source.clause;
  if (request.approved <= Money{})
    return ScheduleRefusal{clause, "核准資助額須大於零，才可訂定發放資助款項時間表。",
                           "The approved grant must be more than zero to set a disbursement "
                           "schedule."};
  if (request.duration_months <= 0)
    return ScheduleRefusal{clause, "項目期須最少為一個月，才可訂定發放資助款項時間表。",
                           "The project must last at least one month to set a disbursement "
                           "schedule."};
  const std::int64_t min_bp = rule.first_instalment_min.min_pct * kBasisPointsPerPercent;
  const std::int64_t max_bp = rule.first_instalment_max.max_pct * kBasisPointsPerPercent;
  const bool below = request.first_share_bp < min_bp;
  const bool above = request.first_share_bp > max_bp ||
                     (!rule.first_instalment_max.inclusive && request.first_share_bp == max_bp);
  if (!below && !above) return std::nullopt;
  const std::string band = percent_text(min_bp) + "–" + percent_text(max_bp) + "%";
  const std::string asked = percent_text(request.first_share_bp) + "%";
  return ScheduleRefusal{
      clause,
      "首次發放的款項一般為核准資助額的" + band + "，建議的" + asked +
          "不在此範圍內；有別於此的發放時間表只會在特殊情況下由秘書處另定。",
      "The first instalment is generally " + band + " of the approved grant, not " + asked +
          ": a schedule outside that band is set by the secretariat only in special "
          "circumstances."};
}

ScheduleRefusal refuse_months(const rules::Ruleset& ruleset) {
  return ScheduleRefusal{ruleset.time_limits.progress_report_interval.source.clause,
                         "規則資料中的報告期限並非以月或年計算，無法訂定發放資助款項時間表。",
                         "The ruleset gives the reporting limits in a unit other than months or "
                         "years, so no disbursement schedule can be worked out from it."};
}

// §5.5.1: the balance in equal instalments floored to the cent, one per progress report; the
// cents left over go where the request says.
void add_balance_instalments(std::vector<PlannedInstalment>& plan, Money balance, int reports,
                             const ScheduleMonths& months, RemainderPlacement remainder) {
  const FloorDivision split = divide_floor(balance, reports);
  for (int report = 1; report <= reports; ++report) {
    Money amount = split.per_part;
    const bool takes_remainder =
        remainder == RemainderPlacement::first_balance ? report == 1 : report == reports;
    if (takes_remainder) amount += split.remainder;
    plan.push_back({static_cast<int>(plan.size()) + 1, ReleaseCondition::progress_report_accepted,
                    report, months.progress_interval * report + months.submission, amount});
  }
}

}  // namespace

std::string_view condition_code(ReleaseCondition condition) {
  for (const ConditionName& name : kConditions)
    if (name.condition == condition) return name.code;
  return "";
}

std::optional<ReleaseCondition> condition_from_code(std::string_view code) {
  for (const ConditionName& name : kConditions)
    if (name.code == code) return name.condition;
  return std::nullopt;
}

std::string condition_text(ReleaseCondition condition, int report_number, Lang lang) {
  const std::string n = std::to_string(report_number);
  switch (condition) {
    case ReleaseCondition::agreement_signed:
      if (lang == Lang::en) return "On the signed agreement, one month before the start";
      return lang == Lang::zh_hans ? "签订协议后(项目开始前一个月)"
                                   : "簽訂協議後(項目開始前一個月)";
    case ReleaseCondition::inception_report_accepted:
      if (lang == Lang::en) return "Once the inception report is accepted";
      return lang == Lang::zh_hans ? "初始报告获接纳后" : "初始報告獲接納後";
    case ReleaseCondition::progress_report_accepted:
      if (lang == Lang::en) return "Once progress report " + n + " is accepted";
      return lang == Lang::zh_hans ? "第" + n + "份进度报告书获接纳后"
                                   : "第" + n + "份進度報告書獲接納後";
    case ReleaseCondition::completion_report_accepted:
      if (lang == Lang::en) return "Once the completion report with final accounts is accepted";
      return lang == Lang::zh_hans ? "完成报告书连同最终账目获接纳后"
                                   : "完成報告書連同最終帳目獲接納後";
  }
  return "";
}

int progress_report_count(const rules::Ruleset& ruleset, int duration_months) {
  const auto interval = whole_months(ruleset.time_limits.progress_report_interval.duration);
  if (!interval || *interval <= 0 || duration_months <= 0) return 0;
  // A report at the end of each full interval that ends strictly before the completion: the
  // interval ending with the project is covered by the completion report instead.
  return (duration_months - 1) / *interval;
}

std::variant<std::vector<PlannedInstalment>, ScheduleRefusal> generate_schedule(
    const rules::Ruleset& ruleset, const ScheduleRequest& request) {
  if (auto refusal = refuse_request(ruleset, request)) return *refusal;
  const std::optional<ScheduleMonths> months = schedule_months(ruleset);
  if (!months) return refuse_months(ruleset);

  const rules::Disbursement& rule = ruleset.disbursement;
  const Money grant = request.approved;
  const Money first_instalment = share_of(grant, request.first_share_bp);
  const Money first_part_cap =
      share_of(grant, rule.first_part_cap.max_pct * kBasisPointsPerPercent);
  const Money first_part = std::min(first_instalment, first_part_cap);
  const Money retention = rule.retention(grant);
  const Money balance = grant - first_instalment - retention;
  if (balance < Money{})  // only with a ruleset whose first share and retention exceed 100 %
    return ScheduleRefusal{rule.retention_source.clause,
                           "首次發放的款項連同保留款額超過核准資助額。",
                           "The first instalment and the retention together exceed the grant."};
  const int reports = progress_report_count(ruleset, request.duration_months);

  std::vector<PlannedInstalment> plan;
  plan.push_back({1, ReleaseCondition::agreement_signed, 0, -months->first_part_lead, first_part});
  if (first_instalment > first_part)
    plan.push_back({2, ReleaseCondition::inception_report_accepted, 0, months->inception,
                    first_instalment - first_part});
  if (reports > 0) add_balance_instalments(plan, balance, reports, *months, request.remainder);
  // With no progress report to pay it on, the balance waits for the completion report.
  const Money last = reports > 0 ? retention : balance + retention;
  plan.push_back({static_cast<int>(plan.size()) + 1, ReleaseCondition::completion_report_accepted,
                  0, request.duration_months + months->submission, last});
  return plan;
}

std::optional<ScheduleRefusal> check_custom_schedule(const std::vector<PlannedInstalment>& schedule,
                                                     Money approved, std::string_view reason) {
  const std::string clause = "§5.5.1";
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return ScheduleRefusal{
        clause, "有別於指引的發放資助款項時間表只會在特殊情況下才予以考慮，請說明理由。",
        "A schedule departing from the guidelines is considered only in special circumstances: "
        "give the reason."};
  if (schedule.empty())
    return ScheduleRefusal{clause, "發放資助款項時間表須最少有一期款項。",
                           "The schedule needs at least one instalment."};
  Money total;
  for (const PlannedInstalment& instalment : schedule) {
    if (instalment.amount <= Money{})
      return ScheduleRefusal{
          clause, "第" + std::to_string(instalment.number) + "期款項須大於零。",
          "Instalment " + std::to_string(instalment.number) + " must be more than zero."};
    total += instalment.amount;
  }
  if (total != approved)
    return ScheduleRefusal{
        clause,
        "各期款項合共" + format_hkd(total) + "，須相等於核准資助額" + format_hkd(approved) + "。",
        "The instalments add up to " + format_hkd(total) + ", not the approved grant of " +
            format_hkd(approved) + "."};
  return std::nullopt;
}

}  // namespace bsap::project
