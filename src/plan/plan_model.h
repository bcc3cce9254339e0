// The Hong Kong Biodiversity Strategy and Action Plan 2035 (000_e0ccae9882b7fb64.txt) and the
// three frameworks it maps its actions to, as plain values. Schema and sources:
// data/bsap2035/README.md. Nothing here reads files; plan_loader.h fills these in.
#pragma once
#include <string>
#include <vector>

namespace bsap::plan {

// Traditional Chinese as in the seed and English. Simplified Chinese is derived from `zh` with
// OpenCC at the edge that shows it (ARCHITECTURE.md principle 7), so it is not stored here.
struct BilingualText {
  std::string zh;
  std::string en;
};

// 總體目標 (4.1): the ten overall goals, numbered 1–10.
struct Goal {
  int number = 0;
  BilingualText text;
};

// 策略範疇 (4.2): the four strategic areas, numbered 1–4.
struct Area {
  int number = 0;
  std::string code;  // nature_conservation, mainstreaming, capacity_building, partnership
  BilingualText name;
  BilingualText description;
  std::string introduction_zh;  // the seed's paragraph under the heading; no translation exists
};

// 優先項目: a priority item, numbered 1…k within its action; its global id is "<action>.<item>".
struct ActionItem {
  int number = 0;
  BilingualText text;
};

// 優先行動: a priority action with its items and the mappings of the 附錄 table.
struct Action {
  std::string number;  // "1.1" … "2.10": compare as text, order by (area, index), never as a float
  int area = 0;
  BilingualText title;            // as in the action's heading
  std::string title_appendix_zh;  // the 附錄 table's spelling where it differs, else empty
  BilingualText lead;             // `en` is a short unofficial summary, not a translation
  std::string body_zh;
  std::string box_zh;  // a boxed side text after the items (only 1.1), else empty
  std::vector<ActionItem> items;
  // Sorted ascending, without duplicates, never empty.
  std::vector<int> goals;  // Goal::number
  std::vector<int> nbsap;  // NbsapAction::number
  std::vector<int> kmgbf;  // KmgbfTarget::number
  std::vector<int> sdg;    // Sdg::number
};

struct Plan {
  BilingualText title;
  BilingualText vision;   // 願景 (摘要)
  BilingualText mission;  // 使命 (1.2)
  BilingualText goals_intro;
  std::vector<Goal> goals;      // in order, 1–10
  std::vector<Area> areas;      // in order, 1–4
  std::vector<Action> actions;  // in the seed's order: by area, then by index
};

// China's NBSAP 2023-2030 (《國家計劃》, seed 2.2): 4 priority areas and 27 priority actions.
struct NbsapArea {
  int number = 0;
  BilingualText name;
};

struct NbsapAction {
  int number = 0;
  BilingualText name;
  int area = 0;  // NbsapArea::number
};

// The Kunming-Montreal Global Biodiversity Framework (《昆蒙框架》, seed 2.1). The seed does not
// list goals A–D, so they carry English working labels only.
struct KmgbfGoal {
  std::string code;  // "A" … "D"
  std::string label_en;
  std::string summary_en;
};

struct KmgbfTargetGroup {
  int number = 0;
  BilingualText heading;
  std::vector<int> targets;  // KmgbfTarget::number
};

struct KmgbfTarget {
  int number = 0;
  BilingualText title;
  int group = 0;  // KmgbfTargetGroup::number
};

// The 17 Sustainable Development Goals. None of the names is from the seed (see the README).
struct Sdg {
  int number = 0;
  BilingualText name;
  std::string name_zh_hans;  // the UN's official Chinese
};

struct Frameworks {
  std::vector<NbsapArea> nbsap_areas;
  std::vector<NbsapAction> nbsap_actions;
  std::vector<KmgbfGoal> kmgbf_goals;
  std::vector<KmgbfTargetGroup> kmgbf_target_groups;
  std::vector<KmgbfTarget> kmgbf_targets;
  std::vector<Sdg> sdgs;
};

// Everything data/bsap2035/ and data/frameworks/ hold, checked against each other.
struct PlanData {
  Plan plan;
  Frameworks frameworks;
};

}  // namespace bsap::plan
