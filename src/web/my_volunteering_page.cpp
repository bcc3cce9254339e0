// GET /LANG/observations/programmes/mine: a volunteer's own sign-ups (issue 11; 000 優先行動 2.2
// item 1), newest event first, with their state and the hours recorded, and the hours served in
// each year: what a volunteer would show a school or an employer; and what they were told (a
// place confirmed from the waiting list, an event cancelled).
#include <map>

#include "store/volunteer_repo.h"
#include "web/notification_view.h"
#include "web/observation_view.h"
#include "web/pages.h"
#include "web/volunteer_view.h"

namespace bsap::web {

Response my_volunteering_page(RequestContext& ctx) {
  auto tx = begin_for_visitor(ctx);
  PageData rows{PageData::type::list};
  std::map<int, long long, std::greater<>> minutes_by_year;
  for (const store::PersonSignUp& mine : store::sign_ups_by(*tx, ctx.user()->id)) {
    PageData row = event_row(ctx, mine.event);
    row.set("programme",
            ctx.data_text(mine.programme_zh.empty() ? mine.programme_en : mine.programme_zh,
                          mine.programme_en.empty() ? mine.programme_zh : mine.programme_en));
    row.set("state", ctx.text("volunteer_sign_up_" +
                              std::string(volunteer::sign_up_state_code(mine.sign_up.state))));
    const int served = mine.sign_up.minutes_served.value_or(0);
    if (served > 0) {
      row.set("served", volunteer::format_hours(served));
      minutes_by_year[mine.event.details.held_on.year()] += served;
    }
    rows.push_back(row);
  }
  PageData years{PageData::type::list};
  for (const auto& [year, minutes] : minutes_by_year) {
    PageData row;
    row.set("year", std::to_string(year));
    row.set("hours", volunteer::format_hours(minutes));
    years.push_back(row);
  }
  PageData data;
  PageData notifications = notification_rows(ctx, *tx, ctx.user()->id);
  data.set("has_notifications", notifications.is_non_empty_list());
  data.set("notifications", notifications);
  data.set("has_sign_ups", rows.is_non_empty_list());
  data.set("sign_ups", rows);
  data.set("has_years", years.is_non_empty_list());
  data.set("years", years);
  data.set("list_href", programmes_link(ctx));
  return render_page(ctx, "my_volunteering", "my_volunteering_title", std::move(data));
}

}  // namespace bsap::web
