// The real `bsap serve` killed with SIGKILL at random moments of an application's submission
// (guidelines §2.7.5) and of an instalment's release (§5.5.1), then restarted, on each backend.
// After each kill, every operation is whole or absent: either its state changed and every table
// grew by exactly the rows the same operation adds when it runs to the end (its audit records,
// revision, notices, e-mails, events), or nothing changed at all. At the end the audit chain
// verifies and the server serves both.
//
// Each operation first runs twice to its end, not killed: the first may add a row once only (the
// year's reference counter), the second gives the rows a whole operation adds and how long it
// takes; each kill then lands after a random pause of up to 1.5 times that. The seed is printed;
// BSAP_KILL_SEED=N replays a run.

#include <soci/soci.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <regex>
#include <thread>

#include "core/civil_date.h"
#include "core/password.h"
#include "manage/project_service.h"
#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/catalogue.h"
#include "store/document_repo.h"
#include "store/organisation_repo.h"
#include "store/project_repo.h"
#include "store/store_test_fixture.h"
#include "store/user_repo.h"
#include "support/run_program.h"
#include "support/test_ruleset.h"
#include "web/http_client.h"
#include "web/sample_applications.h"
#include "web/server_process.h"

namespace bsap::test {
namespace {

using store::Backend;
using store::Transaction;

constexpr int kKillsPerOperation = 8;
constexpr const char* kPassword = "kill-and-restart";
constexpr std::string_view kPdf = "%PDF-1.4\n% test paper\n%%EOF\n";
// §2.3.1: the papers a non-profit company's application is judged with.
constexpr const char* kCompanyPapers[] = {"tax_exemption_letter", "certificate_of_incorporation",
                                          "articles_of_association", "directors_list"};

using RowCounts = std::map<std::string, std::int64_t>;

RowCounts row_counts(store::Store& store) {
  RowCounts counts;
  store::in_transaction(store, [&](Transaction& tx) {
    for (const std::string& table : store::table_names(tx)) {
      std::int64_t rows = 0;
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(rows);
      counts[table] = rows;
    }
  });
  return counts;
}

// The tables that grew from before to after, and by how many rows.
RowCounts growth(const RowCounts& before, const RowCounts& after) {
  RowCounts grown;
  for (const auto& [table, rows] : after)
    if (rows != before.at(table)) grown[table] = rows - before.at(table);
  return grown;
}

std::string describe(const RowCounts& counts) {
  std::string text;
  for (const auto& [table, rows] : counts) text += table + " +" + std::to_string(rows) + " ";
  return text.empty() ? "(nothing)" : text;
}

// The page's error summary, where a refused form says why.
std::string findings(const std::string& html) {
  const auto start = html.find("<main");
  return start == std::string::npos ? html.substr(0, 2000) : html.substr(start, 3000);
}

enum class Operation { submission, release };

const char* name_of(Operation operation) {
  return operation == Operation::submission ? "submission" : "release";
}

// What the tests' database holds before the server first starts: an applicant whose organisation
// has its papers, with one draft per submission to make; a secretariat officer with one signed
// project per release to make, its first instalment due.
struct Prepared {
  std::vector<std::int64_t> drafts;
  std::vector<std::int64_t> projects;
};

Prepared prepare(store::Store& store, int count) {
  Prepared prepared;
  auto tx = store.begin();
  const std::int64_t applicant = store::add_user(*tx,
                                                 {"kr_applicant",
                                                  "Applicant",
                                                  "kr_applicant@example.org",
                                                  hash_password(kPassword),
                                                  {Role::applicant}},
                                                 "test");
  const std::int64_t officer = store::add_user(*tx,
                                               {"kr_secretariat",
                                                "Officer",
                                                "kr_secretariat@example.gov.hk",
                                                hash_password(kPassword),
                                                {Role::secretariat}},
                                               "test");
  const std::int64_t organisation = store::create_organisation(
      *tx, {"濕地守護有限公司", "Wetland Keepers Limited", "non_profit_company", false}, applicant,
      "Director");
  for (const char* kind : kCompanyPapers)
    store::store_document(*tx, organisation, kind, std::string(kind) + ".pdf", kPdf, applicant);
  tx->commit();

  const CivilDate today = today_in_hong_kong(std::chrono::system_clock::now());
  for (int i = 0; i < count; ++i) {
    auto draft = store.begin();
    prepared.drafts.push_back(store::create_application(
        *draft,
        {organisation, "management_agreement", "Marsh stewardship " + std::to_string(i),
         marsh_application_document()},
        applicant));
    // §2.7.6: the site map, a photo of the site and the habitat map.
    for (const char* kind : {"site_map", "site_photo", "habitat_map"})
      store::attach_document(*draft, prepared.drafts.back(),
                             store::store_document(*draft, organisation, kind,
                                                   std::string(kind) + ".pdf", kPdf, applicant),
                             applicant);
    draft->commit();

    const std::int64_t id = approved_application(
        store, {organisation, applicant, officer, "Approved project " + std::to_string(i)});
    auto project = store.begin();
    manage::OpenProject open;
    open.application_id = id;
    open.start_on = today;
    manage::open_project(*project, testing::ruleset_1_8(), open, officer);
    const std::int64_t statement = store::store_document(*project, organisation, "bank_statement",
                                                         "statement.pdf", kPdf, applicant);
    manage::sign_agreement(*project, id, today, statement, std::nullopt, officer);
    project->commit();
    prepared.projects.push_back(id);
  }
  return prepared;
}

// True when the operation's own mark is in the database: the application has its reference, the
// project's first instalment its release date.
bool took_effect(store::Store& store, Operation operation, std::int64_t id) {
  bool done = false;
  store::in_transaction(store, [&](Transaction& tx) {
    if (operation == Operation::submission) {
      done = store::find_application(tx, id)->reference.has_value();
    } else {
      done = store::list_instalments(tx, id).front().released_on.has_value();
    }
  });
  return done;
}

class KillRestartTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    try {
      database_ = std::make_unique<store::testing::TestDatabase>(GetParam());
    } catch (const std::exception& e) {
      GTEST_FAIL() << e.what();
    }
    const char* seed = std::getenv("BSAP_KILL_SEED");
    seed_ = seed ? static_cast<unsigned>(std::stoul(seed)) : std::random_device{}();
    std::cout << "kill-and-restart seed " << seed_ << " (BSAP_KILL_SEED=" << seed_
              << " replays it)\n";
    RecordProperty("seed", std::to_string(seed_));
  }
  void TearDown() override {
    server_.reset();
    database_.reset();
  }

