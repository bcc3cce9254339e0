// track/volunteer_engagement.h on both backends: the people volunteering engages (000 優先行動 2.2
// item 1; chapter 5.2) computed from the attendance organisers record, as the plan's indicators
// read them, and an item's programmes with their year's people, hours and events.
#include "track/volunteer_engagement.h"

#include <gmock/gmock.h>

#include "hub/observation_check.h"
#include "store/observation_repo.h"
#include "store/store_test_fixture.h"
#include "store/tracker_repo.h"
#include "store/volunteer_repo.h"
#include "store/volunteering_fixture.h"

namespace bsap::track {
namespace {

class VolunteerEngagementTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    focal_ = add_test_user("afcd_focal", {Role::focal_point});
    plansec_ = add_test_user("plansec", {Role::plan_secretariat});
    for (const char* name : {"ada", "ben", "cat"})
      people_.push_back(add_test_user(name, {Role::contributor}));
    write([&](store::Transaction& tx) {
      afcd_ =
          store::upsert_department(tx, {0, "afcd", "漁農自然護理署", "AFCD", "department"}, "test");
    });
  }

  template <typename Work>
  void write(Work work) {
    store::in_transaction(*store_, [&](store::Transaction& tx) { work(tx); });
  }

  std::int64_t programme(const std::string& title, const std::string& item, bool publish = true) {
    std::int64_t id = 0;
    write([&](store::Transaction& tx) {
      id = publish ? store::testing::published_programme(tx, afcd_, title, item, focal_)
                   : store::add_programme(tx, {std::nullopt, afcd_}, {"", title, "", "Work", item},
                                          focal_);
    });
    return id;
  }

  void served(std::int64_t programme, const char* day,
              const std::vector<std::pair<std::int64_t, int>>& minutes) {
    write([&](store::Transaction& tx) {
      store::testing::served_at_event(tx, programme, day, minutes, focal_);
    });
  }

  std::optional<ComputedValue> compute(const std::string& code, int year) {
    auto tx = store_->begin();
    plan::Indicator indicator;
    indicator.code = code;
    indicator.computed_from = code;
    return compute_indicator(*tx, indicator, year);
  }

  std::int64_t focal_ = 0, plansec_ = 0, afcd_ = 0;
  std::vector<std::int64_t> people_;
};

INSTANTIATE_TEST_SUITE_P(Backends, VolunteerEngagementTest,
                         ::testing::Values(store::Backend::sqlite, store::Backend::postgres),
                         store::testing::backend_name);

TEST_P(VolunteerEngagementTest, PeopleEngagedCountEachPersonOnceAYear_2_2) {
  const auto wetland = programme("Wetland Park volunteers", "2.2.1");
  served(wetland, "2026-03-01", {{people_[0], 180}, {people_[1], 150}});
  served(wetland, "2026-12-31", {{people_[0], 120}, {people_[2], 0}});  // cat did not come
  served(wetland, "2027-01-01", {{people_[2], 60}});
  const auto people_2026 = compute("volunteers_engaged", 2026);
  ASSERT_TRUE(people_2026);
  EXPECT_DOUBLE_EQ(people_2026->value, 2);
  EXPECT_EQ(people_2026->source, "bsap: volunteer attendance recorded, 2026");
  EXPECT_DOUBLE_EQ(compute("volunteer_hours", 2026)->value, 7.5);
  EXPECT_DOUBLE_EQ(compute("volunteers_engaged", 2027)->value, 1);
  EXPECT_FALSE(compute("volunteers_engaged", 2028));  // nothing recorded: no value, not zero
}

TEST_P(VolunteerEngagementTest, AnItemSeesItsOwnProgrammesAndTheirYear) {
  const auto wetland = programme("Wetland Park volunteers", "2.2.1");
  const auto trails = programme("Trail Watch", "2.1.3");
  programme("Unpublished", "2.2.1", false);
  served(wetland, "2026-05-01", {{people_[0], 180}, {people_[1], 180}});
  served(trails, "2026-05-02", {{people_[2], 240}});
  auto tx = store_->begin();
  const auto item = volunteering_of_item(*tx, "2.2.1", 2026);
  EXPECT_EQ(item.engagement.people, 2);
  EXPECT_EQ(item.engagement.minutes, 360);
  EXPECT_EQ(item.engagement.events, 1);
  EXPECT_THAT(item.programme_titles, ::testing::ElementsAre("Wetland Park volunteers"));
  const auto all = volunteering_by_item(*tx, 2026);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].item_id, "2.1.3");
  EXPECT_EQ(all[1].item_id, "2.2.1");
  EXPECT_TRUE(volunteering_of_item(*tx, "2.2.1", 2027).engagement.empty());
}

TEST_P(VolunteerEngagementTest, CitizenScientistsAreTheDifferentPeopleObservingInTheYear) {
  write([&](store::Transaction& tx) {
    for (auto [person, day] :
         std::vector<std::pair<std::int64_t, const char*>>{{people_[0], "2026-01-01"},
                                                           {people_[0], "2026-06-01"},
                                                           {people_[1], "2026-12-31"},
                                                           {people_[2], "2027-01-01"}}) {
      hub::ObservationDetails details{{114.17, 22.3}, *parse_iso_date(day), 1, ""};
      store::add_observation(tx, person, details, std::nullopt);
    }
  });
  EXPECT_DOUBLE_EQ(compute("citizen_scientists", 2026)->value, 2);
  EXPECT_DOUBLE_EQ(compute("citizen_scientists", 2027)->value, 1);
  EXPECT_FALSE(compute("citizen_scientists", 2025));
}

}  // namespace
}  // namespace bsap::track
