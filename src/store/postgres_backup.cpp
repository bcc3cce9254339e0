// PostgreSQL backup and restore with PostgreSQL's own tools: pg_dump's custom format, pg_restore
// to read it back as SQL, psql to replay that SQL in one transaction.
#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "store/backup_backends.h"
#include "store/catalogue.h"
#include "store/postgres_store.h"

extern char** environ;

namespace bsap::store {
namespace {

// Debian's postgresql-15 keeps its tools here; /usr/bin holds wrappers that pick a version.
constexpr const char* kToolFolder = "/usr/lib/postgresql/15/bin";
constexpr std::string_view kCustomFormatMagic = "PGDMP";
constexpr std::size_t kMessageLimit = 600;

std::string tool_path(const std::string& name) {
  const std::filesystem::path candidate = std::filesystem::path(kToolFolder) / name;
  return std::filesystem::exists(candidate) ? candidate.string() : name;
}

// libpq's environment variables (PGHOST, PGPASSWORD, ...) for the URL, from libpq's own parse:
// the tools get the connection this way, so that no password appears on a command line.
std::map<std::string, std::string> connection_environment(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    const std::string reason = error ? error : "out of memory";
    PQfreemem(error);
    throw StoreError("bad PostgreSQL URL: " + reason);
  }
  std::map<std::string, std::string> variables;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o)
    if (o->val != nullptr && *o->val != '\0' && o->envvar != nullptr) variables[o->envvar] = o->val;
  PQconninfoFree(options);
  return variables;
}

struct ToolResult {
  int exit_code = -1;
  std::string errors;  // what it wrote on stderr, shortened
};

class TempFile {
 public:
  explicit TempFile(const char* stem) {
    std::string pattern = (std::filesystem::temp_directory_path() / stem).string() + "-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw StoreError("cannot create a temporary file in " + pattern);
    close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string result = text.str();
  while (!result.empty() && (result.back() == '\n' || result.back() == ' ')) result.pop_back();
  // The tools' last words say what failed; earlier lines are context.
  if (result.size() > kMessageLimit) result = "… " + result.substr(result.size() - kMessageLimit);
  return result;
}

// Runs a PostgreSQL tool with the connection in its environment; stdout goes to /dev/null.
ToolResult run_tool(const std::string& name, const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& connection) {
  std::vector<std::string> environment_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (!connection.contains(std::string(entry.substr(0, entry.find('=')))))
      environment_strings.emplace_back(entry);
  }
  for (const auto& [key, value] : connection) environment_strings.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (auto& entry : environment_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);

  const std::string program = tool_path(name);
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);

  TempFile errors("bsap-pg-tool");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, errors.path().c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw StoreError("cannot run " + program + ": " + std::strerror(spawned) +
                     " (install postgresql-client-15)");
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(errors.path())};
}

void run_tool_or_throw(const std::string& name, const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& connection,
                       const std::string& doing) {
  const ToolResult result = run_tool(name, args, connection);
  if (result.exit_code != 0) throw StoreError(doing + ": " + name + ": " + result.errors);
}

bool starts_with_custom_format_magic(const std::filesystem::path& file) {
  std::string magic(kCustomFormatMagic.size(), '\0');
  std::ifstream in(file, std::ios::binary);
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  return in && magic == kCustomFormatMagic;
}

