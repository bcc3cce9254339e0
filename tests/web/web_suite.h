// A test suite's running server: one `bsap serve` per suite, with an administrator and one user
// for each role, all with the same password.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/role.h"
#include "web/http_client.h"
#include "web/server_process.h"

namespace bsap::test {

inline const std::string kPassword = "correct horse battery staple";

// The user holding only role: "only_applicant", "only_administrator", ...
inline std::string user_with_role(Role role) { return "only_" + std::string(role_code(role)); }

class WebSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static ServerProcess& server() { return *server_; }
  static HttpClient anonymous() { return HttpClient(server_->port()); }
  // A client signed in as username (the test fails if the sign-in does).
  static HttpClient signed_in_as(const std::string& username);

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::int64_t admin_id_ = 0;
};

}  // namespace bsap::test
