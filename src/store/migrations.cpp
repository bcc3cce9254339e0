#include "store/migrations.h"

#include "biodata/occurrence_flag.h"
#include "core/audit_chain.h"
#include "store/area_species_list.h"
#include "store/sqlite_occurrence_blocks.h"
#include "store/sqlite_species_summaries.h"

namespace bsap::store {
namespace {

// SQLite's AUTOINCREMENT keeps ids of removed rows from coming back, as an identity column does;
// audit records refer to users by id, so an id must never name two users.
constexpr std::string_view kIdentitySqlite = "INTEGER PRIMARY KEY AUTOINCREMENT";
constexpr std::string_view kIdentityPostgres = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
// {blob}: bytes, stored as they are (from migration 2, uploaded documents).
constexpr std::string_view kBlobSqlite = "BLOB";
constexpr std::string_view kBlobPostgres = "BYTEA";

const Migration kUsersSessionsAudit{
    1,
    "users, roles, sessions, audit log",
    {
        R"sql(CREATE TABLE users (
  id {identity},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
))sql",
        R"sql(CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
))sql",
        // user_id is NULL for an anonymous session, which still carries a CSRF token.
        R"sql(CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
))sql",
        "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
        R"sql(CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
))sql",
        "CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id)",
        // The newest seq and hash, rewritten by every append: it lets verification notice the
        // newest records removed, and its row lock serialises appenders on PostgreSQL.
        R"sql(CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
))sql",
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{genesis_hash}')",
    },
};

// The applicant portal (guidelines §2.3.1, §2.6.3, §2.7.5; docs/decisions/0005): organisations
// and their members, uploaded documents with their content stored once by hash, application
// drafts as JSON text with every saved revision kept, and the acknowledgement on submission.
const Migration kApplicantPortal{
    2,
    "applicant portal: organisations, documents, applications, notifications, e-mail outbox",
    {
        // kind is an applicants.yaml applicant_types key. It is not CHECKed here: the keys
        // belong to a ruleset version, and the schema must not change with the ruleset.
        // registered_under_societies_ordinance records §2.3.1(a) 註7 (Cap. 151) for the checker.
        R"sql(CREATE TABLE organisations (
  id {identity},
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  registered_under_societies_ordinance INTEGER NOT NULL
    CHECK (registered_under_societies_ordinance IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id)
))sql",
        // user_id alone is UNIQUE: a user belongs to at most one organisation, so "my
        // organisation" is never ambiguous on a page.
        R"sql(CREATE TABLE organisation_members (
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  user_id BIGINT NOT NULL UNIQUE REFERENCES users (id),
  is_person_in_charge INTEGER NOT NULL DEFAULT 0 CHECK (is_person_in_charge IN (0, 1)),
  post TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL,
  PRIMARY KEY (organisation_id, user_id)
))sql",
        // §2.6.3: one person-in-charge per organisation, enforced by the database itself.
        "CREATE UNIQUE INDEX one_person_in_charge ON organisation_members (organisation_id) "
        "WHERE is_person_in_charge = 1",
        // Content stored once by its SHA-256: the same file uploaded twice is one blob.
        R"sql(CREATE TABLE document_blobs (
  sha256 TEXT PRIMARY KEY,
  bytes {blob} NOT NULL
))sql",
        R"sql(CREATE TABLE documents (
  id {identity},
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL,
  filename TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES document_blobs (sha256),
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL
))sql",
        "CREATE INDEX documents_by_organisation ON documents (organisation_id)",
        // A draft is the application's JSON as text (the store does not read it); revision
        // counts saves and is the optimistic-concurrency token. Submission fills reference,
        // submitted_* and ruleset_version together, which the CHECK holds to.
        // submitted_on is the Hong Kong day of submission (ISO date), whose year the reference
        // carries.
        R"sql(CREATE TABLE applications (
  id {identity},
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  project_type TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
  document_json TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  submitted_on TEXT,
  submitted_by BIGINT REFERENCES users (id),
  reference TEXT UNIQUE,
  ruleset_version TEXT,
  CHECK ((state = 'draft' AND submitted_at IS NULL AND submitted_on IS NULL
          AND submitted_by IS NULL AND reference IS NULL AND ruleset_version IS NULL)
      OR (state = 'submitted' AND submitted_at IS NOT NULL AND submitted_on IS NOT NULL
          AND submitted_by IS NOT NULL AND reference IS NOT NULL AND ruleset_version IS NOT NULL))
))sql",
        "CREATE INDEX applications_by_organisation ON applications (organisation_id)",
        // Every save, whole: who saved which part of the task list when, and what it then said.
        R"sql(CREATE TABLE application_revisions (
  application_id BIGINT NOT NULL REFERENCES applications (id),
  revision INTEGER NOT NULL,
  part TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id),
  saved_at TEXT NOT NULL,
  document_json TEXT NOT NULL,
  PRIMARY KEY (application_id, revision)
))sql",
        // The last reference sequence given out in each year. A counter row updated in the
        // submitting transaction (not a database sequence, which skips numbers on rollback):
        // numbers come without gaps, and the row lock orders concurrent submitters.
        R"sql(CREATE TABLE application_reference_counters (
  reference_year INTEGER PRIMARY KEY,
  last_sequence INTEGER NOT NULL
))sql",
        // user_id NULL: addressed to every member of the organisation.
        R"sql(CREATE TABLE notifications (
  id {identity},
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  user_id BIGINT REFERENCES users (id),
  kind TEXT NOT NULL,
  subject_zh TEXT NOT NULL,
  subject_en TEXT NOT NULL,
  body_zh TEXT NOT NULL,
  body_en TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
))sql",
        "CREATE INDEX notifications_by_organisation ON notifications (organisation_id)",
        // Written in the transaction that has something to say (§2.7.5), sent later by whatever
        // delivers mail, which sets sent_at: a rolled-back submission never sends an e-mail.
        R"sql(CREATE TABLE email_outbox (
  id {identity},
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
))sql",
    },
};

// Files attached to one application (§2.7.6 site photos and maps, §2.7.9 confirmations): the
// organisation's documents, linked, so a file is kept once and shown with its organisation's.
const Migration kApplicationAttachments{
    3,
    "application attachments",
    {
        R"sql(CREATE TABLE application_attachments (
  application_id BIGINT NOT NULL REFERENCES applications (id),
  document_id BIGINT NOT NULL REFERENCES documents (id),
  attached_by BIGINT NOT NULL REFERENCES users (id),
  attached_at TEXT NOT NULL,
  PRIMARY KEY (application_id, document_id)
))sql",
    },
};

