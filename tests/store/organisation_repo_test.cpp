// store/organisation_repo.h: organisations, their members and the person-in-charge (§2.6.3).
#include "store/organisation_repo.h"

#include <gmock/gmock.h>

#include "store/audit_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

NewOrganisation green_lantau() {
  return {"綠色大嶼山協會", "Living Islands Movement", "charitable_institution", false};
}

std::int64_t create(Store& store, const NewOrganisation& organisation, std::int64_t creator,
                    const std::string& post = "主席 Chairperson") {
  std::int64_t id = 0;
  in_transaction(
      store, [&](Transaction& tx) { id = create_organisation(tx, organisation, creator, post); });
  return id;
}

std::vector<AuditRecord> audit_log(Store& store) {
  std::vector<AuditRecord> records;
  in_transaction(store, [&](Transaction& tx) { records = load_audit_log(tx); });
  return records;
}

TEST_P(StoreTest, CreatedOrganisationIsFoundWithItsCreatorAsPersonInCharge) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto id = create(*store_, green_lantau(), chan);
  in_transaction(*store_, [&](Transaction& tx) {
    const auto organisation = find_organisation(tx, id);
    ASSERT_TRUE(organisation);
    EXPECT_EQ(organisation->name_zh, "綠色大嶼山協會");
    EXPECT_EQ(organisation->name_en, "Living Islands Movement");
    EXPECT_EQ(organisation->kind, "charitable_institution");
    EXPECT_FALSE(organisation->registered_under_societies_ordinance);
    EXPECT_EQ(organisation->created_by, chan);
    EXPECT_EQ(organisation->created_at.back(), 'Z');

    const auto members = list_members(tx, id);
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0].user_id, chan);
    EXPECT_EQ(members[0].username, "chan");
    EXPECT_EQ(members[0].email, "chan@example.org");
    EXPECT_TRUE(members[0].is_person_in_charge);
    EXPECT_EQ(members[0].post, "主席 Chairperson");

    ASSERT_TRUE(organisation_of_user(tx, chan));
    EXPECT_EQ(organisation_of_user(tx, chan)->id, id);
    EXPECT_FALSE(find_organisation(tx, id + 100));
  });
}

TEST_P(StoreTest, TheSocietiesOrdinanceFlagIsRecordedAsDeclared) {
  const auto lee = add_test_user("lee", {Role::applicant});
  NewOrganisation society = green_lantau();
  society.registered_under_societies_ordinance = true;  // §2.3.1(a) 註7: for the checker
  const auto id = create(*store_, society, lee);
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_TRUE(find_organisation(tx, id)->registered_under_societies_ordinance);
  });
}

TEST_P(StoreTest, AUserWithoutAnOrganisationHasNone) {
  const auto ho = add_test_user("ho", {Role::applicant});
  in_transaction(*store_, [&](Transaction& tx) { EXPECT_FALSE(organisation_of_user(tx, ho)); });
}

TEST_P(StoreTest, AnOrganisationNeedsANameAndAKeyShapedKind) {
  const auto chan = add_test_user("chan", {Role::applicant});
  EXPECT_THROW(create(*store_, {"", "", "charitable_institution", false}, chan), StoreError);
  EXPECT_THROW(create(*store_, {"名", "Name", "Charitable Institution", false}, chan), StoreError);
  EXPECT_EQ(count_rows("organisations"), 0);
  EXPECT_GT(create(*store_, {"", "English Only Ltd", "non_profit_company", false}, chan), 0);
}

TEST_P(StoreTest, MembersAreListedPersonInChargeFirstThenByJoining) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto wong = add_test_user("wong", {Role::applicant});
  const auto lam = add_test_user("lam", {Role::applicant});
  const auto id = create(*store_, green_lantau(), chan);
  in_transaction(*store_, [&](Transaction& tx) {
    add_member(tx, id, wong, "項目經理 Project manager", "chan");
    add_member(tx, id, lam, "", "chan");
  });
  in_transaction(*store_, [&](Transaction& tx) {
    std::vector<std::string> names;
    for (const Member& member : list_members(tx, id)) names.push_back(member.username);
    EXPECT_THAT(names, ElementsAre("chan", "wong", "lam"));
    const auto wong_member = find_member(tx, id, wong);
    ASSERT_TRUE(wong_member);
    EXPECT_FALSE(wong_member->is_person_in_charge);
    EXPECT_EQ(wong_member->post, "項目經理 Project manager");
    EXPECT_EQ(organisation_of_user(tx, lam)->id, id);
  });
}

TEST_P(StoreTest, AUserBelongsToAtMostOneOrganisation) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto cheung = add_test_user("cheung", {Role::applicant});
  const auto wong = add_test_user("wong", {Role::applicant});
  const auto first = create(*store_, green_lantau(), chan);
  const auto second = create(*store_, {"另一機構", "Another", "non_profit_company", false}, cheung);
  in_transaction(*store_, [&](Transaction& tx) { add_member(tx, first, wong, "", "chan"); });

  try {
    in_transaction(*store_, [&](Transaction& tx) { add_member(tx, second, wong, "", "cheung"); });
    FAIL() << "a user joined a second organisation";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("already belongs to organisation"));
    EXPECT_THAT(e.what(), HasSubstr("綠色大嶼山協會"));
  }
  // Nor may a member create an organisation of their own, nor join the same one twice.
  EXPECT_THROW(create(*store_, {"第三", "Third", "non_profit_company", false}, wong), StoreError);
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { add_member(tx, first, wong, "", "chan"); }),
      StoreError);
  EXPECT_EQ(count_rows("organisation_members"), 3);
}

