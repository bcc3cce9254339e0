#include "core/audit_chain.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/crypto.h"

namespace bsap {
namespace {

// Each field as "<length>:<bytes>;", so that moving bytes from one field to the next always
// changes the serialisation.
void append_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

// Every field but the hash, after a version tag that lets a later format coexist with this one.
std::string canonical_form(const AuditRecord& r) {
  const std::string seq = std::to_string(r.seq);
  const std::string_view fields[] = {"bsap-audit-v1", seq,         r.at,     r.actor,
                                     r.entity,        r.entity_id, r.action, r.before_json,
                                     r.after_json,    r.prev_hash};
  std::string out;
  for (std::string_view field : fields) append_field(out, field);
  return out;
}

AuditProblem removed_problem(std::int64_t first, std::int64_t count) {
  const std::string which = count == 1 ? fmt::format("record {}", first)
                                       : fmt::format("records {}–{}", first, first + count - 1);
  return {AuditFault::removed, first, count, which + ": removed"};
}

// Whether record comes where expected; true if records are missing just before it.
bool check_sequence(const AuditRecord& record, std::int64_t expected_seq, AuditVerification& out) {
  if (record.seq > expected_seq) {
    out.problems.push_back(removed_problem(expected_seq, record.seq - expected_seq));
    return true;
  }
  if (record.seq < expected_seq) {
    out.problems.push_back({AuditFault::reordered, record.seq, 1,
                            fmt::format("record {}: out of order (expected seq {} or later)",
                                        record.seq, expected_seq)});
  }
  return false;
}

void check_hash_and_link(const AuditRecord& record, const std::string& prev_hash, bool after_gap,
                         AuditVerification& out) {
  if (compute_audit_hash(record) != record.hash) {
    out.problems.push_back(
        {AuditFault::edited, record.seq, 1,
         fmt::format("record {}: edited (hash does not match its contents)", record.seq)});
  } else if (!after_gap && record.prev_hash != prev_hash) {
    // Self-consistent but not following its predecessor: one of the two was rewritten with a
    // recomputed hash. After a gap the removal already explains the broken link.
    out.problems.push_back(
        {AuditFault::broken_link, record.seq, 1,
         fmt::format("record {}: chain broken (prev_hash does not match record {})", record.seq,
                     record.seq - 1)});
  }
}

// The records' own consistency: no gaps, every hash matching its record, every link intact.
void check_records(const std::vector<AuditRecord>& records, AuditVerification& out) {
  std::int64_t expected_seq = 1;
  const std::string* prev_hash = &genesis_hash();
  for (const AuditRecord& record : records) {
    const bool after_gap = check_sequence(record, expected_seq, out);
    check_hash_and_link(record, *prev_hash, after_gap, out);
    expected_seq = std::max(expected_seq, record.seq + 1);
    prev_hash = &record.hash;
  }
}

// The head is written with every append, so it catches what the records alone cannot show:
// the newest records removed.
void check_head(const std::vector<AuditRecord>& records, std::int64_t head_seq,
                const std::string& head_hash, AuditVerification& out) {
  const std::int64_t last_seq = records.empty() ? 0 : records.back().seq;
  const std::string& last_hash = records.empty() ? genesis_hash() : records.back().hash;
  if (last_seq < head_seq) {
    out.problems.push_back(removed_problem(last_seq + 1, head_seq - last_seq));
  } else if (last_seq > head_seq || last_hash != head_hash) {
    out.problems.push_back({AuditFault::head_mismatch, last_seq, 1,
                            fmt::format("record {}: does not match the head (seq {}, hash {})",
                                        last_seq, head_seq, head_hash.substr(0, 12))});
  }
}

}  // namespace

std::string compute_audit_hash(const AuditRecord& record) {
  return sha256_hex(canonical_form(record));
}

const std::string& genesis_hash() {
  static const std::string zeros(64, '0');
  return zeros;
}

AuditVerification verify_audit_chain(const std::vector<AuditRecord>& records, std::int64_t head_seq,
                                     const std::string& head_hash) {
  AuditVerification out;
  out.records_checked = static_cast<std::int64_t>(records.size());
  check_records(records, out);
  check_head(records, head_seq, head_hash, out);
  return out;
}

}  // namespace bsap