// The assessment of submitted applications (guidelines §2.6, §4, §5.17; docs/decisions/0005):
// application rounds, each submission's current state and its transitions, requests for
// information, the recorded decision, the panels' assignments, declarations and scores; which
// application a resubmission revises (§4.5.1); each user's language for what is sent to them;
// and notifications to one user with no organisation (a panel member).
//
// Dates people count in (opens_on, due_on, decided_on, ...) are ISO days as TEXT, the Hong Kong
// day, which compare correctly as text. State, event and recommendation codes belong to the state
// machine (ccfs/assessment_state.h) and are not CHECKed here, so that the schema need not change
// with it; the store holds them to the form of a key.
const Migration kAssessment{
    4,
    "assessment: rounds, states and transitions, information requests, decisions, panels",
    {
        // §2.6.1. Rounds never overlap (round_repo.cpp checks under a lock), so a day belongs to
        // at most one round.
        R"sql(CREATE TABLE application_rounds (
  id {identity},
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  CHECK (opens_on <= closes_on)
))sql",
        // One row per submitted application, written by the submitting transaction. round_id is
        // NULL when no round was open on the submission day, until the secretariat assigns one.
        R"sql(CREATE TABLE assessments (
  application_id BIGINT PRIMARY KEY REFERENCES applications (id),
  round_id BIGINT REFERENCES application_rounds (id),
  state TEXT NOT NULL,
  state_since TEXT NOT NULL
))sql",
        "CREATE INDEX assessments_by_round ON assessments (round_id)",
        // Applications submitted before this migration begin their assessment now, in no round
        // (the secretariat assigns one), in the state of a new submission.
        "INSERT INTO assessments (application_id, round_id, state, state_since) "
        "SELECT id, NULL, 'submitted', submitted_at FROM applications WHERE state = 'submitted'",
        // on_day: the Hong Kong day of the transition ("on" is an SQL keyword).
        R"sql(CREATE TABLE assessment_transitions (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES assessments (application_id),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  event TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  reason TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  on_day TEXT NOT NULL
))sql",
        "CREATE INDEX assessment_transitions_by_application ON assessment_transitions "
        "(application_id)",
        // §2.6.4: a request is answered within 14 calendar days or lapses.
        R"sql(CREATE TABLE information_requests (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES assessments (application_id),
  question TEXT NOT NULL,
  requested_by BIGINT NOT NULL REFERENCES users (id),
  requested_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'lapsed')),
  answer TEXT NOT NULL DEFAULT '',
  answered_by BIGINT REFERENCES users (id),
  answered_on TEXT,
  closed_at TEXT,
  CHECK (requested_on <= due_on),
  CHECK ((status = 'open' AND closed_at IS NULL) OR (status <> 'open' AND closed_at IS NOT NULL)),
  CHECK ((status = 'answered' AND answered_by IS NOT NULL AND answered_on IS NOT NULL)
      OR (status <> 'answered' AND answered_by IS NULL AND answered_on IS NULL))
))sql",
        "CREATE INDEX information_requests_by_application ON information_requests "
        "(application_id)",
        // At most one open request per application, enforced by the database itself.
        "CREATE UNIQUE INDEX one_open_information_request ON information_requests "
        "(application_id) WHERE status = 'open'",
        // §4.1.2, §4.1.4: one decision per application. An approval carries its amount and
        // duration; no other outcome does.
        R"sql(CREATE TABLE assessment_decisions (
  application_id BIGINT PRIMARY KEY REFERENCES assessments (application_id),
  outcome TEXT NOT NULL
    CHECK (outcome IN ('approved', 'approved_in_part', 'rejected', 'not_considered', 'disqualified')),
  approved_amount_cents BIGINT,
  duration_months INTEGER,
  conditions TEXT NOT NULL DEFAULT '',
  ground TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  decided_by BIGINT NOT NULL REFERENCES users (id),
  decided_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK ((outcome IN ('approved', 'approved_in_part') AND approved_amount_cents IS NOT NULL
          AND approved_amount_cents > 0 AND duration_months IS NOT NULL AND duration_months > 0)
      OR (outcome NOT IN ('approved', 'approved_in_part') AND approved_amount_cents IS NULL
          AND duration_months IS NULL))
))sql",
        // §4.1.1, §4.1.2, §5.17.3. body is the role code of the panel (and the state in which it
        // assesses). The declaration is made once; a conflict keeps the row, without access.
        R"sql(CREATE TABLE panel_assignments (
  application_id BIGINT NOT NULL REFERENCES assessments (application_id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  body TEXT NOT NULL CHECK (body IN ('assessment_panel', 'approval_panel', 'committee')),
  assigned_by BIGINT NOT NULL REFERENCES users (id),
  assigned_at TEXT NOT NULL,
  declaration TEXT NOT NULL DEFAULT '' CHECK (declaration IN ('', 'no_conflict', 'conflict')),
  declaration_note TEXT NOT NULL DEFAULT '',
  declared_at TEXT,
  recommendation TEXT NOT NULL DEFAULT '',
  recommendation_note TEXT NOT NULL DEFAULT '',
  recommended_at TEXT,
  PRIMARY KEY (application_id, user_id, body),
  CHECK ((declaration = '' AND declared_at IS NULL)
      OR (declaration <> '' AND declared_at IS NOT NULL)),
  CHECK (declaration <> 'conflict' OR declaration_note <> '')
))sql",
        "CREATE INDEX panel_assignments_by_member ON panel_assignments (user_id)",
        R"sql(CREATE TABLE panel_scores (
  application_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  body TEXT NOT NULL,
  criterion_key TEXT NOT NULL,
  score INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  scored_at TEXT NOT NULL,
  PRIMARY KEY (application_id, user_id, body, criterion_key),
  FOREIGN KEY (application_id, user_id, body)
    REFERENCES panel_assignments (application_id, user_id, body)
))sql",
        // §4.5.1: the rejected application a draft or submission revises.
        "ALTER TABLE applications ADD COLUMN resubmission_of BIGINT REFERENCES applications (id)",
        // The language of the notifications and e-mails sent to the user (core/lang.h as BCP 47).
        "ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'zh-Hant' "
        "CHECK (language IN ('zh-Hant', 'en', 'zh-Hans'))",
    },
    // Notifications to one user with no organisation (a panel member): organisation_id becomes
    // nullable, and a notification is addressed to an organisation, a user, or both. SQLite
    // cannot alter a column, so it rebuilds the table keeping every id, and AUTOINCREMENT's
    // high-water mark, so that no id ever comes back. Nothing refers to notifications, so the
    // rebuild needs no change to foreign keys.
    {
        R"sql(CREATE TABLE notifications_v4 (
  id {identity},
  organisation_id BIGINT REFERENCES organisations (id),
  user_id BIGINT REFERENCES users (id),
  kind TEXT NOT NULL,
  subject_zh TEXT NOT NULL,
  subject_en TEXT NOT NULL,
  body_zh TEXT NOT NULL,
  body_en TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  CONSTRAINT notifications_addressed CHECK (organisation_id IS NOT NULL OR user_id IS NOT NULL)
))sql",
        "INSERT INTO notifications_v4 (id, organisation_id, user_id, kind, subject_zh, subject_en, "
        "body_zh, body_en, created_at, read_at) SELECT id, organisation_id, user_id, kind, "
        "subject_zh, subject_en, body_zh, body_en, created_at, read_at FROM notifications",
        "DELETE FROM sqlite_sequence WHERE name = 'notifications_v4'",
        // RENAME TO below carries this row along to the new name.
        "UPDATE sqlite_sequence SET name = 'notifications_v4' WHERE name = 'notifications'",
        "DROP TABLE notifications",
        "ALTER TABLE notifications_v4 RENAME TO notifications",
        "CREATE INDEX notifications_by_organisation ON notifications (organisation_id)",
        "CREATE INDEX notifications_by_user ON notifications (user_id)",
    },
    {
        "ALTER TABLE notifications ALTER COLUMN organisation_id DROP NOT NULL",
        "ALTER TABLE notifications ADD CONSTRAINT notifications_addressed "
        "CHECK (organisation_id IS NOT NULL OR user_id IS NOT NULL)",
        "CREATE INDEX notifications_by_user ON notifications (user_id)",
    },
};

