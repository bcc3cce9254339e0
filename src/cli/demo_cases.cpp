#include "cli/demo_cases.h"

#include "store/case_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"

namespace bsap::cli {
namespace {

using plan::GoodPracticeCase;

GoodPracticeCase mangroves() {
  GoodPracticeCase c;
  c.title = {"汀角紅樹林及泥灘修復（示範）",
             "Ting Kok mangrove and mudflat restoration (demonstration)"};
  c.latitude = 22.4745;
  c.longitude = 114.2183;
  c.district = "tai_po";
  c.habitat = "mangrove";
  c.nbs_kind = "restoration";
  c.work = {
      "清理海岸垃圾及入侵的互花米草，並以本地紅樹品種（秋茄、白骨壤）補植，聯同社區義工每季監測幼苗"
      "存活及底棲生物。",
      "Cleared shore litter and invasive smooth cordgrass, replanted with local mangrove "
      "species (Kandelia obovata, Avicennia marina), and monitored seedling survival and "
      "benthic fauna each quarter with community volunteers."};
  c.outcomes = {{"紅樹幼苗存活 Mangrove seedlings surviving", "1180", "株 seedlings", "2025-09-30"},
                {"清理海岸垃圾 Shore litter removed", "3.4", "公噸 tonnes", "2025-06-30"},
                {"參與義工 Volunteers taking part", "260", "人 people", "2025-09-30"}};
  c.funding = {
      {"鄉郊保育資助計劃 Countryside Conservation Funding Scheme", Money::from_cents(48000000)},
      {"機構自資 The organisation's own funds", Money::from_cents(6500000)}};
  c.actions = {"1.4", "2.6", "2.7"};
  c.kmgbf_targets = {2, 8, 11};
  c.sdgs = {13, 14, 15};
  return c;
}

GoodPracticeCase farmland() {
  GoodPracticeCase c;
  c.title = {"荔枝窩休耕農地復耕（示範）",
             "Reviving abandoned farmland at Lai Chi Wo (demonstration)"};
  c.latitude = 22.5276;
  c.longitude = 114.2597;
  c.district = "north";
  c.habitat = "farmland";
  c.nbs_kind = "management";
  c.work = {
      "與村民合作復耕梯田，以不用化學農藥的方式種植稻米及本地作物，並修復灌溉水道，為兩棲類及蜻蜓提"
      "供濕地生境。",
      "Worked with villagers to bring terraced fields back into cultivation, growing rice "
      "and local crops without chemical pesticides, and restored the irrigation channels as "
      "wet habitat for amphibians and dragonflies."};
  c.outcomes = {{"復耕農地 Farmland back in cultivation", "2.6", "公頃 hectares", "2025-12-31"},
                {"記錄蜻蜓品種 Dragonfly species recorded", "41", "種 species", "2025-10-15"}};
  c.funding = {
      {"鄉郊保育資助計劃 Countryside Conservation Funding Scheme", Money::from_cents(125000000)}};
  c.actions = {"1.5", "2.7", "2.8"};
  c.kmgbf_targets = {10, 11};
  c.sdgs = {2, 15};
  return c;
}

GoodPracticeCase rooftop() {
  GoodPracticeCase c;
  c.title = {"觀塘辦公大樓天台傳粉昆蟲花園（示範）",
             "Pollinator roof garden on a Kwun Tong office tower (demonstration)"};
  c.latitude = 22.3129;
  c.longitude = 114.2241;
  c.district = "kwun_tong";
  c.habitat = "urban_green";
  c.nbs_kind = "infrastructure";
  c.work = {
      "把 1,200 "
      "平方米天台改建為種植本地蜜源植物的花園，收集雨水灌溉，並公開季度蝴蝶及蜜蜂監測結果作 ESG "
      "披露。",
      "Turned a 1,200 square metre roof into a garden of local nectar plants watered with "
      "harvested rain, and discloses its quarterly butterfly and bee counts in its ESG "
      "report."};
  c.outcomes = {{"本地蜜源植物品種 Local nectar plant species", "36", "種 species", "2025-08-31"},
                {"蝴蝶品種 Butterfly species recorded", "19", "種 species", "2025-10-31"}};
  c.funding = {{"企業 ESG 預算 Corporate ESG budget", Money::from_cents(86000000)}};
  c.actions = {"2.3", "2.5", "2.7"};
  c.kmgbf_targets = {12, 15};
  c.sdgs = {11, 12};
  return c;
}

// Saved by its owner, submitted, then published by the secretariat: the pages' own steps.
void publish(store::Transaction& tx, GoodPracticeCase c, const store::User& owner,
             std::optional<std::int64_t> organisation_id, std::int64_t secretariat) {
  c.owner_user_id = owner.id;
  c.organisation_id = organisation_id;
  c.demonstration = true;
  const std::int64_t id = store::save_case(tx, c, owner.id);
  store::move_case(tx, id, plan::CaseEvent::submit, "", owner.id);
  store::move_case(tx, id, plan::CaseEvent::publish, "", secretariat);
}

}  // namespace

void add_demo_cases(store::Transaction& tx) {
  if (!store::list_cases_in_state(tx, plan::CaseState::published).empty()) return;
  const auto ngo = store::find_user_by_username(tx, "ngo");
  const auto funder = store::find_user_by_username(tx, "funder");
  const auto plansec = store::find_user_by_username(tx, "plansec");
  if (!ngo || !funder || !plansec) return;
  const auto organisation = store::organisation_of_user(tx, ngo->id);
  if (!organisation) return;
  publish(tx, mangroves(), *ngo, organisation->id, plansec->id);
  publish(tx, farmland(), *ngo, organisation->id, plansec->id);
  publish(tx, rooftop(), *funder, std::nullopt, plansec->id);
}

}  // namespace bsap::cli