std::string quote_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// A database created beside the target to check a backup in, dropped when done.
class ScratchDatabase {
 public:
  ScratchDatabase(const std::string& url, const std::map<std::string, std::string>& connection)
      : admin_(connection), connection_(connection) {
    name_ = "bsap_restore_" + std::to_string(getpid()) + "_" +
            std::to_string(std::random_device{}() % 1'000'000);
    run_tool_or_throw("psql", {"--no-psqlrc", "-q", "-c", "CREATE DATABASE " + name_}, admin_,
                      "creating a scratch database to check the backup in (the role needs "
                      "CREATEDB)");
    url_ = url_with_database(url, name_);
    connection_["PGDATABASE"] = name_;
  }
  ~ScratchDatabase() {
    try {
      run_tool("psql",
               {"--no-psqlrc", "-q", "-c", "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)"},
               admin_);
    } catch (const StoreError&) {  // psql ran a moment ago; nothing more to do if it now cannot
    }
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::map<std::string, std::string>& connection() const { return connection_; }

 private:
  std::map<std::string, std::string> admin_;  // the target's own database, to drop this one from
  std::map<std::string, std::string> connection_;
  std::string name_;
  std::string url_;
};

// Replays script in one transaction; prefix runs first, in the same transaction.
void replay(const std::filesystem::path& prefix, const std::filesystem::path& script,
            const std::map<std::string, std::string>& connection, const std::string& doing) {
  run_tool_or_throw("psql",
                    {"--no-psqlrc", "-q", "--single-transaction", "-v", "ON_ERROR_STOP=1", "-f",
                     prefix.string(), "-f", script.string()},
                    connection, doing);
}

// Keeps psql's NOTICEs ("drop cascades to ...") out of the error text an operator reads.
constexpr const char* kQuietSql = "SET client_min_messages = warning;\n";

// SQL that drops every table of the target's schema, so the backup's tables replace them.
std::string drop_tables_sql(Store& target) {
  std::string sql = kQuietSql;
  in_transaction(target, [&](Transaction& tx) {
    for (const std::string& table : table_names(tx))
      sql += "DROP TABLE IF EXISTS " + quote_identifier(table) + " CASCADE;\n";
  });
  return sql;
}

}  // namespace

std::uintmax_t postgres_backup(const std::string& url, const std::filesystem::path& file) {
  const auto connection = connection_environment(url);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  const std::filesystem::path partial = file.string() + ".partial";
  run_tool_or_throw("pg_dump", {"--format=custom", "--file=" + partial.string()}, connection,
                    "dumping the database");
  // pg_restore --list reads the archive's table of contents: a sign the file is whole.
  const ToolResult listed = run_tool("pg_restore", {"--list", partial.string()}, connection);
  if (listed.exit_code != 0) {
    std::filesystem::remove(partial);
    throw StoreError("the dump cannot be read back: " + listed.errors);
  }
  std::filesystem::rename(partial, file);
  return std::filesystem::file_size(file);
}

RestoreOutcome postgres_restore(const std::string& url, const std::filesystem::path& file,
                                bool force) {
  if (!starts_with_custom_format_magic(file))
    throw BadBackup(file.string() +
                    " is not a pg_dump custom-format archive, so not a backup of a postgresql: "
                    "database");
  const auto connection = connection_environment(url);
  auto target = open_store(url);
  bool has_data = false;
  in_transaction(*target, [&](Transaction& tx) { has_data = holds_data(tx); });
  if (has_data && !force) throw TargetHoldsData(holds_data_message("the database"));

  // pg_restore reads the whole archive to write it out as SQL: a damaged or cut-off file fails
  // here, before anything is touched.
  TempFile script("bsap-restore-sql");
  const ToolResult read_back = run_tool(
      "pg_restore",
      {"--no-owner", "--no-privileges", "--file=" + script.path().string(), file.string()}, {});
  if (read_back.exit_code != 0)
    throw BadBackup("the backup " + file.string() +
                    " is damaged or incomplete: " + read_back.errors);

  TempFile quiet("bsap-restore-prefix");
  std::ofstream(quiet.path()) << kQuietSql;
  RestoreOutcome outcome;
  {
    ScratchDatabase scratch(url, connection);
    outcome = checked_in_scratch(file, scratch.url(), "cannot be restored", [&] {
      replay(quiet.path(), script.path(), scratch.connection(),
             "restoring into a scratch database");
    });
  }

  TempFile drop("bsap-restore-drop");
  std::ofstream(drop.path()) << drop_tables_sql(*target);
  target.reset();  // its pooled connections would keep the tables' locks waiting
  replay(drop.path(), script.path(), connection, "restoring into the database");
  return outcome;
}

}  // namespace bsap::store