// Funded projects (guidelines §5): what an approved application becomes once the committee has
// decided (§4.1.2). The project's id is its application's. Its agreement (§5.1.1), the
// instalments of the grant (§5.5.1), the reports and accounts due and their review (§5.1.2, §5.8,
// §5.14.3) with the follow-up of late ones (§5.8.11), its state changes (§5.16), and the money
// recorded against it: approved budget items and their increases (§5.5.3), expenditure with
// receipts, income (§5.5.2, §5.6.2), refunds (§5.5.7), purchases with their quotations (§5.13),
// capital items (§5.13.6, §5.14.2) and confirmed reductions (§5.5.4, §5.5.5).
//
// Unlike migration 4's, the project's states, kinds, conditions and grounds are CHECKed: they are
// the guidelines' own lists (project/*.h), not a ruleset's keys. Event codes and follow-up rungs
// are held to the form of a key by the store, as migration 4's events are. Money is BIGINT cents;
// days are ISO text ("on" is an SQL keyword, so a day column is never called that).
const Migration kProjects{
    5,
    "funded projects: agreement, instalments, reports, ledger, purchases, capital items",
    {
        // The agreement's date is set exactly when the project leaves agreement_pending (the only
        // way out is sign_agreement), completed_on when it completes, closed_on when it closes.
        R"sql(CREATE TABLE projects (
  application_id BIGINT PRIMARY KEY REFERENCES applications (id),
  state TEXT NOT NULL CHECK (state IN ('agreement_pending', 'active', 'suspended', 'terminated',
                                       'completed', 'closed')),
  approved_cents BIGINT NOT NULL CHECK (approved_cents > 0),
  duration_months INTEGER NOT NULL CHECK (duration_months > 0),
  first_share_bp INTEGER NOT NULL CHECK (first_share_bp BETWEEN 0 AND 10000),
  start_on TEXT NOT NULL,
  schedule_reason TEXT NOT NULL DEFAULT '',
  finance_office_certifies INTEGER NOT NULL CHECK (finance_office_certifies IN (0, 1)),
  private_buildings INTEGER NOT NULL CHECK (private_buildings IN (0, 1)),
  agreement_signed_on TEXT,
  bank_statement_document_id BIGINT REFERENCES documents (id),
  owners_agreement_document_id BIGINT REFERENCES documents (id),
  completed_on TEXT,
  closed_on TEXT,
  records_until TEXT,
  created_at TEXT NOT NULL,
  CHECK ((state = 'agreement_pending' AND agreement_signed_on IS NULL)
      OR (state <> 'agreement_pending' AND agreement_signed_on IS NOT NULL)),
  CHECK (state <> 'completed' OR completed_on IS NOT NULL),
  CHECK (state <> 'closed' OR closed_on IS NOT NULL)
))sql",
        // §5.5.1. report_number names the progress report a progress_report_accepted instalment
        // waits for; month_offset is when its condition is expected (−1: before the start).
        R"sql(CREATE TABLE project_instalments (
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  number INTEGER NOT NULL CHECK (number >= 1),
  condition TEXT NOT NULL CHECK (condition IN ('agreement_signed', 'inception_report_accepted',
                                               'progress_report_accepted',
                                               'completion_report_accepted')),
  report_number INTEGER NOT NULL DEFAULT 0,
  month_offset INTEGER NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  released_on TEXT,
  released_by BIGINT REFERENCES users (id),
  -- What was paid: the planned amount, or less for the instalment on the completion report when
  -- the settlement owes less (§5.5.2, §5.5.7).
  released_cents BIGINT CHECK (released_cents > 0 AND released_cents <= amount_cents),
  PRIMARY KEY (application_id, number),
  CHECK ((condition = 'progress_report_accepted' AND report_number >= 1)
      OR (condition <> 'progress_report_accepted' AND report_number = 0)),
  CHECK ((released_on IS NULL AND released_by IS NULL AND released_cents IS NULL)
      OR (released_on IS NOT NULL AND released_by IS NOT NULL AND released_cents IS NOT NULL))
))sql",
        // Every report and account due (project/project_calendar.h), written when the project is
        // created, and its submission and review. A returned report keeps its review note, for
        // the organisation to answer, until it is reviewed again.
        R"sql(CREATE TABLE project_reports (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  kind TEXT NOT NULL CHECK (kind IN ('inception_report', 'progress_report',
                                     'annual_audited_accounts', 'exit_plan', 'completion_report',
                                     'unspent_funds_return', 'publicity_materials')),
  number INTEGER NOT NULL DEFAULT 0 CHECK (number >= 0),
  period_start TEXT,
  period_end TEXT,
  due_on TEXT NOT NULL,
  clause TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'due'
    CHECK (status IN ('due', 'submitted', 'accepted', 'returned')),
  summary TEXT NOT NULL DEFAULT '',
  spent_to_date_cents BIGINT NOT NULL DEFAULT 0 CHECK (spent_to_date_cents >= 0),
  forecast_cents BIGINT NOT NULL DEFAULT 0 CHECK (forecast_cents >= 0),
  document_id BIGINT REFERENCES documents (id),
  submitted_on TEXT,
  submitted_by BIGINT REFERENCES users (id),
  reviewed_on TEXT,
  reviewed_by BIGINT REFERENCES users (id),
  review_note TEXT NOT NULL DEFAULT '',
  UNIQUE (application_id, kind, number),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end),
  CHECK (status = 'due' OR (submitted_on IS NOT NULL AND submitted_by IS NOT NULL)),
  CHECK (status NOT IN ('accepted', 'returned')
      OR (reviewed_on IS NOT NULL AND reviewed_by IS NOT NULL)),
  CHECK (status <> 'returned' OR review_note <> '')
))sql",
        "CREATE INDEX project_reports_by_due_day ON project_reports (due_on)",
        // The results against the application's key performance indicators, as last submitted.
        R"sql(CREATE TABLE report_kpis (
  report_id BIGINT NOT NULL REFERENCES project_reports (id),
  kpi_index INTEGER NOT NULL CHECK (kpi_index >= 0),
  indicator TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  actual TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, kpi_index)
))sql",
        // §5.8.11: each rung of follow-up taken on a late report. user_id NULL: the scheduled job.
        R"sql(CREATE TABLE report_escalations (
  id {identity},
  report_id BIGINT NOT NULL REFERENCES project_reports (id),
  rung TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  on_day TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  at TEXT NOT NULL
))sql",
        "CREATE INDEX report_escalations_by_report ON report_escalations (report_id)",
        // The reminders sent, so the job sends each once.
        R"sql(CREATE TABLE report_reminders (
  report_id BIGINT NOT NULL REFERENCES project_reports (id),
  kind TEXT NOT NULL CHECK (kind IN ('before', 'overdue')),
  sent_at TEXT NOT NULL,
  PRIMARY KEY (report_id, kind)
))sql",
        // §5.16: every state change, and every notice given of one (applied = 0 until its
        // effective day, §5.16.3). records_until: set on the project when the event applies.
        R"sql(CREATE TABLE project_events (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  event TEXT NOT NULL,
  from_state TEXT NOT NULL CHECK (from_state IN ('agreement_pending', 'active', 'suspended',
                                                 'terminated', 'completed', 'closed')),
  to_state TEXT NOT NULL CHECK (to_state IN ('agreement_pending', 'active', 'suspended',
                                             'terminated', 'completed', 'closed')),
  grounds TEXT NOT NULL DEFAULT '',
  notice_on TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  records_until TEXT,
  applied INTEGER NOT NULL CHECK (applied IN (0, 1)),
  applied_at TEXT,
  user_id BIGINT REFERENCES users (id),
  at TEXT NOT NULL,
  CHECK ((applied = 0 AND applied_at IS NULL) OR (applied = 1 AND applied_at IS NOT NULL))
))sql",
        "CREATE INDEX project_events_by_project ON project_events (application_id)",
        "CREATE INDEX project_events_waiting ON project_events (effective_on) WHERE applied = 0",
        // The approved budget, item by item, numbered from 1 in the application's order.
        R"sql(CREATE TABLE project_items (
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  item_no INTEGER NOT NULL CHECK (item_no >= 1),
  name TEXT NOT NULL,
  approved_cents BIGINT NOT NULL CHECK (approved_cents >= 0),
  PRIMARY KEY (application_id, item_no)
))sql",
        // §5.5.3: approved in advance, in writing, with its reason.
        R"sql(CREATE TABLE item_increases (
  id {identity},
  application_id BIGINT NOT NULL,
  item_no INTEGER NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  reason TEXT NOT NULL CHECK (reason <> ''),
  approved_on TEXT NOT NULL,
  approved_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (application_id, item_no) REFERENCES project_items (application_id, item_no)
))sql",
        "CREATE INDEX item_increases_by_project ON item_increases (application_id)",
        R"sql(CREATE TABLE expenditures (
  id {identity},
  application_id BIGINT NOT NULL,
  item_no INTEGER NOT NULL,
  spent_on TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  description TEXT NOT NULL DEFAULT '',
  receipt_document_id BIGINT REFERENCES documents (id),
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (application_id, item_no) REFERENCES project_items (application_id, item_no)
))sql",
        "CREATE INDEX expenditures_by_project ON expenditures (application_id)",
        // §5.5.2, §5.6.2, §5.14.2; §5.5.8: whether the Approval Panel agreed to its re-investment.
        R"sql(CREATE TABLE project_income (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  kind TEXT NOT NULL CHECK (kind IN ('project_income', 'sponsorship', 'interest',
                                     'asset_proceeds')),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  received_on TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  reinvestment_approved INTEGER NOT NULL CHECK (reinvestment_approved IN (0, 1)),
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
))sql",
        "CREATE INDEX project_income_by_project ON project_income (application_id)",
        // §5.5.7, §5.16.3: money returned to the scheme.
        R"sql(CREATE TABLE refunds (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  received_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
))sql",
        "CREATE INDEX refunds_by_project ON refunds (application_id)",
        // §5.13: a purchase, how it was procured, and (purchase_quotations) the quotations
        // obtained, in entry order; chosen is the index of the one taken (checked by the store,
        // since the quotations are written after the purchase).
        R"sql(CREATE TABLE purchases (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  description TEXT NOT NULL,
  value_cents BIGINT NOT NULL CHECK (value_cents > 0),
  chosen INTEGER CHECK (chosen >= 0),
  open_tender INTEGER NOT NULL CHECK (open_tender IN (0, 1)),
  brand_specified INTEGER NOT NULL CHECK (brand_specified IN (0, 1)),
  single_source_approved INTEGER NOT NULL CHECK (single_source_approved IN (0, 1)),
  agreed_otherwise INTEGER NOT NULL CHECK (agreed_otherwise IN (0, 1)),
  non_lowest_justification TEXT NOT NULL DEFAULT '',
  non_lowest_agreed INTEGER NOT NULL CHECK (non_lowest_agreed IN (0, 1)),
  capital_item INTEGER NOT NULL CHECK (capital_item IN (0, 1)),
  recorded_on TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
))sql",
        "CREATE INDEX purchases_by_project ON purchases (application_id)",
        R"sql(CREATE TABLE purchase_quotations (
  purchase_id BIGINT NOT NULL REFERENCES purchases (id),
  idx INTEGER NOT NULL CHECK (idx >= 0),
  supplier TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (purchase_id, idx)
))sql",
        // §5.13.6: the register of capital items, each with its latest photo (renewed before
        // every progress report) and, once gone, how it was disposed of (§5.14.2).
        R"sql(CREATE TABLE capital_items (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  purchase_id BIGINT REFERENCES purchases (id),
  name TEXT NOT NULL,
  cost_cents BIGINT NOT NULL CHECK (cost_cents > 0),
  acquired_on TEXT NOT NULL,
  photo_document_id BIGINT REFERENCES documents (id),
  photographed_on TEXT,
  condition TEXT NOT NULL DEFAULT '',
  disposal TEXT NOT NULL DEFAULT '',
  proceeds_cents BIGINT CHECK (proceeds_cents >= 0),
  disposed_on TEXT,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  CHECK ((photo_document_id IS NULL AND photographed_on IS NULL)
      OR (photo_document_id IS NOT NULL AND photographed_on IS NOT NULL)),
  CHECK ((disposal = '' AND disposed_on IS NULL AND proceeds_cents IS NULL)
      OR (disposal <> '' AND disposed_on IS NOT NULL))
))sql",
        "CREATE INDEX capital_items_by_project ON capital_items (application_id)",
        // §5.5.4, §5.5.5: a reduction the secretariat confirmed after seeing the figure, with the
        // measure it was worked out from (target and actual; achieved_bp for performance).
        R"sql(CREATE TABLE reductions (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  ground TEXT NOT NULL CHECK (ground IN ('scope_change', 'area', 'activities', 'participants',
                                         'printed_items', 'opening_hours', 'duration',
                                         'performance')),
  base_cents BIGINT NOT NULL CHECK (base_cents >= 0),
  target BIGINT NOT NULL DEFAULT 0,
  actual BIGINT NOT NULL DEFAULT 0 CHECK (actual >= 0),
  achieved_bp INTEGER NOT NULL DEFAULT 0 CHECK (achieved_bp >= 0),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  note TEXT NOT NULL DEFAULT '',
  confirmed_on TEXT NOT NULL,
  confirmed_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
))sql",
        "CREATE INDEX reductions_by_project ON reductions (application_id)",
        // §5.16.6: a change needing the secretariat's prior approval (after consulting the
        // committee for the major ones, which the service checks), and its decision: the decided
        // fields are set exactly when it is no longer pending; a refusal says why.
        R"sql(CREATE TABLE change_requests (
  id {identity},
  application_id BIGINT NOT NULL REFERENCES projects (application_id),
  kind TEXT NOT NULL CHECK (kind IN ('person_in_charge', 'budget_modification',
                                     'transfer_to_organisation')),
  details TEXT NOT NULL CHECK (details <> ''),
  reason TEXT NOT NULL CHECK (reason <> ''),
  requested_by BIGINT NOT NULL REFERENCES users (id),
  requested_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  committee_consulted_on TEXT,
  committee_note TEXT NOT NULL DEFAULT '',
  decided_by BIGINT REFERENCES users (id),
  decided_on TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  CHECK ((status = 'pending' AND decided_by IS NULL AND decided_on IS NULL)
      OR (status <> 'pending' AND decided_by IS NOT NULL AND decided_on IS NOT NULL)),
  CHECK (status <> 'refused' OR decision_note <> '')
))sql",
        "CREATE INDEX change_requests_by_project ON change_requests (application_id)",
    },
};