  std::unique_ptr<store::Store> open() {
    auto store = store::open_store(database_->url());
    store->migrate();
    return store;
  }

  void start_server() {
    ASSERT_TRUE(server_->start()) << server_->server_output();
    applicant_.emplace(server_->port());
    applicant_->set_session_cookie(applicant_cookie_);
    officer_.emplace(server_->port());
    officer_->set_session_cookie(officer_cookie_);
  }

  struct Request {
    HttpClient* client;
    std::string target;
    Fields fields;
  };

  // The operation's form, with the token and revision the pages give, ready to send.
  Request request_for(Operation operation, std::int64_t id) {
    HttpClient& client = operation == Operation::submission ? *applicant_ : *officer_;
    Request request{&client, "", {{"csrf_token", client.csrf_token_from("/en/account")}}};
    if (operation == Operation::release) {
      request.target = "/en/projects/" + std::to_string(id) + "/instalments/1/release";
      return request;
    }
    request.target = "/en/portal/applications/" + std::to_string(id);
    static const std::regex kRevision(R"re(name="revision" value="(\d+)")re");
    std::smatch match;
    const std::string review = client.get(request.target + "/review").body;
    if (std::regex_search(review, match, kRevision))
      request.fields.push_back({"revision", match[1]});
    request.target += "/submit";
    return request;
  }

  // Sends the form; when pause is set, kills the server that long after sending it. Returns the
  // answer (status 0 when the server died first).
  HttpResponse send(const Request& request, std::optional<std::chrono::microseconds> pause) {
    HttpResponse answer;
    std::thread sender([&] {
      try {
        answer = request.client->post_form(request.target, request.fields);
      } catch (const std::exception&) {
        answer = {};  // the connection broke under the kill
      }
    });
    if (pause) {
      std::this_thread::sleep_for(*pause);
      server_->kill_now();
    }
    sender.join();
    return answer;
  }

