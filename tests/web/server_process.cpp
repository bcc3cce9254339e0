#include "web/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/password.h"
#include "store/user_repo.h"

namespace bsap::test {
namespace {

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "bsap-web-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ServerProcess::ServerProcess()
    : dir_(make_temp_dir()), db_url_("sqlite:" + (dir_ / "bsap.db").string()) {
  store_ = store::open_store(db_url_);
  store_->migrate();
}

ServerProcess::ServerProcess(std::string db_url)
    : dir_(make_temp_dir()), db_url_(std::move(db_url)) {
  store_ = store::open_store(db_url_);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) terminate();
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::int64_t ServerProcess::add_user(const std::string& username, const std::string& password,
                                     const std::vector<Role>& roles,
                                     const std::string& display_name) {
  auto tx = store_->begin();
  auto id = store::add_user(*tx,
                            {.username = username,
                             .display_name = display_name.empty() ? username : display_name,
                             .email = username + "@example.gov.hk",
                             .password_hash = hash_password(password),
                             .roles = roles},
                            "test");
  tx->commit();
  return id;
}

bool ServerProcess::start(const std::vector<std::string>& options) {
  std::filesystem::path output = dir_ / "server.log";
  std::vector<std::string> arguments = {BSAP_BINARY, "--db", db_url_,     "serve",
                                        "--port",    "0",    "--threads", "2"};
  arguments.insert(arguments.end(), options.begin(), options.end());
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  const std::size_t seen = read_all(output).size();  // what earlier starts printed
  pid_ = fork();
  if (pid_ == 0) {
    int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    setenv("BSAP_HOME", BSAP_HOME_DIR, 1);
    execv(BSAP_BINARY, argv.data());
    _exit(127);
  }
  static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");
  // Polls the output file; the deadline only guards against a hung start.
  for (int attempt = 0; attempt < 1200; ++attempt) {
    std::smatch match;
    const std::string text = read_all(output).substr(seen);
    if (std::regex_search(text, match, kListening)) {
      port_ = static_cast<unsigned short>(std::stoi(match[1].str()));
      return true;
    }
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

int ServerProcess::terminate() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ServerProcess::kill_now() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string ServerProcess::server_output() const { return read_all(dir_ / "server.log"); }

}  // namespace bsap::test
