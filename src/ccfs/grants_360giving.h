// The public list of approved projects (§4.1.3) as open data in the 360Giving Data Standard
// (schema 1.4, ../shared/data/standards/360giving/schema/): one grant per approved application,
// JSON (the package schema's {"grants": [...]}) and CSV (the standard's flattened column
// titles). Pure: the caller gathers the grants from the store.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"

namespace bsap::ccfs {

// The scheme's identifier prefix: every grant id is "<prefix>-<reference>", stable for as long as
// the reference is, which never changes once given (application_repo.h).
inline constexpr std::string_view kGrantIdPrefix = "360G-hkccfs";

struct PublicGrant {
  std::string reference;  // CCFS-2026-0001
  std::string title;
  std::string description;  // the application's summary
  std::string organisation_name_zh;
  std::string organisation_name_en;
  std::string organisation_identifier;  // see grant_recipient_id
  std::string project_type;             // ruleset key: management_agreement, …
  std::string project_type_zh;
  std::string project_type_en;
  std::vector<std::string> site_codes;  // 附錄1 codes
  std::vector<std::string> site_names_zh;
  std::vector<std::string> site_names_en;
  Money amount;  // the approved amount
  std::optional<int> duration_months;
  std::optional<CivilDate> planned_start;
  // The committee's decision: the 360Giving awardDate.
  CivilDate decided_on = CivilDate::from_days_since_epoch(0);
  std::string status;  // "approved" or "approved_in_part"
};

// "360G-hkccfs-CCFS-2026-0001"
std::string grant_id(std::string_view reference);

// The 360Giving package: {"grants": [...]} with version "1.4", currency HKD, amountAwarded in
// dollars with cents, awardDate, plannedDates, recipientOrganization, fundingOrganization,
// beneficiaryLocation (the sites) and the CCFS's own fields under "additional_data".
// Grants in reference order. Pretty-printed, UTF-8, ends with a newline.
std::string grants_package_json(const std::vector<PublicGrant>& grants);

// The same grants as CSV with the standard's column titles ("Identifier", "Title", …), RFC 4180
// quoting, a header row even when there are no grants.
std::string grants_csv(const std::vector<PublicGrant>& grants);

}  // namespace bsap::ccfs
