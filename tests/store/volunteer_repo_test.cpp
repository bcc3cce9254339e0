// store/volunteer_repo.h on both backends: volunteer programmes (000 優先行動 2.2 item 1) kept by
// an organisation or a department, moved only from the state they are in; events only of a
// published programme; the waiting list kept in sign-up order, with a cancelled place going to
// the first waiting; attendance for confirmed people only; and an audit record for every write.
#include "store/volunteer_repo.h"

#include <gmock/gmock.h>

#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store/store_test_fixture.h"
#include "store/tracker_repo.h"

namespace bsap::store::testing {
namespace {

using volunteer::ProgrammeState;
using volunteer::ProgrammeStep;
using volunteer::SignUpState;

class VolunteerRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    ngo_ = add_test_user("ngo", {Role::applicant});
    focal_ = add_test_user("afcd_focal", {Role::focal_point});
    plansec_ = add_test_user("plansec", {Role::plan_secretariat});
    for (const char* name : {"ada", "ben", "cat"})
      people_.push_back(add_test_user(name, {Role::contributor}));
    in_transaction(*store_, [&](Transaction& tx) {
      organisation_ = create_organisation(
          tx, {"綠野保育", "Green Fields Conservation", "non_profit_company", false}, ngo_,
          "Director");
      afcd_ =
          upsert_department(tx,
                            {0, "afcd", "漁農自然護理署",
                             "Agriculture, Fisheries and Conservation Department", "department"},
                            "test");
    });
  }

  volunteer::ProgrammeDetails wetland() const {
    return {"濕地公園義工計劃", "Wetland Park Volunteer Programme", "導賞及生境管理",
            "Guiding and habitat management", "2.2.1"};
  }

  volunteer::EventDetails clean_up(int year = 2026, int places = 2) const {
    volunteer::EventDetails event;
    event.title_en = "Mangrove clean-up";
    event.held_on = *CivilDate::from_ymd(year, 12, 5);
    event.starts_minute = 9 * 60;
    event.ends_minute = 12 * 60 + 30;
    event.place_en = "Mai Po";
    event.places = places;
    return event;
  }

  template <typename Work>
  void write(Work work) {
    in_transaction(*store_, [&](Transaction& tx) { work(tx); });
  }

  std::int64_t published_programme() {
    std::int64_t id = 0;
    write([&](Transaction& tx) {
      id = add_programme(tx, {std::nullopt, afcd_}, wetland(), focal_);
      take_programme_step(tx, id, ProgrammeStep::publish, "", plansec_);
    });
    return id;
  }

  std::int64_t published_event(int places = 2) {
    const std::int64_t programme = published_programme();
    std::int64_t id = 0;
    write([&](Transaction& tx) { id = add_event(tx, programme, clean_up(2026, places), focal_); });
    return id;
  }

  std::vector<std::pair<std::int64_t, SignUpState>> states_of(std::int64_t event) {
    std::vector<std::pair<std::int64_t, SignUpState>> states;
    write([&](Transaction& tx) {
      for (const auto& s : sign_ups_of(tx, event)) states.emplace_back(s.user_id, s.state);
    });
    return states;
  }

  std::int64_t ngo_ = 0, focal_ = 0, plansec_ = 0, organisation_ = 0, afcd_ = 0;
  std::vector<std::int64_t> people_;
};

