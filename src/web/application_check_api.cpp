// POST /api/v1/applications/check: the CCFS checker over HTTP (docs/api.md). The body is an
// application in the format of docs/application-format.md; the answer is the findings JSON of
// findings_json.h (200), or {"error":{path, message_en, message_zh}} with 400 (not a valid
// application), 413 (over 1 MiB) or 415 (not application/json). It stores nothing.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <string_view>
#include <variant>

#include "ccfs/application_json.h"
#include "ccfs/budget_totals.h"
#include "ccfs/checker.h"
#include "ccfs/findings_json.h"
#include "web/pages.h"

namespace bsap::web {
namespace {

Response json_response(int status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = std::move(body);
  response.add_header("Cache-Control", "no-store");  // an applicant's draft: never cached
  return response;
}

Response error_response(int status, const ccfs::ParseError& error) {
  return json_response(status, ccfs::error_json(error));
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// "application/json", in any case, with or without parameters ("; charset=utf-8").
bool is_json(std::string_view content_type) {
  std::string_view media_type = content_type.substr(0, content_type.find(';'));
  while (!media_type.empty() && media_type.back() == ' ') media_type.remove_suffix(1);
  while (!media_type.empty() && media_type.front() == ' ') media_type.remove_prefix(1);
  return equals_ignoring_case(media_type, "application/json");
}

Response not_json(std::string_view content_type) {
  const std::string sent = content_type.empty() ? "none" : std::string(content_type);
  return error_response(
      415, {"",
            "Send the application as JSON with the header Content-Type: application/json "
            "(this request's Content-Type: " +
                sent + ").",
            "請以 JSON 提交申請，並加上標頭 Content-Type: application/json（此要求的 "
            "Content-Type：" +
                sent + "）。"});
}

Response no_ruleset(const rules::NoRulesetInForce& none, bool day_from_body) {
  return error_response(400,
                        {day_from_body ? "checked_on" : "", none.message() + ".",
                         "於 " + format_iso(none.date) + " 沒有生效的鄉郊保育資助計劃規則版本。"});
}

}  // namespace

Response application_check_api(RequestContext& ctx) {
  const Request& request = ctx.request();
  if (!is_json(request.header("Content-Type"))) return not_json(request.header("Content-Type"));
  // The server refuses bodies over its limit first; this holds if that limit is ever raised.
  if (request.body.size() > ccfs::kMaxApplicationJsonBytes)
    return error_response(413, ccfs::oversize_error(request.body.size()));

  auto parsed = ccfs::parse_application_json(request.body);
  if (const auto* error = std::get_if<ccfs::ParseError>(&parsed))
    return error_response(400, *error);
  const auto& document = std::get<ccfs::ApplicationDocument>(parsed);

  const CivilDate day =
      document.checked_on.value_or(today_in_hong_kong(std::chrono::system_clock::now()));
  auto in_force = ctx.web().domain.rulesets.ruleset_for(day);
  if (const auto* none = std::get_if<rules::NoRulesetInForce>(&in_force))
    return no_ruleset(*none, document.checked_on.has_value());
  const auto& ruleset = *std::get<std::shared_ptr<const rules::Ruleset>>(in_force);

  const ccfs::CheckResult result = ccfs::check_application(
      document.application, ruleset, ccfs::CheckContext{day, document.prior_grants});
  return json_response(200, ccfs::findings_json({result, ruleset.version, day,
                                                 ccfs::budget_totals(document.application)}));
}

}  // namespace bsap::web
