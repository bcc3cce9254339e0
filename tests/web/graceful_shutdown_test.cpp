// SIGTERM during a burst of form posts (an administrator adding users from many clients at
// once): every post the server answered is complete, with its audit record; every post it did
// not answer left nothing behind; the program exits 0 and the audit chain verifies.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

constexpr int kClients = 8;
constexpr int kPostsPerClient = 40;
constexpr int kAnsweredBeforeStop = 6;

struct Attempt {
  std::string username;
  int status = 0;
};

TEST(GracefulShutdown, SigtermDuringABurstOfPostsLeavesNothingHalfDone) {
  ServerProcess server;
  server.add_user("admin", kPassword, {Role::administrator});
  ASSERT_TRUE(server.start()) << server.server_output();
  HttpClient admin(server.port());
  ASSERT_TRUE(admin.sign_in("admin", kPassword));
  std::string token = admin.csrf_token_from("/en/admin/users");

  std::mutex mutex;
  std::vector<Attempt> attempts;
  std::atomic<int> answered{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c, client = admin]() mutable {
      for (int i = 0; i < kPostsPerClient; ++i) {
        std::string username = "burst_" + std::to_string(c) + "_" + std::to_string(i);
        auto response = client.post_form("/en/admin/users", {{"csrf_token", token},
                                                             {"username", username},
                                                             {"display_name", username},
                                                             {"roles", "applicant"},
                                                             {"password", kPassword}});
        {
          std::lock_guard lock(mutex);
          attempts.push_back({username, response.status});
        }
        if (response.status != 303) return;  // the server has stopped
        ++answered;
      }
    });
  }
  while (answered < kAnsweredBeforeStop) std::this_thread::yield();
  EXPECT_EQ(server.terminate(), 0) << server.server_output();
  for (auto& client : clients) client.join();

  auto tx = server.store().begin();
  auto log = store::load_audit_log(*tx);
  int completed = 0;
  for (const auto& attempt : attempts) {
    auto user = store::find_user_by_username(*tx, attempt.username);
    if (attempt.status != 303) {
      EXPECT_FALSE(user) << attempt.username << " was not answered yet exists";
      continue;
    }
    ++completed;
    ASSERT_TRUE(user) << attempt.username << " was answered yet is missing";
    bool audited = std::ranges::any_of(log, [&](const AuditRecord& record) {
      return record.entity == "user" && record.entity_id == std::to_string(user->id) &&
             record.action == "create" && record.actor == "admin";
    });
    EXPECT_TRUE(audited) << attempt.username;
  }
  EXPECT_GE(completed, kAnsweredBeforeStop);
  EXPECT_TRUE(store::verify_audit_log(*tx).ok());
}

}  // namespace
}  // namespace bsap::test
