// The `bsap` command's subcommands. Each group lives in its own file and registers itself on the
// CLI11 app; main.cpp only wires them together and turns errors into exit codes.
#pragma once
#include <string>

namespace CLI {
class App;
}

namespace bsap::cli {

struct GlobalOptions {
  std::string db_url = "sqlite:var/bsap.db";  // --db
};

// Exit codes: 0 ok, 1 a check failed (audit verify found problems, bsap check found blocking
// findings), 2 bad usage or input, 3 the store could not be opened or written.
enum ExitCode { kOk = 0, kCheckFailed = 1, kBadInput = 2, kStoreFailed = 3 };

void add_version_command(CLI::App& app);
void add_migrate_command(CLI::App& app, const GlobalOptions& options);
void add_user_commands(CLI::App& app, const GlobalOptions& options);
void add_audit_commands(CLI::App& app, const GlobalOptions& options);
void add_serve_command(CLI::App& app, const GlobalOptions& options);
void add_demo_commands(CLI::App& app, const GlobalOptions& options);
void add_plan_commands(CLI::App& app, const GlobalOptions& options);
// Under `bsap plan`: `report` (plan_report_command.cpp) and `mesh` (plan_mesh_command.cpp).
void add_plan_report_command(CLI::App& plan, const GlobalOptions& options);
void add_plan_mesh_command(CLI::App& plan);
void add_rules_commands(CLI::App& app, const GlobalOptions& options);
void add_check_command(CLI::App& app);                                  // check_command.cpp
void add_grants_commands(CLI::App& app, const GlobalOptions& options);  // grants_commands.cpp
void add_jobs_commands(CLI::App& app, const GlobalOptions& options);    // jobs_commands.cpp
void add_mail_commands(CLI::App& app, const GlobalOptions& options);    // mail_commands.cpp
// project_commands.cpp: `bsap project schedule`.
void add_project_commands(CLI::App& app, const GlobalOptions& options);
// biodata_commands.cpp: `bsap biodata import|taxa|areas|species`.
void add_biodata_commands(CLI::App& app, const GlobalOptions& options);
// biodata_taxa_commands.cpp: `bsap biodata taxa set|list-add|list-remove`, under the `taxa` group.
void add_taxon_admin_commands(CLI::App& taxa, const GlobalOptions& options);
// backup_commands.cpp: `bsap backup FILE`, `bsap restore FILE [--force]`.
void add_backup_commands(CLI::App& app, const GlobalOptions& options);

// Subcommand callbacks report their outcome by throwing this; main turns it into the exit code.
struct CommandExit {
  int code;
};

}  // namespace bsap::cli
