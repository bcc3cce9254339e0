#include "store/assessment_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store/repo_support.h"
#include "store/resubmission_round.h"
#include "store/round_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

constexpr std::string_view kRejected = "rejected";

// ---- assessments and transitions

template <typename... Uses>
std::vector<AssessmentRow> select_assessments(Transaction& tx, const std::string& condition,
                                              Uses... uses) {
  AssessmentRow row;
  std::int64_t round_id = 0, resubmission_of = 0;
  soci::indicator round_present = soci::i_null, resubmission_present = soci::i_null;
  const std::string query =
      "SELECT a.application_id, p.organisation_id, o.name_zh, o.name_en, p.reference, p.title, "
      "p.project_type, a.round_id, a.state, a.state_since, p.submitted_on, p.resubmission_of "
      "FROM assessments a JOIN applications p ON p.id = a.application_id "
      "JOIN organisations o ON o.id = p.organisation_id " +
      condition + " ORDER BY p.submitted_at DESC, a.application_id DESC";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.application_id),
       soci::into(row.organisation_id), soci::into(row.organisation_name_zh),
       soci::into(row.organisation_name_en), soci::into(row.reference), soci::into(row.title),
       soci::into(row.project_type), soci::into(round_id, round_present), soci::into(row.state),
       soci::into(row.state_since), soci::into(row.submitted_on),
       soci::into(resubmission_of, resubmission_present));
  select.execute();
  std::vector<AssessmentRow> rows;
  while (select.fetch()) {
    row.round_id = present(round_id, round_present);
    row.resubmission_of = present(resubmission_of, resubmission_present);
    rows.push_back(row);
  }
  return rows;
}

AssessmentRow require_assessment(Transaction& tx, std::int64_t application_id) {
  auto assessment = find_assessment(tx, application_id);
  if (!assessment)
    throw StoreError(fmt::format("application {} has not been submitted, so it has no assessment",
                                 application_id));
  return *assessment;
}

void check_transition(const NewTransition& transition) {
  check_code("state", transition.from_state);
  check_code("state", transition.to_state);
  check_code("event", transition.event);
  check_code("actor kind", transition.actor_kind);
}

// Moves the application from `from` to `to` if it is still in `from`: the conditional UPDATE is
// the check, so of two officers acting at once on PostgreSQL the second waits for the first's
// row lock and then finds the state changed.
void move_state(Transaction& tx, const NewTransition& transition, const std::string& now) {
  soci::statement update =
      (tx.sql().prepare << "UPDATE assessments SET state = :to_state, state_since = :now "
                           "WHERE application_id = :id AND state = :from_state",
       soci::use(transition.to_state), soci::use(now), soci::use(transition.application_id),
       soci::use(transition.from_state));
  update.execute(true);
  if (update.get_affected_rows() == 1) return;
  const AssessmentRow current = require_assessment(tx, transition.application_id);
  throw StaleState(fmt::format(
      "application {} is now \"{}\", not \"{}\": someone moved it meanwhile, and \"{}\" was not "
      "recorded. Open it again to see its state",
      current.reference, current.state, transition.from_state, transition.event));
}

// ---- information requests

template <typename... Uses>
std::vector<InformationRequest> select_requests(Transaction& tx, const std::string& condition,
                                                const std::string& order, Uses... uses) {
  InformationRequest row;
  std::string requested_on, due_on, answered_on;
  std::int64_t answered_by = 0;
  soci::indicator by_present = soci::i_null, on_present = soci::i_null;
  const std::string query =
      "SELECT id, application_id, question, requested_by, requested_on, due_on, status, answer, "
      "answered_by, answered_on FROM information_requests " +
      condition + " ORDER BY " + order;
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id), soci::into(row.application_id),
       soci::into(row.question), soci::into(row.requested_by), soci::into(requested_on),
       soci::into(due_on), soci::into(row.status), soci::into(row.answer),
       soci::into(answered_by, by_present), soci::into(answered_on, on_present));
  select.execute();
  std::vector<InformationRequest> requests;
  while (select.fetch()) {
    row.requested_on = stored_date(requested_on, "information_requests.requested_on");
    row.due_on = stored_date(due_on, "information_requests.due_on");
    row.answered_by = present(answered_by, by_present);
    row.answered_on = std::nullopt;
    if (on_present == soci::i_ok)
      row.answered_on = stored_date(answered_on, "information_requests.answered_on");
    requests.push_back(row);
  }
  return requests;
}

InformationRequest require_open_request(Transaction& tx, std::int64_t application_id,
                                        std::string_view doing) {
  auto request = open_request(tx, application_id);
  if (!request)
    throw StoreError(fmt::format("application {} has no open request for information to {}",
                                 application_id, doing));
  return *request;
}