  std::unique_ptr<store::testing::TestDatabase> database_;
  std::unique_ptr<ServerProcess> server_;
  Prepared prepared_;
  std::optional<HttpClient> applicant_, officer_;
  std::string applicant_cookie_, officer_cookie_;
  unsigned seed_ = 0;
};

TEST_P(KillRestartTest, EverySubmissionAndReleaseIsWholeOrAbsentAfterSigkill) {
  {
    auto store = open();
    prepared_ = prepare(*store, kKillsPerOperation + 2);
  }
  server_ = std::make_unique<ServerProcess>(database_->url());
  ASSERT_TRUE(server_->start()) << server_->server_output();
  {
    HttpClient applicant(server_->port()), officer(server_->port());
    ASSERT_TRUE(applicant.sign_in("kr_applicant", kPassword));
    ASSERT_TRUE(officer.sign_in("kr_secretariat", kPassword));
    applicant_cookie_ = applicant.session_cookie();
    officer_cookie_ = officer.session_cookie();
  }
  server_->kill_now();
  start_server();

  std::mt19937 random(seed_);
  for (Operation operation : {Operation::submission, Operation::release}) {
    const auto& ids = operation == Operation::submission ? prepared_.drafts : prepared_.projects;
    // The control runs: the operation to its end, for the rows it adds and the time it takes.
    const HttpResponse first = send(request_for(operation, ids[0]), std::nullopt);
    ASSERT_EQ(first.status, 303) << name_of(operation) << " was refused: " << findings(first.body);
    auto store = open();
    const RowCounts before_control = row_counts(*store);
    const Request control = request_for(operation, ids[1]);
    const auto started = std::chrono::steady_clock::now();
    const int control_status = send(control, std::nullopt).status;
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    ASSERT_EQ(control_status, 303) << name_of(operation) << " was not accepted";
    const RowCounts whole = growth(before_control, row_counts(*store));
    ASSERT_TRUE(whole.contains("audit_log")) << describe(whole);
    std::cout << name_of(operation) << ": whole adds " << describe(whole) << "\n";

    int whole_count = 0, absent_count = 0, unanswered = 0;
    for (std::size_t i = 2; i < ids.size(); ++i) {
      const Request request = request_for(operation, ids[i]);
      const RowCounts before = row_counts(*store);
      store.reset();
      const std::chrono::microseconds pause(
          std::uniform_int_distribution<std::int64_t>(0, took.count() * 3 / 2)(random));
      const int status = send(request, pause).status;
      server_->kill_now();  // if the pause outlasted the request, the kill lands after it

      store = open();
      const RowCounts grown = growth(before, row_counts(*store));
      const bool effect = took_effect(*store, operation, ids[i]);
      SCOPED_TRACE(std::string(name_of(operation)) + " " + std::to_string(i) + ", killed after " +
                   std::to_string(pause.count()) + " µs, answer " + std::to_string(status));
      if (status == 0) ++unanswered;
      if (effect) {
        EXPECT_EQ(grown, whole) << "a part of the " << name_of(operation)
                                << " is missing: " << describe(grown);
        ++whole_count;
      } else {
        EXPECT_TRUE(grown.empty())
            << "rows of an absent " << name_of(operation) << " remain: " << describe(grown);
        EXPECT_NE(status, 303) << "the server answered that it was done, yet it is absent";
        ++absent_count;
      }
      start_server();
    }
    std::cout << name_of(operation) << ": " << kKillsPerOperation << " kills, " << unanswered
              << " before the answer; " << whole_count << " whole, " << absent_count << " absent\n";
  }

  server_->kill_now();
  const auto verified = test_support::run_bsap({"--db", database_->url(), "audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  if (GetParam() == Backend::sqlite) {
    auto store = open();
    std::string integrity;
    store::in_transaction(*store, [&](Transaction& tx) {
      tx.sql() << "PRAGMA integrity_check", soci::into(integrity);
    });
    EXPECT_EQ(integrity, "ok");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, KillRestartTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         store::testing::backend_name);

}  // namespace
}  // namespace bsap::test