TEST_P(StoreTest, TheDatabaseItselfRefusesASecondMembership) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto cheung = add_test_user("cheung", {Role::applicant});
  create(*store_, green_lantau(), chan);
  const auto second = create(*store_, {"另一機構", "Another", "non_profit_company", false}, cheung);
  EXPECT_THROW(execute_sql("INSERT INTO organisation_members (organisation_id, user_id, "
                           "is_person_in_charge, post, added_at) VALUES (" +
                           std::to_string(second) + ", " + std::to_string(chan) +
                           ", 0, '', '2026-01-01T00:00:00.000Z')"),
               StoreError);
}

TEST_P(StoreTest, AddingAnUnknownUserOrToAnUnknownOrganisationIsRefusedPlainly) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto id = create(*store_, green_lantau(), chan);
  try {
    in_transaction(*store_, [&](Transaction& tx) { add_member(tx, id, chan + 99, "", "chan"); });
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no user with id"));
  }
  const auto wong = add_test_user("wong", {Role::applicant});
  try {
    in_transaction(*store_, [&](Transaction& tx) { add_member(tx, id + 99, wong, "", "chan"); });
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no organisation with id"));
  }
}

TEST_P(StoreTest, PersonInChargeMovesToAnotherMemberAndThereIsOnlyEverOne) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto wong = add_test_user("wong", {Role::applicant});
  const auto id = create(*store_, green_lantau(), chan);
  in_transaction(*store_,
                 [&](Transaction& tx) { add_member(tx, id, wong, "董事 Director", "chan"); });
  in_transaction(*store_, [&](Transaction& tx) { set_person_in_charge(tx, id, wong, "chan"); });
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(find_member(tx, id, chan)->is_person_in_charge);
    EXPECT_TRUE(find_member(tx, id, wong)->is_person_in_charge);
    EXPECT_EQ(list_members(tx, id).front().username, "wong");
  });
  // The database holds to one person-in-charge even against a direct write.
  EXPECT_THROW(execute_sql("UPDATE organisation_members SET is_person_in_charge = 1 WHERE "
                           "user_id = " +
                           std::to_string(chan)),
               StoreError);
}

TEST_P(StoreTest, OnlyAMemberCanBePersonInCharge) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto outsider = add_test_user("outsider", {Role::applicant});
  const auto id = create(*store_, green_lantau(), chan);
  EXPECT_THROW(
      in_transaction(*store_,
                     [&](Transaction& tx) { set_person_in_charge(tx, id, outsider, "chan"); }),
      NotAMember);
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_TRUE(find_member(tx, id, chan)->is_person_in_charge);
    EXPECT_THROW(require_member(tx, id, outsider), NotAMember);
    EXPECT_EQ(require_member(tx, id, chan).username, "chan");
  });
}

TEST_P(StoreTest, OrganisationChangesAreAuditedAndTheChainVerifies) {
  const auto chan = add_test_user("chan", {Role::applicant});
  const auto wong = add_test_user("wong", {Role::applicant});
  const auto id = create(*store_, green_lantau(), chan);
  in_transaction(*store_, [&](Transaction& tx) { add_member(tx, id, wong, "司庫", "chan"); });
  in_transaction(*store_, [&](Transaction& tx) { set_person_in_charge(tx, id, wong, "chan"); });
  // Naming the present person-in-charge again changes nothing and records nothing.
  in_transaction(*store_, [&](Transaction& tx) { set_person_in_charge(tx, id, wong, "chan"); });

  const auto records = audit_log(*store_);
  ASSERT_EQ(records.size(), 5u);  // two users, then three organisation changes
  EXPECT_EQ(records[2].entity, "organisation");
  EXPECT_EQ(records[2].entity_id, std::to_string(id));
  EXPECT_EQ(records[2].action, "create");
  EXPECT_EQ(records[2].actor, "chan");
  EXPECT_THAT(records[2].after_json, HasSubstr("\"person_in_charge\":\"chan\""));
  EXPECT_EQ(records[3].action, "add_member");
  EXPECT_THAT(records[3].after_json, HasSubstr("\"member\":\"wong\""));
  EXPECT_EQ(records[4].action, "set_person_in_charge");
  EXPECT_EQ(records[4].before_json, R"({"person_in_charge":"chan"})");
  EXPECT_EQ(records[4].after_json, R"({"person_in_charge":"wong"})");
  in_transaction(*store_, [&](Transaction& tx) { EXPECT_TRUE(verify_audit_log(tx).ok()); });
}

TEST_P(StoreTest, ARefusedCreationLeavesNoTrace) {
  const auto chan = add_test_user("chan", {Role::applicant});
  create(*store_, green_lantau(), chan);
  EXPECT_THROW(create(*store_, {"第二", "Second", "non_profit_company", false}, chan), StoreError);
  EXPECT_EQ(count_rows("organisations"), 1);
  EXPECT_EQ(count_rows("audit_log"), 2);
}

}  // namespace
}  // namespace bsap::store::testing
