// The signed-in user's own personal data (guidelines §5.10.3, §5.10.4; docs/privacy.md): the
// account page corrects the name and e-mail address, refusing a malformed one with the field
// named, and audits the correction; the copy downloads as a JSON attachment holding this user's
// records and no one else's, without the password hash.
#include <gtest/gtest.h>

#include "store/audit_repo.h"
#include "store/user_repo.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

class Account : public WebSuite {
 protected:
  static HttpResponse correct(HttpClient& client, const std::string& name,
                              const std::string& email, const std::string& lang = "en") {
    return client.post_form("/" + lang + "/account",
                            {{"csrf_token", client.csrf_token_from("/en/account")},
                             {"display_name", name},
                             {"email", email}});
  }
};

TEST_F(Account, AMalformedAddressIsRefusedWithTheFieldNamedAndNothingChanges_5_10_3) {
  server().add_user("acc_typo", kPassword, {Role::applicant}, "Typo Person");
  HttpClient client = signed_in_as("acc_typo");
  for (const std::string bad : {"no-at-sign.example.org", "two@@example.org", "name@localhost",
                                "with space@example.org", ""}) {
    const HttpResponse refused = correct(client, "Typo Person", bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_TRUE(has(refused, "href=\"#email\"")) << bad << ": the summary links to the field";
    EXPECT_TRUE(has(refused, "value=\"" + bad + "\"")) << "what was typed is kept";
  }
  EXPECT_EQ(correct(client, "", "fine@example.org").status, 422) << "a name is needed";
  auto tx = server().store().begin();
  EXPECT_EQ(store::find_user_by_username(*tx, "acc_typo")->email, "acc_typo@example.gov.hk");
}

TEST_F(Account, ACorrectionIsSavedShownAndAudited_5_10_3) {
  server().add_user("acc_fix", kPassword, {Role::applicant}, "Chan Tai Mun");
  HttpClient client = signed_in_as("acc_fix");
  const HttpResponse saved = correct(client, "陳大文", "chan.tai.man@example.org", "zh");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 600);
  EXPECT_EQ(saved.header("location"), "/zh/account?done=corrected");
  const HttpResponse page = client.get("/zh/account?done=corrected");
  EXPECT_TRUE(has(page, "陳大文"));
  EXPECT_TRUE(has(page, "chan.tai.man@example.org"));
  EXPECT_TRUE(shows(page, "account_done_corrected", Lang::zh_hant));
  auto tx = server().store().begin();
  const auto records = store::load_audit_log(*tx);
  const auto& last = records.back();
  EXPECT_EQ(last.action, "correct_particulars");
  EXPECT_EQ(last.actor, "acc_fix");
  EXPECT_NE(last.before_json.find("Chan Tai Mun"), std::string::npos);
  EXPECT_NE(last.after_json.find("chan.tai.man@example.org"), std::string::npos);
}

TEST_F(Account, TheCopyOfOnesDataIsAnAttachmentOfOnesOwnRecordsOnly_5_10_3) {
  server().add_user("acc_copy", kPassword, {Role::applicant}, "Copy Person");
  server().add_user("acc_other", kPassword, {Role::applicant}, "Other Person");
  HttpClient client = signed_in_as("acc_copy");
  EXPECT_TRUE(has(client.get("/en/account"), "href=\"/en/account/personal-data.json\""));
  const HttpResponse copy = client.get("/en/account/personal-data.json");
  ASSERT_EQ(copy.status, 200);
  EXPECT_EQ(copy.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(copy.header("content-disposition"),
            "attachment; filename=\"bsap-personal-data-acc_copy.json\"");
  EXPECT_EQ(copy.header("cache-control"), "private, no-store");
  EXPECT_TRUE(has(copy, "\"username\": \"acc_copy\""));
  EXPECT_TRUE(has(copy, "acc_copy@example.gov.hk"));
  EXPECT_TRUE(has(copy, "\"action\": \"login\"")) << "what they did";
  EXPECT_FALSE(has(copy, "acc_other"));
  EXPECT_FALSE(has(copy, "password_hash"));
  EXPECT_FALSE(has(copy, "argon2id"));
  EXPECT_EQ(anonymous().get("/en/account/personal-data.json").status, 303) << "sign in first";
}

}  // namespace
}  // namespace bsap::test
