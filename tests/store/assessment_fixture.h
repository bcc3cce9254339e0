// What the assessment suites (rounds, assessments, panels) share: an organisation whose
// person-in-charge submits applications, a secretariat officer, rounds, and the audit log.
#pragma once
#include <string>
#include <vector>

#include "core/audit_chain.h"
#include "core/civil_date.h"
#include "store/application_repo.h"
#include "store/audit_repo.h"
#include "store/organisation_repo.h"
#include "store/round_repo.h"
#include "store_test_fixture.h"

namespace bsap::store::testing {

inline CivilDate day(int year, unsigned month, unsigned d) {
  return *CivilDate::from_ymd(year, month, d);
}

class AssessmentFixture : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    secretariat_ = add_test_user("officer", {Role::secretariat});
    chan_ = add_test_user("chan", {Role::applicant});
    in_transaction(*store_, [&](Transaction& tx) {
      organisation_ = create_organisation(
          tx, {"荔枝窩村公所", "Lai Chi Wo Village Office", "non_profit_company", false}, chan_,
          "董事 Director");
    });
  }

  std::int64_t new_round(const std::string& name, CivilDate opens_on, CivilDate closes_on) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      id = create_round(tx, {name + "（中）", name, opens_on, closes_on}, secretariat_);
    });
    return id;
  }

  std::int64_t new_draft(const std::string& title = "荔枝窩梯田復耕") {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      id = create_application(
          tx, {organisation_, "management_agreement", title, R"({"title":")" + title + "\"}"},
          chan_);
    });
    return id;
  }

  std::string submit(std::int64_t id, CivilDate on) {
    std::string reference;
    in_transaction(*store_, [&](Transaction& tx) {
      const int revision = find_application(tx, id)->revision;
      reference = submit_application(tx, id, revision, chan_, "1.8", on);
    });
    return reference;
  }

  std::int64_t submitted(CivilDate on, const std::string& title = "荔枝窩梯田復耕") {
    const std::int64_t id = new_draft(title);
    submit(id, on);
    return id;
  }

  std::vector<AuditRecord> audit_log() {
    std::vector<AuditRecord> records;
    in_transaction(*store_, [&](Transaction& tx) { records = load_audit_log(tx); });
    return records;
  }

  // "actor entity action" of every record after the first `from`.
  std::vector<std::string> audited_since(std::size_t from) {
    std::vector<std::string> what;
    const auto records = audit_log();
    for (auto i = from; i < records.size(); ++i)
      what.push_back(records[i].actor + " " + records[i].entity + " " + records[i].action);
    return what;
  }

  std::int64_t secretariat_ = 0;
  std::int64_t chan_ = 0;  // the organisation's person-in-charge
  std::int64_t organisation_ = 0;
};

}  // namespace bsap::store::testing
