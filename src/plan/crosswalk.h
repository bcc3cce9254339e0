// Queries over the plan: which actions serve a KMGBF target, an NBSAP action, an SDG or an overall
// goal (the 附錄 table read from either side), the actions × targets matrix, the actions of an
// area, and the counts the seed states. Pure: no I/O.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plan/plan_model.h"

namespace bsap::plan {

// The four columns of the 附錄 table an action is mapped by.
enum class Framework { goal, nbsap, kmgbf, sdg };

// "goal", "nbsap", "kmgbf", "sdg": the names the command line and the URLs use.
std::string_view framework_code(Framework framework);
std::optional<Framework> parse_framework(std::string_view code);
// What one number of the column is called, in English: "KMGBF target", "overall goal", …
std::string_view framework_label(Framework framework);

// The numbers an action is mapped to in that column.
const std::vector<int>& mapping_of(const Action& action, Framework framework);

// Every number the framework's catalogue defines, ascending: goals 1–10, NBSAP actions 1–27,
// KMGBF targets 1–23, SDGs 1–17.
std::vector<int> framework_numbers(const PlanData& data, Framework framework);

// The name of a catalogue entry (a goal, an NBSAP action, a KMGBF target, an SDG), or null
// where the catalogue has no such number.
const BilingualText* framework_entry(const PlanData& data, Framework framework, int number);

const Action* find_action(const Plan& plan, std::string_view number);

// The actions mapped to `number` in that column, in the plan's order. Every item of an action
// serves what its action serves: the seed maps actions, not items.
std::vector<const Action*> actions_serving(const Plan& plan, Framework framework, int number);

std::vector<const Action*> actions_in_area(const Plan& plan, int area);

// Rows: the plan's actions in order; columns: framework_numbers(); cell: the action serves it.
struct MappingMatrix {
  Framework framework;
  std::vector<std::string> action_numbers;
  std::vector<int> columns;
  std::vector<std::vector<bool>> serves;
};
MappingMatrix mapping_matrix(const PlanData& data, Framework framework);

struct PlanSummary {
  int goals = 0;
  int areas = 0;
  int actions = 0;
  int items = 0;
  int nbsap_actions = 0;
  int kmgbf_targets = 0;
  int sdgs = 0;
};
PlanSummary summarize(const PlanData& data);

// The counts under the names plan.yaml's `stated_counts` and `bsap plan summary --json` use, in
// that order.
std::vector<std::pair<std::string, int>> named_counts(const PlanSummary& summary);

}  // namespace bsap::plan
