#include "web/sample_applications.h"

#include <fstream>
#include <sstream>

#include "store/application_repo.h"
#include "store/assessment_repo.h"

namespace bsap::test {
namespace {

CivilDate day(int y, unsigned m, unsigned d) { return *CivilDate::from_ymd(y, m, d); }

// The path from submission to the committee, as the secretariat moves it.
struct Move {
  const char* from;
  const char* to;
  const char* event;
};
constexpr Move kMoves[] = {
    {"submitted", "screening", "begin_screening"},
    {"screening", "assessment_panel", "refer_to_assessment_panel"},
    {"assessment_panel", "approval_panel", "refer_to_approval_panel"},
    {"approval_panel", "committee", "refer_to_committee"},
};

std::int64_t moved_on(store::Transaction& tx, const ApplicationOwner& owner,
                      std::string_view state) {
  const std::int64_t id = store::create_application(
      tx, {owner.organisation, "management_agreement", owner.title, marsh_application_document()},
      owner.person_in_charge);
  store::submit_application(tx, id, 1, owner.person_in_charge, "1.8", day(2026, 5, 4));
  for (const Move& move : kMoves) {
    if (state == "submitted") break;
    store::record_transition(tx, {id, move.from, move.to, move.event, "secretariat",
                                  owner.secretariat, "Eligible", day(2026, 5, 5)});
    if (state == move.to) break;
  }
  return id;
}

}  // namespace

std::string marsh_application_document() {
  std::ifstream in(std::string(BSAP_HOME_DIR) +
                   "/tests/fixtures/applications/01-ma-sha-lo-tung-marsh-good.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::int64_t application_at(store::Store& store, const ApplicationOwner& owner,
                            std::string_view state) {
  auto tx = store.begin();
  const std::int64_t id = moved_on(*tx, owner, state);
  tx->commit();
  return id;
}

std::int64_t approved_application(store::Store& store, const ApplicationOwner& owner) {
  auto tx = store.begin();
  const std::int64_t id = moved_on(*tx, owner, "committee");
  store::record_transition(*tx, {id, "committee", "approved", "approve", "committee",
                                 owner.secretariat, "Eligible", day(2026, 7, 1)});
  store::Decision decision;
  decision.application_id = id;
  decision.outcome = "approved";
  decision.approved_amount = kApprovedAmount;
  decision.duration_months = 24;
  decision.conditions = "Quarterly site visits";
  decision.decided_by = owner.secretariat;
  decision.decided_on = day(2026, 7, 1);
  store::record_decision(*tx, decision);
  tx->commit();
  return id;
}

}  // namespace bsap::test