// Runs the UPDATE that closes an open request. Its "status = 'open'" condition keeps two
// closings of one request (a reply racing the scheduled job) from both succeeding.
void close_request(soci::statement& update, std::int64_t request_id) {
  update.execute(true);
  if (update.get_affected_rows() != 1)
    throw StoreError(fmt::format("request for information {} was closed meanwhile", request_id));
}

void audit_request(Transaction& tx, const std::string& actor, std::int64_t request_id,
                   std::string action, const json& before, const json& after) {
  append_audit(tx, {actor, "information_request", std::to_string(request_id), std::move(action),
                    before.dump(), after.dump()});
}

// ---- decisions

bool is_approval(std::string_view outcome) {
  return outcome == "approved" || outcome == "approved_in_part";
}

void check_decision(const Decision& decision, const std::string& reference) {
  constexpr std::string_view kOutcomes[] = {"approved", "approved_in_part", "rejected",
                                            "not_considered", "disqualified"};
  if (std::find(std::begin(kOutcomes), std::end(kOutcomes), decision.outcome) ==
      std::end(kOutcomes))
    throw StoreError(fmt::format(
        "\"{}\" is not a decision: approved, approved_in_part, rejected, not_considered or "
        "disqualified",
        decision.outcome));
  const bool has_terms = decision.approved_amount || decision.duration_months;
  if (!is_approval(decision.outcome)) {
    if (has_terms)
      throw StoreError(fmt::format(
          "application {} is {}: only an approval has an approved amount and a duration", reference,
          decision.outcome));
    return;
  }
  if (!decision.approved_amount || decision.approved_amount->cents() <= 0 ||
      !decision.duration_months || *decision.duration_months <= 0)
    throw StoreError(fmt::format(
        "the approval of application {} needs the approved amount and the duration in months",
        reference));
}

constexpr std::string_view kDecisionColumns =
    "d.application_id, d.outcome, d.approved_amount_cents, d.duration_months, d.conditions, "
    "d.ground, d.reason, d.decided_by, d.decided_on";

// The columns of kDecisionColumns as SOCI reads them, and the Decision they make.
struct DecisionColumns {
  Decision decision;
  std::int64_t amount_cents = 0;
  int duration_months = 0;
  std::string decided_on;
  soci::indicator amount_present = soci::i_null, duration_present = soci::i_null;

  soci::details::prepare_temp_type bind(soci::details::prepare_temp_type prepare) {
    return prepare, soci::into(decision.application_id), soci::into(decision.outcome),
           soci::into(amount_cents, amount_present), soci::into(duration_months, duration_present),
           soci::into(decision.conditions), soci::into(decision.ground),
           soci::into(decision.reason), soci::into(decision.decided_by), soci::into(decided_on);
  }

  Decision read() {
    Decision read = decision;
    read.approved_amount = std::nullopt;
    if (amount_present == soci::i_ok) read.approved_amount = Money::from_cents(amount_cents);
    read.duration_months = present(duration_months, duration_present);
    read.decided_on = stored_date(decided_on, "assessment_decisions.decided_on");
    return read;
  }
};

// ---- resubmission

std::int64_t insert_resubmission(Transaction& tx, const StoredApplication& rejected,
                                 std::int64_t user_id, const std::string& now) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO applications (organisation_id, project_type, title, state, "
              "document_json, revision, created_by, created_at, updated_at, resubmission_of) "
              "VALUES (:organisation_id, :project_type, :title, 'draft', :document_json, 1, "
              ":created_by, :created_at, :updated_at, :resubmission_of) RETURNING id",
      soci::use(rejected.organisation_id), soci::use(rejected.project_type),
      soci::use(rejected.title), soci::use(rejected.document_json), soci::use(user_id),
      soci::use(now), soci::use(now), soci::use(rejected.id), soci::into(id);
  const std::string part = "resubmitted from " + rejected.reference.value_or("?");
  tx.sql() << "INSERT INTO application_revisions (application_id, revision, part, user_id, "
              "saved_at, document_json) VALUES (:id, 1, :part, :user_id, :saved_at, "
              ":document_json)",
      soci::use(id), soci::use(part), soci::use(user_id), soci::use(now),
      soci::use(rejected.document_json);
  return id;
}

}  // namespace

