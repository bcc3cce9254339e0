#include "cli/demo_volunteering.h"

#include <string>
#include <vector>

#include "store/tracker_repo.h"
#include "store/user_repo.h"
#include "store/volunteer_repo.h"
#include "volunteer/sign_up.h"

namespace bsap::cli {
namespace {

constexpr const char* kItem = "2.2.1";  // 000 優先行動 2.2 item 1 names the three programmes

struct DemoPeople {
  std::int64_t focal_point = 0, secretariat = 0;
  // The demo contributors who volunteer: `citizen`, `volunteer1` to `volunteer3`.
  std::int64_t citizen = 0, one = 0, two = 0, three = 0;
};

std::optional<DemoPeople> demo_people(store::Transaction& tx) {
  std::vector<std::int64_t> ids;
  for (const char* username :
       {"department", "plansec", "citizen", "volunteer1", "volunteer2", "volunteer3"}) {
    const auto user = store::find_user_by_username(tx, username);
    if (!user) return std::nullopt;
    ids.push_back(user->id);
  }
  return DemoPeople{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]};
}

// Submitted by AFCD's focal point and published by the secretariat: the pages' own steps.
std::int64_t published(store::Transaction& tx, std::int64_t afcd, const DemoPeople& people,
                       volunteer::ProgrammeDetails details) {
  details.item_id = kItem;
  const std::int64_t id = store::add_programme(tx, {std::nullopt, afcd}, details,
                                               people.focal_point, /*demonstration=*/true);
  store::take_programme_step(tx, id, volunteer::ProgrammeStep::publish, "", people.secretariat);
  return id;
}

struct DemoEvent {
  std::string title_zh, title_en;
  int days_from_today = 0;
  int starts_hour = 0, ends_hour = 0;
  std::string place_zh, place_en;
  int places = 0;
};

std::int64_t event_of(store::Transaction& tx, std::int64_t programme, const DemoEvent& demo,
                      CivilDate today, std::int64_t focal_point) {
  volunteer::EventDetails details;
  details.title_zh = demo.title_zh;
  details.title_en = demo.title_en;
  details.held_on = today.plus_days(demo.days_from_today);
  details.starts_minute = demo.starts_hour * 60;
  details.ends_minute = demo.ends_hour * 60;
  details.place_zh = demo.place_zh;
  details.place_en = demo.place_en;
  details.places = demo.places;
  return store::add_event(tx, programme, details, focal_point);
}

// Signed up as the rules decide the day before the event: a place while there is one, else the
// waiting list.
void sign_up(store::Transaction& tx, std::int64_t event_id, std::int64_t person) {
  const store::StoredEvent event = *store::find_event(tx, event_id);
  volunteer::EventPlaces places;
  places.held_on = event.details.held_on;
  places.places = event.details.places;
  places.confirmed = event.confirmed;
  const auto decision = volunteer::decide_sign_up(
      places, volunteer::last_sign_up_day(event.details.held_on), std::nullopt);
  if (decision.state) store::add_sign_up(tx, event_id, person, *decision.state);
}

struct HeldEvent {
  DemoEvent event;
  std::vector<store::Served> served;  // each person signed up; 0 minutes: did not come
};

struct ComingEvent {
  DemoEvent event;
  std::vector<std::int64_t> signing_up;  // in order
};

struct DemoProgramme {
  volunteer::ProgrammeDetails details;
  std::vector<HeldEvent> held;
  std::vector<ComingEvent> coming;
};

std::vector<DemoProgramme> demo_programmes(const DemoPeople& p) {
  return {
      {{"濕地公園義工計劃", "Hong Kong Wetland Park Volunteer Programme",
        "在香港濕地公園為訪客導賞、協助管理濕地生境及參與雀鳥監察。",
        "Guide visitors at the Hong Kong Wetland Park, help manage its wetland habitats and take "
        "part in its bird counts.",
        ""},
       {{{"春季雀鳥普查", "Spring bird count", -75, 8, 12, "香港濕地公園", "Hong Kong Wetland Park",
          12},
         {{p.citizen, 240}, {p.one, 240}}},
        {{"週末導賞服務", "Weekend guided walks", -20, 10, 16, "香港濕地公園訪客中心",
          "Hong Kong Wetland Park visitor centre", 8},
         {{p.two, 360}, {p.three, 0}}}},
       {{{"冬季雀鳥普查", "Winter bird count", 12, 8, 12, "香港濕地公園", "Hong Kong Wetland Park",
          12},
         {p.citizen, p.one}}}},
      {{"郊野公園義工計劃", "Country Park Volunteer Programme",
        "在郊野公園植樹、清理垃圾及協助自然教育活動。",
        "Plant trees, clear litter and help with nature education activities in the country "
        "parks.",
        ""},
       {{{"大帽山植樹日", "Tai Mo Shan tree planting day", -45, 9, 12, "大帽山郊野公園",
          "Tai Mo Shan Country Park", 30},
         {{p.citizen, 180}, {p.one, 180}, {p.three, 150}}}},
       {{{"城門郊野公園清潔日", "Shing Mun Country Park clean-up", 19, 9, 13, "城門郊野公園",
          "Shing Mun Country Park", 20},
         {p.two}}}},
      {{"「自己山徑自己修」", "\"Trail Maintenance by Hikers\"",
        "在導師帶領下，以天然物料修補受侵蝕的遠足徑。",
        "Repair eroded hiking trails with natural materials, led by trail-work instructors.", ""},
       {{{"麥理浩徑第二段修路", "MacLehose Trail section 2 repairs", -30, 9, 16, "西貢東郊野公園",
          "Sai Kung East Country Park", 15},
         {{p.two, 420}, {p.three, 420}}}},
       // Full: three places for four hikers, the last on the waiting list.
       {{{"衞奕信徑修路", "Wilson Trail repairs", 26, 9, 16, "大欖郊野公園", "Tai Lam Country Park",
          3},
         {p.one, p.two, p.three, p.citizen}}}},
  };
}

void add_with_events(store::Transaction& tx, std::int64_t afcd, const DemoPeople& people,
                     CivilDate today, const DemoProgramme& programme) {
  const std::int64_t id = published(tx, afcd, people, programme.details);
  for (const HeldEvent& held : programme.held) {
    const std::int64_t event = event_of(tx, id, held.event, today, people.focal_point);
    for (const store::Served& each : held.served) sign_up(tx, event, each.user_id);
    store::record_attendance(tx, event, held.served, people.focal_point);
  }
  for (const ComingEvent& coming : programme.coming) {
    const std::int64_t event = event_of(tx, id, coming.event, today, people.focal_point);
    for (std::int64_t person : coming.signing_up) sign_up(tx, event, person);
  }
}

}  // namespace

void add_demo_volunteering(store::Transaction& tx, CivilDate today) {
  const auto afcd = store::find_department_by_code(tx, "afcd");
  if (!afcd || !store::programmes_of(tx, {std::nullopt, afcd->id}).empty()) return;
  const auto people = demo_people(tx);
  if (!people) return;
  for (const DemoProgramme& programme : demo_programmes(*people))
    add_with_events(tx, afcd->id, *people, today, programme);
}

}  // namespace bsap::cli
