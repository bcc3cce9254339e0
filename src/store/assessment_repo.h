// The assessment of submitted applications (guidelines §2.6, §4): each submitted application's
// current state, round and history of transitions, requests for information, the committee's
// decision, and the list of approved grants the public sees (§4.1.3).
//
// The store records; it does not decide. Which transition is allowed is the state machine's
// (ccfs/assessment_state.h), asked by the service (assess/assessment_service.h) before it calls
// record_transition here in the same transaction. States and events are stored as their codes.
// record_transition still refuses a transition whose from_state is not the current state
// (StaleState), so two officers acting at once cannot both move the application.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"
#include "store/store.h"

namespace bsap::store {

// One submitted application as the secretariat's dashboard lists it.
struct AssessmentRow {
  std::int64_t application_id = 0;
  std::int64_t organisation_id = 0;
  std::string organisation_name_zh;
  std::string organisation_name_en;
  std::string reference;  // CCFS-2026-0001
  std::string title;
  std::string project_type;
  std::optional<std::int64_t> round_id;  // nullopt: submitted while no round was open
  std::string state;                     // ccfs::state_code
  std::string state_since;               // UTC ISO 8601 of the last transition (or submission)
  std::string submitted_on;              // YYYY-MM-DD
  std::optional<std::int64_t> resubmission_of;  // the rejected application it revises (§4.5.1)
};

struct Transition {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::string from_state;
  std::string to_state;
  std::string event;       // ccfs::event_code
  std::string actor_kind;  // ccfs::actor_code: applicant, secretariat, committee, system
  std::optional<std::int64_t> user_id;  // nullopt for the scheduled job
  std::string actor_name;               // display name, or "system"
  std::string reason;
  std::string at;                                      // UTC ISO 8601
  CivilDate on = CivilDate::from_days_since_epoch(0);  // the Hong Kong day
};

struct NewTransition {
  std::int64_t application_id = 0;
  std::string from_state;  // must be the current state, else StaleState
  std::string to_state;
  std::string event;
  std::string actor_kind;
  std::optional<std::int64_t> user_id;
  std::string reason;
  CivilDate on = CivilDate::from_days_since_epoch(0);
};

class StaleState : public StoreError {
 public:
  using StoreError::StoreError;
};

// Created by submit_application (application_repo.h) in the submitting transaction: state
// "submitted", the round open on the submission day. nullopt for a draft or an unknown id.
std::optional<AssessmentRow> find_assessment(Transaction& tx, std::int64_t application_id);
// Every submitted application, newest submission first; filtered by round and/or state when given.
std::vector<AssessmentRow> list_assessments(Transaction& tx,
                                            std::optional<std::int64_t> round_id = std::nullopt,
                                            std::optional<std::string> state = std::nullopt);

// Moves the application and appends the transition and an audit record ("assessment",
// application id, action = the event; before/after the states and the reason). Returns the
// transition's id. Throws StaleState when from_state is not the current state.
std::int64_t record_transition(Transaction& tx, const NewTransition& transition);
// Oldest first.
std::vector<Transition> list_transitions(Transaction& tx, std::int64_t application_id);
// Sets the round of an application submitted while none was open (audited).
void assign_round(Transaction& tx, std::int64_t application_id, std::int64_t round_id,
                  std::int64_t user_id);

// ---- requests for information (§2.6.4)

struct InformationRequest {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::string question;
  std::int64_t requested_by = 0;
  CivilDate requested_on = CivilDate::from_days_since_epoch(0);
  CivilDate due_on = CivilDate::from_days_since_epoch(0);  // the last day to reply
  std::string status;                                      // open, answered, lapsed
  std::string answer;
  std::optional<std::int64_t> answered_by;
  std::optional<CivilDate> answered_on;
};

// Audited. Throws StoreError when the application already has an open request.
std::int64_t open_information_request(Transaction& tx, std::int64_t application_id,
                                      std::string_view question, std::int64_t user_id,
                                      CivilDate requested_on, CivilDate due_on);
// Records the reply to the open request (audited). Throws StoreError when none is open.
void answer_information_request(Transaction& tx, std::int64_t application_id,
                                std::string_view answer, std::int64_t user_id,
                                CivilDate answered_on);
// Marks the open request lapsed (audited, actor "system").
void lapse_information_request(Transaction& tx, std::int64_t application_id);
std::optional<InformationRequest> open_request(Transaction& tx, std::int64_t application_id);
// Oldest first.
std::vector<InformationRequest> list_information_requests(Transaction& tx,
                                                          std::int64_t application_id);
// Every open request, the earliest due first: what the scheduled job looks at.
std::vector<InformationRequest> list_open_requests(Transaction& tx);

// ---- the committee's decision, and the other recorded decisions (§4.1.2, §4.1.4)

struct Decision {
  std::int64_t application_id = 0;
  // approved, approved_in_part, rejected, not_considered, disqualified
  std::string outcome;
  std::optional<Money> approved_amount;  // approved and approved_in_part only
  std::optional<int> duration_months;    // likewise
  std::string conditions;
  std::string ground;  // disqualification ground / not-considered key from the ruleset
  std::string reason;
  std::int64_t decided_by = 0;
  CivilDate decided_on = CivilDate::from_days_since_epoch(0);
};

// One per application (audited). Throws StoreError when it already has one.
void record_decision(Transaction& tx, const Decision& decision);
std::optional<Decision> find_decision(Transaction& tx, std::int64_t application_id);

// An approved application as the public list shows it (§4.1.3): state approved or
// approved_in_part, in reference order. The document is the submitted JSON, for the sites,
// summary and planned start.
struct ApprovedGrantRow {
  std::int64_t application_id = 0;
  std::string reference;
  std::string title;
  std::string project_type;
  std::string organisation_name_zh;
  std::string organisation_name_en;
  std::int64_t organisation_id = 0;
  std::string state;
  Decision decision;
  std::string document_json;
};
std::vector<ApprovedGrantRow> list_approved_grants(Transaction& tx);

// ---- resubmission (§4.5.1)

// A new draft of the organisation, copied from the rejected application's submitted document,
// title and project type (revision 1, part "resubmitted from <reference>"), that records which
// application it revises (StoredApplication::resubmission_of, and
// find_assessment(...).resubmission_of once submitted). submit_application then holds it to a
// later round (NotALaterRound). Audited as the application's "create_resubmission".
// Throws StoreError unless the application's assessment state is "rejected", NotAMember.
std::int64_t create_resubmission(Transaction& tx, std::int64_t rejected_application_id,
                                 std::int64_t user_id);
// The rejected application a draft or submission revises, if it is a resubmission.
std::optional<std::int64_t> resubmission_of(Transaction& tx, std::int64_t application_id);

}  // namespace bsap::store
