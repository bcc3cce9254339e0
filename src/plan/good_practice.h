// Good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7, item 2.7.1: a website showing the
// successful nature-based solution (NbS) and ESG cases of companies, institutions and NGOs).
// An organisation describes a case; the working group's secretariat publishes it or returns it
// with its reason. Pure: the lists a case is described with (data/cases/lists.yaml), the case's
// life and its checks; the store keeps cases (store/case_repo.h), the web edge applies the roles.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"
#include "plan/plan_loader.h"
#include "plan/plan_model.h"

namespace bsap::plan {

// One entry of a list: a stable code, stored with each case, and its names.
struct ListEntry {
  std::string code;
  BilingualText name;
};

struct CaseLists {
  std::vector<ListEntry> districts;  // the 18 districts
  std::vector<ListEntry> habitats;
  std::vector<ListEntry> nbs_kinds;  // IUCN's five families of NbS
};

// The entry of `list` with `code`, or nullptr.
const ListEntry* find_entry(const std::vector<ListEntry>& list, std::string_view code);

// Reads DATA_DIR/cases/lists.yaml; refuses a missing or empty list, an entry without its code or
// either name, a code that is not lower-case letters, digits and underscores, and a repeated code.
std::variant<CaseLists, PlanLoadError> load_case_lists(const std::filesystem::path& data_dir);

// A case's life. The organisation drafts and submits; the secretariat publishes it or returns it
// with a reason; a returned case is edited and submitted again. The organisation may withdraw it
// at any time before it is published, and a published one too (it leaves the public pages).
// Only published cases are public.
enum class CaseState { draft, submitted, returned, published, withdrawn };
enum class CaseEvent { submit, give_back, publish, withdraw };
std::string_view case_state_code(CaseState state);  // as stored and in open data
std::optional<CaseState> parse_case_state(std::string_view code);
std::string_view case_event_code(CaseEvent event);  // "submit", "return", "publish", "withdraw"
// draft|returned -submit-> submitted; submitted -return-> returned; submitted -publish->
// published; draft|submitted|returned|published -withdraw-> withdrawn (final).
std::optional<CaseState> next_case_state(CaseState from, CaseEvent event);
// The organisation edits a case only while it is a draft or has been returned to it.
bool case_editable(CaseState state);

// An outcome with its figure and the day it was measured: "Mangrove seedlings surviving", "1200",
// "seedlings", 2025-06-30. The value is kept as typed (a decimal number), so it reads back alike.
struct CaseOutcome {
  std::string what;
  std::string value;
  std::string unit;
  std::string on;  // YYYY-MM-DD
};

struct CaseFunding {
  std::string source;
  Money amount;  // HK$, zero when the source gave in kind
};

struct GoodPracticeCase {
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;  // the applicant's organisation; none for a funder
  std::int64_t owner_user_id = 0;               // who created it
  BilingualText owner_name;                     // the organisation's names, or the funder's
  CaseState state = CaseState::draft;
  BilingualText title;
  std::optional<double> latitude;  // WGS84
  std::optional<double> longitude;
  std::string district;  // CaseLists::districts code
  std::string habitat;   // CaseLists::habitats code
  std::string nbs_kind;  // CaseLists::nbs_kinds code
  BilingualText work;    // what was done
  std::vector<CaseOutcome> outcomes;
  std::vector<CaseFunding> funding;
  std::vector<std::string> actions;     // plan action numbers, "2.7"
  std::vector<int> kmgbf_targets;       // 1–23
  std::vector<int> sdgs;                // 1–17
  std::vector<std::int64_t> photo_ids;  // store/photo_repo.h photographs, in the order added
  std::string return_reason;            // the secretariat's last reason for returning it
  bool demonstration = false;
  std::string updated_at;
  std::string published_at;  // "" until published
};

// What a case's check found: the form field at fault and the catalogue key of the message
// saying what is wrong and how to put it right.
struct CaseFault {
  std::string field;
  std::string message_key;
};

// A draft may be saved with parts missing, but what is given must be well formed (a point in
// Hong Kong, codes of the lists, real actions and targets, outcomes and funding rows complete).
// A submission must also be complete: both titles, the place and its district, habitat and kind,
// what was done in both languages, at least one outcome and at least one plan action.
enum class CaseCheck { draft, submission };

// Hong Kong's extent, land and waters: 22.13–22.57° N, 113.82–114.51° E.
bool in_hong_kong(double latitude, double longitude);

inline constexpr std::size_t kMaxTitleBytes = 600;  // of UTF-8: 200 Chinese characters
inline constexpr std::size_t kMaxTextBytes = 30000;
inline constexpr std::size_t kMaxRows = 20;  // outcomes, funding sources
inline constexpr std::size_t kMaxPhotos = 10;

std::vector<CaseFault> check_case(const GoodPracticeCase& c, const CaseLists& lists,
                                  const PlanData& plan, CivilDate today, CaseCheck check);

// The public list's filters (an empty one matches every case): a habitat, a district, a plan
// action, a KMGBF target.
struct CaseFilter {
  std::string habitat;
  std::string district;
  std::string action;
  std::optional<int> kmgbf_target;
};
bool case_matches(const GoodPracticeCase& c, const CaseFilter& filter);

}  // namespace bsap::plan