INSTANTIATE_TEST_SUITE_P(Backends, VolunteerRepoTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

TEST_P(VolunteerRepoTest, AProgrammeIsKeptWithItsOrganisersNamesAndAudited) {
  std::int64_t id = 0;
  write([&](Transaction& tx) {
    id = add_programme(tx, {organisation_, std::nullopt}, wetland(), ngo_);
  });
  write([&](Transaction& tx) {
    const auto found = find_programme(tx, id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, ProgrammeState::submitted);
    EXPECT_EQ(found->organiser_en, "Green Fields Conservation");
    EXPECT_EQ(found->details.item_id, "2.2.1");
    EXPECT_EQ(programmes_of(tx, {organisation_, std::nullopt}).size(), 1u);
    EXPECT_TRUE(programmes_of(tx, {std::nullopt, afcd_}).empty());
    const auto log = load_audit_log(tx);
    EXPECT_EQ(log.back().entity, "volunteer_programme");
    EXPECT_EQ(log.back().action, "submit");
  });
}

TEST_P(VolunteerRepoTest, ADepartmentsProgrammeIsNamedAfterTheDepartment) {
  const std::int64_t id = published_programme();
  write([&](Transaction& tx) {
    EXPECT_EQ(find_programme(tx, id)->organiser_zh, "漁農自然護理署");
    EXPECT_EQ(programmes_in_state(tx, ProgrammeState::published).size(), 1u);
  });
}

TEST_P(VolunteerRepoTest, OneOrganiserExactly) {
  EXPECT_THROW(write([&](Transaction& tx) {
                 add_programme(tx, {organisation_, afcd_}, wetland(), ngo_);
               }),
               StoreError);
  EXPECT_THROW(write([&](Transaction& tx) { add_programme(tx, {}, wetland(), ngo_); }), StoreError);
  EXPECT_EQ(count_rows("volunteer_programmes"), 0);
}

TEST_P(VolunteerRepoTest, AReturnedProgrammeIsEditedAndSubmittedAgainOnly) {
  std::int64_t id = 0;
  write([&](Transaction& tx) { id = add_programme(tx, {std::nullopt, afcd_}, wetland(), focal_); });
  EXPECT_THROW(write([&](Transaction& tx) { resubmit_programme(tx, id, wetland(), focal_); }),
               StoreError);
  write([&](Transaction& tx) {
    take_programme_step(tx, id, ProgrammeStep::send_back, "Say how old volunteers must be.",
                        plansec_);
  });
  auto edited = wetland();
  edited.summary_en += " Volunteers are 16 or older.";
  write([&](Transaction& tx) {
    EXPECT_EQ(find_programme(tx, id)->review_note, "Say how old volunteers must be.");
    resubmit_programme(tx, id, edited, focal_);
  });
  write([&](Transaction& tx) {
    const auto found = find_programme(tx, id);
    EXPECT_EQ(found->state, ProgrammeState::submitted);
    EXPECT_EQ(found->details.summary_en, edited.summary_en);
  });
}

TEST_P(VolunteerRepoTest, AStepFromTheWrongStateIsRefusedAndChangesNothing) {
  const std::int64_t id = published_programme();
  EXPECT_THROW(write([&](Transaction& tx) {
                 take_programme_step(tx, id, ProgrammeStep::publish, "", plansec_);
               }),
               StoreError);
  write([&](Transaction& tx) {
    EXPECT_EQ(find_programme(tx, id)->state, ProgrammeState::published);
  });
}

TEST_P(VolunteerRepoTest, EventsOnlyForAPublishedProgramme) {
  std::int64_t submitted = 0;
  write([&](Transaction& tx) {
    submitted = add_programme(tx, {std::nullopt, afcd_}, wetland(), focal_);
  });
  EXPECT_THROW(write([&](Transaction& tx) { add_event(tx, submitted, clean_up(), focal_); }),
               StoreError);
  const std::int64_t event = published_event();
  write([&](Transaction& tx) {
    const auto found = find_event(tx, event);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->details.minutes(), 210);
    EXPECT_EQ(format_iso(found->details.held_on), "2026-12-05");
    EXPECT_EQ(upcoming_events(tx, *CivilDate::from_ymd(2026, 12, 5)).size(), 1u);
    EXPECT_TRUE(upcoming_events(tx, *CivilDate::from_ymd(2026, 12, 6)).empty());
  });
}

TEST_P(VolunteerRepoTest, ACancelledEventIsNotUpcoming) {
  const std::int64_t event = published_event();
  write([&](Transaction& tx) { cancel_event(tx, event, focal_); });
  write([&](Transaction& tx) {
    EXPECT_TRUE(find_event(tx, event)->cancelled);
    EXPECT_TRUE(upcoming_events(tx, *CivilDate::from_ymd(2026, 1, 1)).empty());
  });
  EXPECT_THROW(write([&](Transaction& tx) { cancel_event(tx, event, focal_); }), StoreError);
}

