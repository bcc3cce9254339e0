// 附錄2 per line, §3.2 yearly breakdown, §3.3 case-by-case items, §3.5, §3.9, §3.10: what each
// budget line must be on its own. Every figure comes from the ruleset (budget.yaml); a hard cap
// of 附錄2 (「不超逾」, 「最高資助額」, 「必須」) is blocking, a rate that 「可按每宗個案的情況提
// 高」 or a 「通常」 rule needs reasons.
#include <charconv>

#include "ccfs/budget_check_support.h"

namespace bsap::ccfs {
namespace {

constexpr std::string_view kYearlyBreakdown = "budget.yaml#general.yearly_breakdown";

// One line under check, with what every rule of the line needs.
struct LineCheck {
  const CheckInput& input;
  FindingSink& sink;
  const BudgetLine& line;
  std::size_t index;
  const BudgetKind& kind;
  const rules::BudgetItem* item;  // its 附錄2 item, when it has one

  std::string field(std::string_view member = {}) const { return line_field(index, member); }
  std::string subject_zh() const {
    return line_name_zh(index) + "(" + std::string(kind.name_zh) + ")";
  }
  std::string subject_en() const {
    return line_name_en(index) + " (" + std::string(kind.name_en) + ")";
  }
  std::string clause() const { return item ? item->source.clause : std::string(kind.clause); }
};

// ---- every line, whatever its kind

void report_unknown_kind(FindingSink& sink, const BudgetLine& line, std::size_t index) {
  sink.blocking(
      "budget.kind", "§3.1", line_field(index, "kind"),
      line_name_zh(index) + "的開支類別「" + line.kind +
          "」不是資助計劃的開支類別(第3節、附錄2)。所有開支項目必須分類：請從開支類別清單中選擇。",
      line_name_en(index) + ": '" + line.kind +
          "' is not a budget kind of the scheme (§3, 附錄2). Every item must be "
          "categorised: choose a kind from the list.");
}

void check_quantity_and_cost(FindingSink& sink, const BudgetLine& line, std::size_t index) {
  if (line.quantity < 1)
    sink.blocking("budget.quantity", "§3.1", line_field(index, "quantity"),
                  line_name_zh(index) + "的數量為" + std::to_string(line.quantity) +
                      "。每個開支項目必須清楚列明分項數字：數量須至少為1。",
                  line_name_en(index) + " has a quantity of " + std::to_string(line.quantity) +
                      ". Every item must be itemised: the quantity must be at least 1.");
  if (line.unit_cost < Money{})
    sink.blocking("budget.unit_cost", "§3.1", line_field(index, "unit_cost"),
                  line_name_zh(index) + "的單價為" + hkd(line.unit_cost) +
                      "。單價不可為負數；收入請列於「收入」。",
                  line_name_en(index) + " has a unit cost of " + hkd(line.unit_cost) +
                      ". A unit cost cannot be negative; put income under 'income'.");
}

// §3.2 applies to projects longer than this many months (budget.yaml general.yearly_breakdown);
// nullopt when the ruleset does not say, and then no line needs a year.
std::optional<int> yearly_breakdown_above_months(const rules::Ruleset& ruleset) {
  const auto amount = rule_leaf(ruleset, kYearlyBreakdown, "value.when_duration_above.amount");
  const auto unit = rule_leaf(ruleset, kYearlyBreakdown, "value.when_duration_above.unit");
  if (!amount || !unit || unit->size() < 2) return std::nullopt;
  int count = 0;
  if (std::from_chars(amount->data(), amount->data() + amount->size(), count).ec != std::errc{})
    return std::nullopt;
  const auto parsed = rules::parse_duration_unit(unit->substr(1, unit->size() - 2));
  if (parsed == rules::DurationUnit::years) return count * 12;
  if (parsed == rules::DurationUnit::months) return count;
  return std::nullopt;
}

// §3.2: a line's year is 1 … the project's last year; year 0 ("not given") only when the project
// needs no yearly breakdown. Without a duration the completeness step reports it instead.
void check_year(const CheckInput& input, FindingSink& sink, const BudgetLine& line,
                std::size_t index) {
  const std::optional<int> months = input.application.duration_months;
  if (!months || *months <= 0) return;
  const int years = (*months + 11) / 12;
  const std::optional<int> above = yearly_breakdown_above_months(input.ruleset);
  const bool breakdown = above && *months > *above;
  if ((line.year >= 1 && line.year <= years) || (line.year == 0 && !breakdown)) return;
  const std::string range = "1–" + std::to_string(years);
  const std::string given = line.year == 0 ? "未填寫" : std::to_string(line.year);
  sink.blocking("budget.year", "§3.2", line_field(index, "year"),
                line_name_zh(index) + "的年份為「" + given + "」。本項目為期" +
                    std::to_string(*months) + "個月" +
                    (breakdown ? "，超過一年，預算須列出每年的分項數字" : "") + "：請把年份定為第" +
                    range + "年。",
                line_name_en(index) + " has year '" +
                    (line.year == 0 ? std::string("not given") : std::to_string(line.year)) +
                    "'. The project runs " + std::to_string(*months) + " months" +
                    (breakdown ? ", more than a year, so the budget shows each year" : "") +
                    ": set the year to one of " + range + ".");
}

// §3.5.7 and §3.5.3: flags on the line that rule it out whatever its kind.
void check_not_fundable_flags(const LineCheck& at) {
  if (at.line.owner_related)
    at.sink.blocking(
        "budget.rent_owner_related", "§3.5.7", at.field("owner_related"),
        at.subject_zh() +
            "：土地／處所為申請者、其職員或申請者的關連人士所管有，不會獲得租金資助。請刪除此項。",
        at.subject_en() +
            ": land or premises held by the applicant, its staff or a connected "
            "person get no rent funding. Remove the line.");
  if (at.line.paid_in_full_elsewhere)
    at.sink.blocking("budget.double_funding", "§3.5.3", at.field("paid_in_full_elsewhere"),
                     at.subject_zh() +
                         "：員工已接受其他資金來源的全職工資／報酬，不得透過資助計劃支付其報酬("
                         "避免重複資助)。請刪除此項；兼職者的工資應按比例計算。",
                     at.subject_en() +
                         ": staff already paid full-time from another source cannot be paid by "
                         "the scheme (no double funding). Remove the line; part-time staff are "
                         "paid pro rata.");
}

// §3.5.1, §3.10.4–§3.10.6 and §3.3: what the clause governing the kind says of funding at all.
void check_kind_rule(const LineCheck& at) {
  const std::string clause(at.kind.clause);
  switch (at.kind.rule) {
    case KindRule::not_funded:
      at.sink.blocking("budget.not_funded", clause, at.field("kind"),
                       at.subject_zh() + "不會獲得資助(" + clause + ")。請刪除此項。",
                       at.subject_en() + " is not funded (" + clause + "). Remove the line.");
      return;
    case KindRule::normally_not_funded:
      at.sink.needs_justification("budget.normally_not_funded", clause, at.field("kind"),
                                  at.subject_zh() + "通常不會獲得資助(" + clause + ")。",
                                  at.subject_en() + " is normally not funded (" + clause + ").");
      return;
    case KindRule::case_by_case:
      // §3.3: the line's own justification is the detailed reason the clause asks for.
      if (!is_blank(at.line.justification)) return;
      at.sink.needs_justification(
          "budget.case_by_case", "§3.3, " + clause, at.field("justification"),
          at.subject_zh() + "的資助會按個別情況予以考慮(" + clause +
              ")，須在此項的「理據」欄提供詳細理據及分項數字。",
          at.subject_en() + " is considered case by case (" + clause +
              ") and needs detailed reasons and a breakdown in the line's justification.");
      return;
    case KindRule::appendix2_item:
    case KindRule::considered:
      return;
  }
}

// §3.9: heritage restoration is part of management agreement projects only, and §3.9.2 wants
// those lines marked. A heritage mark on another project's line is only a note: the whole of a
// heritage, cultural or research project is its own, and no ceiling of theirs depends on the mark
// (註10/註11 split MA grants only), so nothing needs to change.
void check_heritage_component(const LineCheck& at) {
  if (!at.input.type) return;  // the project type step reports a missing type
  const bool ma = is_management_agreement(at.input);
  const bool restoration = at.kind.section == BudgetSection::heritage_conservation;
  if (restoration && !ma) {
    at.sink.blocking(
        "budget.kind.project_type", std::string(at.kind.clause), at.field("kind"),
        at.subject_zh() +
            "只適用於管理協議項目(第3.9節)。其他項目的修復工程請列作小型工程(第3.6.1節)。",
        at.subject_en() +
            " is for management agreement projects only (§3.9). In other projects "
            "list restoration works as minor works (§3.6.1).");
  } else if (restoration && at.line.component != "heritage") {
    at.sink.blocking("budget.heritage_component", "§3.9.2", at.field("component"),
                     at.subject_zh() +
                         "：申請者必須清楚指出與文物建築及／或文化資產保育有關的預算項目。請把此項"
                         "的組成部分定為「heritage」。",
                     at.subject_en() +
                         ": lines for heritage and cultural conservation must be clearly marked. "
                         "Set the line's component to 'heritage'.");
  } else if (!ma && at.line.component == "heritage") {
    at.sink.info("budget.heritage_component", "§3.9.2", at.field("component"),
                 at.subject_zh() +
                     "標示為文物／文化部分；此標示只用於管理協議項目(第3.9.2節)"
                     "，本項目無須標示，亦不影響審批。",
                 at.subject_en() +
                     " is marked as heritage; the mark is for management agreement projects "
                     "(§3.9.2) and changes nothing in this project.");
  }
}

// 附錄2 items 3, 8, 9: 「必須提供報價」.
void check_quotation(const LineCheck& at) {
  if (!at.item || !at.item->quotation_required || at.line.quotation) return;
  at.sink.blocking("budget.quotation", at.clause(), at.field("quotation"),
                   at.subject_zh() + "必須提供報價(" + at.clause() + ")。請附上報價。",
                   at.subject_en() + " needs a quotation (" + at.clause() + "). Attach one.");
}

// Whether the item lets the secretariat raise its rates case by case (items 7 and 16:
// 「資助額可按每宗個案的情況提高」, the `increase` sub-rule of budget.yaml).
bool may_be_raised(const rules::Ruleset& ruleset, const rules::BudgetItem& item) {
  const rules::RuleEntry* entry = ruleset.entry(item.source.key_path);
  if (!entry) return false;
  for (const rules::RuleLeaf& leaf : entry->leaves)
    if (leaf.path.starts_with("increase.")) return true;
  return false;
}

// A unit cost above a cap of its item: blocking, or needs reasons where the item's rates may be
// raised case by case.
void report_over_cap(const LineCheck& at, const std::string& rule, ScaledCap cap,
                     std::string_view per_zh, std::string_view per_en) {
  const std::string most = hkd(cap.floored());
  const bool raisable = may_be_raised(at.input.ruleset, *at.item);
  report(at.sink, raisable, rule, at.clause(), at.field("unit_cost"),
         at.subject_zh() + "的單價" + hkd(at.line.unit_cost) + "超逾" + at.clause() +
             "的最高資助額(" + std::string(per_zh) + most + ")。" +
             (raisable ? "資助額可按個案情況提高，惟須事先取得秘書處批准；否則請把單價減至" + most +
                             "或以下。"
                       : "請把單價減至" + most + "或以下。"),
         at.subject_en() + ": the unit cost " + hkd(at.line.unit_cost) + " is above the cap of " +
             at.clause() + " (" + most + " " + std::string(per_en) + ")." +
             (raisable ? " The rate may be raised case by case with the secretariat's prior "
                         "approval; otherwise lower the unit cost to " +
                             most + " or less."
                       : " Lower the unit cost to " + most + " or less."));
}

// A flat cap per unit of a kind: the item's figure `amount` ("max_cents_per_booth").
struct UnitRate {
  std::string_view kind;
  std::string_view amount;
  std::string_view rule;
  std::string_view per_zh;
  std::string_view per_en;
};

constexpr UnitRate kUnitRates[] = {
    {"booth", "max_cents_per_booth", "budget.item_4.per_unit", "每個攤位", "per booth"},
    {"display_board", "max_cents_per_board", "budget.item_5.per_unit", "每塊展板", "per board"},
    {"competition_prize", "max_cents_per_category", "budget.item_6.per_category", "每個比賽組別",
     "per competition category"},
    {"souvenir", "max_cents_each", "budget.item_12.per_unit", "每份", "each"},
    {"direct_labour", "direct_labour_rate.max_cents_per_worker_hour",
     "budget.item_13.per_worker_hour", "每名工人每小時", "per worker-hour"},
    {"travel_allowance", "max_cents_per_trip", "budget.item_16.per_trip", "每程", "per trip"},
};

// 附錄2 item 9: the HK$2,600 is per coach and round trip; boats and vans have no figure.
constexpr UnitRate kCoachRate = {"transport", "max_cents_per_coach_round_trip",
                                 "budget.item_9.per_coach", "每輛旅遊車(包來回程)",
                                 "per coach, round trip"};

void check_unit_rate(const LineCheck& at, const UnitRate& rate) {
  const std::optional<Money> cap = at.item->amount(rate.amount);
  if (!cap || ScaledCap::flat(*cap).admits(at.line.unit_cost)) return;
  report_over_cap(at, std::string(rate.rule), ScaledCap::flat(*cap), rate.per_zh, rate.per_en);
}

// Items 7 and 17 depend on the activity's length.
bool has_minutes(const LineCheck& at) {
  if (at.line.minutes && *at.line.minutes > 0) return true;
  at.sink.blocking(
      "budget.minutes", at.clause(), at.field("minutes"),
      at.subject_zh() + "的資助額視乎活動時間而定(" + at.clause() + ")：請填寫活動持續的分鐘數。",
      at.subject_en() + ": the rate depends on how long the activity lasts (" + at.clause() +
          "). Give its length in minutes.");
  return false;
}

// 附錄2 item 7. The professional rate is a separate bullet for qualified speakers; the seed does
// not say it replaces the band rates for long sessions (data/ccfs/README Ambiguities 12), so the
// higher of the caps that apply is taken.
ScaledCap speaker_cap(const rules::BudgetItem& item, const BudgetLine& line, int minutes) {
  // Exactly 3 hours is both 「3小時或以上」 and 「不超過3小時」 (README Ambiguities 12): both bands
  // contain 180 minutes and the higher cap, HK$650 against 3 × HK$200, applies.
  ScaledCap cap = hour_band_cap(item, minutes).value_or(ScaledCap{});
  if (const auto rate = item.amount("professional.max_cents_per_speaker_hour");
      rate && line.professional)
    cap = std::max(cap, ScaledCap::hourly(*rate, minutes));
  return cap;
}

void check_speaker(const LineCheck& at) {
  if (at.line.own_staff)
    at.sink.needs_justification(
        "budget.item_7.own_staff", at.clause(), at.field("own_staff"),
        at.subject_zh() + "：由獲資助項目聘請的員工擔任講者／導師，有關費用通常不會獲得資助(" +
            at.clause() + ")。",
        at.subject_en() +
            ": fees of the project's own staff acting as speakers are normally "
            "not funded (" +
            at.clause() + ").");
  if (at.line.professional)
    at.sink.info("budget.item_7.certificate", at.clause(), at.field("professional"),
                 at.subject_zh() + "：專業講者／導師須提供相關機構發出的證書以證明其專業資格。",
                 at.subject_en() +
                     ": a professional speaker needs a certificate from the "
                     "relevant body proving the qualification.");
  if (!has_minutes(at)) return;
  const ScaledCap cap = speaker_cap(*at.item, at.line, *at.line.minutes);
  if (cap.admits(at.line.unit_cost)) return;
  report_over_cap(
      at, "budget.item_7.per_speaker", cap,
      "每名講者／導師" + std::to_string(*at.line.minutes) + "分鐘的活動",
      "per speaker for an activity of " + std::to_string(*at.line.minutes) + " minutes");
}

// 附錄2 item 17 gives rates for 3 to 5 hours and over 5 hours only (README Ambiguities 13).
void check_volunteer_meal(const LineCheck& at) {
  if (!has_minutes(at)) return;
  const int minutes = *at.line.minutes;
  const std::optional<ScaledCap> cap = hour_band_cap(*at.item, minutes);
  if (!cap) {
    at.sink.needs_justification("budget.item_17.below_bands", at.clause(), at.field("minutes"),
                                at.subject_zh() + "：活動為時" + std::to_string(minutes) +
                                    "分鐘，" + at.clause() + "沒有訂明這個時段的飯餐津貼。",
                                at.subject_en() + ": the activity lasts " +
                                    std::to_string(minutes) + " minutes; " + at.clause() +
                                    " gives no meal allowance for that length.");
    return;
  }
  if (cap->admits(at.line.unit_cost)) return;
  report_over_cap(at, "budget.item_17.per_volunteer", *cap,
                  "每名義工(" + std::to_string(minutes) + "分鐘的活動)",
                  "per volunteer for an activity of " + std::to_string(minutes) + " minutes");
}

void check_transport(const LineCheck& at) {
  const std::string& vehicle = at.line.vehicle;
  if (vehicle == "coach") return check_unit_rate(at, kCoachRate);
  if (vehicle == "boat" || vehicle == "van" || vehicle == "lorry") {
    if (!is_blank(at.line.justification)) return;
    at.sink.needs_justification(
        "budget.item_9.vehicle_justification", at.clause(), at.field("justification"),
        at.subject_zh() + "：租船、小型貨車／貨車須說明所租用的大小並提供理據(" + at.clause() +
            ")。請在此項的「理據」欄說明。",
        at.subject_en() + ": hiring a boat, van or lorry needs its size and reasons (" +
            at.clause() + "). Give them in the line's justification.");
    return;
  }
  at.sink.blocking(
      "budget.item_9.vehicle", at.clause(), at.field("vehicle"),
      at.subject_zh() +
          "：請註明租用的交通工具：旅遊車(coach)、船(boat)、小型貨車(van)或貨車(lorry)。",
      at.subject_en() + ": say which vehicle is hired: coach, boat, van or lorry.");
}

// Items 10 and 11: participants pay at least their share of the whole fee, the scheme the rest.
void check_participant_share(const LineCheck& at) {
  if (!at.item->participant_share_pct) return;
  const rules::PercentFloor floor{at.item->source, *at.item->participant_share_pct};
  const std::string rule = "budget.item_" + std::to_string(at.item->number) + ".participant_share";
  const std::string pct = percent_text(floor.min_pct);
  if (!at.line.participant_fee) {
    at.sink.blocking(rule, at.clause(), at.field("participant_fee"),
                     at.subject_zh() + "：參加者須繳付" + pct + "的費用(" + at.clause() +
                         ")。請填寫每名參加者繳付的金額。",
                     at.subject_en() + ": participants pay " + pct + " of the fee (" + at.clause() +
                         "). Give what each participant pays.");
    return;
  }
  const Money paid = *at.line.participant_fee;
  const Money whole = at.line.unit_cost + paid;
  if (paid >= Money{} && floor.met_by(paid, whole)) return;
  const std::string least = hkd(smallest_meeting(floor, whole));
  at.sink.blocking(rule, at.clause(), at.field("participant_fee"),
                   at.subject_zh() + "：參加者繳付" + hkd(paid) + "，只佔全費" + hkd(whole) + "的" +
                       share_text(paid, whole) + "；參加者須繳付" + pct + "(" + at.clause() +
                       ")。請把參加者費用提高至最少" + least + "。",
                   at.subject_en() + ": participants pay " + hkd(paid) + ", " +
                       share_text(paid, whole) + " of the whole fee " + hkd(whole) +
                       "; they must pay " + pct + " (" + at.clause() +
                       "). Raise the participant fee to at least " + least + ".");
}

// Item 3: the grantee's own equipment is normally not funded; by exception, with the
// secretariat's prior consent, at most a share of the current market rent.
void check_own_equipment(const LineCheck& at) {
  if (!at.line.own_equipment || !at.item->own_equipment_market_rent_pct) return;
  const int pct = *at.item->own_equipment_market_rent_pct;
  at.sink.needs_justification(
      "budget.item_3.own_equipment", at.clause(), at.field("own_equipment"),
      at.subject_zh() +
          "：租用項目機構自己的設備／設施通常不予資助；如因特別原因需要資助，須事先取得秘書處的同意"
          "(" +
          at.clause() + ")。",
      at.subject_en() +
          ": renting the grantee's own equipment is normally not funded; with a "
          "special reason it needs the secretariat's prior consent (" +
          at.clause() + ").");
  if (!at.line.market_rent) {
    at.sink.blocking("budget.item_3.own_equipment_rent", at.clause(), at.field("market_rent"),
                     at.subject_zh() + "：自己的設備的資助額不多於現時市場租金的" +
                         percent_text(pct) + "。請填寫現時的市場租金。",
                     at.subject_en() + ": own equipment is funded at most " + percent_text(pct) +
                         " of the current market rent. Give the current market rent.");
    return;
  }
  const Money rent = *at.line.market_rent;
  if (at_most_percent(at.line.unit_cost, rent, pct)) return;
  const std::string most = hkd(share_of(rent, std::int64_t{pct} * 100));
  at.sink.blocking("budget.item_3.own_equipment_rent", at.clause(), at.field("unit_cost"),
                   at.subject_zh() + "的單價" + hkd(at.line.unit_cost) + "超逾現時市場租金" +
                       hkd(rent) + "的" + percent_text(pct) + "(" + most + ")。請把單價減至" +
                       most + "或以下。",
                   at.subject_en() + ": the unit cost " + hkd(at.line.unit_cost) + " is above " +
                       percent_text(pct) + " of the current market rent " + hkd(rent) + " (" +
                       most + "). Lower it to " + most + " or less.");
}

// Item 6: 「不得以現金或可兌換現金的物品作為獎品」.
void check_cash_prize(const LineCheck& at) {
  if (!at.line.cash_prize) return;
  at.sink.blocking("budget.item_6.cash_prize", at.clause(), at.field("cash_prize"),
                   at.subject_zh() + "：不得以現金或可兌換現金的物品作為獎品(" + at.clause() +
                       ")。請改用獎牌或實物獎品。",
                   at.subject_en() + ": prizes may not be cash or convertible to cash (" +
                       at.clause() + "). Use medals or prizes in kind.");
}

// The rules of the line's own 附錄2 item, by kind.
void check_item_rules(const LineCheck& at) {
  if (!at.item) return;
  check_quotation(at);
  for (const UnitRate& rate : kUnitRates)
    if (rate.kind == at.kind.key) check_unit_rate(at, rate);
  const std::string_view key = at.kind.key;
  if (key == "venue") check_own_equipment(at);
  if (key == "competition_prize") check_cash_prize(at);
  if (key == "speaker") check_speaker(at);
  if (key == "transport") check_transport(at);
  if (key == "volunteer_meal") check_volunteer_meal(at);
  if (key == "admission" || key == "guided_tour") check_participant_share(at);
}

void check_line(const CheckInput& input, FindingSink& sink, std::size_t index) {
  const BudgetLine& line = input.application.budget[index];
  check_quantity_and_cost(sink, line, index);
  check_year(input, sink, line, index);
  const BudgetKind* kind = kind_of(line);
  if (!kind) return report_unknown_kind(sink, line, index);
  const LineCheck at{input, sink, line, index, *kind, appendix2_item_of(input.ruleset, *kind)};
  check_kind_rule(at);
  check_not_fundable_flags(at);
  check_heritage_component(at);
  check_item_rules(at);
}

// Caps on the sum of an item's lines over the application (item 5: 「以每宗申請計的資助額不超
// 逾27,300元」): every `*_per_application` figure of an item.
void check_per_application_caps(const CheckInput& input, FindingSink& sink) {
  for (const rules::BudgetItem& item : input.ruleset.budget.appendix2) {
    for (const rules::NamedAmount& cap : item.amounts) {
      if (!cap.name.ends_with("_per_application")) continue;
      const Money sum = sum_of_lines(input.application, [&](const BudgetKind& kind) {
        return kind.appendix2_item == item.number;
      });
      if (sum <= cap.amount) continue;
      sink.blocking("budget.item_" + std::to_string(item.number) + ".per_application",
                    item.source.clause, "budget",
                    item.name.zh + "的預算合共" + hkd(sum) + "，超逾" + item.source.clause +
                        "以每宗申請計的上限" + hkd(cap.amount) + "。請減少" +
                        hkd(sum - cap.amount) + "。",
                    item.name.en + ": the lines total " + hkd(sum) + ", above the cap of " +
                        item.source.clause + " of " + hkd(cap.amount) +
                        " per application. Reduce them by " + hkd(sum - cap.amount) + ".");
    }
  }
}

}  // namespace

void check_budget_lines(const CheckInput& input, FindingSink& sink) {
  for (std::size_t index = 0; index < input.application.budget.size(); ++index)
    check_line(input, sink, index);
  check_per_application_caps(input, sink);
}

}  // namespace bsap::ccfs
