#include "plan/good_practice.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "plan/crosswalk.h"
#include "plan/yaml_file.h"

namespace bsap::plan {
namespace {

constexpr std::array<std::pair<CaseState, std::string_view>, 5> kStateCodes{{
    {CaseState::draft, "draft"},
    {CaseState::submitted, "submitted"},
    {CaseState::returned, "returned"},
    {CaseState::published, "published"},
    {CaseState::withdrawn, "withdrawn"},
}};

bool is_code(std::string_view code) {
  return !code.empty() && code.size() <= 40 && std::ranges::all_of(code, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::vector<ListEntry> parse_list(const YAML::Node& root, const std::string& key) {
  std::vector<ListEntry> entries;
  std::set<std::string> seen;
  for (const YAML::Node& node : non_empty_sequence(root, key)) {
    require_only_keys(node, {"code", "zh", "en"});
    ListEntry entry{text(node, "code", key + "."), bilingual_of(node, key + ".")};
    if (!is_code(entry.code))
      fail(node, key + ".code",
           "\"" + entry.code + "\" is not a code: write lower-case letters, digits and _");
    if (!seen.insert(entry.code).second)
      fail(node, key + ".code", "\"" + entry.code + "\" is listed twice");
    entries.push_back(std::move(entry));
  }
  return entries;
}

// A decimal number as people type one: digits, at most one point, an optional leading minus.
bool is_decimal(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  const auto point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  const auto digits = [](std::string_view part) {
    return std::ranges::all_of(part, [](char c) { return c >= '0' && c <= '9'; });
  };
  return !whole.empty() && digits(whole) && digits(fraction) &&
         (point == std::string_view::npos || !fraction.empty()) && text.size() <= 24;
}

class Checker {
 public:
  Checker(const GoodPracticeCase& c, const CaseLists& lists, const PlanData& plan, CivilDate today,
          CaseCheck check)
      : c_(c),
        lists_(lists),
        plan_(plan),
        today_(today),
        complete_(check == CaseCheck::submission) {}

  std::vector<CaseFault> run() {
    texts();
    place();
    listed("habitat", c_.habitat, lists_.habitats, "case_error_habitat");
    listed("nbs_kind", c_.nbs_kind, lists_.nbs_kinds, "case_error_nbs_kind");
    outcomes();
    funding();
    links();
    return std::move(faults_);
  }

 private:
  void fault(std::string field, std::string_view key) {
    faults_.push_back({std::move(field), std::string(key)});
  }

  void required_text(const std::string& field, const std::string& value, std::size_t max_bytes,
                     std::string_view missing_key, std::string_view long_key) {
    if (value.size() > max_bytes)
      fault(field, long_key);
    else if (complete_ && value.empty())
      fault(field, missing_key);
  }

  void texts() {
    required_text("title_zh", c_.title.zh, kMaxTitleBytes, "case_error_title_zh",
                  "case_error_title_long");
    required_text("title_en", c_.title.en, kMaxTitleBytes, "case_error_title_en",
                  "case_error_title_long");
    if (c_.title.zh.empty() && c_.title.en.empty() && !complete_)
      fault("title_zh", "case_error_title_any");
    required_text("work_zh", c_.work.zh, kMaxTextBytes, "case_error_work_zh",
                  "case_error_text_long");
    required_text("work_en", c_.work.en, kMaxTextBytes, "case_error_work_en",
                  "case_error_text_long");
  }

  void place() {
    if (c_.latitude.has_value() != c_.longitude.has_value() ||
        (c_.latitude && !in_hong_kong(*c_.latitude, *c_.longitude)))
      fault("latitude", "case_error_place");
    else if (complete_ && !c_.latitude)
      fault("latitude", "case_error_place_missing");
    listed("district", c_.district, lists_.districts, "case_error_district");
  }

  void listed(const std::string& field, const std::string& code, const std::vector<ListEntry>& list,
              std::string_view key) {
    if (code.empty() ? complete_ : find_entry(list, code) == nullptr) fault(field, key);
  }

  void outcomes() {
    if (c_.outcomes.size() > kMaxRows) fault("outcome_0_what", "case_error_too_many_rows");
    if (complete_ && c_.outcomes.empty()) fault("outcome_0_what", "case_error_outcome_missing");
    for (std::size_t i = 0; i < c_.outcomes.size(); ++i) {
      const CaseOutcome& outcome = c_.outcomes[i];
      const std::string id = "outcome_" + std::to_string(i) + "_";
      if (outcome.what.empty() || outcome.what.size() > kMaxTitleBytes)
        fault(id + "what", "case_error_outcome_what");
      if (!is_decimal(outcome.value)) fault(id + "value", "case_error_outcome_value");
      if (outcome.unit.empty() || outcome.unit.size() > kMaxTitleBytes)
        fault(id + "unit", "case_error_outcome_unit");
      const auto day = parse_iso_date(outcome.on);
      if (!day || today_ < *day) fault(id + "on", "case_error_outcome_date");
    }
  }

  void funding() {
    if (c_.funding.size() > kMaxRows) fault("funding_0_source", "case_error_too_many_rows");
    for (std::size_t i = 0; i < c_.funding.size(); ++i) {
      const CaseFunding& row = c_.funding[i];
      const std::string id = "funding_" + std::to_string(i) + "_";
      if (row.source.empty() || row.source.size() > kMaxTitleBytes)
        fault(id + "source", "case_error_funding_source");
      if (row.amount < Money()) fault(id + "amount", "case_error_funding_amount");
    }
  }

  void links() {
    if (complete_ && c_.actions.empty()) fault("actions", "case_error_action_missing");
    if (!std::ranges::all_of(c_.actions, [&](const std::string& number) {
          return find_action(plan_.plan, number) != nullptr;
        }))
      fault("actions", "case_error_action");
    const auto defined = [](const auto& list, int number) {
      return std::ranges::any_of(list, [&](const auto& entry) { return entry.number == number; });
    };
    if (!std::ranges::all_of(c_.kmgbf_targets, [&](int target) {
          return defined(plan_.frameworks.kmgbf_targets, target);
        }))
      fault("kmgbf_targets", "case_error_kmgbf");
    if (!std::ranges::all_of(c_.sdgs, [&](int sdg) { return defined(plan_.frameworks.sdgs, sdg); }))
      fault("sdgs", "case_error_sdg");
  }

  const GoodPracticeCase& c_;
  const CaseLists& lists_;
  const PlanData& plan_;
  CivilDate today_;
  bool complete_;
  std::vector<CaseFault> faults_;
};

}  // namespace

const ListEntry* find_entry(const std::vector<ListEntry>& list, std::string_view code) {
  const auto found = std::ranges::find(list, code, &ListEntry::code);
  return found == list.end() ? nullptr : &*found;
}

std::variant<CaseLists, PlanLoadError> load_case_lists(const std::filesystem::path& data_dir) {
  try {
    return parse_file(data_dir / "cases" / "lists.yaml", [](const YAML::Node& root) {
      require_only_keys(root, {"schema_version", "districts", "habitats", "nbs_kinds"});
      if (integer(root, "schema_version") != 1)
        fail(root["schema_version"], "schema_version", "this program reads schema_version 1");
      return CaseLists{parse_list(root, "districts"), parse_list(root, "habitats"),
                       parse_list(root, "nbs_kinds")};
    });
  } catch (const PlanLoadError& error) {
    return error;
  }
}

std::string_view case_state_code(CaseState state) {
  for (const auto& [known, code] : kStateCodes)
    if (known == state) return code;
  return "draft";
}

std::optional<CaseState> parse_case_state(std::string_view code) {
  for (const auto& [state, known] : kStateCodes)
    if (known == code) return state;
  return std::nullopt;
}

std::string_view case_event_code(CaseEvent event) {
  switch (event) {
    case CaseEvent::submit:
      return "submit";
    case CaseEvent::give_back:
      return "return";
    case CaseEvent::publish:
      return "publish";
    case CaseEvent::withdraw:
      break;
  }
  return "withdraw";
}

std::optional<CaseState> next_case_state(CaseState from, CaseEvent event) {
  switch (event) {
    case CaseEvent::submit:
      if (case_editable(from)) return CaseState::submitted;
      break;
    case CaseEvent::give_back:
      if (from == CaseState::submitted) return CaseState::returned;
      break;
    case CaseEvent::publish:
      if (from == CaseState::submitted) return CaseState::published;
      break;
    case CaseEvent::withdraw:
      if (from != CaseState::withdrawn) return CaseState::withdrawn;
      break;
  }
  return std::nullopt;
}

bool case_editable(CaseState state) {
  return state == CaseState::draft || state == CaseState::returned;
}

bool in_hong_kong(double latitude, double longitude) {
  return latitude >= 22.13 && latitude <= 22.57 && longitude >= 113.82 && longitude <= 114.51;
}

std::vector<CaseFault> check_case(const GoodPracticeCase& c, const CaseLists& lists,
                                  const PlanData& plan, CivilDate today, CaseCheck check) {
  return Checker(c, lists, plan, today, check).run();
}

bool case_matches(const GoodPracticeCase& c, const CaseFilter& filter) {
  return (filter.habitat.empty() || c.habitat == filter.habitat) &&
         (filter.district.empty() || c.district == filter.district) &&
         (filter.action.empty() ||
          std::ranges::find(c.actions, filter.action) != c.actions.end()) &&
         (!filter.kmgbf_target ||
          std::ranges::find(c.kmgbf_targets, *filter.kmgbf_target) != c.kmgbf_targets.end());
}

}  // namespace bsap::plan