TEST_P(VolunteerRepoTest, ACancelledPlaceGoesToTheFirstWaiting) {
  const std::int64_t event = published_event(1);
  write([&](Transaction& tx) {
    add_sign_up(tx, event, people_[0], SignUpState::confirmed);
    add_sign_up(tx, event, people_[1], SignUpState::waiting);
    add_sign_up(tx, event, people_[2], SignUpState::waiting);
  });
  std::optional<std::int64_t> promoted;
  write([&](Transaction& tx) { promoted = cancel_sign_up(tx, event, people_[0]); });
  EXPECT_EQ(promoted, people_[1]);
  EXPECT_THAT(states_of(event),
              ::testing::ElementsAre(std::pair{people_[1], SignUpState::confirmed},
                                     std::pair{people_[2], SignUpState::waiting},
                                     std::pair{people_[0], SignUpState::cancelled}));
  write([&](Transaction& tx) {
    EXPECT_EQ(find_event(tx, event)->confirmed, 1);
    EXPECT_EQ(find_event(tx, event)->waiting, 1);
    EXPECT_EQ(load_audit_log(tx).back().action, "promote");
  });
}

TEST_P(VolunteerRepoTest, SigningUpAgainAfterCancellingJoinsTheEndOfTheList) {
  const std::int64_t event = published_event(1);
  write([&](Transaction& tx) {
    add_sign_up(tx, event, people_[0], SignUpState::confirmed);
    add_sign_up(tx, event, people_[1], SignUpState::waiting);
  });
  write([&](Transaction& tx) {
    EXPECT_FALSE(cancel_sign_up(tx, event, people_[1]));  // a waiting place frees nothing
    add_sign_up(tx, event, people_[2], SignUpState::waiting);
    add_sign_up(tx, event, people_[1], SignUpState::waiting);
  });
  write([&](Transaction& tx) { cancel_sign_up(tx, event, people_[0]); });
  EXPECT_EQ(states_of(event).front(), (std::pair{people_[2], SignUpState::confirmed}));
  EXPECT_THROW(write([&](Transaction& tx) { cancel_sign_up(tx, event, people_[0]); }), StoreError);
}

TEST_P(VolunteerRepoTest, AttendanceForConfirmedPeopleOnlyAndCountedWhenServed) {
  const std::int64_t event = published_event(1);
  write([&](Transaction& tx) {
    add_sign_up(tx, event, people_[0], SignUpState::confirmed);
    add_sign_up(tx, event, people_[1], SignUpState::waiting);
  });
  EXPECT_THROW(write([&](Transaction& tx) {
                 record_attendance(tx, event, {{people_[0], 200}, {people_[1], 200}}, focal_);
               }),
               StoreError);
  write([&](Transaction& tx) {
    EXPECT_FALSE(find_sign_up(tx, event, people_[0])->minutes_served);  // nothing half-written
    EXPECT_TRUE(list_attendance(tx).empty());
  });
  write([&](Transaction& tx) { record_attendance(tx, event, {{people_[0], 200}}, focal_); });
  write([&](Transaction& tx) {
    const auto attendance = list_attendance(tx);
    ASSERT_EQ(attendance.size(), 1u);
    EXPECT_EQ(attendance[0].person, people_[0]);
    EXPECT_EQ(attendance[0].minutes, 200);
    EXPECT_EQ(attendance[0].item_id, "2.2.1");
    EXPECT_EQ(load_audit_log(tx).back().action, "attendance");
  });
  write([&](Transaction& tx) { record_attendance(tx, event, {{people_[0], 0}}, focal_); });
  write([&](Transaction& tx) { EXPECT_TRUE(list_attendance(tx).empty()); });  // did not come
}

TEST_P(VolunteerRepoTest, APersonsSignUpsComeWithTheirEventAndProgramme) {
  const std::int64_t event = published_event();
  write([&](Transaction& tx) { add_sign_up(tx, event, people_[0], SignUpState::confirmed); });
  write([&](Transaction& tx) {
    const auto mine = sign_ups_by(tx, people_[0]);
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].event.id, event);
    EXPECT_EQ(mine[0].programme_en, "Wetland Park Volunteer Programme");
    EXPECT_EQ(mine[0].sign_up.user_name, "Name of ada");
    EXPECT_TRUE(sign_ups_by(tx, people_[1]).empty());
  });
}

}  // namespace
}  // namespace bsap::store::testing
