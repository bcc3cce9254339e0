// What every funded project step checks first, shared by the services of manage/: the project
// exists, and the actor may act on it. Each refusal is an assess::StepRefused with its clause.
#pragma once
#include <cstdint>

#include "assess/assessment_service.h"
#include "store/project_repo.h"
#include "store/store.h"

namespace bsap::manage {

// Who acts: the secretariat, or a member of the grantee organisation (checked against the
// project's organisation).
struct ProjectActor {
  std::int64_t user_id = 0;
  bool secretariat = false;
};

// The project of the application, or StepRefused (§5.1.1) when it is not one.
store::ProjectRow require_project(store::Transaction& tx, std::int64_t application_id);

// The grantee acts through its members; the secretariat for the scheme (§5.1.1).
void require_actor(store::Transaction& tx, const store::ProjectRow& row, const ProjectActor& actor);

}  // namespace bsap::manage
