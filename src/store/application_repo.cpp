#include "store/application_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "store/audit_repo.h"
#include "store/key_format.h"
#include "store/notification_repo.h"
#include "store/organisation_repo.h"
#include "store/resubmission_round.h"
#include "store/round_repo.h"
#include "store/user_repo.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

constexpr std::string_view kCreatedPart = "created";
constexpr std::string_view kSubmittedPart = "submitted";

void check_key(std::string_view what, std::string_view key) {
  if (!looks_like_key(key))
    throw StoreError(
        fmt::format("the {} \"{}\" is not a key (lower-case letters, digits, _)", what, key));
}

// The store keeps the document as text, but never text that the pages could not read back.
void check_document_json(std::string_view document_json) {
  const json parsed = json::parse(document_json, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object())
    throw StoreError("the application document is not a JSON object; nothing was saved");
}

ApplicationState parse_state(const std::string& code, std::int64_t id) {
  if (code == "draft") return ApplicationState::draft;
  if (code == "submitted") return ApplicationState::submitted;
  throw StoreError(fmt::format(
      "application {} has an unknown state \"{}\"; is a newer bsap writing to the database?", id,
      code));
}

template <typename T>
std::optional<T> optional_column(const T& value, soci::indicator indicator) {
  if (indicator == soci::i_ok) return value;
  return std::nullopt;
}

template <typename... Uses>
std::vector<StoredApplication> select_applications(Transaction& tx, const std::string& condition,
                                                   Uses... uses) {
  StoredApplication row;
  std::string state, submitted_at, submitted_on, reference, ruleset_version;
  std::int64_t submitted_by = 0, resubmission_of = 0;
  soci::indicator at_present = soci::i_null, on_present = soci::i_null, by_present = soci::i_null,
                  reference_present = soci::i_null, ruleset_present = soci::i_null,
                  resubmission_present = soci::i_null;
  const std::string query =
      "SELECT id, organisation_id, project_type, title, state, document_json, revision, "
      "created_by, created_at, updated_at, submitted_at, submitted_on, submitted_by, reference, "
      "ruleset_version, resubmission_of FROM applications " +
      condition + " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.project_type), soci::into(row.title),
       soci::into(state), soci::into(row.document_json), soci::into(row.revision),
       soci::into(row.created_by), soci::into(row.created_at), soci::into(row.updated_at),
       soci::into(submitted_at, at_present), soci::into(submitted_on, on_present),
       soci::into(submitted_by, by_present), soci::into(reference, reference_present),
       soci::into(ruleset_version, ruleset_present),
       soci::into(resubmission_of, resubmission_present));
  select.execute();
  std::vector<StoredApplication> applications;
  while (select.fetch()) {
    row.state = parse_state(state, row.id);
    row.submitted_at = optional_column(submitted_at, at_present);
    row.submitted_on = optional_column(submitted_on, on_present);
    row.submitted_by = optional_column(submitted_by, by_present);
    row.reference = optional_column(reference, reference_present);
    row.ruleset_version = optional_column(ruleset_version, ruleset_present);
    row.resubmission_of = optional_column(resubmission_of, resubmission_present);
    applications.push_back(row);
  }
  return applications;
}

template <typename... Uses>
std::vector<ApplicationRevision> select_revisions(Transaction& tx, bool with_document,
                                                  const std::string& condition, Uses... uses) {
  ApplicationRevision row;
  const std::string document_column = with_document ? "r.document_json" : "CAST('' AS TEXT)";
  // A user without a display name is shown by username rather than as a blank.
  const std::string query =
      "SELECT r.revision, r.part, r.user_id, CASE WHEN u.display_name = '' THEN u.username "
      "ELSE u.display_name END, r.saved_at, " +
      document_column + " FROM application_revisions r JOIN users u ON u.id = r.user_id " +
      condition + " ORDER BY r.revision";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.summary.revision),
       soci::into(row.summary.part), soci::into(row.summary.user_id),
       soci::into(row.summary.user_display_name), soci::into(row.summary.saved_at),
       soci::into(row.document_json));
  select.execute();
  std::vector<ApplicationRevision> revisions;
  while (select.fetch()) revisions.push_back(row);
  return revisions;
}

