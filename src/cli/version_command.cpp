#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"

namespace bsap::cli {

void add_version_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("version", "Print the program's version");
  cmd->callback([] { std::cout << "bsap " << BSAP_VERSION << "\n"; });
}

}  // namespace bsap::cli
