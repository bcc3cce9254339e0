// Volunteering on the real server (issue 11; 000 優先行動 2.2 item 1: 義工計劃): a department's
// focal point submits a programme, which no one else sees until the plan's secretariat publishes
// it (a return needs its reason); only the organiser adds events; a full event keeps a waiting
// list whose first person takes a cancelled place; sign-up closes the day before; the organiser
// records who came and their hours from the event's day, and those hours reach the volunteer's
// own page and the plan's "people engaged" indicator.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <chrono>
#include <map>

#include "core/civil_date.h"
#include "store/tracker_repo.h"
#include "web/page_text.h"
#include "web/web_suite.h"

namespace bsap::test {
namespace {

std::string day_after(int days) {
  return format_iso(today_in_hong_kong(std::chrono::system_clock::now()).plus_days(days));
}

class VolunteeringPages : public WebSuite {
 protected:
  static void SetUpTestSuite() {
    WebSuite::SetUpTestSuite();
    for (const char* volunteer : {"vol_ada", "vol_ben", "vol_cat"})
      ids_[volunteer] = server().add_user(volunteer, kPassword, {Role::contributor}, volunteer);
    for (const char* focal : {"vol_focal_a", "vol_focal_b"})
      ids_[focal] = server().add_user(focal, kPassword, {Role::focal_point}, focal);
    auto tx = server().store().begin();
    for (auto [code, user] :
         {std::pair{"vol_a", "vol_focal_a"}, std::pair{"vol_b", "vol_focal_b"}}) {
      const auto department = store::upsert_department(
          *tx,
          {0, code, std::string(code) + " 部門", std::string("Department ") + code, "department"},
          "test");
      store::add_department_member(*tx, department, ids_[user], "test");
    }
    tx->commit();
  }

  static HttpResponse post(HttpClient& client, const std::string& target, Fields fields) {
    fields.insert(fields.begin(), {"csrf_token", client.csrf_token_from("/en/account")});
    return client.post_form(target, fields);
  }
  static HttpResponse post(HttpClient&& client, const std::string& target, Fields fields) {
    return post(client, target, std::move(fields));
  }

  static Fields wetland_park() {
    return {{"title_zh", "濕地公園義工計劃"},
            {"title_en", "Wetland Park Volunteer Programme"},
            {"summary_en", "Guiding visitors and managing the reed beds."},
            {"item_id", "2.2.1"}};
  }

  // Submitted by department A's focal point; returns its path.
  static std::string submitted_programme(HttpClient& focal) {
    const HttpResponse made = post(focal, "/en/observations/programmes", wetland_park());
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 600);
    return made.header("location");
  }

  static std::string published_programme(HttpClient& focal) {
    const std::string path = submitted_programme(focal);
    HttpClient plansec = signed_in_as(user_with_role(Role::plan_secretariat));
    EXPECT_EQ(post(plansec, path + "/review", {{"decision", "publish"}}).status, 303);
    return path;
  }

  static Fields clean_up(const std::string& day, const std::string& places) {
    return {{"event_title_en", "Reed bed clean-up"},
            {"held_on", day},
            {"starts_at", "09:00"},
            {"ends_at", "12:30"},
            {"place_en", "Hong Kong Wetland Park"},
            {"places", places}};
  }

  // An event of a published programme of department A; returns its path.
  static std::string event_with_places(const std::string& places) {
    HttpClient focal = signed_in_as("vol_focal_a");
    const std::string programme = published_programme(focal);
    const HttpResponse added = post(focal, programme + "/events", clean_up(day_after(10), places));
    EXPECT_EQ(added.status, 303) << added.body.substr(0, 600);
    return added.header("location");
  }

  // The event's day moved to `day`: time passing, which no page can do.
  static void move_event_to(const std::string& event_path, const std::string& day) {
    const std::string id = event_path.substr(event_path.rfind('/') + 1);
    auto tx = server().store().begin();
    tx->sql() << "UPDATE volunteer_events SET held_on = :d WHERE id = :id", soci::use(day),
        soci::use(std::stoll(id));
    tx->commit();
  }

