// An item's volunteering in a year (000 優先行動 2.2 item 1) as the tracker's item page and the
// annual report show it: the programmes serving it, the people engaged, the hours served and the
// events held, with the same keys in both templates.
#pragma once
#include "track/volunteer_engagement.h"
#include "volunteer/engagement.h"
#include "web/templates.h"

namespace bsap::web {

// {people, hours, events, programmes} as figures.
PageData engagement_data(const volunteer::Engagement& engagement);
// engagement_data's keys and {item, programme_titles, has_programme_titles}.
PageData item_volunteering_data(const track::ItemVolunteering& item);

}  // namespace bsap::web
