// store/case_repo.h on both backends: good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7,
// 2.7.1) saved whole and read back with their outcomes, funding and links; edited only while a
// draft or returned; moved only from the state they are in; listed by state and by owner; and an
// audit record for every write.
#include "store/case_repo.h"

#include <gmock/gmock.h>

#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store/photo_repo.h"
#include "store/store_test_fixture.h"

namespace bsap::store::testing {
namespace {

using plan::CaseEvent;
using plan::CaseState;
using ::testing::ElementsAre;

class CaseRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    chan_ = add_test_user("chan", {Role::applicant});
    funder_ = add_test_user("funder", {Role::funder});
    plansec_ = add_test_user("plansec", {Role::plan_secretariat});
    in_transaction(*store_, [&](Transaction& tx) {
      organisation_ = create_organisation(
          tx, {"綠野保育", "Green Fields Conservation", "non_profit_company", false}, chan_,
          "Director");
    });
  }

  plan::GoodPracticeCase sample() const {
    plan::GoodPracticeCase c;
    c.organisation_id = organisation_;
    c.owner_user_id = chan_;
    c.title = {"汀角紅樹林修復", "Ting Kok mangrove restoration"};
    c.latitude = 22.4745;
    c.longitude = 114.2183;
    c.district = "tai_po";
    c.habitat = "mangrove";
    c.nbs_kind = "restoration";
    c.work = {"補植紅樹。", "Mangroves replanted."};
    c.outcomes = {{"Seedlings surviving", "1180.50", "seedlings", "2025-09-30"},
                  {"Litter removed", "3.4", "tonnes", "2025-06-30"}};
    c.funding = {{"CCFS", Money::from_cents(48000012)}, {"In kind", Money()}};
    c.actions = {"1.4", "2.7"};
    c.kmgbf_targets = {2, 11};
    c.sdgs = {9, 14};
    return c;
  }

  std::int64_t save(const plan::GoodPracticeCase& c, std::int64_t actor) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) { id = save_case(tx, c, actor); });
    return id;
  }

  void move(std::int64_t id, CaseEvent event, std::int64_t actor, std::string reason = "") {
    in_transaction(*store_, [&](Transaction& tx) { move_case(tx, id, event, reason, actor); });
  }

  plan::GoodPracticeCase read(std::int64_t id) {
    std::optional<plan::GoodPracticeCase> found;
    in_transaction(*store_, [&](Transaction& tx) { found = find_case(tx, id); });
    EXPECT_TRUE(found.has_value());
    return found.value_or(plan::GoodPracticeCase{});
  }

  std::int64_t chan_ = 0, funder_ = 0, plansec_ = 0, organisation_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, CaseRepoTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

TEST_P(CaseRepoTest, ACaseIsSavedWholeAndReadBackAsGiven_2_7_1) {
  const std::int64_t id = save(sample(), chan_);
  const plan::GoodPracticeCase c = read(id);
  EXPECT_EQ(c.state, CaseState::draft);
  EXPECT_EQ(c.organisation_id, organisation_);
  EXPECT_EQ(c.owner_name.en, "Green Fields Conservation");
  EXPECT_EQ(c.title.zh, "汀角紅樹林修復");
  EXPECT_DOUBLE_EQ(c.latitude.value_or(0), 22.4745);
  EXPECT_DOUBLE_EQ(c.longitude.value_or(0), 114.2183);
  EXPECT_EQ(c.district, "tai_po");
  ASSERT_EQ(c.outcomes.size(), 2u);
  EXPECT_EQ(c.outcomes[0].value, "1180.50");  // as typed, not as a double prints it
  EXPECT_EQ(c.outcomes[1].on, "2025-06-30");
  ASSERT_EQ(c.funding.size(), 2u);
  EXPECT_EQ(c.funding[0].amount.cents(), 48000012);
  EXPECT_EQ(c.funding[1].amount.cents(), 0);
  EXPECT_THAT(c.actions, ElementsAre("1.4", "2.7"));
  EXPECT_THAT(c.kmgbf_targets, ElementsAre(2, 11));
  EXPECT_THAT(c.sdgs, ElementsAre(9, 14));  // by number, not as text ("14" < "9")
  EXPECT_FALSE(c.demonstration);
  EXPECT_EQ(c.published_at, "");
}

TEST_P(CaseRepoTest, ADraftWithoutAPlaceKeepsNone) {
  plan::GoodPracticeCase c = sample();
  c.latitude.reset();
  c.longitude.reset();
  const plan::GoodPracticeCase read_back = read(save(c, chan_));
  EXPECT_FALSE(read_back.latitude.has_value());
  EXPECT_FALSE(read_back.longitude.has_value());
}

TEST_P(CaseRepoTest, SavingReplacesTheRowsOfADraftOrAReturnedCaseOnly_2_7_1) {
  plan::GoodPracticeCase c = sample();
  c.id = save(c, chan_);
  c.outcomes.resize(1);
  c.actions = {"2.7"};
  c.organisation_id.reset();  // ignored: the owner stays
  save(c, chan_);
  EXPECT_EQ(read(c.id).outcomes.size(), 1u);
  EXPECT_THAT(read(c.id).actions, ElementsAre("2.7"));
  EXPECT_EQ(read(c.id).organisation_id, organisation_);
  move(c.id, CaseEvent::submit, chan_);
  EXPECT_THROW(save(c, chan_), StoreError);
  move(c.id, CaseEvent::give_back, plansec_, "Add the survey dates.");
  EXPECT_EQ(read(c.id).return_reason, "Add the survey dates.");
  c.title.en = "Ting Kok mangroves";
  save(c, chan_);
  EXPECT_EQ(read(c.id).title.en, "Ting Kok mangroves");
  EXPECT_EQ(read(c.id).state, CaseState::returned);
}

