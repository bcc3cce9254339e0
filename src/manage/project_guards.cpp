#include "manage/project_guards.h"

#include <fmt/format.h>

#include "store/organisation_repo.h"

namespace bsap::manage {

store::ProjectRow require_project(store::Transaction& tx, std::int64_t application_id) {
  auto row = store::find_project(tx, application_id);
  if (!row)
    throw assess::StepRefused(
        "§5.1.1", fmt::format("申請 {} 尚未成為資助項目。", application_id),
        fmt::format("Application {} is not a funded project.", application_id));
  return *row;
}

void require_actor(store::Transaction& tx, const store::ProjectRow& row,
                   const ProjectActor& actor) {
  if (actor.secretariat) return;
  if (!store::find_member(tx, row.organisation_id, actor.user_id))
    throw assess::StepRefused("§5.1.1", "只有項目機構的成員或秘書處可處理此項目。",
                              "Only a member of the grantee organisation or the secretariat may "
                              "act on this project.");
}

}  // namespace bsap::manage
