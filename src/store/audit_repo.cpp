#include "store/audit_repo.h"

#include <soci/soci.h>

#include "store/utc_clock.h"

namespace bsap::store {
namespace {

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

// Reads the head and holds it until tx ends, so that no other appender can chain to the same
// record. SQLite's BEGIN IMMEDIATE already holds the database's write lock; PostgreSQL locks
// the row.
AuditHead lock_audit_head(Transaction& tx) {
  const std::string lock = tx.backend() == Backend::postgres ? " FOR UPDATE" : "";
  AuditHead head;
  tx.sql() << "SELECT seq, hash FROM audit_head WHERE id = 1" + lock, soci::into(head.seq),
      soci::into(head.hash);
  if (!tx.sql().got_data())
    throw StoreError("the audit_head row is missing: the database was not migrated or was damaged");
  return head;
}

}  // namespace

std::string audit_head_hash(Transaction& tx) {
  std::string hash;
  tx.sql() << "SELECT hash FROM audit_head WHERE id = 1", soci::into(hash);
  return hash;
}

std::int64_t audit_head_seq(Transaction& tx) {
  std::int64_t seq = 0;
  tx.sql() << "SELECT seq FROM audit_head WHERE id = 1", soci::into(seq);
  return seq;
}

std::int64_t append_audit(Transaction& tx, const AuditEvent& event) {
  const AuditHead head = lock_audit_head(tx);
  AuditRecord record{
      head.seq + 1, utc_timestamp(),   event.actor,      event.entity, event.entity_id,
      event.action, event.before_json, event.after_json, head.hash,    ""};
  record.hash = compute_audit_hash(record);

  soci::session& sql = tx.sql();
  sql << "INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, before_json, "
         "after_json, prev_hash, hash) VALUES (:seq, :at, :actor, :entity, :entity_id, :action, "
         ":before_json, :after_json, :prev_hash, :hash)",
      soci::use(record.seq), soci::use(record.at), soci::use(record.actor),
      soci::use(record.entity), soci::use(record.entity_id), soci::use(record.action),
      soci::use(record.before_json), soci::use(record.after_json), soci::use(record.prev_hash),
      soci::use(record.hash);
  sql << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1", soci::use(record.seq),
      soci::use(record.hash);
  return record.seq;
}

std::vector<AuditRecord> load_audit_log(Transaction& tx) {
  AuditRecord row;
  soci::statement select =
      (tx.sql().prepare << "SELECT seq, at, actor, entity, entity_id, action, before_json, "
                           "after_json, prev_hash, hash FROM audit_log ORDER BY seq",
       soci::into(row.seq), soci::into(row.at), soci::into(row.actor), soci::into(row.entity),
       soci::into(row.entity_id), soci::into(row.action), soci::into(row.before_json),
       soci::into(row.after_json), soci::into(row.prev_hash), soci::into(row.hash));
  select.execute();
  std::vector<AuditRecord> records;
  while (select.fetch()) records.push_back(row);
  return records;
}

AuditVerification verify_audit_log(Transaction& tx) {
  // The head is locked first, so that on PostgreSQL no append lands between reading the head
  // and reading the records (which would look like a head mismatch).
  const AuditHead head = lock_audit_head(tx);
  return verify_audit_chain(load_audit_log(tx), head.seq, head.hash);
}

}  // namespace bsap::store
