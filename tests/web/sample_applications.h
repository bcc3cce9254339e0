// Applications for the web suites, made straight through the store: the eligible management
// agreement at Sha Lo Tung (tests/fixtures/applications/01-ma-sha-lo-tung-marsh-good.json),
// submitted on 2026-05-04 and moved on by the secretariat as far as a suite needs.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"
#include "store/store.h"

namespace bsap::test {

// The fixture's document, as the applicant would have saved it.
std::string marsh_application_document();

// The committee's approval (approved_application): HK$600,000 over 24 months, so a first part of
// 25 % is HK$150,000.00 (§5.5.1).
inline const Money kApprovedAmount = Money::from_cents(600'000'00);

// Who the application belongs to and who moves it.
struct ApplicationOwner {
  std::int64_t organisation = 0;
  std::int64_t person_in_charge = 0;
  std::int64_t secretariat = 0;
  std::string title = "Sha Lo Tung freshwater marsh and paddy stewardship";
};

// A submitted application moved on to `state`: submitted, screening, assessment_panel,
// approval_panel or committee.
std::int64_t application_at(store::Store& store, const ApplicationOwner& owner,
                            std::string_view state);
// An application the committee approved on 2026-07-01 with kApprovedAmount over 24 months.
std::int64_t approved_application(store::Store& store, const ApplicationOwner& owner);

}  // namespace bsap::test