// The plan tracker (000_e0ccae9882b7fb64.txt 5.1 監測進度, 5.2 評估與傳達成效): bureaus and
// departments with their focal points, which department leads or supports each of the plan's
// priority items, the yearly progress reports (with outputs, milestones, evidence links and
// files), the indicators' yearly values, the City Biodiversity Index's inputs and the bands an
// administrator enters, the funding scheme's applications tagged to the items they serve, and
// frozen snapshots (the mid-term review). store/tracker_repo.h reads and writes them.
//
// Item ids ("1.5.2") and indicator codes belong to the plan's data files and are not CHECKed or
// referenced here, so the schema need not change with the data; the store holds them to their
// form. Status and report state are the plan's own short lists (plan/progress.h), CHECKed.
// Values are DOUBLE PRECISION (hectares, percentages, counts), which both backends read as a
// C++ double; years are INTEGER.
const Migration kTracker{
    6,
    "plan tracker: departments, item assignments, progress reports, indicators, CBI, snapshots",
    {
        R"sql(CREATE TABLE departments (
  id {identity},
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bureau', 'department')),
  created_at TEXT NOT NULL
))sql",
        // A focal point reports for each department they are a member of.
        R"sql(CREATE TABLE department_members (
  department_id BIGINT NOT NULL REFERENCES departments (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (department_id, user_id)
))sql",
        "CREATE INDEX department_members_by_user ON department_members (user_id)",
        R"sql(CREATE TABLE item_assignments (
  item_id TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments (id),
  lead INTEGER NOT NULL CHECK (lead IN (0, 1)),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (item_id, department_id)
))sql",
        // At most one lead department per item, enforced by the database itself.
        "CREATE UNIQUE INDEX one_lead_per_item ON item_assignments (item_id) WHERE lead = 1",
        // One report per item and year. published_at is set exactly when it is published.
        R"sql(CREATE TABLE progress_reports (
  id {identity},
  item_id TEXT NOT NULL,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  department_id BIGINT NOT NULL REFERENCES departments (id),
  status TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'needs_attention',
                                         'off_track', 'completed', 'ongoing')),
  narrative_zh TEXT NOT NULL DEFAULT '',
  narrative_en TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'reviewed', 'published')),
  review_note TEXT NOT NULL DEFAULT '',
  demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by BIGINT NOT NULL REFERENCES users (id),
  published_at TEXT,
  UNIQUE (item_id, year),
  CHECK ((state = 'published' AND published_at IS NOT NULL)
      OR (state <> 'published' AND published_at IS NULL))
))sql",
        "CREATE INDEX progress_reports_by_year ON progress_reports (year, state)",
        // A report's outputs, milestones and evidence, numbered from 0 in the order given.
        R"sql(CREATE TABLE progress_outputs (
  report_id BIGINT NOT NULL REFERENCES progress_reports (id),
  idx INTEGER NOT NULL CHECK (idx >= 0),
  label_zh TEXT NOT NULL DEFAULT '',
  label_en TEXT NOT NULL DEFAULT '',
  value DOUBLE PRECISION NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, idx)
))sql",
        R"sql(CREATE TABLE progress_milestones (
  report_id BIGINT NOT NULL REFERENCES progress_reports (id),
  idx INTEGER NOT NULL CHECK (idx >= 0),
  title_zh TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL,
  done_on TEXT,
  PRIMARY KEY (report_id, idx)
))sql",
        // Evidence files, kept whole (a report's files are few and small; the caller checks
        // size and type).
        R"sql(CREATE TABLE progress_files (
  id {identity},
  filename TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
  sha256 TEXT NOT NULL,
  content {blob} NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL
))sql",
        // A link or a file, never both.
        R"sql(CREATE TABLE progress_evidence (
  report_id BIGINT NOT NULL REFERENCES progress_reports (id),
  idx INTEGER NOT NULL CHECK (idx >= 0),
  label TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  file_id BIGINT REFERENCES progress_files (id),
  PRIMARY KEY (report_id, idx),
  CHECK ((url <> '' AND file_id IS NULL) OR (url = '' AND file_id IS NOT NULL))
))sql",
        "CREATE INDEX progress_evidence_by_file ON progress_evidence (file_id)",
        R"sql(CREATE TABLE indicator_values (
  code TEXT NOT NULL,
  year INTEGER NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (code, year)
))sql",
        // The handbook's 28 indicators; input_key is the data file's input key.
        R"sql(CREATE TABLE cbi_inputs (
  year INTEGER NOT NULL,
  indicator INTEGER NOT NULL CHECK (indicator BETWEEN 1 AND 28),
  input_key TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (year, indicator, input_key)
))sql",
        // bands_json: a JSON array of {points, min, min_inclusive, max, max_inclusive}, min and
        // max null when unbounded (tracker_repo.cpp writes and reads it).
        R"sql(CREATE TABLE cbi_band_overrides (
  indicator INTEGER PRIMARY KEY CHECK (indicator BETWEEN 1 AND 28),
  bands_json TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source <> ''),
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
))sql",
        R"sql(CREATE TABLE project_item_tags (
  application_id BIGINT NOT NULL REFERENCES applications (id),
  item_id TEXT NOT NULL,
  tagged_at TEXT NOT NULL,
  PRIMARY KEY (application_id, item_id)
))sql",
        R"sql(CREATE TABLE plan_snapshots (
  id {identity},
  kind TEXT NOT NULL CHECK (kind IN ('midterm_review', 'baseline')),
  year INTEGER NOT NULL,
  body_json TEXT NOT NULL,
  saved_by BIGINT NOT NULL REFERENCES users (id),
  saved_at TEXT NOT NULL,
  UNIQUE (kind, year)
))sql",
    },
};

