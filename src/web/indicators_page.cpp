// GET /LANG/indicators: the plan's indicators (000 5.2 評估與傳達成效), each with its latest
// value and trend, linking to its own page (indicator_page.cpp).
#include "web/page.h"
#include "web/pages.h"
#include "web/progress_view.h"

namespace bsap::web {

Response indicators_page(RequestContext& ctx) {
  const ViewLanguage view = view_language(ctx);
  PageData cards{PageData::type::list};
  bool demonstration = false;
  {
    auto tx = ctx.web().store.begin();
    for (const plan::Indicator& indicator : ctx.web().domain.indicators) {
      track::ReportedIndicator reported = reported_indicator(*tx, indicator);
      for (const plan::IndicatorValue& value : reported.series)
        demonstration |= value.demonstration;
      PageData card = indicator_card(view, reported);
      card.set("definition", view.data_text(indicator.definition));
      cards.push_back(card);
    }
  }
  PageData data;
  data.set("indicators", cards);
  data.set("demonstration", demonstration);
  return render_page(ctx, "indicators", "ind_title", std::move(data));
}

}  // namespace bsap::web
