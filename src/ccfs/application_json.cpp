#include "ccfs/application_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <concepts>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <type_traits>

#include "ccfs/budget_kinds.h"

namespace bsap::ccfs {
namespace {

// Ordered, so that errors name the first unknown key in the order written, and drafts keep the
// order of application.h.
using Json = nlohmann::ordered_json;

// Bounds that no real application comes near. They are not scheme rules (the checker judges
// those) but keep the checker's arithmetic in range: with every amount and every budget line at
// most HK$100,000,000, even a 1 MiB text of budget lines sums to under 5×10^14 cents, and a
// percentage of that in basis points still fits in int64.
constexpr std::int64_t kMaxAmountCents = 10'000'000'000;  // HK$100,000,000
constexpr int kMaxDepth = 32;                             // the format nests 3 levels deep

struct Range {
  std::int64_t min = 0;
  std::int64_t max = 0;
};
constexpr Range kCount{0, 1'000'000};  // quantities, minutes, metres, project years
constexpr Range kMonths{0, 1'200};     // durations: a century keeps date arithmetic in range

// ---- the fields of each part, once, for reading and writing alike

template <class T, class U>
concept Like = std::same_as<std::remove_const_t<T>, U>;

void describe(Like<Applicant> auto& a, auto& v) {
  v("name_zh", a.name_zh);
  v("name_en", a.name_en);
  v("kind", a.kind);
  v("registered_under_societies_ordinance", a.registered_under_societies_ordinance);
  v("has_contract_capacity", a.has_contract_capacity);
  v("receives_government_subvention", a.receives_government_subvention);
  v("documents", a.documents);
}

void describe(Like<PersonInCharge> auto& p, auto& v) {
  v("name", p.name);
  v("post", p.post);
  v("named_in_documents", p.named_in_documents);
}

void describe(Like<Partner> auto& p, auto& v) {
  v("name", p.name);
  v("role", p.role);
  v("kind", p.kind);
  v("registered_under_societies_ordinance", p.registered_under_societies_ordinance);
  v("written_confirmation", p.written_confirmation);
  v("documents", p.documents);
}

void describe(Like<FundingSource> auto& f, auto& v) {
  v("name", f.name);
  v("amount", f.amount);
  v("status", f.status);
  v("sponsor_category", f.sponsor_category);
  v("written_confirmation", f.written_confirmation);
  v("pending_action", f.pending_action);
  v("for_under_18_activity", f.for_under_18_activity);
}

void describe(Like<IncomeLine> auto& i, auto& v) {
  v("description", i.description);
  v("amount", i.amount);
}

void describe(Like<HeritageAsset> auto& h, auto& v) {
  v("name", h.name);
  v("aab_graded", h.aab_graded);
  v("on_ich_list", h.on_ich_list);
}

void describe(Like<OwnerConsent> auto& o, auto& v) {
  v("lot_or_address", o.lot_or_address);
  v("owner", o.owner);
  v("consent_in_principle", o.consent_in_principle);
}

void describe(Like<StatutoryApproval> auto& s, auto& v) {
  v("approval", s.approval);
  v("authority", s.authority);
  v("plan_and_timing", s.plan_and_timing);
}

void describe(Like<Kpi> auto& k, auto& v) {
  v("indicator", k.indicator);
  v("dimension", k.dimension);
  v("target", k.target);
}

void describe(Like<Instalment> auto& i, auto& v) {
  v("milestone", i.milestone);
  v("amount", i.amount);
  v("before_project_start", i.before_project_start);
  v("after_completion", i.after_completion);
}

void describe(Like<Procurement> auto& p, auto& v) {
  v("description", p.description);
  v("value", p.value);
  v("single_source", p.single_source);
  v("supplier", p.supplier);
  v("relationship", p.relationship);
  v("justification", p.justification);
}

void describe(Like<BudgetLine> auto& b, auto& v) {
  v("kind", b.kind);
  v("description", b.description);
  v("year", b.year, kCount);
  v("quantity", b.quantity, kCount);
  v("unit_cost", b.unit_cost);
  v("minutes", b.minutes, kCount);
  v("participant_fee", b.participant_fee);
  v("market_rent", b.market_rent);
  v("component", b.component);
  v("vehicle", b.vehicle);
  v("professional", b.professional);
  v("own_staff", b.own_staff);
  v("own_equipment", b.own_equipment);
  v("owner_related", b.owner_related);
  v("cash_prize", b.cash_prize);
  v("quotation", b.quotation);
  v("paid_in_full_elsewhere", b.paid_in_full_elsewhere);
  v("justification", b.justification);
}

void describe(Like<Renewal> auto& r, auto& v) {
  v("previous_reference", r.previous_reference);
  v("previous_approved_budget", r.previous_approved_budget);
}

void describe(Like<Application> auto& a, auto& v) {
  v("project_type", a.project_type);
  v("language", a.language);
  v("title", a.title);
  v("summary", a.summary);
  v("planned_start", a.planned_start);
  v("duration_months", a.duration_months, kMonths);
  v("applicant", a.applicant);
  v("person_in_charge", a.person_in_charge);
  v("site_codes", a.site_codes);
  v("map_reference", a.map_reference);
  v("site_map", a.site_map);
  v("site_photos", a.site_photos);
  v("habitat_map", a.habitat_map);
  v("walk_to_public_transport_m", a.walk_to_public_transport_m, kCount);
  v("map_shows_public_transport", a.map_shows_public_transport);
  v("objectives", a.objectives);
  v("benefits", a.benefits);
  v("details", a.details);
  v("heritage_assets", a.heritage_assets);
  v("management_agreement_evidence", a.management_agreement_evidence);
  v("restoration_months", a.restoration_months, kMonths);
  v("owners", a.owners);
  v("partners", a.partners);
  v("other_funding", a.other_funding);
  v("income", a.income);
  v("work_plan", a.work_plan);
  v("timetable", a.timetable);
  v("statutory_approvals", a.statutory_approvals);
  v("no_statutory_approvals_needed", a.no_statutory_approvals_needed);
  v("kpis", a.kpis);
  v("deliverables", a.deliverables);
  v("sustainability_plan", a.sustainability_plan);
  v("budget", a.budget);
  v("disbursement_schedule", a.disbursement_schedule);
  v("procurements", a.procurements);
  v("requested_grant", a.requested_grant);
  v("renewal", a.renewal);
  v("resubmission_differences", a.resubmission_differences);
  v("justifications", a.justifications);
}

// A prior grant is only worth its date and amount (§2.5.2 counts them), so both are required.
void describe(Like<PriorGrant> auto& g, auto& v) {
  v("reference", g.reference);
  v("project_type", g.project_type);
  v.required("approved_on", g.approved_on);
  v.required("amount", g.amount);
}

void describe(Like<ApplicationDocument> auto& d, auto& v) {
  describe(d.application, v);
  v("prior_grants", d.prior_grants);
  v("checked_on", d.checked_on);
}

// ---- refusals

// Thrown only inside this file; parse_application_json returns it as its ParseError.
struct Refusal {
  ParseError error;
};

[[noreturn]] void refuse(std::string path, std::string en, std::string zh) {
  throw Refusal{{std::move(path), std::move(en), std::move(zh)}};
}

std::string member_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string item_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

// Where a value sits: a chain of segments on the reader's stack, spelled out as a path
// ("budget[3].unit_cost") only when an error needs one, so that reading builds no path strings.
class Where {
 public:
  Where() = default;  // the application as a whole
  Where member(std::string_view key) const { return Where(this, key, 0, false); }
  Where item(std::size_t index) const { return Where(this, {}, index, true); }

  std::string path() const {
    if (parent_ == nullptr) return "";
    return item_ ? item_path(parent_->path(), index_) : member_path(parent_->path(), key_);
  }

 private:
  Where(const Where* parent, std::string_view key, std::size_t index, bool item)
      : parent_(parent), key_(key), index_(index), item_(item) {}

  const Where* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool item_ = false;
};

// How a message names the place: the path, or the application as a whole.
std::string subject_en(const std::string& path) { return path.empty() ? "The application" : path; }
std::string subject_zh(const std::string& path) {
  return path.empty() ? "申請" : "「" + path + "」";
}

struct Wording {
  std::string_view en;
  std::string_view zh;
};

constexpr Wording kText{"text in quotes, e.g. \"Tai Po\"", "以引號括起的文字，例如 \"大埔\""};
constexpr Wording kBoolean{"true or false", "true 或 false"};
constexpr Wording kWholeNumber{"a whole number without quotes, e.g. 12", "不加引號的整數，例如 12"};
constexpr Wording kMoney{"an amount in quotes, e.g. \"1234.56\" or \"HK$1,234.56\"",
                         "以引號括起的金額，例如 \"1234.56\" 或 \"HK$1,234.56\""};
constexpr Wording kDate{"a date in quotes as YYYY-MM-DD, e.g. \"2027-04-01\"",
                        "以引號括起、格式為 YYYY-MM-DD 的日期，例如 \"2027-04-01\""};
constexpr Wording kList{"a list in square brackets [ … ]", "以方括號 [ … ] 表示的列表"};
constexpr Wording kObject{"an object in braces { … }", "以大括號 { … } 表示的物件"};

std::pair<std::string, std::string> what_it_is(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return {"null", "null（空值）"};
    case Json::value_t::boolean:
      return {value.dump(), value.dump() + "（布林值）"};
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return {"the number " + value.dump(), "數字 " + value.dump()};
    case Json::value_t::number_float:
      return {"the number " + value.dump(), "帶小數的數字 " + value.dump()};
    case Json::value_t::string:
      return {"text", "文字"};
    case Json::value_t::array:
      return {"a list", "列表"};
    case Json::value_t::object:
      return {"an object", "物件"};
    default:
      return {"another kind of value", "其他類型的值"};
  }
}

[[noreturn]] void refuse_type(const Json& value, const std::string& path, Wording expected,
                              Wording hint = {}) {
  const auto [actual_en, actual_zh] = what_it_is(value);
  refuse(path,
         fmt::format("{} must be {}, not {}.{}{}", subject_en(path), expected.en, actual_en,
                     hint.en.empty() ? "" : " ", hint.en),
         fmt::format("{}須為{}，而不是{}。{}", subject_zh(path), expected.zh, actual_zh, hint.zh));
}

[[noreturn]] void refuse_missing(const std::string& path) {
  refuse(path, fmt::format("{} is missing: add it.", path),
         fmt::format("缺少「{}」：請填寫此欄。", path));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The known key a typo most likely meant, if one is close enough to be worth suggesting.
std::string_view closest_key(std::string_view typed, const std::vector<std::string_view>& known) {
  if (typed.size() > 64) return {};  // no one mistypes a key that long; spare the arithmetic
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
  for (std::string_view key : known) {
    const std::size_t distance = edit_distance(typed, key);
    if (distance < best_distance) {
      best = key;
      best_distance = distance;
    }
  }
  return best;
}

[[noreturn]] void refuse_unknown_key(const std::string& parent, const std::string& key,
                                     const std::vector<std::string_view>& known) {
  const std::string_view guess = closest_key(key, known);
  const std::string where_en = parent.empty() ? "the application" : parent;
  const std::string where_zh = parent.empty() ? "申請" : "「" + parent + "」";
  refuse(
      member_path(parent, key),
      fmt::format("Unknown field \"{}\" in {}{}. Correct its name or remove it; "
                  "docs/application-format.md lists every field.",
                  key, where_en, guess.empty() ? "" : fmt::format(": did you mean \"{}\"?", guess)),
      fmt::format("{}中有不明欄位「{}」{}請更正欄位名稱或刪除該欄位；所有欄位見 "
                  "docs/application-format.md。",
                  where_zh, key, guess.empty() ? "。" : fmt::format("：你是否指「{}」？", guess)));
}

[[noreturn]] void refuse_out_of_range(const std::string& path, const std::string& value,
                                      Range range, bool below) {
  if (below)
    refuse(path, fmt::format("{} is {}: it must be {} or more.", path, value, range.min),
           fmt::format("「{}」為 {}：須為 {} 或以上。", path, value, range.min));
  refuse(path,
         fmt::format("{} is {}: it must be at most {}. Check for extra digits.", path, value,
                     range.max),
         fmt::format("「{}」為 {}：不可超過 {}。請檢查是否多打了數字。", path, value, range.max));
}

Wording money_fault_wording(MoneyFault fault) {
  switch (fault) {
    case MoneyFault::empty:
      return {"it is empty", "內容空白"};
    case MoneyFault::invalid_character:
      return {"it has a character that is not part of an amount", "含有不屬於金額的字元"};
    case MoneyFault::misplaced_separator:
      return {"a comma or point is out of place", "逗號或小數點位置不正確"};
    case MoneyFault::too_many_decimals:
      return {"it has more than two decimal places (Hong Kong dollars have cents, nothing smaller)",
              "小數超過兩位（港元最小單位為仙）"};
    case MoneyFault::out_of_range:
      return {"it is far too large", "數值過大"};
  }
  return {"it is not an amount", "不是金額"};
}

[[noreturn]] void refuse_money(const std::string& path, const std::string& text,
                               MoneyParseError fault) {
  const Wording why = money_fault_wording(fault.fault);
  refuse(path,
         fmt::format("{} \"{}\" is not an amount of money: {} (at character {}). Write it like "
                     "\"1234.56\" or \"HK$1,234.56\".",
                     path, text, why.en, fault.position + 1),
         fmt::format("「{}」的「{}」不是有效金額：{}（第 {} 個字元）。請寫成 \"1234.56\" 或 "
                     "\"HK$1,234.56\" 的格式。",
                     path, text, why.zh, fault.position + 1));
}

[[noreturn]] void refuse_negative(const std::string& path, const std::string& text) {
  refuse(path,
         fmt::format("{} is negative ({}): amounts in an application are 0 or more. Put income "
                     "under \"income\", not as a negative cost.",
                     path, text),
         fmt::format("「{}」為負數（{}）：申請中的金額須為 0 或以上；收入請填於「income」，"
                     "而非以負數開支表示。",
                     path, text));
}

[[noreturn]] void refuse_date(const std::string& path, const std::string& text) {
  refuse(path,
         fmt::format("{} \"{}\" is not a date: write a real day as YYYY-MM-DD, e.g. "
                     "\"2027-04-01\".",
                     path, text),
         fmt::format("「{}」的「{}」不是有效日期：請以 YYYY-MM-DD 格式填寫實際存在的日子，"
                     "例如 \"2027-04-01\"。",
                     path, text));
}

[[noreturn]] void refuse_too_large(const std::string& path, Money amount, std::string_view what_en,
                                   std::string_view what_zh) {
  refuse(path,
         fmt::format("{}{} is {}, above the HK$100,000,000 this format accepts for any one "
                     "amount. Check for extra digits.",
                     path, what_en, format_hkd(amount)),
         fmt::format("「{}」{}為 {}，超出本格式就單一金額所接受的上限 HK$100,000,000。"
                     "請檢查是否多打了數字。",
                     path, what_zh, format_hkd(amount)));
}

// ---- reading: JSON text to values, each fault refused with its path

// Watches the parse for what nlohmann accepts silently: a key repeated in one object (the last
// would win) and nesting deep enough to be an attack rather than an application.
//
// Counting, it only notices: an object that ends with fewer members than keys were read had a
// key twice. Naming, it keeps every key and the path so far, to say which key where: that costs
// an allocation or two per key, so the parse runs so only after counting noticed something.
class ParseGuard {
 public:
  enum class Mode { counting, naming };
  struct Noticed {};  // thrown in counting mode: parse again, naming

  explicit ParseGuard(Mode mode) : mode_(mode) {}

  bool operator()(int depth, nlohmann::json::parse_event_t event, Json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        if (depth >= kMaxDepth) fault([this] { refuse_too_deep(); });
        frames_.emplace_back().array = event == Event::array_start;
        break;
      case Event::key:
        on_key(parsed.get_ref<const std::string&>());
        break;
      case Event::object_end:
        if (parsed.size() != frames_.back().key_count) fault([] {});  // naming refuses earlier
        [[fallthrough]];
      case Event::array_end:
        frames_.pop_back();
        element_done();
        break;
      case Event::value:
        element_done();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;                    // array: the element being read
    std::size_t key_count = 0;                // object: keys read so far
    std::string key;                          // object, naming: the member being read
    std::set<std::string, std::less<>> keys;  // object, naming: every key read
  };

  // Counting: hand over to a naming parse. Naming: refuse, with the path.
  template <class Refuse>
  void fault(Refuse refuse_named) {
    if (mode_ == Mode::counting) throw Noticed{};
    refuse_named();
  }

  void on_key(const std::string& key) {
    Frame& frame = frames_.back();
    ++frame.key_count;
    if (mode_ == Mode::counting) return;
    frame.key = key;
    if (frame.keys.insert(key).second) return;
    const std::string path = current_path();
    refuse(path, fmt::format("{} appears twice in the same object: keep only one of them.", path),
           fmt::format("「{}」在同一物件中出現了兩次：請只保留一個。", path));
  }

  void element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  std::string current_path() const {
    std::string path;
    for (const Frame& frame : frames_)
      path = frame.array ? item_path(path, frame.index) : member_path(path, frame.key);
    return path;
  }

  [[noreturn]] void refuse_too_deep() const {
    const std::string path = current_path();
    refuse(
        path,
        fmt::format("The JSON is nested more than {} levels deep at {}; the application "
                    "format nests at most 3.",
                    kMaxDepth, path.empty() ? "the top" : path),
        fmt::format("JSON 的巢狀層次在「{}」超過 {} 層；申請格式最多只有 3 層。", path, kMaxDepth));
  }

  Mode mode_;
  std::vector<Frame> frames_;
};

// nlohmann says "parse error at line 1, column 5: syntax error while parsing …"; the part after
// the position is the reason.
std::string parse_reason(std::string_view what) {
  const std::size_t column = what.find("column ");
  const std::size_t colon = what.find(": ", column == std::string_view::npos ? 0 : column);
  return std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
}

[[noreturn]] void refuse_not_json(std::string_view text, const nlohmann::json::parse_error& e) {
  const std::size_t byte = std::min<std::size_t>(e.byte, text.size());
  const std::string_view before = text.substr(0, byte == 0 ? 0 : byte - 1);
  const std::size_t line = 1 + static_cast<std::size_t>(std::ranges::count(before, '\n'));
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column =
      before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  const std::string reason = parse_reason(e.what());
  refuse("",
         fmt::format("The text is not valid JSON: at byte {} (line {}, column {}): {}. Check that "
                     "spot for a missing comma, quote or bracket.",
                     e.byte, line, column, reason),
         fmt::format("內容不是有效的 JSON：第 {} 位元組（第 {} 行第 {} 欄）出錯：{}。請檢查該處"
                     "是否缺少逗號、引號或括號。",
                     e.byte, line, column, reason));
}

Json parse_json(std::string_view text, ParseGuard::Mode mode) {
  ParseGuard guard(mode);
  try {
    return Json::parse(text.data(), text.data() + text.size(),
                       [&guard](int depth, nlohmann::json::parse_event_t event, Json& parsed) {
                         return guard(depth, event, parsed);
                       });
  } catch (const nlohmann::json::parse_error& e) {
    refuse_not_json(text, e);
  } catch (const nlohmann::json::out_of_range&) {
    // 406: a number beyond a double ("1e309"). JSON's grammar allows it; the format has none.
    refuse("",
           "The text holds a number too large to read (such as 1e309). Amounts are strings "
           "(\"1234.56\") and counts are whole numbers.",
           "內容有一個大得無法讀取的數字（例如 1e309）。"
           "金額須寫成字串（\"1234.56\"），數量須為整數。");
  }
}

Json parse_json(std::string_view text) {
  try {
    return parse_json(text, ParseGuard::Mode::counting);
  } catch (const ParseGuard::Noticed&) {
    return parse_json(text, ParseGuard::Mode::naming);  // refuses, naming the key or the depth
  }
}

// The reading of every kind of member, declared first so that each may read the others.
void read_value(const Json& json, const Where& where, std::string& out);
void read_value(const Json& json, const Where& where, bool& out);
void read_value(const Json& json, const Where& where, int& out, Range range = kCount);
void read_value(const Json& json, const Where& where, long long& out, Range range = kCount);
void read_value(const Json& json, const Where& where, Money& out);
void read_value(const Json& json, const Where& where, CivilDate& out);
void read_value(const Json& json, const Where& where, std::vector<std::string>& out);
template <class T>
void read_value(const Json& json, const Where& where, std::map<std::string, T>& out);
template <class T>
void read_value(const Json& json, const Where& where, std::optional<T>& out, Range range);
template <class T>
void read_value(const Json& json, const Where& where, std::optional<T>& out);
template <class T>
void read_value(const Json& json, const Where& where, std::vector<T>& out);

class ObjectReader;
template <class T>
concept Described = requires(T& value, ObjectReader& reader) {
  describe(value, reader);
};
template <Described T>
void read_value(const Json& json, const Where& where, T& out);

// One JSON object being read into one struct: each field the struct's describe() asks for is
// read if present; finish() then refuses any key nobody asked for.
class ObjectReader {
 public:
  ObjectReader(const Json& object, const Where& where) : object_(object), where_(where) {}

  template <class T>
  void operator()(std::string_view key, T& out) {
    if (const Json* value = find(key)) read_value(*value, where_.member(key), out);
  }
  template <class T>
  void operator()(std::string_view key, T& out, Range range) {
    if (const Json* value = find(key)) read_value(*value, where_.member(key), out, range);
  }
  template <class T>
  void required(std::string_view key, T& out) {
    const Json* value = find(key);
    if (value == nullptr) refuse_missing(where_.member(key).path());
    read_value(*value, where_.member(key), out);
  }

  void finish() const {
    if (found_ == object_.size()) return;  // keys are unique (ParseGuard), so all were known
    for (const auto& [key, value] : object_.items())
      if (std::ranges::find(known_, key) == known_.end())
        refuse_unknown_key(where_.path(), key, known_);
  }

 private:
  const Json* find(std::string_view key) {
    known_.push_back(key);
    const auto it = object_.find(key);
    if (it == object_.end()) return nullptr;
    ++found_;
    return &*it;
  }

  const Json& object_;
  const Where& where_;
  std::vector<std::string_view> known_;
  std::size_t found_ = 0;
};

// A fresh value to read into; a date has no default, nor a prior grant, which holds one.
template <class T>
T blank() {
  return T{};
}
template <>
CivilDate blank<CivilDate>() {
  return CivilDate::from_days_since_epoch(0);
}
template <>
PriorGrant blank<PriorGrant>() {
  return PriorGrant{{}, {}, blank<CivilDate>(), {}};
}

// Checks across the fields of one struct, once all are read.
void after_reading(const auto&, const Where&) {}
void after_reading(const BudgetLine& line, const Where& where) {
  // Both factors are bounded already, so the product cannot overflow.
  if (line.unit_cost.cents() * line.quantity <= kMaxAmountCents) return;
  refuse_too_large(where.path(), line.amount(), " (quantity × unit_cost)",
                   "（quantity × unit_cost）");
}
// §4.2.3(i) compares heads by name, so a misspelt head would compare against nothing.
void after_reading(const Renewal& renewal, const Where& where) {
  std::vector<std::string_view> heads;
  for (const BudgetSection section : budget_sections())
    heads.push_back(budget_section_key(section));
  for (const auto& [key, amount] : renewal.previous_approved_budget)
    if (!parse_budget_section(key))
      refuse_unknown_key(where.member("previous_approved_budget").path(), key, heads);
}

template <Described T>
void read_value(const Json& json, const Where& where, T& out) {
  if (!json.is_object()) refuse_type(json, where.path(), kObject);
  ObjectReader reader(json, where);
  describe(out, reader);
  reader.finish();
  after_reading(out, where);
}

void read_value(const Json& json, const Where& where, std::string& out) {
  if (!json.is_string()) refuse_type(json, where.path(), kText);
  out = json.get_ref<const std::string&>();
}

void read_value(const Json& json, const Where& where, bool& out) {
  if (!json.is_boolean()) refuse_type(json, where.path(), kBoolean);
  out = json.get<bool>();
}

std::int64_t whole_number(const Json& json, const Where& where, Range range) {
  if (json.is_number_unsigned()) {
    const auto value = json.get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(range.max))
      refuse_out_of_range(where.path(), json.dump(), range, false);
    return static_cast<std::int64_t>(value);
  }
  if (!json.is_number_integer()) refuse_type(json, where.path(), kWholeNumber);
  const auto value = json.get<std::int64_t>();
  if (value < range.min || value > range.max)
    refuse_out_of_range(where.path(), json.dump(), range, value < range.min);
  return value;
}

void read_value(const Json& json, const Where& where, int& out, Range range) {
  out = static_cast<int>(whole_number(json, where, range));
}

void read_value(const Json& json, const Where& where, long long& out, Range range) {
  out = whole_number(json, where, range);
}

constexpr Wording kMoneyIsText{"Money is written as text so that every cent stays exact.",
                               "金額須以文字填寫，以確保每一仙都準確無誤。"};

void read_value(const Json& json, const Where& where, Money& out) {
  if (!json.is_string())
    refuse_type(json, where.path(), kMoney, json.is_number() ? kMoneyIsText : Wording{});
  const std::string& text = json.get_ref<const std::string&>();
  const auto parsed = parse_money(text);
  if (const auto* fault = std::get_if<MoneyParseError>(&parsed))
    refuse_money(where.path(), text, *fault);
  const Money amount = std::get<Money>(parsed);
  if (amount < Money{}) refuse_negative(where.path(), text);
  if (amount.cents() > kMaxAmountCents) refuse_too_large(where.path(), amount, "", "");
  out = amount;
}

void read_value(const Json& json, const Where& where, CivilDate& out) {
  if (!json.is_string()) refuse_type(json, where.path(), kDate);
  const std::string& text = json.get_ref<const std::string&>();
  const auto date = parse_iso_date(text);
  if (!date) refuse_date(where.path(), text);
  out = *date;
}

void read_value(const Json& json, const Where& where, std::vector<std::string>& out) {
  if (!json.is_array()) refuse_type(json, where.path(), kList);
  out.clear();
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i)
    read_value(json[i], where.item(i), out.emplace_back());
}

template <class T>
void read_value(const Json& json, const Where& where, std::map<std::string, T>& out) {
  if (!json.is_object()) refuse_type(json, where.path(), kObject);
  out.clear();
  for (const auto& [key, value] : json.items()) read_value(value, where.member(key), out[key]);
}

template <class T>
void read_value(const Json& json, const Where& where, std::optional<T>& out, Range range) {
  if (json.is_null()) {
    out.reset();
    return;
  }
  T value{};
  read_value(json, where, value, range);
  out = value;
}

template <class T>
void read_value(const Json& json, const Where& where, std::optional<T>& out) {
  if (json.is_null()) {
    out.reset();
    return;
  }
  T value = blank<T>();
  read_value(json, where, value);
  out = std::move(value);
}

template <class T>
void read_value(const Json& json, const Where& where, std::vector<T>& out) {
  if (!json.is_array()) refuse_type(json, where.path(), kList);
  out.clear();
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    T item = blank<T>();
    read_value(json[i], where.item(i), item);
    out.push_back(std::move(item));
  }
}