// The biodiversity hub (issue 9; 000_e0ccae9882b7fb64.txt 優先行動 3.2 item 3): datasets as
// imported, the checklist, occurrences with their flags, area layers and which areas hold which
// occurrence. On PostgreSQL, PostGIS keeps a geometry beside each, so spatial SQL runs there too.
const Migration kBiodata{
    7,
    "biodiversity hub: datasets, taxa, occurrences, area layers, occurrence areas",
    {
        R"sql(CREATE TABLE bio_datasets (
  id {identity},
  dataset_key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  records_read BIGINT NOT NULL CHECK (records_read >= 0),
  records_loaded BIGINT NOT NULL CHECK (records_loaded >= 0),
  report_json TEXT NOT NULL
))sql",
        // accepted_id NULL: an accepted name. sensitivity: 0 none, then Chapman (2020)'s
        // generalisations 0.001°, 0.01°, 0.1°, and 4 withheld.
        R"sql(CREATE TABLE bio_taxa (
  id {identity},
  checklist TEXT NOT NULL,
  source_taxon_id TEXT NOT NULL,
  scientific_name TEXT NOT NULL,
  canonical_name TEXT NOT NULL,
  taxon_rank TEXT NOT NULL DEFAULT '',
  kingdom TEXT NOT NULL DEFAULT '',
  phylum TEXT NOT NULL DEFAULT '',
  class_name TEXT NOT NULL DEFAULT '',
  order_name TEXT NOT NULL DEFAULT '',
  family TEXT NOT NULL DEFAULT '',
  genus TEXT NOT NULL DEFAULT '',
  taxonomic_status TEXT NOT NULL DEFAULT '',
  accepted_id BIGINT REFERENCES bio_taxa (id),
  name_zh TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT '',
  establishment TEXT NOT NULL DEFAULT 'unknown'
    CHECK (establishment IN ('native', 'exotic', 'invasive', 'unknown')),
  iucn_category TEXT NOT NULL DEFAULT ''
    CHECK (iucn_category IN ('', 'EX', 'EW', 'CR', 'EN', 'VU', 'NT', 'LC', 'DD', 'NE')),
  sensitivity INTEGER NOT NULL DEFAULT 0 CHECK (sensitivity BETWEEN 0 AND 4),
  UNIQUE (checklist, source_taxon_id)
))sql",
        "CREATE INDEX bio_taxa_by_canonical ON bio_taxa (canonical_name)",
        R"sql(CREATE TABLE bio_occurrences (
  id {identity},
  dataset_id BIGINT NOT NULL REFERENCES bio_datasets (id),
  record_key TEXT NOT NULL,
  occurrence_id TEXT NOT NULL,
  scientific_name TEXT NOT NULL,
  taxon_id BIGINT REFERENCES bio_taxa (id),
  basis_of_record TEXT NOT NULL,
  event_date TEXT,
  year INTEGER,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  uncertainty_m DOUBLE PRECISION,
  individual_count BIGINT,
  locality TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  flags INTEGER NOT NULL,
  grid_cell TEXT,
  UNIQUE (dataset_id, record_key),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
))sql",
        "CREATE INDEX bio_occurrences_by_taxon ON bio_occurrences (taxon_id)",
        "CREATE INDEX bio_occurrences_by_grid_cell ON bio_occurrences (grid_cell)",
        R"sql(CREATE TABLE bio_layers (
  id {identity},
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('country_park', 'special_area', 'marine_park',
    'marine_reserve', 'scheme_site', 'district', 'other')),
  source TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  repair_report_json TEXT NOT NULL
))sql",
        R"sql(CREATE TABLE bio_areas (
  id {identity},
  layer_id BIGINT NOT NULL REFERENCES bio_layers (id),
  code TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  area_m2 DOUBLE PRECISION NOT NULL,
  wkb {blob} NOT NULL,
  UNIQUE (layer_id, code)
))sql",
    },
    // The join table has no row id of its own: the pair is the key, by area first, so an area's
    // occurrences are one range.
    {
        R"sql(CREATE TABLE bio_occurrence_areas (
  area_id BIGINT NOT NULL REFERENCES bio_areas (id),
  occurrence_id BIGINT NOT NULL REFERENCES bio_occurrences (id),
  PRIMARY KEY (area_id, occurrence_id)
) WITHOUT ROWID)sql",
        "CREATE INDEX bio_occurrence_areas_by_occurrence ON bio_occurrence_areas (occurrence_id)",
    },
    {
        R"sql(CREATE TABLE bio_occurrence_areas (
  area_id BIGINT NOT NULL REFERENCES bio_areas (id),
  occurrence_id BIGINT NOT NULL REFERENCES bio_occurrences (id),
  PRIMARY KEY (area_id, occurrence_id)
))sql",
        "CREATE INDEX bio_occurrence_areas_by_occurrence ON bio_occurrence_areas (occurrence_id)",
        "CREATE EXTENSION IF NOT EXISTS postgis",
        "ALTER TABLE bio_areas ADD COLUMN geom geometry GENERATED ALWAYS AS "
        "(ST_GeomFromWKB(wkb, 4326)) STORED",
        "CREATE INDEX bio_areas_geom ON bio_areas USING GIST (geom)",
        // Only records with a place on the map get a point ({geospatial_mask}: flags.h).
        "ALTER TABLE bio_occurrences ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
        "(CASE WHEN longitude IS NOT NULL AND flags & {geospatial_mask} = 0 THEN "
        "ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED",
        "CREATE INDEX bio_occurrences_geom ON bio_occurrences USING GIST (geom)",
    },
};

