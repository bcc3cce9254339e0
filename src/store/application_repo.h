// Applications in the portal: drafts an organisation's members edit, then the submission by its
// person-in-charge (guidelines §2.6.3) with its reference number and acknowledgement (§2.7.5).
// Every change is audited in the same transaction.
//
// The draft is the application's JSON (ccfs/application_json.h) held as opaque text: the store
// neither parses it into the model nor depends on ccfs, only checks it is a JSON object. Each
// save keeps the whole document as a new revision, so the history shows who changed which part
// when, and any revision can be shown again (docs/decisions/0005).
//
// Concurrency: every save and the submission name the revision they started from; if someone
// saved in between, they fail with RevisionConflict instead of overwriting that work. The page
// then shows the newer revision and lets the user apply their change again.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "store/store.h"

namespace bsap::store {

enum class ApplicationState { draft, submitted };
std::string_view application_state_code(ApplicationState state);  // "draft", "submitted"

struct StoredApplication {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string project_type;  // a ruleset project type key
  std::string title;
  ApplicationState state = ApplicationState::draft;
  std::string document_json;  // the current revision's document
  int revision = 1;           // 1 at creation, +1 at every save and at submission
  std::int64_t created_by = 0;
  std::string created_at;  // UTC ISO 8601
  std::string updated_at;
  // Set together at submission, absent in a draft:
  std::optional<std::string> submitted_at;  // UTC ISO 8601
  std::optional<std::string> submitted_on;  // the Hong Kong day, YYYY-MM-DD
  std::optional<std::int64_t> submitted_by;
  std::optional<std::string> reference;  // CCFS-2026-0001
  std::optional<std::string> ruleset_version;
  // The rejected application this one revises (§4.5.1; assessment_repo.h create_resubmission).
  std::optional<std::int64_t> resubmission_of;
};

struct NewApplication {
  std::int64_t organisation_id = 0;
  std::string project_type;
  std::string title;
  std::string document_json = "{}";
};

// One line of an application's history, without the document.
struct RevisionSummary {
  int revision = 0;
  std::string part;  // the part of the task list saved: "created", "budget", ..., "submitted"
  std::int64_t user_id = 0;
  std::string user_display_name;  // the username when the user gave no display name
  std::string saved_at;           // UTC ISO 8601
};

struct ApplicationRevision {
  RevisionSummary summary;
  std::string document_json;
};

// Someone saved the application after the revision this change started from.
class RevisionConflict : public StoreError {
 public:
  RevisionConflict(std::int64_t application_id, int expected_revision, int current_revision);
  int expected_revision() const { return expected_; }
  int current_revision() const { return current_; }

 private:
  int expected_;
  int current_;
};

// A submitted application is frozen: neither saved nor submitted again.
class ApplicationFrozen : public StoreError {
 public:
  using StoreError::StoreError;
};

// Only the organisation's person-in-charge may submit (§2.6.3).
class NotPersonInCharge : public StoreError {
 public:
  using StoreError::StoreError;
};

// A resubmission (§4.5.1) is considered "in the next round" (在下一輪): it may only be submitted
// in a round that opens after the rejected application's round closed.
class NotALaterRound : public StoreError {
 public:
  using StoreError::StoreError;
};

// A draft at revision 1 (part "created"), by a member of the organisation. Throws NotAMember
// (organisation_repo.h), or StoreError for a malformed project type or a document that is not
// a JSON object.
std::int64_t create_application(Transaction& tx, const NewApplication& application,
                                std::int64_t user_id);

// Saves the document (and the title shown in lists) as the next revision and returns its
// number. `part` names what the user edited (a task-list key such as "budget"). Throws
// RevisionConflict if the application is no longer at expected_revision, ApplicationFrozen if
// it was submitted, NotAMember, or StoreError for a missing application or a bad document.
int save_application(Transaction& tx, std::int64_t id, int expected_revision, std::string_view part,
                     std::string_view document_json, std::string_view title, std::int64_t user_id);

std::optional<StoredApplication> find_application(Transaction& tx, std::int64_t id);
// The organisation's applications, oldest first.
std::vector<StoredApplication> list_applications(Transaction& tx, std::int64_t organisation_id);
// The application's history, oldest first.
std::vector<RevisionSummary> list_revisions(Transaction& tx, std::int64_t id);
std::optional<ApplicationRevision> load_revision(Transaction& tx, std::int64_t id, int revision);

// Submits the application as it stands at expected_revision and returns its reference number
// (format_reference). In the same transaction: the state becomes submitted (frozen), with the
// time, the Hong Kong day, the submitter and the ruleset version the checker judged it by; the
// history gains a "submitted" revision; the organisation gets a notification and the submitter
// an acknowledgement e-mail in the outbox (§2.7.5); the assessment begins in state "submitted",
// in the round open on submitted_on if there is one (assessment_repo.h); all audited. The
// reference's year is submitted_on's, and its sequence the next in that year, without gaps or
// duplicates on both backends (a counter row updated in this transaction).
// Throws NotPersonInCharge unless user_id is the organisation's person-in-charge, NotAMember,
// RevisionConflict, ApplicationFrozen, NotALaterRound for a resubmission in the rejected
// application's round (or an earlier one), or StoreError when the submitter has no e-mail
// address (the acknowledgement could not reach them) or ruleset_version is empty.
std::string submit_application(Transaction& tx, std::int64_t id, int expected_revision,
                               std::int64_t user_id, std::string_view ruleset_version,
                               CivilDate submitted_on);

// "CCFS-<year>-<sequence, at least 4 digits>": CCFS-2026-0001. Past 9999 it grows a digit.
std::string format_reference(int year, int sequence);

}  // namespace bsap::store