TEST_P(CaseRepoTest, ACaseMovesOnlyFromTheStateItIsIn_2_7_1) {
  const std::int64_t id = save(sample(), chan_);
  EXPECT_THROW(move(id, CaseEvent::publish, plansec_), StoreError);  // not reviewed yet
  EXPECT_THROW(move(id, CaseEvent::give_back, plansec_, "x"), StoreError);
  move(id, CaseEvent::submit, chan_);
  EXPECT_THROW(move(id, CaseEvent::submit, chan_), StoreError);
  EXPECT_THROW(move(id, CaseEvent::give_back, plansec_, ""), StoreError);  // a reason is needed
  move(id, CaseEvent::publish, plansec_);
  const plan::GoodPracticeCase published = read(id);
  EXPECT_EQ(published.state, CaseState::published);
  EXPECT_FALSE(published.published_at.empty());
  move(id, CaseEvent::withdraw, chan_);
  EXPECT_EQ(read(id).state, CaseState::withdrawn);
  EXPECT_EQ(read(id).published_at, "");
  EXPECT_THROW(move(id, CaseEvent::withdraw, chan_), StoreError);
  EXPECT_THROW(move(999, CaseEvent::submit, chan_), StoreError);
}

TEST_P(CaseRepoTest, ListsByStateAndByOwner) {
  const std::int64_t mine = save(sample(), chan_);
  plan::GoodPracticeCase theirs = sample();
  theirs.organisation_id.reset();
  theirs.owner_user_id = funder_;
  const std::int64_t funders = save(theirs, funder_);
  move(funders, CaseEvent::submit, funder_);
  std::vector<plan::GoodPracticeCase> drafts, submitted, organisation, funder, chan_alone;
  in_transaction(*store_, [&](Transaction& tx) {
    drafts = list_cases_in_state(tx, CaseState::draft);
    submitted = list_cases_in_state(tx, CaseState::submitted);
    organisation = list_cases_of_owner(tx, organisation_, chan_);
    funder = list_cases_of_owner(tx, std::nullopt, funder_);
    chan_alone = list_cases_of_owner(tx, std::nullopt, chan_);
  });
  ASSERT_EQ(drafts.size(), 1u);
  EXPECT_EQ(drafts[0].id, mine);
  ASSERT_EQ(submitted.size(), 1u);
  EXPECT_EQ(submitted[0].id, funders);
  EXPECT_EQ(submitted[0].owner_name.en, "Name of funder");  // a funder without an organisation
  ASSERT_EQ(organisation.size(), 1u);
  EXPECT_EQ(organisation[0].id, mine);
  ASSERT_EQ(funder.size(), 1u);
  EXPECT_EQ(funder[0].id, funders);
  EXPECT_TRUE(chan_alone.empty());  // chan's case is the organisation's
}

TEST_P(CaseRepoTest, PhotographsJoinAnEditableCaseInOrderUpToTen) {
  const std::int64_t id = save(sample(), chan_);
  const auto photo = [&] {
    std::int64_t photo_id = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      photo_id = add_photo(tx, {"jpeg", "thumbnail", 4, 3}, "Chan", "CC-BY-4.0", chan_);
    });
    return photo_id;
  };
  std::vector<std::int64_t> added;
  for (std::size_t i = 0; i < plan::kMaxPhotos; ++i) {
    added.push_back(photo());
    in_transaction(*store_, [&](Transaction& tx) { add_case_photo(tx, id, added.back(), chan_); });
  }
  EXPECT_EQ(read(id).photo_ids, added);
  const std::int64_t eleventh = photo();
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { add_case_photo(tx, id, eleventh, chan_); }),
      StoreError);
  const std::int64_t other = save(sample(), chan_);
  move(other, CaseEvent::submit, chan_);
  EXPECT_THROW(
      in_transaction(*store_, [&](Transaction& tx) { add_case_photo(tx, other, eleventh, chan_); }),
      StoreError);  // not editable once submitted
  // A save of the case's content keeps its photographs.
  plan::GoodPracticeCase edited = read(id);
  edited.title.en = "Renamed";
  save(edited, chan_);
  EXPECT_EQ(read(id).photo_ids, added);
}

TEST_P(CaseRepoTest, EveryWriteLeavesAnAuditRecord_2_7_1) {
  std::size_t before = 0;
  in_transaction(*store_, [&](Transaction& tx) { before = load_audit_log(tx).size(); });
  plan::GoodPracticeCase c = sample();
  c.id = save(c, chan_);
  save(c, chan_);
  move(c.id, CaseEvent::submit, chan_);
  move(c.id, CaseEvent::give_back, plansec_, "Add the dates.");
  move(c.id, CaseEvent::submit, chan_);
  move(c.id, CaseEvent::publish, plansec_);
  move(c.id, CaseEvent::withdraw, chan_);
  std::vector<std::string> what;
  in_transaction(*store_, [&](Transaction& tx) {
    const auto records = load_audit_log(tx);
    for (auto i = before; i < records.size(); ++i)
      what.push_back(records[i].actor + " " + records[i].entity + " " + records[i].action);
  });
  EXPECT_THAT(
      what,
      ElementsAre("chan good_practice_case case.create", "chan good_practice_case case.save",
                  "chan good_practice_case case.submit", "plansec good_practice_case case.return",
                  "chan good_practice_case case.submit", "plansec good_practice_case case.publish",
                  "chan good_practice_case case.withdraw"));
}

}  // namespace
}  // namespace bsap::store::testing
