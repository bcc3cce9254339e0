// `bsap serve`: opens and migrates the store, loads the texts, templates and static files from
// the bsap home, and serves the web application until SIGTERM or SIGINT.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <variant>

#include "cli/bsap_home.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/messages.h"
#include "manage/scheduled_jobs.h"
#include "plan/good_practice.h"
#include "rules/ruleset_loader.h"
#include "store/store.h"
#include "web/app.h"
#include "web/server.h"

namespace bsap::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 2;
  bool secure_cookies = false;
  web::ClientSettings clients;
};

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The data the plan and scheme pages show; a fault stops the start with "file:line: key: reason".
template <typename Data, typename Error>
Data loaded_or_throw(std::variant<Data, Error> loaded) {
  if (const auto* error = std::get_if<Error>(&loaded)) throw std::runtime_error(error->message());
  return std::get<Data>(std::move(loaded));
}

void serve(const GlobalOptions& global, const ServeOptions& options) {
  auto store = store::open_store(global.db_url);
  store->migrate();
  std::filesystem::path home = bsap_home();
  SimplifiedConverter converter;
  auto messages =
      MessageCatalogue::from_yaml(read_text(home / "data/i18n/messages.yaml"), converter);
  const PlanBundle plan = load_plan_bundle_or_refuse();
  const auto rulesets = loaded_or_throw(rules::load_rulesets(bsap_data_dir()));
  const hub::HomeRegion home_region =
      hub::load_home_region(bsap_data_dir() / "biodata" / "home_region.yaml");
  const auto case_lists = loaded_or_throw(plan::load_case_lists(bsap_data_dir()));
  web::App app(*store, messages, home, {.secure_cookies = options.secure_cookies}, options.clients,
               {.plan = plan.plan,
                .indicators = plan.indicators,
                .cbi = plan.cbi,
                .rulesets = rulesets,
                .case_lists = case_lists,
                .converter = converter,
                .home_region = home_region});
  web::Server server({.host = options.host, .port = options.port, .threads = options.threads}, app);
  // §2.6.4: unanswered requests lapse on the 15th day, whether or not anyone visits a page.
  manage::JobRunner jobs(*store, rulesets, std::chrono::hours(1));
  std::cout << "bsap: listening on http://" << options.host << ":" << server.port() << std::endl;
  server.run();
  std::cout << "bsap: stopped" << std::endl;
}

}  // namespace

void add_serve_command(CLI::App& app, const GlobalOptions& options) {
  auto serve_options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web application over HTTP");
  cmd->add_option("--host", serve_options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", serve_options->port, "Port to listen on (0: any free port)")
      ->capture_default_str();
  cmd->add_option("--threads", serve_options->threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--secure-cookies", serve_options->secure_cookies,
                "Mark the session cookie Secure and send Strict-Transport-Security (when a TLS "
                "proxy fronts bsap)");
  cmd->add_option("--sign-in-per-minute", serve_options->clients.rates.sign_in.per_minute,
                  "Sign-in and registration posts each client may send a minute (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--api-per-minute", serve_options->clients.rates.api.per_minute,
                  "JSON API requests each client may send a minute (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--trust-forwarded-for", serve_options->clients.trust_forwarded_for,
                "Take the client's address from the last X-Forwarded-For entry (only behind a "
                "proxy that sets it)");
  cmd->callback([&options, serve_options] { serve(options, *serve_options); });
}

}  // namespace bsap::cli