std::optional<AssessmentRow> find_assessment(Transaction& tx, std::int64_t application_id) {
  auto found = select_assessments(tx, "WHERE a.application_id = :id", soci::use(application_id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<AssessmentRow> list_assessments(Transaction& tx, std::optional<std::int64_t> round_id,
                                            std::optional<std::string> state) {
  if (round_id && state)
    return select_assessments(tx, "WHERE a.round_id = :round_id AND a.state = :state",
                              soci::use(*round_id), soci::use(*state));
  if (round_id) return select_assessments(tx, "WHERE a.round_id = :round_id", soci::use(*round_id));
  if (state) return select_assessments(tx, "WHERE a.state = :state", soci::use(*state));
  return select_assessments(tx, "");
}

std::int64_t record_transition(Transaction& tx, const NewTransition& transition) {
  check_transition(transition);
  const std::string actor = actor_of(tx, transition.user_id);
  const std::string now = utc_timestamp(), day = format_iso(transition.on);
  move_state(tx, transition, now);

  const std::int64_t user_id = transition.user_id.value_or(0);
  soci::indicator user_present = transition.user_id ? soci::i_ok : soci::i_null;
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO assessment_transitions (application_id, from_state, to_state, event, "
              "actor_kind, user_id, reason, at, on_day) VALUES (:application_id, :from_state, "
              ":to_state, :event, :actor_kind, :user_id, :reason, :at, :on_day) RETURNING id",
      soci::use(transition.application_id), soci::use(transition.from_state),
      soci::use(transition.to_state), soci::use(transition.event), soci::use(transition.actor_kind),
      soci::use(user_id, user_present), soci::use(transition.reason), soci::use(now),
      soci::use(day), soci::into(id);

  const json before = {{"state", transition.from_state}};
  const json after = {{"state", transition.to_state},
                      {"actor_kind", transition.actor_kind},
                      {"reason", transition.reason},
                      {"on", day}};
  append_audit(tx, {actor, "assessment", std::to_string(transition.application_id),
                    transition.event, before.dump(), after.dump()});
  return id;
}

std::vector<Transition> list_transitions(Transaction& tx, std::int64_t application_id) {
  Transition row;
  std::int64_t user_id = 0;
  std::string on_day;
  soci::indicator user_present = soci::i_null;
  // The scheduled job has no user; a user without a display name is shown by username.
  soci::statement select =
      (tx.sql().prepare
           << "SELECT t.id, t.application_id, t.from_state, t.to_state, t.event, t.actor_kind, "
              "t.user_id, CASE WHEN u.id IS NULL THEN 'system' WHEN u.display_name = '' THEN "
              "u.username ELSE u.display_name END, t.reason, t.at, t.on_day "
              "FROM assessment_transitions t LEFT JOIN users u ON u.id = t.user_id "
              "WHERE t.application_id = :id ORDER BY t.id",
       soci::use(application_id), soci::into(row.id), soci::into(row.application_id),
       soci::into(row.from_state), soci::into(row.to_state), soci::into(row.event),
       soci::into(row.actor_kind), soci::into(user_id, user_present), soci::into(row.actor_name),
       soci::into(row.reason), soci::into(row.at), soci::into(on_day));
  select.execute();
  std::vector<Transition> transitions;
  while (select.fetch()) {
    row.user_id = present(user_id, user_present);
    row.on = stored_date(on_day, "assessment_transitions.on_day");
    transitions.push_back(row);
  }
  return transitions;
}

void assign_round(Transaction& tx, std::int64_t application_id, std::int64_t round_id,
                  std::int64_t user_id) {
  const AssessmentRow assessment = require_assessment(tx, application_id);
  const auto round = find_round(tx, round_id);
  if (!round) throw StoreError(fmt::format("no round with id {}", round_id));
  if (assessment.round_id == round_id) return;
  if (assessment.round_id)
    throw StoreError(fmt::format("application {} already belongs to round {}", assessment.reference,
                                 *assessment.round_id));
  if (assessment.resubmission_of) require_later_round(tx, *assessment.resubmission_of, *round);
  const std::string actor = username_of(tx, user_id);

  tx.sql() << "UPDATE assessments SET round_id = :round_id WHERE application_id = :id",
      soci::use(round_id), soci::use(application_id);
  append_audit(tx, {actor, "assessment", std::to_string(application_id), "assign_round",
                    json({{"round_id", nullptr}}).dump(), json({{"round_id", round_id}}).dump()});
}

std::int64_t open_information_request(Transaction& tx, std::int64_t application_id,
                                      std::string_view question, std::int64_t user_id,
                                      CivilDate requested_on, CivilDate due_on) {
  const AssessmentRow assessment = require_assessment(tx, application_id);
  if (question.empty()) throw StoreError("a request for information needs its question");
  if (due_on < requested_on)
    throw StoreError(fmt::format("a request made on {} cannot be due on {}, before it was made",
                                 format_iso(requested_on), format_iso(due_on)));
  if (auto open = open_request(tx, application_id))
    throw StoreError(fmt::format(
        "application {} already has an open request for information (made on {}, due on {}); "
        "it must be answered or lapse before another is made",
        assessment.reference, format_iso(open->requested_on), format_iso(open->due_on)));
  const std::string actor = username_of(tx, user_id);

  const std::string text(question), requested = format_iso(requested_on), due = format_iso(due_on);
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO information_requests (application_id, question, requested_by, "
              "requested_on, due_on, status) VALUES (:application_id, :question, :requested_by, "
              ":requested_on, :due_on, 'open') RETURNING id",
      soci::use(application_id), soci::use(text), soci::use(user_id), soci::use(requested),
      soci::use(due), soci::into(id);
  const json after = {{"application_id", application_id},
                      {"status", "open"},
                      {"question", text},
                      {"requested_on", requested},
                      {"due_on", due}};
  audit_request(tx, actor, id, "open", nullptr, after);
  return id;
}

void answer_information_request(Transaction& tx, std::int64_t application_id,
                                std::string_view answer, std::int64_t user_id,
                                CivilDate answered_on) {
  const InformationRequest request = require_open_request(tx, application_id, "answer");
  if (answer.empty()) throw StoreError("the reply to a request for information is empty");
  const std::string actor = username_of(tx, user_id);

  const std::string text(answer), day = format_iso(answered_on), now = utc_timestamp();
  soci::statement update =
      (tx.sql().prepare << "UPDATE information_requests SET status = 'answered', answer = "
                           ":answer, answered_by = :answered_by, answered_on = :answered_on, "
                           "closed_at = :closed_at WHERE id = :id AND status = 'open'",
       soci::use(text), soci::use(user_id), soci::use(day), soci::use(now), soci::use(request.id));
  close_request(update, request.id);
  // The reply stays in its table; the record keeps its hash, which shows whether it is still
  // what was sent.
  const json after = {
      {"status", "answered"}, {"answered_on", day}, {"answer_sha256", sha256_hex(text)}};
  audit_request(tx, actor, request.id, "answer", {{"status", "open"}}, after);
}

void lapse_information_request(Transaction& tx, std::int64_t application_id) {
  const InformationRequest request = require_open_request(tx, application_id, "lapse");
  const std::string now = utc_timestamp();
  soci::statement update =
      (tx.sql().prepare << "UPDATE information_requests SET status = 'lapsed', closed_at = "
                           ":closed_at WHERE id = :id AND status = 'open'",
       soci::use(now), soci::use(request.id));
  close_request(update, request.id);
  audit_request(tx, "system", request.id, "lapse", {{"status", "open"}},
                {{"status", "lapsed"}, {"due_on", format_iso(request.due_on)}});
}

std::optional<InformationRequest> open_request(Transaction& tx, std::int64_t application_id) {
  auto found = select_requests(tx, "WHERE application_id = :id AND status = 'open'", "id",
                               soci::use(application_id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<InformationRequest> list_information_requests(Transaction& tx,
                                                          std::int64_t application_id) {
  return select_requests(tx, "WHERE application_id = :id", "id", soci::use(application_id));
}

std::vector<InformationRequest> list_open_requests(Transaction& tx) {
  return select_requests(tx, "WHERE status = 'open'", "due_on, id");
}

void record_decision(Transaction& tx, const Decision& decision) {
  const AssessmentRow assessment = require_assessment(tx, decision.application_id);
  check_decision(decision, assessment.reference);
  const std::string actor = username_of(tx, decision.decided_by);

  const std::int64_t amount_cents =
      decision.approved_amount ? decision.approved_amount->cents() : 0;
  const int duration = decision.duration_months.value_or(0);
  soci::indicator amount_present = decision.approved_amount ? soci::i_ok : soci::i_null;
  soci::indicator duration_present = decision.duration_months ? soci::i_ok : soci::i_null;
  const std::string day = format_iso(decision.decided_on), now = utc_timestamp();
  std::int64_t inserted = 0;
  // ON CONFLICT rather than a lookup first: of two decisions recorded at once, one is refused.
  tx.sql() << "INSERT INTO assessment_decisions (application_id, outcome, approved_amount_cents, "
              "duration_months, conditions, ground, reason, decided_by, decided_on, recorded_at) "
              "VALUES (:application_id, :outcome, :amount, :duration, :conditions, :ground, "
              ":reason, :decided_by, :decided_on, :recorded_at) "
              "ON CONFLICT (application_id) DO NOTHING RETURNING application_id",
      soci::use(decision.application_id), soci::use(decision.outcome),
      soci::use(amount_cents, amount_present), soci::use(duration, duration_present),
      soci::use(decision.conditions), soci::use(decision.ground), soci::use(decision.reason),
      soci::use(decision.decided_by), soci::use(day), soci::use(now), soci::into(inserted);
  if (!tx.sql().got_data()) {
    const auto existing = find_decision(tx, decision.application_id);
    throw StoreError(
        fmt::format("application {} already has its decision ({}, {}); a decision is recorded once",
                    assessment.reference, existing ? existing->outcome : "?",
                    existing ? format_iso(existing->decided_on) : "?"));
  }

  json after = {{"outcome", decision.outcome},
                {"conditions", decision.conditions},
                {"ground", decision.ground},
                {"reason", decision.reason},
                {"decided_on", day}};
  if (decision.approved_amount) after["approved_amount_cents"] = amount_cents;
  if (decision.duration_months) after["duration_months"] = duration;
  append_audit(tx, {actor, "decision", std::to_string(decision.application_id), "record", "null",
                    after.dump()});
}

std::optional<Decision> find_decision(Transaction& tx, std::int64_t application_id) {
  DecisionColumns columns;
  soci::statement select = columns.bind(
      (tx.sql().prepare << "SELECT " + std::string(kDecisionColumns) +
                               " FROM assessment_decisions d WHERE d.application_id = :id",
       soci::use(application_id)));
  select.execute();
  if (!select.fetch()) return std::nullopt;
  return columns.read();
}

std::vector<ApprovedGrantRow> list_approved_grants(Transaction& tx) {
  ApprovedGrantRow row;
  DecisionColumns columns;
  const std::string query =
      "SELECT p.id, p.reference, p.title, p.project_type, o.name_zh, o.name_en, o.id, a.state, "
      "p.document_json, " +
      std::string(kDecisionColumns) +
      " FROM assessments a JOIN applications p ON p.id = a.application_id "
      "JOIN organisations o ON o.id = p.organisation_id "
      "JOIN assessment_decisions d ON d.application_id = a.application_id "
      "WHERE a.state IN ('approved', 'approved_in_part') ORDER BY p.reference";
  soci::statement select = columns.bind(
      (tx.sql().prepare << query, soci::into(row.application_id), soci::into(row.reference),
       soci::into(row.title), soci::into(row.project_type), soci::into(row.organisation_name_zh),
       soci::into(row.organisation_name_en), soci::into(row.organisation_id), soci::into(row.state),
       soci::into(row.document_json)));
  select.execute();
  std::vector<ApprovedGrantRow> grants;
  while (select.fetch()) {
    row.decision = columns.read();
    grants.push_back(row);
  }
  return grants;
}

std::int64_t create_resubmission(Transaction& tx, std::int64_t rejected_application_id,
                                 std::int64_t user_id) {
  const auto assessment = find_assessment(tx, rejected_application_id);
  if (!assessment || assessment->state != kRejected)
    throw StoreError(fmt::format(
        "application {} is {}, not rejected: only a rejected application may be revised and "
        "resubmitted (guidelines §4.5.1)",
        assessment ? assessment->reference : std::to_string(rejected_application_id),
        assessment ? "\"" + assessment->state + "\"" : "not submitted"));
  const auto rejected = find_application(tx, rejected_application_id);
  if (!rejected)
    throw StoreError(fmt::format("no application with id {}", rejected_application_id));
  const Member member = require_member(tx, rejected->organisation_id, user_id);

  const std::string now = utc_timestamp();
  const std::int64_t id = insert_resubmission(tx, *rejected, user_id, now);
  const json after = {{"organisation_id", rejected->organisation_id},
                      {"project_type", rejected->project_type},
                      {"title", rejected->title},
                      {"revision", 1},
                      {"resubmission_of", rejected->id},
                      {"resubmitted_from", assessment->reference},
                      {"document_sha256", sha256_hex(rejected->document_json)}};
  append_audit(tx, {member.username, "application", std::to_string(id), "create_resubmission",
                    "null", after.dump()});
  return id;
}

std::optional<std::int64_t> resubmission_of(Transaction& tx, std::int64_t application_id) {
  std::int64_t revised = 0;
  soci::indicator revised_present = soci::i_null;
  tx.sql() << "SELECT resubmission_of FROM applications WHERE id = :id", soci::use(application_id),
      soci::into(revised, revised_present);
  if (!tx.sql().got_data()) return std::nullopt;
  return present(revised, revised_present);
}

}  // namespace bsap::store
