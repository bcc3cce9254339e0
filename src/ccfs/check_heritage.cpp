// §2.2.1: no funding for buildings graded by the Antiquities Advisory Board or items on the ICH
// representative list or inventory; such applications are not considered (blocking). Every
// declared asset must say whether it is either.
// §2.7.12(a): a heritage building project opens the restored building to the public for at least
// 50 % of the project period (「須」: blocking), so the restoration works take at most the rest.
// check_completeness reports restoration_months when it is not given.
#include <string>

#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

// One of the two exclusions of §2.2.1: (i) AAB grading, (ii) the ICH list or inventory.
struct Exclusion {
  const char* member;  // the HeritageAsset field that answers it
  const char* zh;
  const char* en;
};

constexpr Exclusion kAabGraded{"aab_graded", "屬獲古物諮詢委員會評級的歷史建築",
                               "a historic building graded by the Antiquities Advisory Board"};
constexpr Exclusion kIchListed{
    "on_ich_list", "屬《香港非物質文化遺產代表作名錄》或香港非物質文化遺產清單中的項目",
    "an item on the Representative List of Hong Kong's Intangible Cultural Heritage or the ICH "
    "inventory"};

void check_exclusion(std::size_t index, const std::optional<bool>& answer,
                     const Exclusion& exclusion, const CheckInput& input, FindingSink& sink) {
  if (answer == false) return;
  const std::string& name = input.application.heritage_assets[index].name;
  const std::string clause = input.ruleset.application.ineligible_heritage.clause;
  const std::string field = item_field("heritage_assets", index, exclusion.member);
  if (!answer) {
    sink.blocking("heritage.graded_or_ich", clause, field,
                  "請說明「" + name + "」是否" + exclusion.zh + "；此類建築及文化項目不獲資助。",
                  "Say whether '" + name + "' is " + exclusion.en +
                      "; such buildings and items are not funded.");
    return;
  }
  sink.blocking("heritage.graded_or_ich", clause, field,
                "「" + name + "」" + exclusion.zh +
                    "，其保育及／或復育不會獲得資助計劃資助，涵蓋此項目的申請不會獲得考慮。請從"
                    "申請中刪去此項目。",
                "'" + name + "' is " + exclusion.en +
                    ": conserving or revitalising it is not funded and an application covering it "
                    "is not considered. Take it out of the application.");
}

// A heritage building project concerns its target building, whose grading §2.2.1 needs to know.
void require_target_building(const CheckInput& input, FindingSink& sink) {
  if (!input.type || !is_heritage_building(*input.type) ||
      !input.application.heritage_assets.empty())
    return;
  sink.blocking("heritage.graded_or_ich", input.ruleset.application.ineligible_heritage.clause,
                "heritage_assets",
                "請列出目標文物建築，並說明是否獲古物諮詢委員會評級；已評級的歷史建築不獲資助。",
                "List the target heritage building and say whether the Antiquities Advisory Board "
                "has graded it; graded historic buildings are not funded.");
}

void check_assets(const CheckInput& input, FindingSink& sink) {
  const std::vector<HeritageAsset>& assets = input.application.heritage_assets;
  for (std::size_t i = 0; i < assets.size(); ++i) {
    check_exclusion(i, assets[i].aab_graded, kAabGraded, input, sink);
    check_exclusion(i, assets[i].on_ich_list, kIchListed, input, sink);
  }
  require_target_building(input, sink);
}

// Open for at least min_pct of the project period: (duration − restoration) × 100 ≥
// duration × min_pct, in whole months, so 12 of 24 passes and 13 of 24 fails.
bool leaves_public_opening(int duration, int restoration, int min_pct) {
  return (static_cast<long long>(duration) - restoration) * 100 >=
         static_cast<long long>(duration) * min_pct;
}

void check_public_opening(const CheckInput& input, FindingSink& sink) {
  const Application& a = input.application;
  if (!is_heritage_building(*input.type) || !a.restoration_months || !a.duration_months ||
      *a.duration_months <= 0)
    return;
  const rules::PercentFloor& floor = input.ruleset.application.heritage_public_opening;
  const int duration = *a.duration_months;
  const int restoration = *a.restoration_months;
  if (leaves_public_opening(duration, restoration, floor.min_pct)) return;
  const int longest = duration * (100 - floor.min_pct) / 100;  // floored: whole months
  const std::string pct = std::to_string(floor.min_pct) + "%";
  sink.blocking("heritage.public_opening", floor.source.clause, "restoration_months",
                "復修工程為期" + months_zh(restoration) + "，項目期為" + months_zh(duration) +
                    "，未能讓文物建築在項目期至少" + pct +
                    "的時間內向公眾開放。請把復修工程縮短至" + months_zh(longest) +
                    "或以內，或延長項目期。",
                "The restoration works take " + months_en(restoration) + " of a project of " +
                    months_en(duration) + ", so the building is not open to the public " +
                    "for at least " + pct + " of the project period. Finish the works within " +
                    months_en(longest) + " or lengthen the project.");
}

}  // namespace

void check_heritage(const CheckInput& input, FindingSink& sink) {
  check_assets(input, sink);
  if (input.type) check_public_opening(input, sink);
}

}  // namespace bsap::ccfs
