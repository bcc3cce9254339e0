// The plan tracker's records (000_e0ccae9882b7fb64.txt 5.1 監測進度, 5.2 評估與傳達成效):
// departments and their focal points, item assignments, yearly progress reports, indicator values,
// the City Biodiversity Index's inputs and bands, tagged funding scheme projects and snapshots.
// Every write appends its audit record (action "tracker.<what>.<verb>") in the caller's
// transaction.
#include "store/tracker_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "store/audit_repo.h"
#include "store/binary_column.h"
#include "store/repo_support.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

// ---- shared

void audit(Transaction& tx, const std::string& actor, std::string_view entity,
           const std::string& entity_id, std::string_view action, const json& before,
           const json& after) {
  append_audit(tx, {actor, std::string(entity), entity_id, std::string(action), before.dump(),
                    after.dump()});
}

// "1.5.2": numbers separated by dots. Whether the plan has the item is the service's check
// (plan::find_item); the store keeps ids of one form so they join and sort alike.
void check_item_id(std::string_view item_id) {
  bool digit_before = false;
  int dots = 0;
  for (char c : item_id) {
    if (c >= '0' && c <= '9') {
      digit_before = true;
    } else if (c == '.' && digit_before) {
      digit_before = false;
      ++dots;
    } else {
      digit_before = false;
      break;
    }
  }
  if (!digit_before || dots != 2 || item_id.size() > 16)
    throw StoreError(fmt::format(
        "\"{}\" is not a priority item id: write the action and the item number, such as 1.5.2",
        item_id));
}

std::string status_text(plan::ItemStatus status) { return std::string(plan::status_code(status)); }
std::string state_text(plan::ReportState state) { return std::string(plan::state_code(state)); }

plan::ItemStatus stored_status(const std::string& code) {
  if (auto status = plan::parse_status(code)) return *status;
  throw StoreError(fmt::format("progress_reports.status holds \"{}\", not a status", code));
}
plan::ReportState stored_state(const std::string& code) {
  if (auto state = plan::parse_state(code)) return *state;
  throw StoreError(fmt::format("progress_reports.state holds \"{}\", not a report state", code));
}

// ---- departments

struct DepartmentColumns {
  Department row;
  static constexpr std::string_view kQuery =
      "SELECT id, code, name_zh, name_en, kind FROM departments ";
  soci::details::prepare_temp_type bind(soci::details::prepare_temp_type prepare) {
    return prepare, soci::into(row.id), soci::into(row.code), soci::into(row.name_zh),
           soci::into(row.name_en), soci::into(row.kind);
  }
};

template <typename... Uses>
std::vector<Department> select_departments(Transaction& tx, const std::string& condition,
                                           Uses... uses) {
  DepartmentColumns columns;
  const std::string query = std::string(DepartmentColumns::kQuery) + condition + " ORDER BY code";
  soci::statement select = columns.bind(((tx.sql().prepare << query), ..., uses));
  select.execute();
  std::vector<Department> found;
  while (select.fetch()) found.push_back(columns.row);
  return found;
}

json department_json(const Department& department) {
  return {{"code", department.code},
          {"name_zh", department.name_zh},
          {"name_en", department.name_en},
          {"kind", department.kind}};
}

Department require_department(Transaction& tx, std::int64_t id) {
  auto department = find_department(tx, id);
  if (!department) throw StoreError(fmt::format("no department with id {}", id));
  return *department;
}

// ---- progress reports

struct ReportColumns {
  ProgressReport row;
  std::string status, state, published_at;
  int demonstration = 0;
  soci::indicator published_present = soci::i_null;

  static constexpr std::string_view kQuery =
      "SELECT id, item_id, year, department_id, status, narrative_zh, narrative_en, state, "
      "review_note, demonstration, updated_at, updated_by, published_at FROM progress_reports ";

  soci::details::prepare_temp_type bind(soci::details::prepare_temp_type prepare) {
    return prepare, soci::into(row.id), soci::into(row.item_id), soci::into(row.year),
           soci::into(row.department_id), soci::into(status), soci::into(row.narrative_zh),
           soci::into(row.narrative_en), soci::into(state), soci::into(row.review_note),
           soci::into(demonstration), soci::into(row.updated_at), soci::into(row.updated_by),
           soci::into(published_at, published_present);
  }

  ProgressReport read() const {
    ProgressReport read = row;
    read.status = stored_status(status);
    read.state = stored_state(state);
    read.demonstration = demonstration != 0;
    read.published_at = published_present == soci::i_ok ? published_at : "";
    return read;
  }
};

