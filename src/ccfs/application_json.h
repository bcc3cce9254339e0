// The JSON form of a CCFS application (docs/application-format.md): what `bsap check FILE.json`
// reads, what POST /api/v1/applications/check receives and what the portal stores as a draft.
// The edge where outside text becomes an Application: every fault comes back as a value naming
// the JSON path and saying, in English and Traditional Chinese, what is wrong and how to fix it.
//
// Decisions (the format document gives the reasons):
// - keys are the snake_case member names of application.h; an unknown or repeated key is an
//   error, so a typo cannot pass silently;
// - money is a JSON string only ("1234.56", "HK$1,234.56"), read by parse_money, never a JSON
//   number, so that no amount goes through floating point; negative amounts are refused;
// - dates are "YYYY-MM-DD"; counts (quantity, minutes, months, metres) are whole JSON numbers >= 0;
// - a missing key leaves the member's default (empty, false, nullopt; quantity 1); null is
//   accepted only where the member is optional;
// - texts over kMaxApplicationJsonBytes are refused before parsing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ccfs/application.h"
#include "core/civil_date.h"

namespace bsap::ccfs {

inline constexpr std::size_t kMaxApplicationJsonBytes = 1024 * 1024;  // 1 MiB

// An application as a JSON document carries it: the application, the grants the applicant
// already holds (§2.5.2) and, optionally, the day to check it on.
struct ApplicationDocument {
  Application application;
  std::vector<PriorGrant> prior_grants;
  std::optional<CivilDate> checked_on;
};

struct ParseError {
  std::string path;  // "budget[3].unit_cost", "site_codes[0]"; "" for the text as a whole
  std::string message_en;
  std::string message_zh;
};

std::variant<ApplicationDocument, ParseError> parse_application_json(std::string_view text);

// The refusal of a text of `bytes` bytes, over kMaxApplicationJsonBytes: for callers that learn
// the size before reading the text (a file's size, an HTTP Content-Length).
ParseError oversize_error(std::uintmax_t bytes);

// Every member, in the order of application.h, indented by two spaces; optional members that
// are not answered are written as null. parse_application_json reads it back unchanged.
std::string to_json(const Application& application);
std::string to_json(const ApplicationDocument& document);

// {"error":{"path":…,"message_en":…,"message_zh":…}}, one line.
std::string error_json(const ParseError& error);

}  // namespace bsap::ccfs