// The species of each area and of each 1 km square, kept by the imports in the transaction that
// changes the records or the joins (issue 9 §5): an area's species list and the richness map read
// a few hundred summary rows instead of grouping thousands of records per request. Only records
// with a matched taxon count, as in the lists; a square holds only records on the map. Filled from
// the records already held.
constexpr std::string_view kFillAreaTaxa =
    "INSERT INTO bio_area_taxa (area_id, taxon_id, records, first_date, last_date) "
    "SELECT j.area_id, o.taxon_id, COUNT(*), MIN(o.event_date), MAX(o.event_date) "
    "FROM bio_occurrence_areas j JOIN bio_occurrences o ON o.id = j.occurrence_id "
    "WHERE o.taxon_id IS NOT NULL GROUP BY j.area_id, o.taxon_id";
constexpr std::string_view kFillCellTaxa =
    "INSERT INTO bio_cell_taxa (grid_cell, taxon_id, records) "
    "SELECT grid_cell, taxon_id, COUNT(*) FROM bio_occurrences "
    "WHERE grid_cell IS NOT NULL AND taxon_id IS NOT NULL GROUP BY grid_cell, taxon_id";

const Migration kBiodataSummaries{
    8,
    "biodiversity hub: species per area and per 1 km square",
    {},
    // By area (or square) first, so that one area's species are one range of the table.
    {
        R"sql(CREATE TABLE bio_area_taxa (
  area_id BIGINT NOT NULL REFERENCES bio_areas (id),
  taxon_id BIGINT NOT NULL REFERENCES bio_taxa (id),
  records BIGINT NOT NULL CHECK (records > 0),
  first_date TEXT,
  last_date TEXT,
  PRIMARY KEY (area_id, taxon_id)
) WITHOUT ROWID)sql",
        R"sql(CREATE TABLE bio_cell_taxa (
  grid_cell TEXT NOT NULL,
  taxon_id BIGINT NOT NULL REFERENCES bio_taxa (id),
  records BIGINT NOT NULL CHECK (records > 0),
  PRIMARY KEY (grid_cell, taxon_id)
) WITHOUT ROWID)sql",
        kFillAreaTaxa,
        kFillCellTaxa,
    },
    {
        R"sql(CREATE TABLE bio_area_taxa (
  area_id BIGINT NOT NULL REFERENCES bio_areas (id),
  taxon_id BIGINT NOT NULL REFERENCES bio_taxa (id),
  records BIGINT NOT NULL CHECK (records > 0),
  first_date TEXT,
  last_date TEXT,
  PRIMARY KEY (area_id, taxon_id)
))sql",
        R"sql(CREATE TABLE bio_cell_taxa (
  grid_cell TEXT NOT NULL,
  taxon_id BIGINT NOT NULL REFERENCES bio_taxa (id),
  records BIGINT NOT NULL CHECK (records > 0),
  PRIMARY KEY (grid_cell, taxon_id)
))sql",
        kFillAreaTaxa,
        kFillCellTaxa,
    },
};

// Named conservation lists a taxon is on beside its IUCN category (issue 9 §3): "China Red
// List", "HK species of conservation concern", each with the list's own category as its words
// are ("VU", "Class II", "Local Concern"). store/bio_taxon_status_repo.h writes and reads it.
const Migration kTaxonLists{
    9,
    "biodiversity hub: the named conservation lists a taxon is on",
    {
        R"sql(CREATE TABLE bio_taxon_lists (
  taxon_id BIGINT NOT NULL REFERENCES bio_taxa (id),
  list_name TEXT NOT NULL CHECK (list_name <> ''),
  category TEXT NOT NULL CHECK (category <> ''),
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (taxon_id, list_name)
))sql",
        "CREATE INDEX bio_taxon_lists_by_list ON bio_taxon_lists (list_name)",
    },
};

// Photographs people upload (issue 11: good-practice cases, citizen observations), stored only as
// media/photo.h prepared them: re-encoded JPEG without metadata, and a thumbnail. What a photo
// belongs to keeps its own link table. store/photo_repo.h writes and reads it.
const Migration kPhotos{
    10,
    "photographs: the served picture, its thumbnail, credit and licence",
    {
        R"sql(CREATE TABLE photos (
  id {identity},
  jpeg {blob} NOT NULL,
  thumbnail {blob} NOT NULL,
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  credit TEXT NOT NULL,
  licence TEXT NOT NULL CHECK (licence <> ''),
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL
))sql",
    },
};

// Good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1): what an organisation did,
// where, with what outcomes and funding, and the plan actions, KMGBF targets and SDGs it serves;
// store/case_repo.h writes and reads them. The organisation is NULL for a funder, who acts alone.
// The place is NULL until given, both coordinates together.
const Migration kGoodPracticeCases{
    11,
    "good-practice cases: cases, their outcomes, funding, photographs and links to the plan",
    {
        R"sql(CREATE TABLE good_practice_cases (
  id {identity},
  organisation_id BIGINT REFERENCES organisations (id),
  owner_user_id BIGINT NOT NULL REFERENCES users (id),
  state TEXT NOT NULL
    CHECK (state IN ('draft', 'submitted', 'returned', 'published', 'withdrawn')),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  district TEXT NOT NULL,
  habitat TEXT NOT NULL,
  nbs_kind TEXT NOT NULL,
  work_zh TEXT NOT NULL,
  work_en TEXT NOT NULL,
  return_reason TEXT NOT NULL DEFAULT '',
  demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by BIGINT NOT NULL REFERENCES users (id),
  published_at TEXT,
  CHECK ((latitude IS NULL AND longitude IS NULL)
      OR (latitude IS NOT NULL AND longitude IS NOT NULL))
))sql",
        "CREATE INDEX good_practice_cases_by_state ON good_practice_cases (state)",
        R"sql(CREATE TABLE case_outcomes (
  case_id BIGINT NOT NULL REFERENCES good_practice_cases (id),
  idx INTEGER NOT NULL,
  what TEXT NOT NULL,
  value TEXT NOT NULL,
  unit TEXT NOT NULL,
  measured_on TEXT NOT NULL,
  PRIMARY KEY (case_id, idx)
))sql",
        R"sql(CREATE TABLE case_funding (
  case_id BIGINT NOT NULL REFERENCES good_practice_cases (id),
  idx INTEGER NOT NULL,
  source TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (case_id, idx)
))sql",
        // framework: "action" (a plan action number), "kmgbf" or "sdg" (a target's number).
        R"sql(CREATE TABLE case_links (
  case_id BIGINT NOT NULL REFERENCES good_practice_cases (id),
  framework TEXT NOT NULL CHECK (framework IN ('action', 'kmgbf', 'sdg')),
  code TEXT NOT NULL,
  PRIMARY KEY (case_id, framework, code)
))sql",
        "CREATE INDEX case_links_by_code ON case_links (framework, code)",
        // A case's photographs (migration 10's photos), in the order added.
        R"sql(CREATE TABLE case_photos (
  case_id BIGINT NOT NULL REFERENCES good_practice_cases (id),
  photo_id BIGINT NOT NULL REFERENCES photos (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (case_id, photo_id)
))sql",
    },
};

