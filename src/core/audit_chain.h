// Pure hash-chain logic for the audit log: how a record's hash is computed and how a sequence of
// records is checked. No I/O; store/audit_repo reads and writes the records.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bsap {

struct AuditRecord {
  std::int64_t seq = 0;  // 1, 2, 3, ... with no gaps in an untouched log
  std::string at;        // UTC, ISO 8601 with milliseconds: 2026-11-22T13:05:09.123Z
  std::string actor;
  std::string entity;
  std::string entity_id;
  std::string action;
  std::string before_json;
  std::string after_json;
  std::string prev_hash;  // hex SHA-256 of the previous record; 64 zeros for the first
  std::string hash;       // hex SHA-256 over seq, at, actor, ..., prev_hash
};

// The hash a record must carry, computed from its other fields (length-prefixed, so that no
// two different records serialise alike).
std::string compute_audit_hash(const AuditRecord& record);
const std::string& genesis_hash();

enum class AuditFault {
  edited,         // the record's hash does not match its contents
  removed,        // a gap in seq: records missing from the middle or the newest end
  reordered,      // a seq not greater than the one before it
  broken_link,    // prev_hash differs from the previous record's hash (one was rewritten whole)
  head_mismatch,  // the newest record disagrees with the head the store keeps
};

struct AuditProblem {
  AuditFault fault;
  std::int64_t seq;        // the record edited, or the first missing seq
  std::int64_t count = 1;  // how many consecutive records are missing (removed)
  std::string detail;      // a sentence for the operator
};

struct AuditVerification {
  std::int64_t records_checked = 0;
  std::vector<AuditProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Checks records (in seq order) against each other and against the head the store keeps
// (the newest seq and hash), so that removing the newest record is caught too.
AuditVerification verify_audit_chain(const std::vector<AuditRecord>& records, std::int64_t head_seq,
                                     const std::string& head_hash);

}  // namespace bsap
