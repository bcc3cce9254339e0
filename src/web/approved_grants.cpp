#include "web/approved_grants.h"

#include <spdlog/spdlog.h>

#include "assess/public_grants.h"

namespace bsap::web {

std::vector<ccfs::PublicGrant> approved_grants(const RequestContext& ctx) {
  std::vector<assess::PublicGrantNote> notes;
  auto tx = ctx.web().store.begin();
  auto grants = assess::public_grants(*tx, ctx.web().domain.rulesets, &notes);
  for (const assess::PublicGrantNote& note : notes)
    spdlog::warn("approved grants: {}: {}", note.reference, note.message);
  return grants;
}

}  // namespace bsap::web
