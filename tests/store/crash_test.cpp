// A writer killed with SIGKILL in the middle of a burst of writes loses no committed write and
// leaves the database and the audit chain valid. The writer is a forked child running the real
// store code, so the kill lands wherever the child happens to be: inside a transaction, in
// COMMIT, or between two.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <soci/soci.h>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <thread>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

constexpr int kWritesBeforeKill = 25;
constexpr int kRounds = 3;

// In the child: adds users one by one, each in its own committed transaction, and writes each id
// to out only after its commit returned. Never returns.
[[noreturn]] void write_burst(const std::string& url, int round, int out) {
  try {
    auto store = open_store(url);
    for (int i = 0;; ++i) {
      std::int64_t id = 0;
      in_transaction(*store, [&](Transaction& tx) {
        id = add_user(tx,
                      {"burst" + std::to_string(round) + "." + std::to_string(i),
                       "",
                       "",
                       "$argon2id$x",
                       {Role::applicant}},
                      "burst");
      });
      const std::string line = std::to_string(id) + "\n";
      if (write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(2);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_burst: %s\n", e.what());
  }
  _exit(1);  // _exit: the parent's atexit handlers and gtest state are not the child's to run
}

// Reads ids from the child until `wanted` arrived, kills it with SIGKILL after a random pause of
// under a millisecond, and returns every id it printed (including those after `wanted`).
std::vector<std::int64_t> run_and_kill(const std::string& url, int round) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    close(pipe_ends[0]);
    write_burst(url, round, pipe_ends[1]);
  }
  close(pipe_ends[1]);

  FILE* from_child = fdopen(pipe_ends[0], "r");
  std::vector<std::int64_t> ids;
  long long id = 0;
  while (static_cast<int>(ids.size()) < kWritesBeforeKill &&
         std::fscanf(from_child, "%lld", &id) == 1)
    ids.push_back(id);
  std::this_thread::sleep_for(std::chrono::microseconds(std::random_device{}() % 1000));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  while (std::fscanf(from_child, "%lld", &id) == 1) ids.push_back(id);
  std::fclose(from_child);

  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer ended before it was killed (status " << status << ")";
  return ids;
}

TEST_P(StoreTest, KilledWriterLosesNoCommittedWriteAndLeavesTheChainValid) {
  const std::string url = database_->url();
  std::set<std::int64_t> committed;
  for (int round = 0; round < kRounds; ++round) {
    store_.reset();  // the child opens its own connections; none are shared across fork
    const auto ids = run_and_kill(url, round);
    ASSERT_GE(static_cast<int>(ids.size()), kWritesBeforeKill);
    committed.insert(ids.begin(), ids.end());

    store_ = open_store(url);
    in_transaction(*store_, [&](Transaction& tx) {
      for (std::int64_t id : committed) EXPECT_TRUE(find_user(tx, id)) << "lost user " << id;
      const auto verification = verify_audit_log(tx);
      EXPECT_TRUE(verification.ok()) << verification.problems.front().detail;
      // One audit record per user that exists: no user without its record, nor the reverse.
      EXPECT_EQ(verification.records_checked, static_cast<std::int64_t>(list_users(tx).size()));
    });
  }
  if (GetParam() == Backend::sqlite) {
    std::string integrity;
    in_transaction(*store_, [&](Transaction& tx) {
      tx.sql() << "PRAGMA integrity_check", soci::into(integrity);
    });
    EXPECT_EQ(integrity, "ok");
  }
}

}  // namespace
}  // namespace bsap::store::testing
