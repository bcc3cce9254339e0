#include "cli/demo_matching.h"

#include "store/matching_repo.h"
#include "store/organisation_repo.h"
#include "store/user_repo.h"

namespace bsap::cli {
namespace {

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

}  // namespace

void add_demo_matching(store::Transaction& tx) {
  const auto funder = store::find_user_by_username(tx, "funder");
  const auto brewer = store::find_user_by_username(tx, "brewer");
  const auto ngo = store::find_user_by_username(tx, "ngo");
  const auto secretariat = store::find_user_by_username(tx, "secretariat");
  if (!funder || !brewer || !ngo || !secretariat || store::funder_of_user(tx, funder->id)) return;
  const auto organisation = store::organisation_of_user(tx, ngo->id);
  if (!organisation) return;

  const std::int64_t trust =
      store::save_funder(tx, funder->id,
                         {"海港自然信託 Harbour Nature Trust (demonstration)",
                          "trust",
                          "none",
                          {"habitat_restoration", "species_conservation", "education"},
                          {"wetland", "stream"},
                          {"yuen_long", "north", "tai_po"},
                          {2, 3, 4},
                          hkd(100'000),
                          hkd(800'000)});
  store::save_funder(tx, brewer->id,
                     {"山谷啤酒廠 Valley Brewery (demonstration)",
                      "company",
                      "alcohol_youth",
                      {"education"},
                      {"woodland"},
                      {"sai_kung"},
                      {21},
                      std::nullopt,
                      hkd(200'000)});

  const std::int64_t listed = store::create_proposal(
      tx, organisation->id,
      {"南生圍濕地生境修復(示範)",
       "Nam Sang Wai wetland restoration (demonstration)",
       "wetland",
       "yuen_long",
       "南生圍 Nam Sang Wai",
       hkd(450'000),
       24,
       "修復約3公頃魚塘生境，為越冬水鳥提供覓食地；舉辦12次公眾導賞。 About 3 ha of fishpond "
       "habitat restored for wintering waterbirds; 12 guided public visits.",
       {"1.1", "2.4"},
       {2, 3},
       {"habitat_restoration", "education"}},
      ngo->id);
  store::review_proposal(tx, listed, store::ProposalState::listed, "", secretariat->id);
  store::create_proposal(
      tx, organisation->id,
      {"西貢林地螢火蟲調查(示範)",
       "Sai Kung woodland firefly survey (demonstration)",
       "woodland",
       "sai_kung",
       "西貢北 Sai Kung North",
       hkd(120'000),
       12,
       "記錄林地螢火蟲的分佈及季節變化。 Firefly distribution and seasons recorded.",
       {"1.3"},
       {4, 21},
       {"research", "species_conservation"}},
      ngo->id);
  store::record_pledge(
      tx, {listed, trust, hkd(30'000), "cash", "首年導賞活動經費 The first year's guided visits"},
      funder->id);
}

}  // namespace bsap::cli