StoredApplication require_application(Transaction& tx, std::int64_t id) {
  auto application = find_application(tx, id);
  if (!application) throw StoreError(fmt::format("no application with id {}", id));
  return *application;
}

User require_user(Transaction& tx, std::int64_t user_id) {
  auto user = find_user(tx, user_id);
  if (!user) throw StoreError(fmt::format("no user with id {}", user_id));
  return *user;
}

void refuse_if_submitted(const StoredApplication& application) {
  if (application.state == ApplicationState::submitted)
    throw ApplicationFrozen(fmt::format(
        "application {} was submitted as {} and can no longer be changed or submitted again",
        application.id, application.reference.value_or("?")));
}

// Moves a draft from expected_revision to the next revision, or says why it cannot: the
// conditional UPDATE is the check, so two sessions starting from the same revision can never
// both succeed (on PostgreSQL the second waits for the first's row lock, then finds the
// revision changed).
int advance_revision(Transaction& tx, const StoredApplication& application, int expected_revision,
                     const std::string& now) {
  soci::statement update =
      (tx.sql().prepare << "UPDATE applications SET revision = revision + 1, updated_at = :now "
                           "WHERE id = :id AND revision = :expected AND state = 'draft'",
       soci::use(now), soci::use(application.id), soci::use(expected_revision));
  update.execute(true);
  if (update.get_affected_rows() == 1) return expected_revision + 1;

  const StoredApplication current = require_application(tx, application.id);
  refuse_if_submitted(current);
  throw RevisionConflict(application.id, expected_revision, current.revision);
}

void insert_revision(Transaction& tx, std::int64_t id, int revision, std::string_view part,
                     std::int64_t user_id, const std::string& saved_at,
                     const std::string& document_json) {
  const std::string part_text(part);
  tx.sql() << "INSERT INTO application_revisions (application_id, revision, part, user_id, "
              "saved_at, document_json) VALUES (:id, :revision, :part, :user_id, :saved_at, "
              ":document_json)",
      soci::use(id), soci::use(revision), soci::use(part_text), soci::use(user_id),
      soci::use(saved_at), soci::use(document_json);
}

void audit_application(Transaction& tx, std::int64_t id, const std::string& actor,
                       std::string action, const json& before, const json& after) {
  append_audit(tx, {actor, "application", std::to_string(id), std::move(action), before.dump(),
                    after.dump()});
}

// The next number in the year, from the counter row this transaction then holds until it ends:
// concurrent submitters queue on it (PostgreSQL's row lock, SQLite's write lock), and a
// rollback returns the number, so references have neither gaps nor duplicates.
int next_reference_sequence(Transaction& tx, int year) {
  int sequence = 0;
  tx.sql() << "INSERT INTO application_reference_counters (reference_year, last_sequence) "
              "VALUES (:year, 1) ON CONFLICT (reference_year) DO UPDATE SET last_sequence = "
              "application_reference_counters.last_sequence + 1 RETURNING last_sequence",
      soci::use(year), soci::into(sequence);
  return sequence;
}

std::string display_name(const User& user) {
  return user.display_name.empty() ? user.username : user.display_name;
}

// §2.7.5 asks for an acknowledgement after receipt; §2.6.4's 14-day rule is what the applicant
// most needs to know next, so the acknowledgement says it.
NewNotification submitted_notification(const StoredApplication& application,
                                       const std::string& reference, CivilDate day,
                                       const User& submitter) {
  const std::string title = application.title.empty() ? "—" : application.title;
  return {
      application.organisation_id,
      std::nullopt,
      "application_submitted",
      fmt::format("已收到申請 {}", reference),
      fmt::format("Application {} received", reference),
      fmt::format(
          "{}於{}年{}月{}日提交的申請「{}」已經收到，申請編號為 {}。如秘書處要求提供額外資料，"
          "請於提出要求當日起計14個曆日內回覆，否則申請將被視作撤回（指引第2.6.4節）。",
          display_name(submitter), day.year(), day.month(), day.day(), title, reference),
      fmt::format("The application \"{}\" submitted by {} on {} has been received under reference "
                  "{}. If the Secretariat asks for more information, reply within 14 calendar "
                  "days of the request, or the application will be treated as withdrawn "
                  "(guidelines §2.6.4).",
                  title, display_name(submitter), format_iso(day), reference),
  };
}

