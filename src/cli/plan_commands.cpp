// `bsap plan summary|action|crosswalk`: the BSAP 2035 data (data/bsap2035/, data/frameworks/)
// from the command line. With --json the output is a contract scripts depend on: keep its keys.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/bsap_home.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "plan/crosswalk.h"
#include "plan/plan_loader.h"

namespace bsap::cli {
namespace {

using Json = nlohmann::ordered_json;  // keys print in the order written, as the contract shows

struct PlanOptions {
  bool json = false;
  std::string action_number;
  std::string framework = "kmgbf";
  int target = 0;
};

plan::PlanData load_plan_or_refuse() {
  auto loaded = plan::load_plan_data(bsap_data_dir());
  if (const auto* error = std::get_if<plan::PlanLoadError>(&loaded)) refuse(error->message());
  return std::get<plan::PlanData>(std::move(loaded));
}

std::string joined(const std::vector<int>& numbers) {
  std::string text;
  for (int number : numbers) text += (text.empty() ? "" : " ") + std::to_string(number);
  return text;
}

// ---- JSON

Json items_json(const plan::Action& action) {
  Json items = Json::array();
  for (const plan::ActionItem& item : action.items)
    items.push_back(
        {{"number", item.number}, {"text_zh", item.text.zh}, {"text_en", item.text.en}});
  return items;
}

Json action_brief_json(const plan::Action& action) {
  return {{"number", action.number},
          {"title_zh", action.title.zh},
          {"title_en", action.title.en},
          {"items", items_json(action)}};
}

Json action_json(const plan::Action& action) {
  return {{"number", action.number}, {"title_zh", action.title.zh}, {"title_en", action.title.en},
          {"area", action.area},     {"goals", action.goals},       {"nbsap", action.nbsap},
          {"kmgbf", action.kmgbf},   {"sdg", action.sdg},           {"items", items_json(action)}};
}

// ---- text

void print_action_text(const plan::Action& action) {
  std::cout << action.number << " " << action.title.zh << "\n"
            << action.number << " " << action.title.en << "\n";
  for (const plan::ActionItem& item : action.items)
    std::cout << "  " << action.number << "." << item.number << " " << item.text.zh << "\n"
              << "  " << std::string(action.number.size() + 3, ' ') << item.text.en << "\n";
}

void print_mappings_text(const plan::Action& action) {
  std::cout << "area " << action.area << "; overall goals " << joined(action.goals) << "; NBSAP "
            << joined(action.nbsap) << "; KMGBF " << joined(action.kmgbf) << "; SDG "
            << joined(action.sdg) << "\n";
}

// ---- the subcommands

void show_summary(const PlanOptions& options) {
  const auto counts = plan::named_counts(plan::summarize(load_plan_or_refuse()));
  if (options.json) {
    Json json = Json::object();
    for (const auto& [name, count] : counts) json[name] = count;
    std::cout << json.dump() << "\n";
    return;
  }
  for (const auto& [name, count] : counts) std::cout << name << ": " << count << "\n";
}

void show_action(const PlanOptions& options) {
  const plan::PlanData data = load_plan_or_refuse();
  const plan::Action* action = plan::find_action(data.plan, options.action_number);
  if (!action) refuse("no action " + options.action_number + "");
  if (options.json) {
    std::cout << action_json(*action).dump() << "\n";
    return;
  }
  print_action_text(*action);
  print_mappings_text(*action);
}

void show_crosswalk(const PlanOptions& options) {
  const auto framework = plan::parse_framework(options.framework);
  if (!framework) refuse("unknown framework '" + options.framework + "' (kmgbf, nbsap, sdg, goal)");
  const plan::PlanData data = load_plan_or_refuse();
  const plan::BilingualText* entry = plan::framework_entry(data, *framework, options.target);
  if (!entry)
    refuse(std::string(plan::framework_label(*framework)) + " " + std::to_string(options.target) +
           " does not exist");
  const auto serving = plan::actions_serving(data.plan, *framework, options.target);
  if (options.json) {
    Json json = Json::array();
    for (const plan::Action* action : serving) json.push_back(action_brief_json(*action));
    std::cout << json.dump() << "\n";
    return;
  }
  std::cout << plan::framework_label(*framework) << " " << options.target << " " << entry->zh
            << " / " << entry->en << ": " << serving.size() << " action(s)\n";
  for (const plan::Action* action : serving) print_action_text(*action);
}

}  // namespace

void add_plan_commands(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<PlanOptions>();
  auto* plan_command =
      app.add_subcommand("plan", "The BSAP 2035 plan: goals, actions, cross-walks");
  plan_command->require_subcommand(1);

  auto* summary = plan_command->add_subcommand("summary", "Count goals, areas, actions, items");
  summary->add_flag("--json", options->json, "Print JSON");
  summary->callback([options] { show_summary(*options); });

  auto* action = plan_command->add_subcommand("action", "Show one priority action and its items");
  action->add_option("number", options->action_number, "Action number, e.g. 2.4")->required();
  action->add_flag("--json", options->json, "Print JSON");
  action->callback([options] { show_action(*options); });

  auto* crosswalk = plan_command->add_subcommand(
      "crosswalk", "The actions serving a KMGBF target, NBSAP action, SDG or overall goal");
  crosswalk->add_option("--framework", options->framework, "kmgbf, nbsap, sdg or goal")
      ->capture_default_str();
  crosswalk->add_option("--target", options->target, "The target's, action's or goal's number")
      ->required();
  crosswalk->add_flag("--json", options->json, "Print JSON");
  crosswalk->callback([options] { show_crosswalk(*options); });

  add_plan_report_command(*plan_command, global);
  add_plan_mesh_command(*plan_command);
}

}  // namespace bsap::cli
