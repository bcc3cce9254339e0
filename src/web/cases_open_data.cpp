// GET /open-data/good-practice-cases.json and /open-data/good-practice-cases.csv: the published
// good-practice cases (000_e0ccae9882b7fb64.txt 優先行動 2.7, 2.7.1) as open data, in both
// languages, with their codes and the lists' names. Nothing unpublished. Amounts are HK$ as
// decimal text and whole cents, never a floating-point number.
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "store/case_repo.h"
#include "web/case_view.h"
#include "web/open_data_response.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

using Json = nlohmann::json;

std::vector<plan::GoodPracticeCase> published_cases(const RequestContext& ctx) {
  auto tx = ctx.web().store.begin();
  return store::list_cases_in_state(*tx, plan::CaseState::published);
}

Json entry_json(const std::vector<plan::ListEntry>& list, const std::string& code) {
  const plan::ListEntry* entry = plan::find_entry(list, code);
  return {{"code", code},
          {"name_zh", entry ? entry->name.zh : ""},
          {"name_en", entry ? entry->name.en : ""}};
}

// "12345.60": HK$ as a program reads it.
std::string plain_amount(Money amount) {
  const std::int64_t cents = amount.cents();
  const std::string fraction = std::to_string(cents % 100);
  return std::to_string(cents / 100) + "." + (fraction.size() == 1 ? "0" : "") + fraction;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ";") + part;
  return text;
}

std::vector<std::string> texts_of(const std::vector<int>& numbers) {
  std::vector<std::string> texts;
  for (int number : numbers) texts.push_back(std::to_string(number));
  return texts;
}

std::string outcomes_text(const plan::GoodPracticeCase& c) {
  std::vector<std::string> parts;
  for (const plan::CaseOutcome& outcome : c.outcomes)
    parts.push_back(outcome.what + ": " + outcome.value + " " + outcome.unit + " (" + outcome.on +
                    ")");
  return joined(parts);
}

std::string public_url(std::int64_t id) { return "/en/cases/" + std::to_string(id); }

}  // namespace

Response open_data_cases_json(RequestContext& ctx) {
  const plan::CaseLists& lists = case_lists(ctx);
  Json cases = Json::array();
  for (const plan::GoodPracticeCase& c : published_cases(ctx)) {
    Json outcomes = Json::array(), funding = Json::array();
    for (const plan::CaseOutcome& outcome : c.outcomes)
      outcomes.push_back({{"what", outcome.what},
                          {"value", outcome.value},
                          {"unit", outcome.unit},
                          {"date", outcome.on}});
    for (const plan::CaseFunding& row : c.funding)
      funding.push_back({{"source", row.source},
                         {"amount_hkd", plain_amount(row.amount)},
                         {"amount_cents", row.amount.cents()}});
    cases.push_back({{"id", c.id},
                     {"url", public_url(c.id)},
                     {"title_zh", c.title.zh},
                     {"title_en", c.title.en},
                     {"organisation_zh", c.owner_name.zh},
                     {"organisation_en", c.owner_name.en},
                     {"latitude", c.latitude ? Json(*c.latitude) : Json(nullptr)},
                     {"longitude", c.longitude ? Json(*c.longitude) : Json(nullptr)},
                     {"district", entry_json(lists.districts, c.district)},
                     {"habitat", entry_json(lists.habitats, c.habitat)},
                     {"nbs_kind", entry_json(lists.nbs_kinds, c.nbs_kind)},
                     {"work_zh", c.work.zh},
                     {"work_en", c.work.en},
                     {"outcomes", outcomes},
                     {"funding", funding},
                     {"plan_actions", c.actions},
                     {"kmgbf_targets", c.kmgbf_targets},
                     {"sdgs", c.sdgs},
                     {"published_at", c.published_at},
                     {"demonstration", c.demonstration}});
  }
  Json document = {{"title", "Hong Kong BSAP 2035: good-practice cases"},
                   {"clause", "000 2.7.1"},
                   {"cases", cases}};
  return open_data_response("application/json; charset=utf-8",
                            document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n",
                            "inline; filename=\"good-practice-cases.json\"");
}

Response open_data_cases_csv(RequestContext& ctx) {
  std::string csv = csv_record({"id", "url", "title_zh", "title_en", "organisation_zh",
                                "organisation_en", "latitude", "longitude", "district", "habitat",
                                "nbs_kind", "plan_actions", "kmgbf_targets", "sdgs", "outcomes",
                                "funding_total_hkd", "published_at", "demonstration"});
  for (const plan::GoodPracticeCase& c : published_cases(ctx)) {
    Money total;
    for (const plan::CaseFunding& row : c.funding) total += row.amount;
    csv += csv_record({std::to_string(c.id), public_url(c.id), c.title.zh, c.title.en,
                       c.owner_name.zh, c.owner_name.en, c.latitude ? Json(*c.latitude).dump() : "",
                       c.longitude ? Json(*c.longitude).dump() : "", c.district, c.habitat,
                       c.nbs_kind, joined(c.actions), joined(texts_of(c.kmgbf_targets)),
                       joined(texts_of(c.sdgs)), outcomes_text(c), plain_amount(total),
                       c.published_at, c.demonstration ? "true" : "false"});
  }
  return open_data_response("text/csv; charset=utf-8; header=present", std::move(csv),
                            "attachment; filename=\"good-practice-cases.csv\"");
}

}  // namespace bsap::web
