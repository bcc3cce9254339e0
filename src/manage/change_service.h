// Changes to a funded project that need approval first (guidelines §5.16.6, §5.16.7): the
// grantee (or the secretariat for it) asks, the secretariat decides — after consulting the
// committee for a major change. Each function runs in the caller's transaction, asks the rules
// (project/change_requests.h), writes through the store (store/change_request_repo.h, which
// audits) and tells the grantee. A refused step throws assess::StepRefused before anything is
// written.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_date.h"
#include "manage/project_service.h"
#include "project/change_requests.h"
#include "store/change_request_repo.h"
#include "store/store.h"

namespace bsap::manage {

struct ChangeRequest {
  std::int64_t application_id = 0;
  project::ProjectChange change = project::ProjectChange::person_in_charge;
  std::string details;  // for a person-in-charge: the new person's name and post
  std::string reason;
};
// A member of the grantee or the secretariat asks, while the project is active or suspended.
std::int64_t request_change(store::Transaction& tx, const ProjectActor& actor,
                            const ChangeRequest& request, CivilDate today);

struct ChangeVerdict {
  std::int64_t request_id = 0;
  bool approved = false;
  std::optional<CivilDate> committee_consulted_on;  // §5.16.6: needed to approve a major change
  std::string committee_note;
  std::string decision_note;  // needed to refuse
};
// The secretariat approves or refuses a pending request.
void decide_change(store::Transaction& tx, const ChangeVerdict& verdict, CivilDate today,
                   std::int64_t secretariat_user_id);

// The person-in-charge now: the latest approved change of person-in-charge's details, or
// nullopt when none was approved (the application's person-in-charge stands).
std::optional<std::string> approved_person_in_charge(store::Transaction& tx,
                                                     std::int64_t application_id);

}  // namespace bsap::manage
