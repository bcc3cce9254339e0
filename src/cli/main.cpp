// `bsap`: one program for the server, the database and the operator's tasks.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "store/store.h"

int main(int argc, char** argv) {
  using namespace bsap::cli;
  CLI::App app{"bsap — Biodiversity Strategy and Action Plan system (Hong Kong BSAP 2035, CCFS)"};
  app.require_subcommand(1);
  GlobalOptions options;
  app.add_option("--db", options.db_url,
                 "Database URL: sqlite:PATH (default sqlite:var/bsap.db) or postgresql://...")
      ->capture_default_str();

  add_version_command(app);
  add_migrate_command(app, options);
  add_user_commands(app, options);
  add_audit_commands(app, options);
  add_serve_command(app, options);
  add_demo_commands(app, options);
  add_plan_commands(app, options);
  add_rules_commands(app, options);
  add_check_command(app);
  add_grants_commands(app, options);
  add_jobs_commands(app, options);
  add_mail_commands(app, options);
  add_project_commands(app, options);
  add_biodata_commands(app, options);
  add_backup_commands(app, options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const CommandExit& e) {
    return e.code;
  } catch (const bsap::store::StoreError& e) {
    std::cerr << "bsap: " << e.what() << "\n";
    return kStoreFailed;
  } catch (const std::exception& e) {
    std::cerr << "bsap: " << e.what() << "\n";
    return kBadInput;
  }
  return kOk;
}
