// Telling people what the assessment did: an in-app notification and an e-mail in the outbox
// (drained by `bsap mail drain`), each in the recipient's language (users.language), written in
// the transaction of the step they report.
#pragma once
#include <cstdint>

#include "ccfs/assessment_notices.h"
#include "store/store.h"

namespace bsap::assess {

// One notification for the whole organisation, and an e-mail to each member with an address.
void notify_organisation(store::Transaction& tx, std::int64_t organisation_id,
                         const ccfs::Notice& notice);

// One notification and, with an address, one e-mail to a user (a panel or committee member).
void notify_user(store::Transaction& tx, std::int64_t user_id, const ccfs::Notice& notice);

}  // namespace bsap::assess
