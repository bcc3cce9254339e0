#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "store/audit_repo.h"
#include "store/store.h"

namespace bsap::cli {
namespace {

// Prints one line per problem, or that the chain is intact; a broken chain exits kCheckFailed.
void verify_audit(const GlobalOptions& options) {
  auto store = store::open_store(options.db_url);
  store->migrate();
  AuditVerification result;
  store::in_transaction(*store, [&](store::Transaction& tx) { result = verify_audit_log(tx); });

  if (result.ok()) {
    std::cout << "audit log: " << result.records_checked << " records, chain intact\n";
    return;
  }
  for (const AuditProblem& problem : result.problems) std::cout << problem.detail << "\n";
  std::cout << "audit log: " << result.records_checked << " records, " << result.problems.size()
            << " problem(s)\n";
  throw CommandExit{kCheckFailed};
}

}  // namespace

void add_audit_commands(CLI::App& app, const GlobalOptions& options) {
  auto* audit = app.add_subcommand("audit", "Check the audit log");
  audit->require_subcommand(1);
  audit
      ->add_subcommand("verify",
                       "Check every record's hash and link; name any record edited or removed")
      ->callback([&options] { verify_audit(options); });
}

}  // namespace bsap::cli
