// `bsap biodata taxa set|list-add|list-remove`: what an administrator changes of a taxon (issue 9
// §3, §6).
//   taxa set --taxon NAME|--id N [--sensitivity none|0.001|0.01|0.1|withheld]
//            [--iucn CR|EN|VU|…|none] [--establishment native|exotic|invasive|unknown] [--json]
//   taxa list-add --taxon NAME|--id N --list NAME --category CATEGORY [--json]
//   taxa list-remove --taxon NAME|--id N --list NAME [--json]
// A name must pick one taxon (scientific or canonical name, exactly); when several checklists
// hold it, the command names their ids. Each change is one audited transaction; a refused one
// exits 2 with the reason and changes nothing.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "biodata/sensitivity.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "store/bio_taxon_status_repo.h"
#include "store/store.h"

namespace bsap::cli {
namespace {

using Json = nlohmann::ordered_json;

struct TaxonChoice {
  std::string name;
  std::int64_t id = 0;
};

struct SetArgs {
  TaxonChoice taxon;
  std::string sensitivity, iucn, establishment;
  bool json = false;
};

struct ListArgs {
  TaxonChoice taxon;
  std::string list, category;  // no category to take a taxon off a list
  bool json = false;
};

std::int64_t chosen_taxon(store::Transaction& tx, const TaxonChoice& choice) {
  if (choice.id > 0) return choice.id;
  auto taxa = store::find_taxa_named(tx, choice.name);
  if (taxa.empty()) refuse("no taxon is named '" + choice.name + "'");
  if (taxa.size() > 1) {
    std::string ids;
    for (const auto& taxon : taxa)
      ids +=
          (ids.empty() ? "" : ", ") + std::to_string(taxon.id) + " (" + taxon.scientific_name + ")";
    refuse("'" + choice.name + "' names " + std::to_string(taxa.size()) + " taxa: " + ids +
           "; choose one with --id");
  }
  return taxa.front().id;
}

store::TaxonStatusChange change_of(const SetArgs& args) {
  store::TaxonStatusChange change;
  if (!args.sensitivity.empty()) {
    auto sensitivity = biodata::sensitivity_from_name(args.sensitivity);
    if (!sensitivity)
      refuse("--sensitivity must be none, 0.001, 0.01, 0.1 or withheld, not " + args.sensitivity);
    change.sensitivity = static_cast<int>(*sensitivity);
  }
  // "none": not assessed, stored as no category.
  if (!args.iucn.empty()) change.iucn_category = args.iucn == "none" ? "" : args.iucn;
  if (!args.establishment.empty()) change.establishment = args.establishment;
  return change;
}

Json taxon_json(const store::BioTaxon& taxon, const std::vector<store::TaxonListEntry>& lists) {
  Json on_lists = Json::array();
  for (const auto& entry : lists)
    on_lists.push_back({{"list", entry.list_name}, {"category", entry.category}});
  const auto sensitivity = biodata::sensitivity_from_number(taxon.sensitivity);
  return {{"taxon_id", taxon.id},
          {"scientific_name", taxon.scientific_name},
          {"sensitivity", sensitivity ? biodata::sensitivity_name(*sensitivity) : ""},
          {"iucn_category", taxon.iucn_category},
          {"establishment", taxon.establishment},
          {"lists", on_lists}};
}

// Runs the change in one transaction and prints the taxon as it now is.
void change_taxon(const GlobalOptions& global, const TaxonChoice& choice, bool json,
                  const std::function<void(store::Transaction&, std::int64_t)>& change) {
  auto store = store::open_store(global.db_url);
  Json out;
  try {
    store::in_transaction(*store, [&](store::Transaction& tx) {
      const std::int64_t id = chosen_taxon(tx, choice);
      change(tx, id);
      out = taxon_json(*store::find_taxon(tx, id), store::taxon_lists(tx, id));
    });
  } catch (const store::TaxonChangeRefused& refused) {
    refuse(std::string(refused.what()) + " (nothing was changed)");
  }
  std::cout << (json ? out.dump() : out.dump(2)) << "\n";
}

void add_taxon_option(CLI::App& command, TaxonChoice& choice) {
  auto* name = command.add_option("--taxon", choice.name, "The taxon's scientific name");
  auto* id = command.add_option("--id", choice.id, "The taxon's id");
  name->excludes(id);
  id->excludes(name);
}

void require_taxon(const TaxonChoice& choice) {
  if (choice.name.empty() && choice.id <= 0) refuse("give the taxon with --taxon NAME or --id N");
}

}  // namespace

void add_taxon_admin_commands(CLI::App& taxa, const GlobalOptions& options) {
  auto set_args = std::make_shared<SetArgs>();
  auto* set = taxa.add_subcommand("set", "Set a taxon's sensitivity, IUCN category, establishment");
  add_taxon_option(*set, set_args->taxon);
  set->add_option("--sensitivity", set_args->sensitivity, "none, 0.001, 0.01, 0.1 or withheld");
  set->add_option("--iucn", set_args->iucn, "EX, EW, CR, EN, VU, NT, LC, DD, NE, or none");
  set->add_option("--establishment", set_args->establishment,
                  "native, exotic, invasive or unknown");
  set->add_flag("--json", set_args->json, "Print the taxon on one line");
  set->callback([&options, set_args] {
    require_taxon(set_args->taxon);
    const store::TaxonStatusChange change = change_of(*set_args);
    change_taxon(options, set_args->taxon, set_args->json,
                 [&](store::Transaction& tx, std::int64_t id) {
                   store::set_taxon_status(tx, id, change, "cli");
                 });
  });

  auto list_args = std::make_shared<ListArgs>();
  auto* list_add = taxa.add_subcommand("list-add",
                                       "Put a taxon on a named conservation list, or change its "
                                       "category there");
  add_taxon_option(*list_add, list_args->taxon);
  list_add->add_option("--list", list_args->list, "The list: \"China Red List\"")->required();
  list_add->add_option("--category", list_args->category, "The list's category: VU")->required();
  list_add->add_flag("--json", list_args->json, "Print the taxon on one line");
  list_add->callback([&options, list_args] {
    require_taxon(list_args->taxon);
    change_taxon(options, list_args->taxon, list_args->json,
                 [&](store::Transaction& tx, std::int64_t id) {
                   store::put_taxon_on_list(tx, id, list_args->list, list_args->category, "cli");
                 });
  });

  auto remove_args = std::make_shared<ListArgs>();
  auto* list_remove =
      taxa.add_subcommand("list-remove", "Take a taxon off a named conservation list");
  add_taxon_option(*list_remove, remove_args->taxon);
  list_remove->add_option("--list", remove_args->list, "The list: \"China Red List\"")->required();
  list_remove->add_flag("--json", remove_args->json, "Print the taxon on one line");
  list_remove->callback([&options, remove_args] {
    require_taxon(remove_args->taxon);
    change_taxon(options, remove_args->taxon, remove_args->json,
                 [&](store::Transaction& tx, std::int64_t id) {
                   store::take_taxon_off_list(tx, id, remove_args->list, "cli");
                 });
  });
}

}  // namespace bsap::cli