// ---- writing

// "1234.56": plain, so that any JSON reader can hand it to a decimal type.
std::string plain_amount(Money amount) {
  const std::int64_t cents = amount.cents();
  const std::uint64_t magnitude =
      cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  return fmt::format("{}{}.{:02}", cents < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

Json write_value(const std::string& text) { return text; }
Json write_value(bool flag) { return flag; }
Json write_value(int number) { return number; }
Json write_value(long long number) { return number; }
Json write_value(Money amount) { return plain_amount(amount); }
Json write_value(CivilDate date) { return format_iso(date); }
template <class T>
Json write_value(const std::map<std::string, T>& answers) {
  Json object = Json::object();
  for (const auto& [key, value] : answers) object[key] = write_value(value);
  return object;
}
template <class T>
Json write_value(const std::optional<T>& value);
template <class T>
Json write_value(const std::vector<T>& list);

class ObjectWriter;
template <class T>
concept Writable = requires(const T& value, ObjectWriter& writer) {
  describe(value, writer);
};
template <Writable T>
Json write_value(const T& value);

class ObjectWriter {
 public:
  template <class T>
  void operator()(std::string_view key, const T& value, Range = {}) {
    object_[std::string(key)] = write_value(value);
  }
  template <class T>
  void required(std::string_view key, const T& value) {
    (*this)(key, value);
  }
  Json take() { return std::move(object_); }

 private:
  Json object_ = Json::object();
};

template <Writable T>
Json write_value(const T& value) {
  ObjectWriter writer;
  describe(value, writer);
  return writer.take();
}

template <class T>
Json write_value(const std::optional<T>& value) {
  return value ? write_value(*value) : Json(nullptr);
}

template <class T>
Json write_value(const std::vector<T>& list) {
  Json array = Json::array();
  for (const T& item : list) array.push_back(write_value(item));
  return array;
}

// Replaces bytes that are not UTF-8 (possible only in an Application built in code) rather
// than throwing.
std::string dump_pretty(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::variant<ApplicationDocument, ParseError> parse_application_json(std::string_view text) {
  if (text.size() > kMaxApplicationJsonBytes) return oversize_error(text.size());
  try {
    const Json json = parse_json(text);
    ApplicationDocument document;
    read_value(json, Where(), document);
    return document;
  } catch (const Refusal& refusal) {
    return refusal.error;
  }
}

ParseError oversize_error(std::uintmax_t bytes) {
  return {"",
          fmt::format("The application is {} bytes, over the limit of 1 MiB ({} bytes). Shorten "
                      "the longest texts and send it again.",
                      bytes, kMaxApplicationJsonBytes),
          fmt::format("申請內容有 {} 位元組，超出 1 MiB（{} 位元組）的上限。請刪減最長的文字後"
                      "再提交。",
                      bytes, kMaxApplicationJsonBytes)};
}

std::string to_json(const Application& application) {
  return dump_pretty(write_value(application));
}

std::string to_json(const ApplicationDocument& document) {
  return dump_pretty(write_value(document));
}

std::string error_json(const ParseError& error) {
  const Json json = {
      {"error",
       {{"path", error.path}, {"message_en", error.message_en}, {"message_zh", error.message_zh}}}};
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bsap::ccfs
