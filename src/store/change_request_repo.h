// Changes to a funded project needing prior approval (guidelines §5.16.6): the grantee's or the
// secretariat's request, and the secretariat's decision — after consulting the committee for a
// major change. See project_repo.h for the conventions: the service decides
// (project/change_requests.h), these record, each write audited (entity "project", id = the
// application id) in the same transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "store/store.h"

namespace bsap::store {

struct ChangeRequestRow {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::string kind;  // project::change_code
  std::string details;
  std::string reason;
  std::string requested_by;  // display name
  CivilDate requested_on = CivilDate::from_days_since_epoch(0);
  std::string status;  // pending, approved, refused
  std::optional<CivilDate> committee_consulted_on;
  std::string committee_note;
  std::string decided_by;  // display name; empty while pending
  std::optional<CivilDate> decided_on;
  std::string decision_note;
};

struct NewChangeRequest {
  std::int64_t application_id = 0;
  std::string kind;
  std::string details;
  std::string reason;
  CivilDate requested_on = CivilDate::from_days_since_epoch(0);
  std::int64_t user_id = 0;
};
// Records a pending request (audited "request_change"); StoreError when there is no project.
std::int64_t record_change_request(Transaction& tx, const NewChangeRequest& request);

struct ChangeDecision {
  std::int64_t request_id = 0;
  bool approved = false;
  std::optional<CivilDate> committee_consulted_on;
  std::string committee_note;
  std::string decision_note;
  CivilDate decided_on = CivilDate::from_days_since_epoch(0);
  std::int64_t user_id = 0;
};
// Pending → approved or refused (audited "decide_change"). Throws StaleState unless pending,
// StoreError when there is no such request.
void decide_change_request(Transaction& tx, const ChangeDecision& decision);

// The project's requests, oldest first.
std::vector<ChangeRequestRow> list_change_requests(Transaction& tx, std::int64_t application_id);
std::optional<ChangeRequestRow> find_change_request(Transaction& tx, std::int64_t request_id);

}  // namespace bsap::store