// Public–private funding matching (000 優先行動 2.4 優先項目 2, 2.7; 002 §3.11): funders' profiles
// with their §3.11.3 declaration, project owners' proposals the secretariat reviews before
// funders see them, expressions of interest both ways, and pledges, which the owner may declare
// as sponsorship of a draft CCFS application. Lists of keys are comma-separated text.
// store/matching_repo.h writes and reads them.
const Migration kFundingMatching{
    12,
    "funding matching: funders, proposals, interests, pledges",
    {
        R"sql(CREATE TABLE match_funders (
  id {identity},
  user_id BIGINT NOT NULL UNIQUE REFERENCES users (id),
  name TEXT NOT NULL CHECK (name <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('company', 'trust', 'family_office', 'other')),
  declaration TEXT NOT NULL CHECK (declaration <> ''),
  themes TEXT NOT NULL,
  habitats TEXT NOT NULL,
  districts TEXT NOT NULL,
  kmgbf_targets TEXT NOT NULL,
  budget_min_cents BIGINT,
  budget_max_cents BIGINT,
  updated_at TEXT NOT NULL
))sql",
        R"sql(CREATE TABLE match_proposals (
  id {identity},
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  created_by BIGINT NOT NULL REFERENCES users (id),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  habitat TEXT NOT NULL,
  district TEXT NOT NULL,
  place TEXT NOT NULL,
  budget_cents BIGINT NOT NULL CHECK (budget_cents > 0),
  duration_months INTEGER NOT NULL CHECK (duration_months > 0),
  outcomes TEXT NOT NULL,
  plan_actions TEXT NOT NULL,
  kmgbf_targets TEXT NOT NULL,
  themes TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('submitted', 'listed', 'returned')),
  review_note TEXT NOT NULL DEFAULT '',
  reviewed_by BIGINT REFERENCES users (id),
  reviewed_at TEXT,
  created_at TEXT NOT NULL
))sql",
        "CREATE INDEX match_proposals_by_organisation ON match_proposals (organisation_id)",
        "CREATE INDEX match_proposals_by_state ON match_proposals (state)",
        R"sql(CREATE TABLE match_interests (
  proposal_id BIGINT NOT NULL REFERENCES match_proposals (id),
  funder_id BIGINT NOT NULL REFERENCES match_funders (id),
  direction TEXT NOT NULL CHECK (direction IN ('funder_to_proposal', 'owner_to_funder')),
  user_id BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, funder_id, direction)
))sql",
        R"sql(CREATE TABLE match_pledges (
  id {identity},
  proposal_id BIGINT NOT NULL REFERENCES match_proposals (id),
  funder_id BIGINT NOT NULL REFERENCES match_funders (id),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  form TEXT NOT NULL CHECK (form IN ('cash', 'kind')),
  description TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  sponsorship_state TEXT NOT NULL DEFAULT 'none'
    CHECK (sponsorship_state IN ('none', 'declared', 'refused')),
  application_id BIGINT REFERENCES applications (id),
  for_under_18_activity INTEGER NOT NULL DEFAULT 0 CHECK (for_under_18_activity IN (0, 1)),
  finding_clause TEXT NOT NULL DEFAULT '',
  contribution_before_cents BIGINT,
  contribution_after_cents BIGINT,
  expenditure_cents BIGINT,
  declared_by BIGINT REFERENCES users (id),
  declared_at TEXT
))sql",
        "CREATE INDEX match_pledges_by_proposal ON match_pledges (proposal_id)",
    },
};

// Citizen science (issue 11; 000 優先行動 2.2 item 1, 3.5): observations members of the public
// submit, their identifications, and their review by a verifier (hub/observation_grade.h). The
// point is kept precise; who sees it generalised is decided when it is shown, as for every hub
// record. A verified observation is copied into the hub's bsap-citizen-science dataset
// (hub/citizen_science.h), so these rows are the source and that dataset a view of them.
const Migration kObservations{
    13,
    "citizen science: observations, identifications, photographs",
    {
        R"sql(CREATE TABLE observations (
  id {identity},
  submitted_by BIGINT NOT NULL REFERENCES users (id),
  taxon_id BIGINT REFERENCES bio_taxa (id),
  latitude DOUBLE PRECISION NOT NULL,
  longitude DOUBLE PRECISION NOT NULL,
  observed_on TEXT NOT NULL,
  individual_count BIGINT NOT NULL CHECK (individual_count > 0),
  notes TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('submitted', 'needs_id', 'verified', 'rejected')),
  submitted_at TEXT NOT NULL,
  reviewed_by BIGINT REFERENCES users (id),
  reviewed_at TEXT,
  review_note TEXT NOT NULL DEFAULT '',
  CHECK (state <> 'verified' OR taxon_id IS NOT NULL)
))sql",
        "CREATE INDEX observations_by_state ON observations (state)",
        "CREATE INDEX observations_by_submitter ON observations (submitted_by)",
        // taxon_id NULL: "I do not know what it is".
        R"sql(CREATE TABLE observation_identifications (
  id {identity},
  observation_id BIGINT NOT NULL REFERENCES observations (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  taxon_id BIGINT REFERENCES bio_taxa (id),
  comment TEXT NOT NULL,
  added_at TEXT NOT NULL
))sql",
        "CREATE INDEX observation_identifications_by_observation ON observation_identifications "
        "(observation_id)",
        // Its photographs (migration 10), in the order they were added.
        R"sql(CREATE TABLE observation_photos (
  observation_id BIGINT NOT NULL REFERENCES observations (id),
  photo_id BIGINT NOT NULL REFERENCES photos (id),
  position INTEGER NOT NULL CHECK (position > 0),
  PRIMARY KEY (observation_id, photo_id)
))sql",
    },
};

// Volunteering (issue 11; 000 優先行動 2.2 item 1: 義工計劃): programmes a department (through its
// focal point) or an organisation runs, which the plan's secretariat publishes before anyone
// sees them; their events; who signed up, in order, and the hours each served. The attendance
// is what the plan's "people engaged" indicators and item 2.2.1's progress count
// (track/volunteer_engagement.h).
const Migration kVolunteering{
    14,
    "volunteering: programmes, events, sign-ups and hours served",
    {
        R"sql(CREATE TABLE volunteer_programmes (
  id {identity},
  organisation_id BIGINT REFERENCES organisations (id),
  department_id BIGINT REFERENCES departments (id),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  summary_zh TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  item_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('submitted', 'published', 'returned', 'closed')),
  review_note TEXT NOT NULL DEFAULT '',
  demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((organisation_id IS NULL) <> (department_id IS NULL))
))sql",
        "CREATE INDEX volunteer_programmes_by_state ON volunteer_programmes (state)",
        R"sql(CREATE TABLE volunteer_events (
  id {identity},
  programme_id BIGINT NOT NULL REFERENCES volunteer_programmes (id),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  held_on TEXT NOT NULL,
  starts_minute INTEGER NOT NULL CHECK (starts_minute >= 0 AND starts_minute < 1440),
  ends_minute INTEGER NOT NULL CHECK (ends_minute > starts_minute AND ends_minute < 1440),
  place_zh TEXT NOT NULL,
  place_en TEXT NOT NULL,
  places INTEGER NOT NULL CHECK (places > 0),
  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  created_at TEXT NOT NULL
))sql",
        "CREATE INDEX volunteer_events_by_programme ON volunteer_events (programme_id, held_on)",
        "CREATE INDEX volunteer_events_by_day ON volunteer_events (held_on)",
        // One row a person and event; `seq` orders the waiting list (who signed up first).
        // minutes_served: NULL until attendance is recorded, 0 for absent.
        R"sql(CREATE TABLE volunteer_sign_ups (
  event_id BIGINT NOT NULL REFERENCES volunteer_events (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  state TEXT NOT NULL CHECK (state IN ('confirmed', 'waiting', 'cancelled')),
  seq BIGINT NOT NULL,
  signed_up_at TEXT NOT NULL,
  minutes_served INTEGER CHECK (minutes_served >= 0 AND minutes_served <= 1440),
  PRIMARY KEY (event_id, user_id)
))sql",
        "CREATE INDEX volunteer_sign_ups_by_user ON volunteer_sign_ups (user_id)",
    },
};