void load_children(Transaction& tx, ProgressReport& report) {
  {
    ProgressOutput output;
    soci::statement select =
        (tx.sql().prepare << "SELECT label_zh, label_en, value, unit FROM progress_outputs "
                             "WHERE report_id = :id ORDER BY idx",
         soci::use(report.id), soci::into(output.label_zh), soci::into(output.label_en),
         soci::into(output.value), soci::into(output.unit));
    select.execute();
    while (select.fetch()) report.outputs.push_back(output);
  }
  {
    Milestone milestone;
    std::string done_on;
    soci::indicator done_present = soci::i_null;
    soci::statement select =
        (tx.sql().prepare << "SELECT title_zh, title_en, due_on, done_on FROM progress_milestones "
                             "WHERE report_id = :id ORDER BY idx",
         soci::use(report.id), soci::into(milestone.title_zh), soci::into(milestone.title_en),
         soci::into(milestone.due_on), soci::into(done_on, done_present));
    select.execute();
    while (select.fetch()) {
      milestone.done_on = done_present == soci::i_ok ? done_on : "";
      report.milestones.push_back(milestone);
    }
  }
  {
    Evidence evidence;
    std::int64_t file_id = 0;
    soci::indicator file_present = soci::i_null;
    soci::statement select =
        (tx.sql().prepare << "SELECT label, url, file_id FROM progress_evidence "
                             "WHERE report_id = :id ORDER BY idx",
         soci::use(report.id), soci::into(evidence.label), soci::into(evidence.url),
         soci::into(file_id, file_present));
    select.execute();
    while (select.fetch()) {
      evidence.file_id = present(file_id, file_present);
      report.evidence.push_back(evidence);
    }
  }
}

template <typename... Uses>
std::vector<ProgressReport> select_reports(Transaction& tx, const std::string& condition,
                                           Uses... uses) {
  ReportColumns columns;
  const std::string query = std::string(ReportColumns::kQuery) + condition + " ORDER BY item_id";
  soci::statement select = columns.bind(((tx.sql().prepare << query), ..., uses));
  select.execute();
  std::vector<ProgressReport> found;
  while (select.fetch()) found.push_back(columns.read());
  for (ProgressReport& report : found) load_children(tx, report);
  return found;
}

void check_day(std::string_view text, std::string_view what) {
  if (!parse_iso_date(text))
    throw StoreError(fmt::format("the {} \"{}\" is not a day (YYYY-MM-DD)", what, text));
}

void insert_children(Transaction& tx, std::int64_t report_id, const ProgressReport& report) {
  for (int idx = 0; idx < static_cast<int>(report.outputs.size()); ++idx) {
    const ProgressOutput& output = report.outputs[static_cast<std::size_t>(idx)];
    tx.sql() << "INSERT INTO progress_outputs (report_id, idx, label_zh, label_en, value, unit) "
                "VALUES (:report_id, :idx, :label_zh, :label_en, :value, :unit)",
        soci::use(report_id), soci::use(idx), soci::use(output.label_zh),
        soci::use(output.label_en), soci::use(output.value), soci::use(output.unit);
  }
  for (int idx = 0; idx < static_cast<int>(report.milestones.size()); ++idx) {
    const Milestone& milestone = report.milestones[static_cast<std::size_t>(idx)];
    check_day(milestone.due_on, "milestone's due day");
    std::optional<std::string> done;
    if (!milestone.done_on.empty()) {
      check_day(milestone.done_on, "milestone's day reached");
      done = milestone.done_on;
    }
    auto done_on = nullable(done);
    tx.sql() << "INSERT INTO progress_milestones (report_id, idx, title_zh, title_en, due_on, "
                "done_on) VALUES (:report_id, :idx, :title_zh, :title_en, :due_on, :done_on)",
        soci::use(report_id), soci::use(idx), soci::use(milestone.title_zh),
        soci::use(milestone.title_en), soci::use(milestone.due_on),
        soci::use(done_on.value, done_on.indicator);
  }
  for (int idx = 0; idx < static_cast<int>(report.evidence.size()); ++idx) {
    const Evidence& evidence = report.evidence[static_cast<std::size_t>(idx)];
    if (evidence.url.empty() == !evidence.file_id)
      throw StoreError(fmt::format("evidence \"{}\" must be either a link or a stored file, not {}",
                                   evidence.label, evidence.file_id ? "both" : "neither"));
    if (evidence.file_id && !find_progress_file(tx, *evidence.file_id))
      throw StoreError(fmt::format("evidence \"{}\" cites file {}, which is not stored",
                                   evidence.label, *evidence.file_id));
    auto file_id = nullable(evidence.file_id);
    tx.sql() << "INSERT INTO progress_evidence (report_id, idx, label, url, file_id) "
                "VALUES (:report_id, :idx, :label, :url, :file_id)",
        soci::use(report_id), soci::use(idx), soci::use(evidence.label), soci::use(evidence.url),
        soci::use(file_id.value, file_id.indicator);
  }
}

void delete_children(Transaction& tx, std::int64_t report_id) {
  for (std::string_view table : {"progress_outputs", "progress_milestones", "progress_evidence"})
    tx.sql() << fmt::format("DELETE FROM {} WHERE report_id = :id", table), soci::use(report_id);
}

json report_json(const ProgressReport& report) {
  json outputs = json::array(), milestones = json::array(), evidence = json::array();
  for (const ProgressOutput& output : report.outputs)
    outputs.push_back({{"label_zh", output.label_zh},
                       {"label_en", output.label_en},
                       {"value", output.value},
                       {"unit", output.unit}});
  for (const Milestone& milestone : report.milestones)
    milestones.push_back({{"title_zh", milestone.title_zh},
                          {"title_en", milestone.title_en},
                          {"due_on", milestone.due_on},
                          {"done_on", milestone.done_on}});
  for (const Evidence& item : report.evidence)
    evidence.push_back({{"label", item.label},
                        {"url", item.url},
                        {"file_id", item.file_id ? json(*item.file_id) : json(nullptr)}});
  return {{"item_id", report.item_id},
          {"year", report.year},
          {"department_id", report.department_id},
          {"status", status_text(report.status)},
          {"narrative_zh", report.narrative_zh},
          {"narrative_en", report.narrative_en},
          {"state", state_text(report.state)},
          {"demonstration", report.demonstration},
          {"outputs", outputs},
          {"milestones", milestones},
          {"evidence", evidence}};
}