// The round the submission belongs to: the one open on the day, if any. A resubmission must
// not land in the rejected application's round (§4.5.1).
std::optional<Round> submission_round(Transaction& tx, const StoredApplication& application,
                                      CivilDate submitted_on) {
  auto round = round_open_on(tx, submitted_on);
  if (round && application.resubmission_of)
    require_later_round(tx, *application.resubmission_of, *round);
  return round;
}

// The assessment begins with the submission, in the same transaction (assessment_repo.h).
void begin_assessment(Transaction& tx, std::int64_t id, const std::optional<Round>& round,
                      const std::string& submitted_at, const std::string& actor) {
  const std::int64_t round_id = round ? round->id : 0;
  soci::indicator round_present = round ? soci::i_ok : soci::i_null;
  tx.sql() << "INSERT INTO assessments (application_id, round_id, state, state_since) "
              "VALUES (:id, :round_id, 'submitted', :state_since)",
      soci::use(id), soci::use(round_id, round_present), soci::use(submitted_at);
  const json after = {{"state", "submitted"}, {"round_id", round ? json(round_id) : json(nullptr)}};
  append_audit(tx, {actor, "assessment", std::to_string(id), "create", "null", after.dump()});
}

void queue_acknowledgement(Transaction& tx, const NewNotification& notice, const User& submitter) {
  const std::string subject = notice.subject_zh + " / " + notice.subject_en;
  const std::string body = notice.body_zh + "\n\n" + notice.body_en +
                           "\n\n鄉郊保育資助計劃秘書處\nCountryside Conservation Funding Scheme "
                           "Secretariat\n";
  queue_email(tx, submitter.email, subject, body, submitter.username);
}

}  // namespace

std::string_view application_state_code(ApplicationState state) {
  return state == ApplicationState::submitted ? "submitted" : "draft";
}

RevisionConflict::RevisionConflict(std::int64_t application_id, int expected_revision,
                                   int current_revision)
    : StoreError(fmt::format(
          "application {} was saved by someone else meanwhile: it is at revision {}, not {}. "
          "Nothing was overwritten; open the newer revision and make the change again",
          application_id, current_revision, expected_revision)),
      expected_(expected_revision),
      current_(current_revision) {}

std::string format_reference(int year, int sequence) {
  return fmt::format("CCFS-{}-{:04}", year, sequence);
}

