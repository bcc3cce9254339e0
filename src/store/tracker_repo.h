// The plan tracker's records (000_e0ccae9882b7fb64.txt 5.1, 5.2): bureaus and departments and
// their focal points, which department leads or supports each priority item, the yearly progress
// reports with their outputs, milestones and evidence, the indicators' yearly values, the City
// Biodiversity Index's inputs and administrator-entered bands, the funding scheme projects
// tagged to items, and frozen snapshots (the mid-term review). Every write is audited in the same
// transaction. Who may do what is the service's rule (track/*.h); these functions keep the data
// consistent and record who did it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/cbi.h"
#include "plan/indicator.h"
#include "plan/progress.h"
#include "store/store.h"

namespace bsap::store {

// A bureau (決策局) or department (部門) of the Government.
struct Department {
  std::int64_t id = 0;
  std::string code;  // stable, lower case: "afcd", "eeb", "plan_d"
  std::string name_zh;
  std::string name_en;
  std::string kind;  // "bureau" or "department"
};

// Adds the department, or updates its names and kind when its code exists; returns its id.
std::int64_t upsert_department(Transaction& tx, const Department& department,
                               std::string_view actor);
std::vector<Department> list_departments(Transaction& tx);  // by code
std::optional<Department> find_department(Transaction& tx, std::int64_t id);
std::optional<Department> find_department_by_code(Transaction& tx, std::string_view code);

// A focal point reports for the departments they are a member of (a user may serve several).
void add_department_member(Transaction& tx, std::int64_t department_id, std::int64_t user_id,
                           std::string_view actor);
void remove_department_member(Transaction& tx, std::int64_t department_id, std::int64_t user_id,
                              std::string_view actor);
std::vector<std::int64_t> departments_of_user(Transaction& tx, std::int64_t user_id);

// Each item has at most one lead department and any number of supporting ones.
struct ItemAssignment {
  std::string item_id;  // "1.5.2"
  std::int64_t department_id = 0;
  bool lead = false;
};
// Assigns the department to the item; a new lead takes the place of the present lead (who stays
// as supporting). Throws StoreError for an unknown department.
void assign_item(Transaction& tx, const ItemAssignment& assignment, std::string_view actor);
void unassign_item(Transaction& tx, std::string_view item_id, std::int64_t department_id,
                   std::string_view actor);
std::vector<ItemAssignment> list_assignments(Transaction& tx);  // by item id, lead first
std::vector<ItemAssignment> assignments_of_item(Transaction& tx, std::string_view item_id);
std::optional<std::int64_t> lead_department(Transaction& tx, std::string_view item_id);

// A quantitative output the item names (hectares restored, events held, ...), as reported.
struct ProgressOutput {
  std::string label_zh;
  std::string label_en;
  double value = 0;
  std::string unit;
};

struct Milestone {
  std::string title_zh;
  std::string title_en;
  std::string due_on;   // YYYY-MM-DD
  std::string done_on;  // YYYY-MM-DD, or "" when not yet reached
};

// A link, or a file kept in the store (file_id), with a label.
struct Evidence {
  std::string label;
  std::string url;                      // https://…, or "" for a file
  std::optional<std::int64_t> file_id;  // progress_files.id
};

// One item's progress in one plan year (unique per item and year).
struct ProgressReport {
  std::int64_t id = 0;
  std::string item_id;
  int year = 0;
  std::int64_t department_id = 0;  // the lead department when it was drafted
  plan::ItemStatus status = plan::ItemStatus::not_started;
  std::string narrative_zh;
  std::string narrative_en;
  plan::ReportState state = plan::ReportState::draft;
  std::string review_note;  // the secretariat's note when it returned the report
  bool demonstration = false;
  std::string updated_at;  // UTC ISO 8601
  std::int64_t updated_by = 0;
  std::string published_at;  // "" until published
  std::vector<ProgressOutput> outputs;
  std::vector<Milestone> milestones;
  std::vector<Evidence> evidence;
};

// Writes the draft of (item, year): creates it, or replaces the fields, outputs, milestones and
// evidence of the existing one, which must be in state draft (StoreError otherwise). Returns the
// report id.
std::int64_t save_progress_draft(Transaction& tx, const ProgressReport& draft,
                                 std::int64_t actor_user_id);
// Moves the report to `to`, checking it is in `from` (StoreError otherwise); `note` is kept as
// the review note (a return's reason) and audited. Publishing stamps published_at.
void set_progress_state(Transaction& tx, std::int64_t report_id, plan::ReportState from,
                        plan::ReportState to, std::string_view note, std::int64_t actor_user_id);
std::optional<ProgressReport> find_progress(Transaction& tx, std::int64_t report_id);
std::optional<ProgressReport> find_progress_of(Transaction& tx, std::string_view item_id, int year);
// Every report of the year (with outputs, milestones and evidence), by item id; only those in
// `state` when given.
std::vector<ProgressReport> list_progress(Transaction& tx, int year,
                                          std::optional<plan::ReportState> state = std::nullopt);
// item id → status of the year's published reports: what the public roll-up counts.
plan::ItemStatuses published_statuses(Transaction& tx, int year);
// The years that have at least one published report, ascending.
std::vector<int> published_years(Transaction& tx);

// An evidence file (already checked by the caller for size and type).
struct ProgressFile {
  std::int64_t id = 0;
  std::string filename;
  std::string media_type;
  std::string sha256;
  std::string content;
};
std::int64_t store_progress_file(Transaction& tx, const ProgressFile& file,
                                 std::int64_t actor_user_id);
std::optional<ProgressFile> find_progress_file(Transaction& tx, std::int64_t id);
// The report that cites the file, to check who may read it.
std::optional<std::int64_t> report_of_file(Transaction& tx, std::int64_t file_id);

// An indicator's value for a year; a second value for the same (code, year) replaces the first
// (both audited).
void record_indicator_value(Transaction& tx, const plan::IndicatorValue& value,
                            std::string_view actor);
std::vector<plan::IndicatorValue> indicator_series(Transaction& tx, std::string_view code);
std::vector<plan::IndicatorValue> list_indicator_values(Transaction& tx);  // by code, year

// The City Biodiversity Index's inputs for an assessment year.
struct CbiInputValue {
  int year = 0;
  int indicator = 0;
  std::string key;
  double value = 0;
  std::string source;
  bool demonstration = false;
};
void record_cbi_input(Transaction& tx, const CbiInputValue& input, std::string_view actor);
std::vector<CbiInputValue> list_cbi_inputs(Transaction& tx, int year);
std::vector<int> cbi_years(Transaction& tx);  // years with any input, ascending
void set_cbi_bands(Transaction& tx, const plan::BandOverride& bands, std::string_view actor);
std::vector<plan::BandOverride> list_cbi_bands(Transaction& tx);

// A funding scheme project (by its application) tagged to a priority item it serves.
void tag_project_item(Transaction& tx, std::int64_t application_id, std::string_view item_id,
                      std::string_view actor);
void untag_project_item(Transaction& tx, std::int64_t application_id, std::string_view item_id,
                        std::string_view actor);
struct ProjectItemTag {
  std::int64_t application_id = 0;
  std::string item_id;
};
std::vector<ProjectItemTag> list_project_tags(Transaction& tx);

// A frozen copy of a report's data (kind "midterm_review" or "baseline"), as JSON text; one per
// kind and year; a second save for the same kind and year is refused (StoreError).
void save_snapshot(Transaction& tx, std::string_view kind, int year, std::string_view body_json,
                   std::int64_t actor_user_id);
std::optional<std::string> find_snapshot(Transaction& tx, std::string_view kind, int year);

}  // namespace bsap::store