// The event that takes a report from `from` to `to` (for the audit record's action), or nullopt
// when no event of plan/progress.h does.
std::optional<plan::ReportEvent> event_between(plan::ReportState from, plan::ReportState to) {
  for (auto event : {plan::ReportEvent::submit, plan::ReportEvent::return_to_draft,
                     plan::ReportEvent::review, plan::ReportEvent::publish})
    if (plan::next_state(from, event) == to) return event;
  return std::nullopt;
}

// ---- indicators and the City Biodiversity Index

json bands_json(const std::vector<plan::ScoreBand>& bands) {
  json list = json::array();
  for (const plan::ScoreBand& band : bands)
    list.push_back({{"points", band.points},
                    {"min", band.min ? json(*band.min) : json(nullptr)},
                    {"min_inclusive", band.min_inclusive},
                    {"max", band.max ? json(*band.max) : json(nullptr)},
                    {"max_inclusive", band.max_inclusive}});
  return list;
}

std::vector<plan::ScoreBand> stored_bands(const std::string& text, int indicator) {
  try {
    std::vector<plan::ScoreBand> bands;
    for (const json& item : json::parse(text)) {
      plan::ScoreBand band;
      band.points = item.at("points").get<int>();
      if (!item.at("min").is_null()) band.min = item.at("min").get<double>();
      band.min_inclusive = item.at("min_inclusive").get<bool>();
      if (!item.at("max").is_null()) band.max = item.at("max").get<double>();
      band.max_inclusive = item.at("max_inclusive").get<bool>();
      bands.push_back(band);
    }
    return bands;
  } catch (const json::exception& e) {
    throw StoreError(
        fmt::format("the bands stored for City Biodiversity Index indicator {} are damaged: {}",
                    indicator, e.what()));
  }
}

void check_cbi_indicator(int indicator) {
  if (indicator < 1 || indicator > 28)
    throw StoreError(fmt::format(
        "City Biodiversity Index indicator {} does not exist: the handbook numbers them 1 to 28",
        indicator));
}

constexpr std::string_view kSnapshotKinds[] = {"midterm_review", "baseline"};

}  // namespace

// ---- departments

std::int64_t upsert_department(Transaction& tx, const Department& department,
                               std::string_view actor) {
  check_code("department code", department.code);
  if (department.kind != "bureau" && department.kind != "department")
    throw StoreError(fmt::format("a department's kind is \"bureau\" or \"department\", not \"{}\"",
                                 department.kind));
  if (department.name_zh.empty() || department.name_en.empty())
    throw StoreError(
        fmt::format("department {} needs its name in Chinese and in English", department.code));
  const auto existing = find_department_by_code(tx, department.code);
  std::int64_t id = 0;
  if (existing) {
    id = existing->id;
    tx.sql() << "UPDATE departments SET name_zh = :name_zh, name_en = :name_en, kind = :kind "
                "WHERE id = :id",
        soci::use(department.name_zh), soci::use(department.name_en), soci::use(department.kind),
        soci::use(id);
  } else {
    const std::string at = utc_timestamp();
    tx.sql() << "INSERT INTO departments (code, name_zh, name_en, kind, created_at) VALUES "
                "(:code, :name_zh, :name_en, :kind, :created_at) RETURNING id",
        soci::use(department.code), soci::use(department.name_zh), soci::use(department.name_en),
        soci::use(department.kind), soci::use(at), soci::into(id);
  }
  audit(tx, std::string(actor), "department", std::to_string(id),
        existing ? "tracker.department.update" : "tracker.department.create",
        existing ? department_json(*existing) : json(nullptr), department_json(department));
  return id;
}

std::vector<Department> list_departments(Transaction& tx) { return select_departments(tx, ""); }

