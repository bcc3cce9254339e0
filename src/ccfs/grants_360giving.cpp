#include "ccfs/grants_360giving.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/csv.h"

namespace bsap::ccfs {
namespace {

using Json = nlohmann::ordered_json;  // keys in the order the standard's documentation lists them

// docs/decisions/0008-360giving.md gives the reasons for these identifiers and names.
constexpr std::string_view kSchemaVersion = "1.4";
constexpr std::string_view kCurrency = "HKD";
constexpr std::string_view kFunderId = "360G-hkccfs-org-CCO";
constexpr std::string_view kFunderName =
    "Countryside Conservation Office, Environment and Ecology Bureau, HKSAR Government";
constexpr std::string_view kFunderNameZh = "香港特別行政區政府環境及生態局鄉郊保育辦公室";
constexpr std::string_view kProgrammeTitle = "Countryside Conservation Funding Scheme";
constexpr std::string_view kCountryCode = "HK";
constexpr std::string_view kListSeparator = "; ";

// "1234567.89", "0.10", "-5.00": the amount's exact decimal text, from its integer cents.
std::string decimal_amount(Money amount) {
  const std::int64_t cents = amount.cents();
  // The magnitude as unsigned, so that the most negative int64 has one too.
  const std::uint64_t magnitude =
      cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const std::uint64_t fraction = magnitude % 100;
  std::string text = cents < 0 ? "-" : "";
  text += std::to_string(magnitude / 100);
  text += fraction < 10 ? ".0" : ".";
  text += std::to_string(fraction);
  return text;
}

// The standard's guidance: separate with hyphens, replace anything else that is not a letter
// or a digit with an underscore.
std::string identifier_part(std::string_view text) {
  std::string part(text);
  for (char& c : part) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    if (!plain) c = '_';
  }
  return part;
}

// English where given, else the Chinese: the standard's fields carry one name.
const std::string& preferred_name(const std::string& en, const std::string& zh) {
  return en.empty() ? zh : en;
}

std::string site_name(const PublicGrant& grant, std::size_t i) {
  const std::string en = i < grant.site_names_en.size() ? grant.site_names_en[i] : "";
  const std::string zh = i < grant.site_names_zh.size() ? grant.site_names_zh[i] : "";
  const std::string& name = preferred_name(en, zh);
  return name.empty() ? grant.site_codes[i] : name;
}

std::string recipient_name(const PublicGrant& grant) {
  return preferred_name(grant.organisation_name_en, grant.organisation_name_zh);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The run of digits at the start of text, without its leading zeros.
std::string_view number_at(std::string_view text, std::size_t& length) {
  length = 0;
  while (length < text.size() && is_digit(text[length])) ++length;
  std::string_view number = text.substr(0, length);
  while (number.size() > 1 && number.front() == '0') number.remove_prefix(1);
  return number;
}

// Runs of digits compare as numbers, so that CCFS-2026-9999 comes before CCFS-2026-10000 (the
// sequence grows a digit past 9999: application_repo.h).
bool reference_before(std::string_view a, std::string_view b) {
  while (!a.empty() && !b.empty()) {
    if (is_digit(a.front()) && is_digit(b.front())) {
      std::size_t a_length = 0, b_length = 0;
      const std::string_view a_number = number_at(a, a_length);
      const std::string_view b_number = number_at(b, b_length);
      if (a_number.size() != b_number.size()) return a_number.size() < b_number.size();
      if (a_number != b_number) return a_number < b_number;
      a.remove_prefix(a_length);
      b.remove_prefix(b_length);
      continue;
    }
    if (a.front() != b.front()) return a.front() < b.front();
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  return a.size() < b.size();
}

std::vector<const PublicGrant*> in_reference_order(const std::vector<PublicGrant>& grants) {
  std::vector<const PublicGrant*> ordered;
  ordered.reserve(grants.size());
  for (const PublicGrant& grant : grants) ordered.push_back(&grant);
  std::ranges::stable_sort(ordered, [](const PublicGrant* a, const PublicGrant* b) {
    return reference_before(a->reference, b->reference);
  });
  return ordered;
}

// ---- JSON

Json recipient_json(const PublicGrant& grant) {
  Json recipient = {{"id", grant.organisation_identifier}, {"name", recipient_name(grant)}};
  if (!grant.organisation_name_en.empty() && !grant.organisation_name_zh.empty())
    recipient["alternateName"] = grant.organisation_name_zh;
  return Json::array({recipient});
}

Json funder_json() {
  return Json::array(
      {{{"id", kFunderId}, {"name", kFunderName}, {"alternateName", kFunderNameZh}}});
}

Json planned_dates_json(const PublicGrant& grant) {
  Json event = Json::object();
  if (grant.planned_start) event["startDate"] = format_iso(*grant.planned_start);
  if (grant.duration_months) event["duration"] = *grant.duration_months;
  return Json::array({event});
}

Json locations_json(const PublicGrant& grant) {
  Json locations = Json::array();
  for (std::size_t i = 0; i < grant.site_codes.size(); ++i)
    locations.push_back({{"name", site_name(grant, i)}, {"countryCode", kCountryCode}});
  return locations;
}

Json additional_data_json(const PublicGrant& grant) {
  return {{"reference", grant.reference},
          {"status", grant.status},
          {"project_type", grant.project_type},
          {"project_type_zh", grant.project_type_zh},
          {"project_type_en", grant.project_type_en},
          {"recipient_name_zh", grant.organisation_name_zh},
          {"recipient_name_en", grant.organisation_name_en},
          {"site_codes", grant.site_codes},
          {"site_names_zh", grant.site_names_zh},
          {"site_names_en", grant.site_names_en}};
}

Json grant_json(const PublicGrant& grant) {
  // The amount goes in as its decimal text and is unquoted after dumping (unquote_amounts).
  Json json = {{"id", grant_id(grant.reference)},
               {"title", grant.title},
               {"description", grant.description},
               {"currency", kCurrency},
               {"amountAwarded", decimal_amount(grant.amount)},
               {"awardDate", format_iso(grant.decided_on)}};
  if (grant.planned_start || grant.duration_months)
    json["plannedDates"] = planned_dates_json(grant);
  json["recipientOrganization"] = recipient_json(grant);
  json["fundingOrganization"] = funder_json();
  if (!grant.site_codes.empty()) json["beneficiaryLocation"] = locations_json(grant);
  json["grantProgramme"] = Json::array({{{"title", kProgrammeTitle}}});
  json["additional_data"] = additional_data_json(grant);
  return json;
}

// nlohmann writes a number as a double, and a double cannot hold 0.10 or 1234567.89: the text it
// prints round-trips but need not be the amount's own digits. So amountAwarded is dumped as the
// string "1234567.89" and its quotes are removed here. The pattern cannot occur inside a string
// value: there every quote is escaped, and the key is followed by `\"`, not `"`.
std::string unquote_amounts(const std::string& text) {
  static constexpr std::string_view kKey = "\"amountAwarded\": \"";
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  for (auto at = text.find(kKey); at != std::string::npos; at = text.find(kKey, from)) {
    const std::size_t value = at + kKey.size();
    const std::size_t close = text.find('"', value);
    out.append(text, from, value - 1 - from);  // up to the opening quote
    out.append(text, value, close - value);
    from = close + 1;
  }
  out.append(text, from);
  return out;
}

// ---- CSV

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += kListSeparator;
    text += item;
  }
  return text;
}

// The standard's flattened titles (its spreadsheet template), then the scheme's own columns
// under "CCFS:", the additional_data of the JSON.
const std::vector<std::string>& csv_header() {
  static const std::vector<std::string> header{
      "Identifier",
      "Title",
      "Description",
      "Currency",
      "Amount Awarded",
      "Award Date",
      "Recipient Org:Identifier",
      "Recipient Org:Name",
      "Funding Org:Identifier",
      "Funding Org:Name",
      "Planned Dates:Start Date",
      "Planned Dates:Duration (months)",
      "Grant Programme:Title",
      "Beneficiary Location:Name",
      "CCFS:Reference",
      "CCFS:Status",
      "CCFS:Project Type",
      "CCFS:Project Type (Chinese)",
      "CCFS:Recipient Org Name (Chinese)",
      "CCFS:Site Codes",
      "CCFS:Site Names (Chinese)",
  };
  return header;
}

std::vector<std::string> csv_row(const PublicGrant& grant) {
  std::vector<std::string> locations;
  for (std::size_t i = 0; i < grant.site_codes.size(); ++i)
    locations.push_back(site_name(grant, i));
  return {grant_id(grant.reference),
          grant.title,
          grant.description,
          std::string(kCurrency),
          decimal_amount(grant.amount),
          format_iso(grant.decided_on),
          grant.organisation_identifier,
          recipient_name(grant),
          std::string(kFunderId),
          std::string(kFunderName),
          grant.planned_start ? format_iso(*grant.planned_start) : "",
          grant.duration_months ? std::to_string(*grant.duration_months) : "",
          std::string(kProgrammeTitle),
          joined(locations),
          grant.reference,
          grant.status,
          grant.project_type_en,
          grant.project_type_zh,
          grant.organisation_name_zh,
          joined(grant.site_codes),
          joined(grant.site_names_zh)};
}

}  // namespace

std::string grant_id(std::string_view reference) {
  return std::string(kGrantIdPrefix) + "-" + identifier_part(reference);
}

std::string grants_package_json(const std::vector<PublicGrant>& grants) {
  Json list = Json::array();
  for (const PublicGrant* grant : in_reference_order(grants)) list.push_back(grant_json(*grant));
  const Json package = {{"version", kSchemaVersion}, {"grants", std::move(list)}};
  // Texts typed by applicants are valid UTF-8 once stored; replace rather than throw should one
  // built in code carry stray bytes.
  return unquote_amounts(package.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}

std::string grants_csv(const std::vector<PublicGrant>& grants) {
  std::string csv = csv_record(csv_header());
  for (const PublicGrant* grant : in_reference_order(grants)) csv += csv_record(csv_row(*grant));
  return csv;
}

}  // namespace bsap::ccfs