  static inline std::map<std::string, std::int64_t> ids_;
};

TEST_F(VolunteeringPages, AProgrammeIsSeenByNoOneElseBeforeTheSecretariatPublishesIt) {
  HttpClient focal = signed_in_as("vol_focal_a");
  const std::string path = submitted_programme(focal);
  EXPECT_EQ(focal.get(path).status, 200);
  EXPECT_EQ(anonymous().get(path).status, 404);
  EXPECT_EQ(signed_in_as("vol_focal_b").get(path).status, 404);
  EXPECT_EQ(signed_in_as("vol_ada").get(path).status, 404);
  EXPECT_FALSE(has(anonymous().get("/en/observations/programmes"), path));

  HttpClient plansec = signed_in_as(user_with_role(Role::plan_secretariat));
  EXPECT_TRUE(has(plansec.get("/en/observations/programmes"), path));
  EXPECT_EQ(post(plansec, path + "/review", {{"decision", "publish"}}).status, 303);
  const HttpResponse public_page = anonymous().get(path);
  EXPECT_EQ(public_page.status, 200);
  EXPECT_TRUE(has(public_page, "Wetland Park Volunteer Programme"));
  EXPECT_TRUE(has(anonymous().get("/zh-hans/observations/programmes"), path.substr(3)));
}

TEST_F(VolunteeringPages, AReturnSaysWhyAndTheOrganiserEditsAndSubmitsAgain) {
  HttpClient focal = signed_in_as("vol_focal_a");
  const std::string path = submitted_programme(focal);
  HttpClient plansec = signed_in_as(user_with_role(Role::plan_secretariat));
  const HttpResponse no_reason = post(plansec, path + "/review", {{"decision", "send_back"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(shows(no_reason, "volunteer_error_return_reason", Lang::en));
  EXPECT_EQ(post(plansec, path + "/review",
                 {{"decision", "send_back"}, {"review_note", "Say how old volunteers must be."}})
                .status,
            303);
  const HttpResponse returned = focal.get(path);
  EXPECT_TRUE(has(returned, "Say how old volunteers must be."));
  EXPECT_TRUE(shows(returned, "volunteer_edit_returned", Lang::en));
  EXPECT_EQ(signed_in_as("vol_focal_b").get(path).status, 404);
  EXPECT_EQ(post(signed_in_as("vol_focal_b"), path, wetland_park()).status, 404);

  Fields edited = wetland_park();
  edited[2].second = "Guiding visitors; volunteers are 16 or older.";
  EXPECT_EQ(post(focal, path, edited).status, 303);
  EXPECT_TRUE(has(plansec.get(path), "volunteers are 16 or older"));
  EXPECT_TRUE(shows(plansec.get(path), "volunteer_state_submitted", Lang::en));
}

TEST_F(VolunteeringPages, AProgrammeFormWithoutANameOrWithAnUnknownItemSaysWhatToFix) {
  HttpClient focal = signed_in_as("vol_focal_a");
  const HttpResponse refused = post(focal, "/en/observations/programmes",
                                    {{"title_en", " "}, {"summary_en", "x"}, {"item_id", "9.9.9"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(shows(refused, "volunteer_fault_title_missing", Lang::en));
  EXPECT_TRUE(shows(refused, "volunteer_fault_item_unknown", Lang::en));
}

TEST_F(VolunteeringPages, OnlyTheOrganiserAddsEventsAndNotInThePast) {
  HttpClient focal = signed_in_as("vol_focal_a");
  const std::string programme = published_programme(focal);
  EXPECT_EQ(
      post(signed_in_as("vol_focal_b"), programme + "/events", clean_up(day_after(5), "10")).status,
      404);
  const HttpResponse past = post(focal, programme + "/events", clean_up(day_after(-1), "10"));
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(shows(past, "volunteer_fault_date_past", Lang::en));
  const HttpResponse backwards = post(focal, programme + "/events",
                                      {{"event_title_en", "x"},
                                       {"held_on", day_after(3)},
                                       {"starts_at", "12:00"},
                                       {"ends_at", "09:00"},
                                       {"place_en", "Mai Po"},
                                       {"places", "0"}});
  EXPECT_EQ(backwards.status, 422);
  EXPECT_TRUE(shows(backwards, "volunteer_fault_end_before_start", Lang::en));
  EXPECT_TRUE(shows(backwards, "volunteer_fault_places", Lang::en));
  EXPECT_EQ(post(focal, programme + "/events", clean_up(day_after(0), "10")).status, 303);
}

TEST_F(VolunteeringPages, AFullEventKeepsAWaitingListAndACancelledPlaceGoesToTheFirst) {
  const std::string event = event_with_places("1");
  HttpClient ada = signed_in_as("vol_ada");
  HttpClient ben = signed_in_as("vol_ben");
  EXPECT_EQ(post(ada, event + "/sign-up", {}).status, 303);
  EXPECT_TRUE(shows(ada.get(event), "volunteer_sign_up_confirmed", Lang::en));
  EXPECT_TRUE(shows(ben.get(event), "volunteer_joins_waiting_list", Lang::en));
  EXPECT_EQ(post(ben, event + "/sign-up", {}).status, 303);
  EXPECT_TRUE(shows(ben.get(event), "volunteer_sign_up_waiting", Lang::en));
  const HttpResponse twice = post(ada, event + "/sign-up", {});
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(shows(twice, "volunteer_refusal_already", Lang::en));

  EXPECT_EQ(post(ada, event + "/cancel-sign-up", {}).status, 303);
  EXPECT_TRUE(shows(ben.get(event), "volunteer_sign_up_confirmed", Lang::en));
  const HttpResponse bens_page = ben.get("/en/observations/programmes/mine");
  EXPECT_TRUE(has(bens_page, "Your place is confirmed: Reed bed clean-up"));
  const HttpResponse organiser_view = signed_in_as("vol_focal_a").get(event);
  EXPECT_TRUE(has(organiser_view, "vol_ben"));
  EXPECT_FALSE(has(anonymous().get(event), "vol_ben"));  // who signed up is the organiser's
  EXPECT_FALSE(has(signed_in_as("vol_cat").get(event), "vol_ben"));
}

TEST_F(VolunteeringPages, ACancelledEventTellsThoseSignedUpAndTakesNoMore) {
  const std::string event = event_with_places("5");
  EXPECT_EQ(post(signed_in_as("vol_cat"), event + "/sign-up", {}).status, 303);
  const HttpResponse not_theirs = post(signed_in_as("vol_focal_b"), event + "/cancel", {});
  EXPECT_EQ(not_theirs.status, 409);
  EXPECT_TRUE(shows(not_theirs, "volunteer_error_not_organiser", Lang::en));
  EXPECT_EQ(post(signed_in_as("vol_focal_a"), event + "/cancel", {}).status, 303);
  EXPECT_TRUE(shows(anonymous().get(event), "volunteer_event_cancelled", Lang::en));
  EXPECT_TRUE(has(signed_in_as("vol_cat").get("/en/observations/programmes/mine"),
                  "Event cancelled: Reed bed clean-up"));
  const HttpResponse refused = post(signed_in_as("vol_ada"), event + "/sign-up", {});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(shows(refused, "volunteer_refusal_event_cancelled", Lang::en));
}

TEST_F(VolunteeringPages, SignUpClosesTheDayBefore) {
  const std::string event = event_with_places("5");
  move_event_to(event, day_after(1));
  EXPECT_EQ(post(signed_in_as("vol_ada"), event + "/sign-up", {}).status, 303);
  move_event_to(event, day_after(0));
  const HttpResponse closed = post(signed_in_as("vol_ben"), event + "/sign-up", {});
  EXPECT_EQ(closed.status, 409);
  EXPECT_TRUE(shows(closed, "volunteer_refusal_sign_up_closed", Lang::en));
}

TEST_F(VolunteeringPages, AttendanceFromTheDayOnWithHoursThatReachThePlan) {
  const std::string event = event_with_places("5");
  for (const char* volunteer : {"vol_ada", "vol_ben"})
    EXPECT_EQ(post(signed_in_as(volunteer), event + "/sign-up", {}).status, 303);
  HttpClient focal = signed_in_as("vol_focal_a");
  const std::string ada_id = std::to_string(ids_["vol_ada"]);
  const std::string ben_id = std::to_string(ids_["vol_ben"]);
  const HttpResponse early =
      post(focal, event + "/attendance", {{"came_" + ada_id, "yes"}, {"hours_" + ada_id, "3"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(shows(early, "volunteer_error_attendance_early", Lang::en));

  const std::string day = day_after(-2);
  move_event_to(event, day);
  EXPECT_EQ(post(signed_in_as("vol_ben"), event + "/attendance", {}).status, 403);
  const HttpResponse too_long =
      post(focal, event + "/attendance", {{"came_" + ada_id, "yes"}, {"hours_" + ada_id, "25"}});
  EXPECT_EQ(too_long.status, 409);
  EXPECT_TRUE(has(too_long, "vol_ada"));
  EXPECT_EQ(post(focal, event + "/attendance",
                 {{"came_" + ada_id, "yes"}, {"hours_" + ada_id, "3.5"}, {"hours_" + ben_id, "3"}})
                .status,
            303);  // ben not ticked: he did not come

  const HttpResponse mine = signed_in_as("vol_ada").get("/en/observations/programmes/mine");
  EXPECT_EQ(mine.status, 200);
  EXPECT_TRUE(has(mine, "3.5"));
  const HttpResponse indicator = anonymous().get("/en/indicators/volunteers_engaged");
  EXPECT_EQ(indicator.status, 200);
  EXPECT_TRUE(has(indicator, "bsap: volunteer attendance recorded, " + day.substr(0, 4)));
}

}  // namespace
}  // namespace bsap::test
