#include "web/item_volunteering_view.h"

#include <string>

#include "volunteer/sign_up.h"

namespace bsap::web {

PageData engagement_data(const volunteer::Engagement& engagement) {
  PageData data;
  data.set("people", std::to_string(engagement.people));
  data.set("hours", volunteer::format_hours(engagement.minutes));
  data.set("events", std::to_string(engagement.events));
  data.set("programmes", std::to_string(engagement.programmes));
  return data;
}

PageData item_volunteering_data(const track::ItemVolunteering& item) {
  PageData data = engagement_data(item.engagement);
  data.set("item", item.item_id);
  data.set("programme_titles", text_list(item.programme_titles));
  data.set("has_programme_titles", !item.programme_titles.empty());
  return data;
}

}  // namespace bsap::web
