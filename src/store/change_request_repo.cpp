#include "store/change_request_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/assessment_repo.h"
#include "store/project_support.h"
#include "store/repo_support.h"

namespace bsap::store {
namespace {

using nlohmann::json;

// The columns of a ChangeRequestRow as SOCI reads them, and the row they make.
struct ChangeColumns {
  ChangeRequestRow row;
  std::string requested_on, consulted_on, decided_on;
  soci::indicator consulted_present = soci::i_null, decided_present = soci::i_null;

  static std::string query() {
    return "SELECT c.id, c.application_id, c.kind, c.details, c.reason, " +
           shown_user_sql("r", "") +
           ", c.requested_on, c.status, c.committee_consulted_on, c.committee_note, " +
           shown_user_sql("d", "") +
           ", c.decided_on, c.decision_note FROM change_requests c "
           "JOIN users r ON r.id = c.requested_by LEFT JOIN users d ON d.id = c.decided_by ";
  }

  soci::details::prepare_temp_type bind(soci::details::prepare_temp_type prepare) {
    return prepare, soci::into(row.id), soci::into(row.application_id), soci::into(row.kind),
           soci::into(row.details), soci::into(row.reason), soci::into(row.requested_by),
           soci::into(requested_on), soci::into(row.status),
           soci::into(consulted_on, consulted_present), soci::into(row.committee_note),
           soci::into(row.decided_by), soci::into(decided_on, decided_present),
           soci::into(row.decision_note);
  }

  ChangeRequestRow read() const {
    ChangeRequestRow read = row;
    read.requested_on = stored_date(requested_on, "change_requests.requested_on");
    read.committee_consulted_on =
        stored_date(consulted_on, consulted_present, "change_requests.committee_consulted_on");
    read.decided_on = stored_date(decided_on, decided_present, "change_requests.decided_on");
    return read;
  }
};

template <typename... Uses>
std::vector<ChangeRequestRow> select_changes(Transaction& tx, const std::string& condition,
                                             Uses... uses) {
  ChangeColumns columns;
  const std::string query = ChangeColumns::query() + condition + " ORDER BY c.id";
  soci::statement select = columns.bind(((tx.sql().prepare << query), ..., uses));
  select.execute();
  std::vector<ChangeRequestRow> changes;
  while (select.fetch()) changes.push_back(columns.read());
  return changes;
}

}  // namespace

std::int64_t record_change_request(Transaction& tx, const NewChangeRequest& request) {
  check_code("change kind", request.kind);
  require_project(tx, request.application_id);
  const std::string actor = username_of(tx, request.user_id);
  const std::string day = format_iso(request.requested_on);
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO change_requests (application_id, kind, details, reason, requested_by, "
              "requested_on, status) VALUES (:application_id, :kind, :details, :reason, "
              ":requested_by, :requested_on, 'pending') RETURNING id",
      soci::use(request.application_id), soci::use(request.kind), soci::use(request.details),
      soci::use(request.reason), soci::use(request.user_id), soci::use(day), soci::into(id);
  const json after = {{"change_request_id", id},    {"kind", request.kind},
                      {"details", request.details}, {"reason", request.reason},
                      {"requested_on", day},        {"status", "pending"}};
  audit_project(tx, actor, request.application_id, "request_change", nullptr, after);
  return id;
}

void decide_change_request(Transaction& tx, const ChangeDecision& decision) {
  const auto request = find_change_request(tx, decision.request_id);
  if (!request) throw StoreError(fmt::format("no change request with id {}", decision.request_id));
  const std::string actor = username_of(tx, decision.user_id);
  const std::string status = decision.approved ? "approved" : "refused";
  const std::string day = format_iso(decision.decided_on);
  auto consulted = nullable_day(decision.committee_consulted_on);
  // The status condition is the check: of two decisions at once, the second finds it decided.
  soci::statement update =
      (tx.sql().prepare << "UPDATE change_requests SET status = :status, "
                           "committee_consulted_on = :consulted_on, committee_note = "
                           ":committee_note, decided_by = :decided_by, decided_on = :decided_on, "
                           "decision_note = :decision_note WHERE id = :id AND status = 'pending'",
       soci::use(status), soci::use(consulted.value, consulted.indicator),
       soci::use(decision.committee_note), soci::use(decision.user_id), soci::use(day),
       soci::use(decision.decision_note), soci::use(decision.request_id));
  update.execute(true);
  if (update.get_affected_rows() != 1)
    throw StaleState(fmt::format(
        "the change request {} of project {} is \"{}\" already: it was decided meanwhile. Open "
        "it again to see the decision",
        decision.request_id, request->application_id, request->status));
  const json after = {{"change_request_id", decision.request_id},
                      {"kind", request->kind},
                      {"status", status},
                      {"committee_consulted_on", day_or_null(decision.committee_consulted_on)},
                      {"committee_note", decision.committee_note},
                      {"decided_on", day},
                      {"decision_note", decision.decision_note}};
  audit_project(tx, actor, request->application_id, "decide_change",
                {{"change_request_id", decision.request_id}, {"status", request->status}}, after);
}

std::vector<ChangeRequestRow> list_change_requests(Transaction& tx, std::int64_t application_id) {
  return select_changes(tx, "WHERE c.application_id = :id", soci::use(application_id));
}

std::optional<ChangeRequestRow> find_change_request(Transaction& tx, std::int64_t request_id) {
  auto found = select_changes(tx, "WHERE c.id = :id", soci::use(request_id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace bsap::store
