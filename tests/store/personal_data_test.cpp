// The copy of one person's data (guidelines §5.10.3; PDPO s.18, DPP 6) on each backend: every
// table that refers to the person through a foreign key is found in the catalogue, their rows
// and theirs only are exported, with the audit records of what they did and of what was done to
// their account; secrets and file contents are not. `bsap user export` prints the same as JSON.
#include "store/personal_data_repo.h"

#include <gmock/gmock.h>

#include <algorithm>

#include "store/application_repo.h"
#include "store/catalogue.h"
#include "store/document_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"
#include "store_test_fixture.h"
#include "support/run_program.h"

namespace bsap::store::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kDocumentBytes = "%PDF-1.4\nsecret statement bytes\n%%EOF\n";

// Two applicants of two organisations, each with an application and a document.
class PersonalData : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    mine_ = add_test_user("mine", {Role::applicant});
    theirs_ = add_test_user("theirs", {Role::applicant});
    in_transaction(*store_, [&](Transaction& tx) {
      for (auto [user, name] : {std::pair{mine_, "Mine"}, std::pair{theirs_, "Theirs"}}) {
        const std::int64_t organisation = create_organisation(
            tx, {name, std::string(name) + " Limited", "non_profit_company", false}, user,
            "Director");
        create_application(
            tx, {organisation, "management_agreement", std::string(name) + " plan", "{}"}, user);
        store_document(tx, organisation, "bank_statement", std::string(name) + ".pdf",
                       kDocumentBytes, user);
      }
      set_user_particulars(tx, mine_, "Chan Tai Man", "chan@example.org", "mine");
    });
  }

  std::vector<PersonalDataRows> mine() {
    std::vector<PersonalDataRows> tables;
    in_transaction(*store_, [&](Transaction& tx) { tables = personal_data_of(tx, mine_); });
    return tables;
  }

  std::int64_t mine_ = 0, theirs_ = 0;
};

const PersonalDataRows* find_table(const std::vector<PersonalDataRows>& tables,
                                   const std::string& table, const std::string& column) {
  auto found = std::ranges::find_if(
      tables, [&](const auto& t) { return t.table == table && t.column == column; });
  return found == tables.end() ? nullptr : &*found;
}

std::string everything(const std::vector<PersonalDataRows>& tables) {
  std::string text;
  for (const auto& table : tables) {
    for (const auto& column : table.columns) text += column + " ";
    for (const auto& row : table.rows)
      for (const auto& value : row) text += value.value_or("NULL") + "\n";
  }
  return text;
}

TEST_P(PersonalData, TheCatalogueNamesEveryTableThatRefersToAUser) {
  std::vector<ColumnReference> references;
  in_transaction(*store_, [&](Transaction& tx) { references = references_to(tx, "users"); });
  auto has = [&](const std::string& table, const std::string& column) {
    return std::ranges::any_of(
        references, [&](const auto& r) { return r.table == table && r.column == column; });
  };
  EXPECT_TRUE(has("applications", "created_by"));
  EXPECT_TRUE(has("documents", "uploaded_by"));
  EXPECT_TRUE(has("organisation_members", "user_id"));
  EXPECT_TRUE(has("sessions", "user_id"));
  EXPECT_TRUE(has("panel_assignments", "user_id"));
  EXPECT_GE(references.size(), 30u);
}

TEST_P(PersonalData, TheirAccountMembershipApplicationDocumentAndAuditRecordsAreExported_5_10_3) {
  const auto tables = mine();
  const PersonalDataRows* account = find_table(tables, "users", "id");
  ASSERT_NE(account, nullptr);
  ASSERT_EQ(account->rows.size(), 1u);
  const std::string text = everything(tables);
  EXPECT_THAT(text, HasSubstr("chan@example.org"));
  EXPECT_THAT(text, HasSubstr("Mine plan"));
  EXPECT_THAT(text, HasSubstr("Mine.pdf")) << "the document is listed";
  ASSERT_NE(find_table(tables, "organisation_members", "user_id"), nullptr);
  ASSERT_NE(find_table(tables, "audit_log", "actor"), nullptr) << "what they did";
  const PersonalDataRows* changes = find_table(tables, "audit_log", "entity_id");
  ASSERT_NE(changes, nullptr) << "what was done to their account";
  EXPECT_THAT(text, HasSubstr("correct_particulars"));
}

TEST_P(PersonalData, NoOneElsesRowsNoSecretsAndNoFileContents) {
  const std::string text = everything(mine());
  EXPECT_THAT(text, Not(HasSubstr("Theirs plan")));
  EXPECT_THAT(text, Not(HasSubstr("Theirs.pdf")));
  EXPECT_THAT(text, Not(HasSubstr("password_hash")));
  EXPECT_THAT(text, Not(HasSubstr("token_hash")));
  EXPECT_THAT(text, Not(HasSubstr("secret statement bytes")));
}

TEST_P(PersonalData, UserExportPrintsTheSameAsJsonAndRefusesAnUnknownUser) {
  const auto exported =
      test_support::run_bsap({"--db", database_->url(), "user", "export", "mine"}, "");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_THAT(exported.out, HasSubstr("\"username\": \"mine\""));
  EXPECT_THAT(exported.out, HasSubstr("\"table\": \"documents\""));
  EXPECT_THAT(exported.out, HasSubstr("Mine.pdf"));
  EXPECT_THAT(exported.out, HasSubstr("§5.10.3"));
  EXPECT_THAT(exported.out, Not(HasSubstr("Theirs plan")));
  const auto unknown =
      test_support::run_bsap({"--db", database_->url(), "user", "export", "nobody"}, "");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no user named \"nobody\""));
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonalData,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace bsap::store::testing
