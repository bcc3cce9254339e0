// The pure hash chain (core/audit_chain.h), without a database.
#include "core/audit_chain.h"

#include <gmock/gmock.h>

namespace bsap {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

std::vector<AuditRecord> chain_of(int length) {
  std::vector<AuditRecord> records;
  std::string prev = genesis_hash();
  for (int seq = 1; seq <= length; ++seq) {
    AuditRecord record{seq,
                       "2026-11-22T13:05:09.123Z",
                       "officer",
                       "application",
                       std::to_string(100 + seq),
                       "submit",
                       "{}",
                       R"({"state":"submitted"})",
                       prev,
                       ""};
    record.hash = compute_audit_hash(record);
    prev = record.hash;
    records.push_back(record);
  }
  return records;
}

AuditVerification verify(const std::vector<AuditRecord>& records, std::int64_t head_seq,
                         const std::string& head_hash) {
  return verify_audit_chain(records, head_seq, head_hash);
}

AuditVerification verify_against_own_head(const std::vector<AuditRecord>& records) {
  return records.empty() ? verify(records, 0, genesis_hash())
                         : verify(records, records.back().seq, records.back().hash);
}

std::vector<std::string> details(const AuditVerification& verification) {
  std::vector<std::string> out;
  for (const auto& problem : verification.problems) out.push_back(problem.detail);
  return out;
}

TEST(AuditChain, HashIsHexSha256) {
  const auto hash = compute_audit_hash(chain_of(1)[0]);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(AuditChain, MovingBytesBetweenFieldsChangesTheHash) {
  auto a = chain_of(1)[0];
  auto b = a;
  a.actor = "ab";
  a.entity = "c";
  b.actor = "a";
  b.entity = "bc";
  EXPECT_NE(compute_audit_hash(a), compute_audit_hash(b));
}

TEST(AuditChain, EveryFieldIsCovered) {
  const auto original = chain_of(1)[0];
  const auto base = compute_audit_hash(original);
  for (std::string AuditRecord::*field :
       {&AuditRecord::at, &AuditRecord::actor, &AuditRecord::entity, &AuditRecord::entity_id,
        &AuditRecord::action, &AuditRecord::before_json, &AuditRecord::after_json,
        &AuditRecord::prev_hash}) {
    auto changed = original;
    changed.*field += "x";
    EXPECT_NE(compute_audit_hash(changed), base);
  }
  auto reseq = original;
  reseq.seq = 2;
  EXPECT_NE(compute_audit_hash(reseq), base);
}

TEST(AuditChain, EmptyLogWithGenesisHeadIsIntact) {
  EXPECT_TRUE(verify({}, 0, genesis_hash()).ok());
}

TEST(AuditChain, UntouchedChainIsIntact) {
  const auto result = verify_against_own_head(chain_of(10));
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(result.records_checked, 10);
}

TEST(AuditChain, EditedRecordIsNamed) {
  auto records = chain_of(20);
  records[16].after_json = R"({"state":"approved"})";
  const auto result = verify(records, 20, records.back().hash);
  EXPECT_THAT(details(result), ElementsAre("record 17: edited (hash does not match its contents)"));
  EXPECT_EQ(result.problems[0].fault, AuditFault::edited);
}

TEST(AuditChain, RemovedRangeIsNamedWithItsFirstAndLastSeq) {
  auto records = chain_of(30);
  records.erase(records.begin() + 22, records.begin() + 24);  // seq 23 and 24
  const auto result = verify(records, 30, records.back().hash);
  EXPECT_THAT(details(result), ElementsAre("records 23–24: removed"));
  EXPECT_THAT(result.problems,
              ElementsAre(AllOf(Field(&AuditProblem::fault, AuditFault::removed),
                                Field(&AuditProblem::seq, 23), Field(&AuditProblem::count, 2))));
}

TEST(AuditChain, RemovedFirstRecordIsNamed) {
  auto records = chain_of(3);
  records.erase(records.begin());
  EXPECT_THAT(details(verify(records, 3, records.back().hash)), ElementsAre("record 1: removed"));
}

TEST(AuditChain, RemovedNewestRecordIsCaughtByTheHead) {
  auto records = chain_of(5);
  const auto head_hash = records.back().hash;
  records.pop_back();
  EXPECT_THAT(details(verify(records, 5, head_hash)), ElementsAre("record 5: removed"));
}

TEST(AuditChain, EverythingRemovedIsCaughtByTheHead) {
  const auto records = chain_of(4);
  EXPECT_THAT(details(verify({}, 4, records.back().hash)), ElementsAre("records 1–4: removed"));
}

TEST(AuditChain, RecordRewrittenWithARecomputedHashBreaksTheNextLink) {
  auto records = chain_of(6);
  records[2].actor = "intruder";
  records[2].hash = compute_audit_hash(records[2]);
  const auto result = verify(records, 6, records.back().hash);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].fault, AuditFault::broken_link);
  EXPECT_EQ(result.problems[0].seq, 4);
}

TEST(AuditChain, HeadThatDisagreesWithTheNewestRecordIsReported) {
  const auto records = chain_of(3);
  const auto result = verify(records, 3, std::string(64, 'f'));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].fault, AuditFault::head_mismatch);
}

TEST(AuditChain, EditAndRemovalAreBothNamed) {
  auto records = chain_of(30);
  records[16].actor = "someone else";
  records.erase(records.begin() + 22, records.begin() + 24);
  EXPECT_THAT(details(verify(records, 30, records.back().hash)),
              ElementsAre("record 17: edited (hash does not match its contents)",
                          "records 23–24: removed"));
}

}  // namespace
}  // namespace bsap
