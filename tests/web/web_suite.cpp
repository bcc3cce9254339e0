#include "web/web_suite.h"

namespace bsap::test {

void WebSuite::SetUpTestSuite() {
  server_ = std::make_unique<ServerProcess>();
  admin_id_ = server_->add_user("admin", kPassword, {Role::administrator}, "Site Administrator");
  for (Role role : all_roles()) server_->add_user(user_with_role(role), kPassword, {role});
  ASSERT_TRUE(server_->start()) << server_->server_output();
}

void WebSuite::TearDownTestSuite() {
  if (server_) {
    EXPECT_EQ(server_->terminate(), 0) << server_->server_output();
  }
  server_.reset();
}

HttpClient WebSuite::signed_in_as(const std::string& username) {
  HttpClient client = anonymous();
  EXPECT_TRUE(client.sign_in(username, kPassword)) << "could not sign in as " << username;
  return client;
}

}  // namespace bsap::test