std::optional<Department> find_department(Transaction& tx, std::int64_t id) {
  auto found = select_departments(tx, "WHERE id = :id", soci::use(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Department> find_department_by_code(Transaction& tx, std::string_view code) {
  const std::string key(code);
  auto found = select_departments(tx, "WHERE code = :code", soci::use(key));
  if (found.empty()) return std::nullopt;
  return found.front();
}

void add_department_member(Transaction& tx, std::int64_t department_id, std::int64_t user_id,
                           std::string_view actor) {
  const Department department = require_department(tx, department_id);
  const std::string member = username_of(tx, user_id);
  const auto current = departments_of_user(tx, user_id);
  if (std::find(current.begin(), current.end(), department_id) != current.end())
    throw StoreError(fmt::format("{} is already a focal point of {}", member, department.code));
  const std::string at = utc_timestamp();
  tx.sql() << "INSERT INTO department_members (department_id, user_id, added_at) "
              "VALUES (:department_id, :user_id, :added_at)",
      soci::use(department_id), soci::use(user_id), soci::use(at);
  audit(tx, std::string(actor), "department", std::to_string(department_id),
        "tracker.department.add_member", nullptr, {{"user_id", user_id}, {"username", member}});
}

void remove_department_member(Transaction& tx, std::int64_t department_id, std::int64_t user_id,
                              std::string_view actor) {
  const Department department = require_department(tx, department_id);
  const std::string member = username_of(tx, user_id);
  soci::statement remove =
      (tx.sql().prepare << "DELETE FROM department_members WHERE department_id = :department_id "
                           "AND user_id = :user_id",
       soci::use(department_id), soci::use(user_id));
  remove.execute(true);
  if (remove.get_affected_rows() != 1)
    throw StoreError(fmt::format("{} is not a focal point of {}", member, department.code));
  audit(tx, std::string(actor), "department", std::to_string(department_id),
        "tracker.department.remove_member", {{"user_id", user_id}, {"username", member}}, nullptr);
}

std::vector<std::int64_t> departments_of_user(Transaction& tx, std::int64_t user_id) {
  std::int64_t department_id = 0;
  soci::statement select =
      (tx.sql().prepare << "SELECT department_id FROM department_members WHERE user_id = :user_id "
                           "ORDER BY department_id",
       soci::use(user_id), soci::into(department_id));
  select.execute();
  std::vector<std::int64_t> found;
  while (select.fetch()) found.push_back(department_id);
  return found;
}

// ---- item assignments

void assign_item(Transaction& tx, const ItemAssignment& assignment, std::string_view actor) {
  check_item_id(assignment.item_id);
  const Department department = require_department(tx, assignment.department_id);
  const auto before = lead_department(tx, assignment.item_id);
  // The present lead becomes supporting first, so the one-lead index never sees two.
  if (assignment.lead)
    tx.sql() << "UPDATE item_assignments SET lead = 0 WHERE item_id = :item_id AND lead = 1",
        soci::use(assignment.item_id);
  const int lead = assignment.lead ? 1 : 0;
  const std::string at = utc_timestamp();
  tx.sql() << "INSERT INTO item_assignments (item_id, department_id, lead, assigned_at) VALUES "
              "(:item_id, :department_id, :lead, :assigned_at) ON CONFLICT (item_id, "
              "department_id) DO UPDATE SET lead = excluded.lead",
      soci::use(assignment.item_id), soci::use(assignment.department_id), soci::use(lead),
      soci::use(at);
  audit(tx, std::string(actor), "plan_item", assignment.item_id, "tracker.item.assign",
        {{"lead_department_id", before ? json(*before) : json(nullptr)}},
        {{"department_id", assignment.department_id},
         {"department", department.code},
         {"lead", assignment.lead}});
}

void unassign_item(Transaction& tx, std::string_view item_id, std::int64_t department_id,
                   std::string_view actor) {
  const std::string item(item_id);
  const Department department = require_department(tx, department_id);
  int lead = 0;
  tx.sql() << "SELECT lead FROM item_assignments WHERE item_id = :item_id AND department_id = "
              ":department_id",
      soci::use(item), soci::use(department_id), soci::into(lead);
  if (!tx.sql().got_data())
    throw StoreError(fmt::format("{} is not assigned to item {}", department.code, item));
  tx.sql() << "DELETE FROM item_assignments WHERE item_id = :item_id AND department_id = "
              ":department_id",
      soci::use(item), soci::use(department_id);
  audit(tx, std::string(actor), "plan_item", item, "tracker.item.unassign",
        {{"department_id", department_id}, {"department", department.code}, {"lead", lead != 0}},
        nullptr);
}

namespace {
template <typename... Uses>
std::vector<ItemAssignment> select_assignments(Transaction& tx, const std::string& condition,
                                               Uses... uses) {
  ItemAssignment row;
  int lead = 0;
  const std::string query = "SELECT item_id, department_id, lead FROM item_assignments " +
                            condition + " ORDER BY item_id, lead DESC, department_id";
  soci::statement select = (((tx.sql().prepare << query), ..., uses), soci::into(row.item_id),
                            soci::into(row.department_id), soci::into(lead));
  select.execute();
  std::vector<ItemAssignment> found;
  while (select.fetch()) {
    row.lead = lead != 0;
    found.push_back(row);
  }
  return found;
}
}  // namespace

std::vector<ItemAssignment> list_assignments(Transaction& tx) { return select_assignments(tx, ""); }

std::vector<ItemAssignment> assignments_of_item(Transaction& tx, std::string_view item_id) {
  const std::string item(item_id);
  return select_assignments(tx, "WHERE item_id = :item_id", soci::use(item));
}

std::optional<std::int64_t> lead_department(Transaction& tx, std::string_view item_id) {
  const std::string item(item_id);
  std::int64_t department_id = 0;
  tx.sql() << "SELECT department_id FROM item_assignments WHERE item_id = :item_id AND lead = 1",
      soci::use(item), soci::into(department_id);
  if (!tx.sql().got_data()) return std::nullopt;
  return department_id;
}

// ---- progress reports

std::int64_t save_progress_draft(Transaction& tx, const ProgressReport& draft,
                                 std::int64_t actor_user_id) {
  check_item_id(draft.item_id);
  require_department(tx, draft.department_id);
  const std::string actor = username_of(tx, actor_user_id);
  const std::string status = status_text(draft.status);
  const std::string draft_state = state_text(plan::ReportState::draft);
  const int demonstration = draft.demonstration ? 1 : 0;
  const std::string at = utc_timestamp();
  const auto existing = find_progress_of(tx, draft.item_id, draft.year);
  std::int64_t id = 0;
  if (existing) {
    if (existing->state != plan::ReportState::draft)
      throw StoreError(fmt::format(
          "the {} report of item {} is {}, not a draft: only a draft is edited (the plan "
          "secretariat returns it to draft first)",
          draft.year, draft.item_id, state_text(existing->state)));
    id = existing->id;
    // The state in the WHERE clause keeps a report submitted meanwhile from being overwritten.
    soci::statement update =
        (tx.sql().prepare << "UPDATE progress_reports SET department_id = :department_id, "
                             "status = :status, narrative_zh = :narrative_zh, narrative_en = "
                             ":narrative_en, demonstration = :demonstration, updated_at = "
                             ":updated_at, updated_by = :updated_by WHERE id = :id AND state = "
                             ":state",
         soci::use(draft.department_id), soci::use(status), soci::use(draft.narrative_zh),
         soci::use(draft.narrative_en), soci::use(demonstration), soci::use(at),
         soci::use(actor_user_id), soci::use(id), soci::use(draft_state));
    update.execute(true);
    if (update.get_affected_rows() != 1)
      throw StoreError(
          fmt::format("the {} report of item {} was submitted meanwhile; open it again", draft.year,
                      draft.item_id));
    delete_children(tx, id);
  } else {
    tx.sql() << "INSERT INTO progress_reports (item_id, year, department_id, status, "
                "narrative_zh, narrative_en, state, demonstration, updated_at, updated_by) "
                "VALUES (:item_id, :year, :department_id, :status, :narrative_zh, :narrative_en, "
                ":state, :demonstration, :updated_at, :updated_by) RETURNING id",
        soci::use(draft.item_id), soci::use(draft.year), soci::use(draft.department_id),
        soci::use(status), soci::use(draft.narrative_zh), soci::use(draft.narrative_en),
        soci::use(draft_state), soci::use(demonstration), soci::use(at), soci::use(actor_user_id),
        soci::into(id);
  }
  insert_children(tx, id, draft);
  ProgressReport saved = draft;
  saved.state = plan::ReportState::draft;
  audit(tx, actor, "progress_report", std::to_string(id), "tracker.progress.save",
        existing ? report_json(*existing) : json(nullptr), report_json(saved));
  return id;
}

void set_progress_state(Transaction& tx, std::int64_t report_id, plan::ReportState from,
                        plan::ReportState to, std::string_view note, std::int64_t actor_user_id) {
  const auto event = event_between(from, to);
  if (!event)
    throw StoreError(fmt::format("a progress report does not go from {} to {}", state_text(from),
                                 state_text(to)));
  const std::string actor = username_of(tx, actor_user_id);
  const std::string from_code = state_text(from), to_code = state_text(to);
  const std::string at = utc_timestamp();
  const std::string review_note(note);
  // An empty note leaves the last one (a return's reason stays until the next return).
  auto kept_note = nullable(review_note.empty() ? std::optional<std::string>()
                                                : std::optional<std::string>(review_note));
  auto published_at = nullable(to == plan::ReportState::published ? std::optional<std::string>(at)
                                                                  : std::optional<std::string>());
  soci::statement update =
      (tx.sql().prepare << "UPDATE progress_reports SET state = :to_state, review_note = "
                           "COALESCE(:note, review_note), published_at = "
                           ":published_at, updated_at = :at, updated_by = :by "
                           "WHERE id = :id AND state = :from_state",
       soci::use(to_code), soci::use(kept_note.value, kept_note.indicator),
       soci::use(published_at.value, published_at.indicator), soci::use(at),
       soci::use(actor_user_id), soci::use(report_id), soci::use(from_code));
  update.execute(true);
  if (update.get_affected_rows() != 1) {
    const auto current = find_progress(tx, report_id);
    if (!current) throw StoreError(fmt::format("no progress report with id {}", report_id));
    throw StoreError(fmt::format(
        "the {} report of item {} is now {}, not {}: someone moved it meanwhile; open it again",
        current->year, current->item_id, state_text(current->state), from_code));
  }
  json after = {{"state", to_code}};
  if (!review_note.empty()) after["note"] = review_note;
  audit(tx, actor, "progress_report", std::to_string(report_id),
        fmt::format("tracker.progress.{}", plan::event_code(*event)), {{"state", from_code}},
        after);
}

std::optional<ProgressReport> find_progress(Transaction& tx, std::int64_t report_id) {
  auto found = select_reports(tx, "WHERE id = :id", soci::use(report_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<ProgressReport> find_progress_of(Transaction& tx, std::string_view item_id,
                                               int year) {
  const std::string item(item_id);
  auto found = select_reports(tx, "WHERE item_id = :item_id AND year = :year", soci::use(item),
                              soci::use(year));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<ProgressReport> list_progress(Transaction& tx, int year,
                                          std::optional<plan::ReportState> state) {
  if (!state) return select_reports(tx, "WHERE year = :year", soci::use(year));
  const std::string code = state_text(*state);
  return select_reports(tx, "WHERE year = :year AND state = :state", soci::use(year),
                        soci::use(code));
}

plan::ItemStatuses published_statuses(Transaction& tx, int year) {
  std::string item_id, status;
  soci::statement select =
      (tx.sql().prepare << "SELECT item_id, status FROM progress_reports WHERE year = :year AND "
                           "state = 'published' ORDER BY item_id",
       soci::use(year), soci::into(item_id), soci::into(status));
  select.execute();
  plan::ItemStatuses statuses;
  while (select.fetch()) statuses[item_id] = stored_status(status);
  return statuses;
}

std::vector<int> published_years(Transaction& tx) {
  int year = 0;
  soci::statement select =
      (tx.sql().prepare << "SELECT DISTINCT year FROM progress_reports WHERE state = 'published' "
                           "ORDER BY year",
       soci::into(year));
  select.execute();
  std::vector<int> years;
  while (select.fetch()) years.push_back(year);
  return years;
}

// ---- evidence files

std::int64_t store_progress_file(Transaction& tx, const ProgressFile& file,
                                 std::int64_t actor_user_id) {
  const std::string actor = username_of(tx, actor_user_id);
  if (file.filename.empty() || file.media_type.empty())
    throw StoreError("an evidence file needs its file name and media type");
  const std::string sha256 = sha256_hex(file.content);
  if (!file.sha256.empty() && file.sha256 != sha256)
    throw StoreError(fmt::format(
        "evidence file {}: its content does not match the SHA-256 given; upload it again",
        file.filename));
  const auto size_bytes = static_cast<std::int64_t>(file.content.size());
  const std::string at = utc_timestamp();
  std::int64_t id = 0;
  const std::string content = binary_parameter(tx.backend(), file.content);
  const std::string query = fmt::format(
      "INSERT INTO progress_files (filename, media_type, size_bytes, sha256, content, "
      "uploaded_by, uploaded_at) VALUES (:filename, :media_type, :size_bytes, :sha256, {}, "
      ":uploaded_by, :uploaded_at) RETURNING id",
      binary_parameter_sql(tx.backend(), "content"));
  tx.sql() << query, soci::use(file.filename), soci::use(file.media_type), soci::use(size_bytes),
      soci::use(sha256), soci::use(content), soci::use(actor_user_id), soci::use(at),
      soci::into(id);
  // The hash ties the audit chain to the exact content stored.
  audit(tx, actor, "progress_file", std::to_string(id), "tracker.file.upload", nullptr,
        {{"filename", file.filename},
         {"media_type", file.media_type},
         {"size_bytes", size_bytes},
         {"sha256", sha256}});
  return id;
}

std::optional<ProgressFile> find_progress_file(Transaction& tx, std::int64_t id) {
  ProgressFile file;
  const std::string query =
      fmt::format("SELECT id, filename, media_type, sha256, {} FROM progress_files WHERE id = :id",
                  binary_column_sql(tx.backend(), "content"));
  tx.sql() << query, soci::use(id), soci::into(file.id), soci::into(file.filename),
      soci::into(file.media_type), soci::into(file.sha256), soci::into(file.content);
  if (!tx.sql().got_data()) return std::nullopt;
  file.content = binary_from_column(tx.backend(), std::move(file.content), "an evidence file");
  return file;
}

std::optional<std::int64_t> report_of_file(Transaction& tx, std::int64_t file_id) {
  std::int64_t report_id = 0;
  soci::indicator cited = soci::i_null;
  // MIN over no rows is one NULL row: the file is cited by no report.
  tx.sql() << "SELECT MIN(report_id) FROM progress_evidence WHERE file_id = :file_id",
      soci::use(file_id), soci::into(report_id, cited);
  return present(report_id, cited);
}

// ---- indicator values

void record_indicator_value(Transaction& tx, const plan::IndicatorValue& value,
                            std::string_view actor) {
  check_code("indicator code", value.code);
  const std::string by(actor);
  const std::string at = utc_timestamp();
  const int demonstration = value.demonstration ? 1 : 0;
  double old_value = 0;
  std::string old_source;
  tx.sql() << "SELECT value, source FROM indicator_values WHERE code = :code AND year = :year",
      soci::use(value.code), soci::use(value.year), soci::into(old_value), soci::into(old_source);
  const bool replaced = tx.sql().got_data();
  tx.sql() << "INSERT INTO indicator_values (code, year, value, source, demonstration, "
              "recorded_by, recorded_at) VALUES (:code, :year, :value, :source, :demonstration, "
              ":recorded_by, :recorded_at) ON CONFLICT (code, year) DO UPDATE SET value = "
              "excluded.value, source = excluded.source, demonstration = excluded.demonstration, "
              "recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
      soci::use(value.code), soci::use(value.year), soci::use(value.value), soci::use(value.source),
      soci::use(demonstration), soci::use(by), soci::use(at);
  audit(tx, by, "indicator", value.code,
        replaced ? "tracker.indicator.replace" : "tracker.indicator.record",
        replaced ? json{{"year", value.year}, {"value", old_value}, {"source", old_source}}
                 : json(nullptr),
        {{"year", value.year},
         {"value", value.value},
         {"source", value.source},
         {"demonstration", value.demonstration}});
}

namespace {
template <typename... Uses>
std::vector<plan::IndicatorValue> select_values(Transaction& tx, const std::string& condition,
                                                Uses... uses) {
  plan::IndicatorValue row;
  int demonstration = 0;
  const std::string query =
      "SELECT code, year, value, source, demonstration FROM indicator_values " + condition +
      " ORDER BY code, year";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.code), soci::into(row.year),
       soci::into(row.value), soci::into(row.source), soci::into(demonstration));
  select.execute();
  std::vector<plan::IndicatorValue> found;
  while (select.fetch()) {
    row.demonstration = demonstration != 0;
    found.push_back(row);
  }
  return found;
}
}  // namespace

std::vector<plan::IndicatorValue> indicator_series(Transaction& tx, std::string_view code) {
  const std::string key(code);
  return select_values(tx, "WHERE code = :code", soci::use(key));
}

std::vector<plan::IndicatorValue> list_indicator_values(Transaction& tx) {
  return select_values(tx, "");
}

// ---- the City Biodiversity Index

void record_cbi_input(Transaction& tx, const CbiInputValue& input, std::string_view actor) {
  check_cbi_indicator(input.indicator);
  check_code("City Biodiversity Index input key", input.key);
  const std::string by(actor);
  const std::string at = utc_timestamp();
  const int demonstration = input.demonstration ? 1 : 0;
  double old_value = 0;
  tx.sql() << "SELECT value FROM cbi_inputs WHERE year = :year AND indicator = :indicator AND "
              "input_key = :input_key",
      soci::use(input.year), soci::use(input.indicator), soci::use(input.key),
      soci::into(old_value);
  const bool replaced = tx.sql().got_data();
  tx.sql() << "INSERT INTO cbi_inputs (year, indicator, input_key, value, source, demonstration, "
              "recorded_by, recorded_at) VALUES (:year, :indicator, :input_key, :value, :source, "
              ":demonstration, :recorded_by, :recorded_at) ON CONFLICT (year, indicator, "
              "input_key) DO UPDATE SET value = excluded.value, source = excluded.source, "
              "demonstration = excluded.demonstration, recorded_by = excluded.recorded_by, "
              "recorded_at = excluded.recorded_at",
      soci::use(input.year), soci::use(input.indicator), soci::use(input.key),
      soci::use(input.value), soci::use(input.source), soci::use(demonstration), soci::use(by),
      soci::use(at);
  audit(tx, by, "cbi_input", fmt::format("{}/{}/{}", input.year, input.indicator, input.key),
        replaced ? "tracker.cbi.replace_input" : "tracker.cbi.record_input",
        replaced ? json{{"value", old_value}} : json(nullptr),
        {{"value", input.value}, {"source", input.source}, {"demonstration", input.demonstration}});
}

std::vector<CbiInputValue> list_cbi_inputs(Transaction& tx, int year) {
  CbiInputValue row;
  int demonstration = 0;
  soci::statement select =
      (tx.sql().prepare << "SELECT year, indicator, input_key, value, source, demonstration FROM "
                           "cbi_inputs WHERE year = :year ORDER BY indicator, input_key",
       soci::use(year), soci::into(row.year), soci::into(row.indicator), soci::into(row.key),
       soci::into(row.value), soci::into(row.source), soci::into(demonstration));
  select.execute();
  std::vector<CbiInputValue> found;
  while (select.fetch()) {
    row.demonstration = demonstration != 0;
    found.push_back(row);
  }
  return found;
}

std::vector<int> cbi_years(Transaction& tx) {
  int year = 0;
  soci::statement select =
      (tx.sql().prepare << "SELECT DISTINCT year FROM cbi_inputs ORDER BY year", soci::into(year));
  select.execute();
  std::vector<int> years;
  while (select.fetch()) years.push_back(year);
  return years;
}

void set_cbi_bands(Transaction& tx, const plan::BandOverride& bands, std::string_view actor) {
  check_cbi_indicator(bands.indicator);
  if (bands.source.empty())
    throw StoreError(fmt::format(
        "the bands of City Biodiversity Index indicator {} need their source (the handbook's "
        "page, or the decision that set them)",
        bands.indicator));
  if (bands.bands.empty())
    throw StoreError(
        fmt::format("no bands given for City Biodiversity Index indicator {}: enter at least one",
                    bands.indicator));
  for (const plan::ScoreBand& band : bands.bands)
    if (band.points < 0 || band.points > 4)
      throw StoreError(fmt::format(
          "a band of City Biodiversity Index indicator {} gives {} points; a band gives 0 to 4",
          bands.indicator, band.points));
  const std::string by(actor);
  const std::string at = utc_timestamp();
  const std::string text = bands_json(bands.bands).dump();
  std::string old_text, old_source;
  tx.sql() << "SELECT bands_json, source FROM cbi_band_overrides WHERE indicator = :indicator",
      soci::use(bands.indicator), soci::into(old_text), soci::into(old_source);
  const bool replaced = tx.sql().got_data();
  tx.sql() << "INSERT INTO cbi_band_overrides (indicator, bands_json, source, set_by, set_at) "
              "VALUES (:indicator, :bands_json, :source, :set_by, :set_at) ON CONFLICT "
              "(indicator) DO UPDATE SET bands_json = excluded.bands_json, source = "
              "excluded.source, set_by = excluded.set_by, set_at = excluded.set_at",
      soci::use(bands.indicator), soci::use(text), soci::use(bands.source), soci::use(by),
      soci::use(at);
  audit(tx, by, "cbi_bands", std::to_string(bands.indicator), "tracker.cbi.set_bands",
        replaced ? json{{"bands", json::parse(old_text)}, {"source", old_source}} : json(nullptr),
        {{"bands", json::parse(text)}, {"source", bands.source}});
}

std::vector<plan::BandOverride> list_cbi_bands(Transaction& tx) {
  int indicator = 0;
  std::string text, source;
  soci::statement select =
      (tx.sql().prepare << "SELECT indicator, bands_json, source FROM cbi_band_overrides "
                           "ORDER BY indicator",
       soci::into(indicator), soci::into(text), soci::into(source));
  select.execute();
  std::vector<plan::BandOverride> found;
  while (select.fetch()) found.push_back({indicator, stored_bands(text, indicator), source});
  return found;
}

// ---- tagged projects

void tag_project_item(Transaction& tx, std::int64_t application_id, std::string_view item_id,
                      std::string_view actor) {
  const std::string item(item_id);
  check_item_id(item);
  std::int64_t known = 0;
  tx.sql() << "SELECT COUNT(*) FROM applications WHERE id = :id", soci::use(application_id),
      soci::into(known);
  if (known == 0) throw StoreError(fmt::format("no application with id {} to tag", application_id));
  std::int64_t tagged = 0;
  tx.sql() << "SELECT COUNT(*) FROM project_item_tags WHERE application_id = :id AND item_id = "
              ":item_id",
      soci::use(application_id), soci::use(item), soci::into(tagged);
  if (tagged != 0)
    throw StoreError(
        fmt::format("application {} is already tagged to item {}", application_id, item));
  const std::string at = utc_timestamp();
  tx.sql() << "INSERT INTO project_item_tags (application_id, item_id, tagged_at) VALUES "
              "(:application_id, :item_id, :tagged_at)",
      soci::use(application_id), soci::use(item), soci::use(at);
  audit(tx, std::string(actor), "application", std::to_string(application_id),
        "tracker.project.tag", nullptr, {{"item_id", item}});
}

void untag_project_item(Transaction& tx, std::int64_t application_id, std::string_view item_id,
                        std::string_view actor) {
  const std::string item(item_id);
  soci::statement remove =
      (tx.sql().prepare << "DELETE FROM project_item_tags WHERE application_id = :id AND "
                           "item_id = :item_id",
       soci::use(application_id), soci::use(item));
  remove.execute(true);
  if (remove.get_affected_rows() != 1)
    throw StoreError(fmt::format("application {} is not tagged to item {}", application_id, item));
  audit(tx, std::string(actor), "application", std::to_string(application_id),
        "tracker.project.untag", {{"item_id", item}}, nullptr);
}

std::vector<ProjectItemTag> list_project_tags(Transaction& tx) {
  ProjectItemTag row;
  soci::statement select =
      (tx.sql().prepare << "SELECT application_id, item_id FROM project_item_tags "
                           "ORDER BY item_id, application_id",
       soci::into(row.application_id), soci::into(row.item_id));
  select.execute();
  std::vector<ProjectItemTag> found;
  while (select.fetch()) found.push_back(row);
  return found;
}

// ---- snapshots

void save_snapshot(Transaction& tx, std::string_view kind, int year, std::string_view body_json,
                   std::int64_t actor_user_id) {
  if (std::find(std::begin(kSnapshotKinds), std::end(kSnapshotKinds), kind) ==
      std::end(kSnapshotKinds))
    throw StoreError(
        fmt::format("a snapshot is of kind \"midterm_review\" or \"baseline\", not \"{}\"", kind));
  const std::string actor = username_of(tx, actor_user_id);
  const std::string kind_text(kind), body(body_json);
  if (!json::accept(body))
    throw StoreError(fmt::format("the {} {} snapshot is not JSON", kind_text, year));
  if (find_snapshot(tx, kind, year))
    throw StoreError(fmt::format(
        "the {} snapshot of {} was saved already; a snapshot is frozen and is not saved twice",
        kind_text, year));
  const std::string at = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO plan_snapshots (kind, year, body_json, saved_by, saved_at) VALUES "
              "(:kind, :year, :body_json, :saved_by, :saved_at) RETURNING id",
      soci::use(kind_text), soci::use(year), soci::use(body), soci::use(actor_user_id),
      soci::use(at), soci::into(id);
  // The body's hash ties the chain to the exact snapshot frozen.
  audit(tx, actor, "plan_snapshot", std::to_string(id), "tracker.snapshot.save", nullptr,
        {{"kind", kind_text}, {"year", year}, {"sha256", sha256_hex(body)}});
}

std::optional<std::string> find_snapshot(Transaction& tx, std::string_view kind, int year) {
  const std::string kind_text(kind);
  std::string body;
  tx.sql() << "SELECT body_json FROM plan_snapshots WHERE kind = :kind AND year = :year",
      soci::use(kind_text), soci::use(year), soci::into(body);
  if (!tx.sql().got_data()) return std::nullopt;
  return body;
}

}  // namespace bsap::store