std::int64_t create_application(Transaction& tx, const NewApplication& application,
                                std::int64_t user_id) {
  check_key("project type", application.project_type);
  check_document_json(application.document_json);
  const Member member = require_member(tx, application.organisation_id, user_id);

  const std::string now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO applications (organisation_id, project_type, title, state, "
              "document_json, revision, created_by, created_at, updated_at) VALUES "
              "(:organisation_id, :project_type, :title, 'draft', :document_json, 1, :created_by, "
              ":created_at, :updated_at) RETURNING id",
      soci::use(application.organisation_id), soci::use(application.project_type),
      soci::use(application.title), soci::use(application.document_json), soci::use(user_id),
      soci::use(now), soci::use(now), soci::into(id);
  insert_revision(tx, id, 1, kCreatedPart, user_id, now, application.document_json);

  const json after = {{"organisation_id", application.organisation_id},
                      {"project_type", application.project_type},
                      {"title", application.title},
                      {"revision", 1},
                      {"document_sha256", sha256_hex(application.document_json)}};
  audit_application(tx, id, member.username, "create", nullptr, after);
  return id;
}

int save_application(Transaction& tx, std::int64_t id, int expected_revision, std::string_view part,
                     std::string_view document_json, std::string_view title, std::int64_t user_id) {
  check_key("part", part);
  check_document_json(document_json);
  const StoredApplication application = require_application(tx, id);
  const Member member = require_member(tx, application.organisation_id, user_id);
  refuse_if_submitted(application);

  const std::string now = utc_timestamp();
  const int revision = advance_revision(tx, application, expected_revision, now);
  const std::string document(document_json), title_text(title);
  tx.sql() << "UPDATE applications SET document_json = :document_json, title = :title "
              "WHERE id = :id",
      soci::use(document), soci::use(title_text), soci::use(id);
  insert_revision(tx, id, revision, part, user_id, now, document);

  // The audit record keeps the document's hash, not the document: the revision table has it,
  // and the hash shows whether that revision is still what was saved.
  const json after = {{"revision", revision},
                      {"part", part},
                      {"title", title_text},
                      {"document_sha256", sha256_hex(document)}};
  audit_application(tx, id, member.username, "save", {{"revision", expected_revision}}, after);
  return revision;
}

std::optional<StoredApplication> find_application(Transaction& tx, std::int64_t id) {
  auto found = select_applications(tx, "WHERE id = :id", soci::use(id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<StoredApplication> list_applications(Transaction& tx, std::int64_t organisation_id) {
  return select_applications(tx, "WHERE organisation_id = :organisation_id",
                             soci::use(organisation_id));
}

std::vector<RevisionSummary> list_revisions(Transaction& tx, std::int64_t id) {
  std::vector<RevisionSummary> summaries;
  for (ApplicationRevision& revision :
       select_revisions(tx, false, "WHERE r.application_id = :id", soci::use(id)))
    summaries.push_back(std::move(revision.summary));
  return summaries;
}

std::optional<ApplicationRevision> load_revision(Transaction& tx, std::int64_t id, int revision) {
  auto found = select_revisions(tx, true, "WHERE r.application_id = :id AND r.revision = :revision",
                                soci::use(id), soci::use(revision));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::string submit_application(Transaction& tx, std::int64_t id, int expected_revision,
                               std::int64_t user_id, std::string_view ruleset_version,
                               CivilDate submitted_on) {
  const StoredApplication application = require_application(tx, id);
  const Member member = require_member(tx, application.organisation_id, user_id);
  if (!member.is_person_in_charge)
    throw NotPersonInCharge(fmt::format(
        "only the organisation's person-in-charge (負責人, guidelines §2.6.3) may submit an "
        "application; \"{}\" is a member but not the person-in-charge",
        member.username));
  refuse_if_submitted(application);
  if (ruleset_version.empty())
    throw StoreError("a submission must name the ruleset version it was checked against");
  const User submitter = require_user(tx, user_id);
  if (submitter.email.find('@') == std::string::npos)
    throw StoreError(fmt::format(
        "user \"{}\" has no e-mail address, so the acknowledgement (guidelines §2.7.5) could not "
        "reach them; add one to the account, then submit",
        submitter.username));

  const std::optional<Round> round = submission_round(tx, application, submitted_on);

  // Claim the draft before taking a number, so a conflicting submission never touches the
  // counter.
  const std::string now = utc_timestamp();
  const int revision = advance_revision(tx, application, expected_revision, now);
  const std::string reference =
      format_reference(submitted_on.year(), next_reference_sequence(tx, submitted_on.year()));
  const std::string day = format_iso(submitted_on), version(ruleset_version);
  tx.sql() << "UPDATE applications SET state = 'submitted', submitted_at = :submitted_at, "
              "submitted_on = :submitted_on, submitted_by = :submitted_by, reference = :reference, "
              "ruleset_version = :ruleset_version WHERE id = :id",
      soci::use(now), soci::use(day), soci::use(user_id), soci::use(reference), soci::use(version),
      soci::use(id);
  insert_revision(tx, id, revision, kSubmittedPart, user_id, now, application.document_json);

  const json before = {{"state", "draft"}, {"revision", expected_revision}};
  const json after = {
      {"state", "submitted"},   {"revision", revision},
      {"reference", reference}, {"ruleset_version", version},
      {"submitted_on", day},    {"document_sha256", sha256_hex(application.document_json)}};
  audit_application(tx, id, submitter.username, "submit", before, after);
  begin_assessment(tx, id, round, now, submitter.username);

  const NewNotification notice =
      submitted_notification(application, reference, submitted_on, submitter);
  add_notification(tx, notice, submitter.username);
  queue_acknowledgement(tx, notice, submitter);
  return reference;
}

}  // namespace bsap::store
