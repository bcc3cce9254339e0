// The append-only, hash-chained audit log (ARCHITECTURE.md principle 6). Each record holds its
// predecessor's hash, so an edited or removed record breaks the chain at a place verify names.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/audit_chain.h"
#include "store/store.h"

namespace bsap::store {

struct AuditEvent {
  std::string actor;   // username, or "system", or "cli:<user>"
  std::string entity;  // "user", "session", "application", ...
  std::string entity_id;
  std::string action;       // "create", "disable", "login", ...
  std::string before_json;  // "{}" or "null" where nothing was before
  std::string after_json;
};

// Appends one record in tx, chained to the newest one. Serialises concurrent appenders.
std::int64_t append_audit(Transaction& tx, const AuditEvent& event);

// The newest record's seq (0 before the first). Every state change appends a record, so what a
// page built from the database shows is current while this number is unchanged.
std::int64_t audit_head_seq(Transaction& tx);
// The newest record's hash (the chain's genesis hash before the first). It stands for the whole
// history, so unlike the seq it also tells one database from another: what is kept per head hash is
// right for any store a process opens.
std::string audit_head_hash(Transaction& tx);

// Every record in sequence order, for verification and export.
std::vector<AuditRecord> load_audit_log(Transaction& tx);

// Reads the whole log and checks the chain; the report names every broken record.
AuditVerification verify_audit_log(Transaction& tx);

}  // namespace bsap::store
