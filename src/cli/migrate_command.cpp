#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "store/store.h"

namespace bsap::cli {

void add_migrate_command(CLI::App& app, const GlobalOptions& options) {
  auto* cmd = app.add_subcommand("migrate", "Create the database or bring its schema up to date");
  cmd->callback([&options] {
    auto store = store::open_store(options.db_url);
    const int applied = store->migrate();
    std::cout << "migrate: " << applied << " migration(s) applied; schema version "
              << store->schema_version() << "\n";
  });
}

}  // namespace bsap::cli
