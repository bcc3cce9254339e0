// §2.1, 附錄1a/1b: every site is one the registry lists, of a category the project type admits
// and not on Lantau; cultural revitalisation and research projects (the types under the remote
// village rule of §2.1.2) are more than the minimum walk from public transport. §2.1.3: a project
// failing §2.1.1/§2.1.2 is not considered, so all of these are blocking. §2.7.6: the map and
// photos of the site, the MA habitat map and, under the remote village rule, a map showing the
// nearest public transport ('請…夾附', '須'): blocking.
//
// Without a known project type nothing here can be judged: check_completeness reports the type.
#include <algorithm>
#include <string>

#include "ccfs/app_support.h"
#include "rules/site_eligibility.h"

namespace bsap::ccfs {
namespace {

// §2.7.6 (the project site part of the form) is not a typed rule.
constexpr std::string_view kSitePartClause = "§2.7.6";

std::string site_zh(const rules::Site& site) { return site.code + " " + site.name_zh; }
std::string site_en(const rules::Site& site) { return site.code + " " + site.name_en; }

// The category names a type admits, for messages: "A 須優先加強保育地點、B …".
std::pair<std::string, std::string> admitted_categories(const rules::ProjectType& type,
                                                        const rules::SiteRegistry& sites) {
  std::vector<std::string> zh;
  std::vector<std::string> en;
  for (const std::string& letter : type.eligible_categories) {
    const rules::SiteCategory* category = sites.category(letter);
    zh.push_back(letter + " " + (category ? category->name.zh : ""));
    en.push_back(letter + " " + (category ? category->name.en : ""));
  }
  return {joined_zh(zh), joined_en(en)};
}

void report_unknown(const std::string& code, const std::string& field, const CheckInput& input,
                    FindingSink& sink) {
  sink.blocking("site.unknown", input.type->eligible_sites.clause, field,
                "地點編號「" + code + "」不在附錄1a／1b的合資格地點名單內。請從名單選擇地點編號。",
                "Site code '" + code +
                    "' is not on the lists of eligible sites (附錄1a/1b). Choose a code from the "
                    "lists.");
}

void report_lantau(const rules::Site& site, const std::string& field, const CheckInput& input,
                   FindingSink& sink) {
  sink.blocking(
      "site.lantau", input.ruleset.application.lantau_excluded.clause, field,
      "地點" + site_zh(site) +
          "位於大嶼山；位於大嶼山的地點不受資助計劃資助，申請不會獲得考慮。請選擇大嶼山以外"
          "的合資格地點。",
      "Site " + site_en(site) +
          " is on Lantau Island; sites on Lantau are not funded and the application "
          "will not be considered. Choose an eligible site outside Lantau.");
}

void report_category(const rules::Site& site, const std::string& field, const CheckInput& input,
                     FindingSink& sink) {
  const rules::ProjectType& type = *input.type;
  const auto [admitted_zh, admitted_en] = admitted_categories(type, *input.ruleset.sites);
  sink.blocking("site.category", type.eligible_sites.clause, field,
                "地點" + site_zh(site) + "屬名單" + site.category + "，" + type.name.zh +
                    "的合資格地點只限：" + admitted_zh +
                    "；不符合者不會獲得考慮(§2.1.3)。請選擇上述名單內的地點或合適的項目類別。",
                "Site " + site_en(site) + " is on list " + site.category + "; a project of type '" +
                    type.short_name.en + "' must be at a site on: " + admitted_en +
                    ", or it is not considered (§2.1.3). Choose a site on those lists or the "
                    "project type that fits.");
}

void check_site(std::size_t index, const CheckInput& input, FindingSink& sink) {
  const std::string& code = input.application.site_codes[index];
  const std::string field = item_field("site_codes", index);
  const rules::Site* site = input.ruleset.sites->find(code);
  if (!site) return report_unknown(code, field, input, sink);
  // Both faults are reported, so that an applicant moving off Lantau is not refused a second
  // time for a list the type does not admit.
  if (input.type->exclude_on_lantau && site->on_lantau) report_lantau(*site, field, input, sink);
  const auto& admitted = input.type->eligible_categories;
  if (std::ranges::find(admitted, site->category) == admitted.end())
    report_category(*site, field, input, sink);
}

void check_some_site(const CheckInput& input, FindingSink& sink) {
  if (!input.application.site_codes.empty()) return;
  sink.blocking("site.none", input.type->eligible_sites.clause, "site_codes",
                "請填寫項目地點：附錄1a／1b名單內的地點編號。",
                "Give the project site: a site code from the lists of 附錄1a/1b.");
}

// The types whose `site_rule` is the remote village rule of §2.1.2 (its key ends the rule's
// key path in the data), so no type key is written here.
bool under_remote_village_rule(const CheckInput& input) {
  const std::optional<std::string>& rule = input.type->site_rule;
  return rule && input.ruleset.application.remote_village.key_path.ends_with("." + *rule);
}

// 「500米的步行距離範圍內沒有公共交通工具」: transport at exactly the distance is within it, so
// the walk must be strictly longer.
void check_public_transport(const CheckInput& input, FindingSink& sink) {
  const rules::ApplicationRules& rules = input.ruleset.application;
  const int min = rules.min_walk_to_public_transport_m;
  const std::optional<int> walk = input.application.walk_to_public_transport_m;
  if (walk && *walk > min) return;
  const std::string limit = std::to_string(min);
  const std::string given_zh =
      walk ? "項目地點距最接近的公共交通工具只有" + std::to_string(*walk) + "米步行距離。"
           : "請填寫項目地點與最接近的公共交通工具之間的步行距離(米)。";
  const std::string given_en = walk ? "The nearest public transport is only " +
                                          std::to_string(*walk) + " m on foot from the site. "
                                    : "Give the walking distance (m) from the site to the nearest "
                                      "public transport. ";
  sink.blocking("site.public_transport", rules.remote_village.clause, "walk_to_public_transport_m",
                given_zh + input.type->name.zh + "的地點須為在" + limit +
                    "米的步行距離範圍內沒有公共交通工具的偏遠鄉郊地區。",
                given_en + "A project of type '" + input.type->short_name.en +
                    "' must be in remote countryside with no public transport within " + limit +
                    " m walking distance: more than " + limit + " m away.");
}

// A part of §2.7.6 the application gives or attaches.
void require_part(bool given, const char* rule, const char* field, const std::string& zh,
                  const std::string& en, FindingSink& sink) {
  if (!given) sink.blocking(rule, std::string(kSitePartClause), field, zh, en);
}

void check_maps(const CheckInput& input, bool remote_village, FindingSink& sink) {
  const Application& a = input.application;
  require_part(a.site_map, "site.map", "site_map", "請夾附顯示項目地點及範圍的地圖。",
               "Attach a map showing the project site and its extent.", sink);
  require_part(!is_blank(a.map_reference), "site.map", "map_reference",
               "請填寫項目範圍的地段編號或座標參考。",
               "Give the lot numbers or grid reference of the project area.", sink);
  require_part(a.site_photos, "site.photos", "site_photos", "請提供相片顯示項目地點的現有狀況。",
               "Attach photos showing the present state of the site.", sink);
  if (is_ma_project_type(*input.type))
    require_part(a.habitat_map, "site.habitat_map", "habitat_map",
                 "管理協議項目須提供生境地圖，顯示現有及將來的項目範圍及周邊環境。",
                 "An MA project must attach a habitat map of the present and future project "
                 "area and its surroundings.",
                 sink);
  if (remote_village)
    require_part(a.map_shows_public_transport, "site.transport_map", "map_shows_public_transport",
                 "地圖亦須顯示公共交通工具可到達的最接近地點。請在地圖上標示。",
                 "The map must also show the nearest point reached by public transport. "
                 "Mark it on the map.",
                 sink);
}

}  // namespace

void check_sites(const CheckInput& input, FindingSink& sink) {
  if (!input.type || !input.ruleset.sites) return;
  check_some_site(input, sink);
  for (std::size_t i = 0; i < input.application.site_codes.size(); ++i) check_site(i, input, sink);
  const bool remote_village = under_remote_village_rule(input);
  if (remote_village) check_public_transport(input, sink);
  check_maps(input, remote_village, sink);
}

}  // namespace bsap::ccfs