// The species summaries of areas carry their taxon's names and marks (issue 9 §5: an area's
// species list under a millisecond): the list is then one range of bio_area_taxa, not a B-tree
// descent into bio_taxa per species. store/bio_summary_repo.h keeps the copies equal to bio_taxa
// on every write of the summaries and every change of a taxon (decision 0013 §8).
const Migration kAreaTaxaMarks{
    15,
    "biodiversity hub: the names and marks of each area's species, kept with its summary",
    {
        "ALTER TABLE bio_area_taxa ADD COLUMN scientific_name TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE bio_area_taxa ADD COLUMN name_zh TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE bio_area_taxa ADD COLUMN name_en TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE bio_area_taxa ADD COLUMN iucn_category TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE bio_area_taxa ADD COLUMN establishment TEXT NOT NULL DEFAULT 'unknown'",
        "ALTER TABLE bio_area_taxa ADD COLUMN sensitivity INTEGER NOT NULL DEFAULT 0",
        "UPDATE bio_area_taxa SET scientific_name = t.scientific_name, name_zh = t.name_zh, "
        "name_en = t.name_en, iucn_category = t.iucn_category, establishment = t.establishment, "
        "sensitivity = t.sensitivity FROM bio_taxa t WHERE t.id = bio_area_taxa.taxon_id",
    },
};

// Each area's species list packed in name order into one row (store/area_species_list.h), so
// that a list is one read with no per-species step and no sort (issue 9 §5: under a millisecond;
// decision 0013 §9). Made again, in the same transaction, whenever an area's summary rows change.
// The lists of the summaries a database already holds are packed by the migration's fill.
const Migration kAreaSpeciesLists{
    16,
    "biodiversity hub: each area's species list, packed in name order",
    {
        R"sql(CREATE TABLE bio_area_species_lists (
  area_id BIGINT PRIMARY KEY REFERENCES bio_areas (id),
  species TEXT NOT NULL
))sql",
    },
    {},
    {},
    rebuild_all_area_species_lists,
};

// The hub's records on SQLite as blocks of a batch's records with each column packed, and
// bio_occurrences and bio_occurrence_areas as virtual tables over them (sqlite_occurrence_tables.h;
// decision 0013 §13): writing a million records as rows costs more than the issue's goal allows.
// The rows a database holds are moved into blocks by the fill, their ids kept, and the row tables
// dropped. PostgreSQL keeps its rows, for PostGIS.
const Migration kOccurrenceBlocks{
    17,
    "biodiversity hub: records kept in blocks of packed columns on SQLite",
    {},
    {
        R"sql(CREATE TABLE bio_occurrence_blocks (
  id INTEGER PRIMARY KEY,
  dataset_id BIGINT NOT NULL REFERENCES bio_datasets (id),
  first_id BIGINT NOT NULL UNIQUE,
  records INTEGER NOT NULL CHECK (records > 0),
  nonce BIGINT NOT NULL
))sql",
        "CREATE INDEX bio_occurrence_blocks_by_dataset ON bio_occurrence_blocks (dataset_id)",
        R"sql(CREATE TABLE bio_occurrence_block_columns (
  block_id BIGINT NOT NULL REFERENCES bio_occurrence_blocks (id),
  column_no INTEGER NOT NULL,
  packed BLOB NOT NULL,
  PRIMARY KEY (block_id, column_no)
))sql",
        R"sql(CREATE TABLE bio_occurrence_block_areas (
  area_id BIGINT NOT NULL REFERENCES bio_areas (id),
  block_id BIGINT NOT NULL REFERENCES bio_occurrence_blocks (id),
  row_numbers BLOB NOT NULL,
  PRIMARY KEY (area_id, block_id)
) WITHOUT ROWID)sql",
        "CREATE INDEX bio_occurrence_block_areas_by_block ON bio_occurrence_block_areas (block_id)",
        // The last id given, so that a removed record's id never comes back (AUTOINCREMENT's).
        "CREATE TABLE bio_occurrence_id_counter (last_id BIGINT NOT NULL)",
        "INSERT INTO bio_occurrence_id_counter (last_id) SELECT COALESCE((SELECT seq FROM "
        "sqlite_sequence WHERE name = 'bio_occurrences'), 0)",
        "ALTER TABLE bio_occurrence_areas RENAME TO bio_occurrence_area_rows",
        "ALTER TABLE bio_occurrences RENAME TO bio_occurrence_rows",
        "CREATE VIRTUAL TABLE bio_occurrences USING bsap_occurrences",
        "CREATE VIRTUAL TABLE bio_occurrence_areas USING bsap_occurrence_areas",
    },
    {},
    move_occurrence_rows_into_blocks,
};

// The species summaries on SQLite as packed lists, and bio_area_taxa and bio_cell_taxa as virtual
// tables over them (sqlite_summary_tables.h; decision 0013 §14): an import of a million records
// otherwise writes 700,000 summary rows, more than the issue's goal allows. An area's packed
// species list (migration 16) holds every column of its summary rows already; each 1 km square's
// taxa are packed into bio_cell_taxon_lists by the fill, and the row tables dropped. PostgreSQL
// keeps its rows.
const Migration kSummaryLists{
    18,
    "biodiversity hub: species summaries kept as packed lists on SQLite",
    {},
    {
        R"sql(CREATE TABLE bio_cell_taxon_lists (
  grid_cell TEXT PRIMARY KEY,
  taxa BLOB NOT NULL
))sql",
        "ALTER TABLE bio_area_taxa RENAME TO bio_area_taxa_rows",
        "ALTER TABLE bio_cell_taxa RENAME TO bio_cell_taxa_rows",
        "CREATE VIRTUAL TABLE bio_area_taxa USING bsap_area_taxa",
        "CREATE VIRTUAL TABLE bio_cell_taxa USING bsap_cell_taxa",
    },
    {},
    move_summary_rows_into_lists,
};

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{kUsersSessionsAudit,
                                          kApplicantPortal,
                                          kApplicationAttachments,
                                          kAssessment,
                                          kProjects,
                                          kTracker,
                                          kBiodata,
                                          kBiodataSummaries,
                                          kTaxonLists,
                                          kPhotos,
                                          kGoodPracticeCases,
                                          kFundingMatching,
                                          kObservations,
                                          kVolunteering,
                                          kAreaTaxaMarks,
                                          kAreaSpeciesLists,
                                          kOccurrenceBlocks,
                                          kSummaryLists};
  return all;
}

std::vector<std::string> migration_statements(const Migration& migration, Backend backend) {
  const auto& own =
      backend == Backend::sqlite ? migration.sqlite_statements : migration.postgres_statements;
  std::vector<std::string> rendered;
  for (const auto* list : {&migration.statements, &own})
    for (std::string_view statement : *list)
      rendered.push_back(render_migration_statement(statement, backend));
  return rendered;
}

std::string render_migration_statement(std::string_view statement, Backend backend) {
  std::string rendered(statement);
  replace_all(rendered, "{identity}",
              backend == Backend::sqlite ? kIdentitySqlite : kIdentityPostgres);
  replace_all(rendered, "{blob}", backend == Backend::sqlite ? kBlobSqlite : kBlobPostgres);
  replace_all(rendered, "{genesis_hash}", genesis_hash());
  replace_all(rendered, "{geospatial_mask}", std::to_string(biodata::geospatial_flag_mask()));
  return rendered;
}

}  // namespace bsap::store
