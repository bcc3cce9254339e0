// Application JSON as `bsap check FILE.json` and POST /api/v1/applications/check receive it:
// parse_application_json, then, for a document it accepts, what the API does with it (the
// clause-by-clause check against the real ruleset 1.8) and the promise of application_json.h
// that to_json writes what parse_application_json reads back unchanged.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <variant>

#include "ccfs/application_json.h"
#include "ccfs/checker.h"
#include "core/civil_date.h"
#include "fuzz_support.h"
#include "rules/ruleset_loader.h"

namespace {

const bsap::rules::Ruleset& ruleset() {
  static const std::shared_ptr<const bsap::rules::Ruleset> loaded = [] {
    auto result =
        bsap::rules::load_ruleset(bsap::fuzz::source_dir() / "data" / "ccfs" / "ruleset-1.8");
    if (!std::holds_alternative<std::shared_ptr<const bsap::rules::Ruleset>>(result)) std::abort();
    return std::get<std::shared_ptr<const bsap::rules::Ruleset>>(result);
  }();
  return *loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = bsap::ccfs::parse_application_json(bsap::fuzz::as_text(data, size));
  if (const auto* error = std::get_if<bsap::ccfs::ParseError>(&parsed)) {
    (void)bsap::ccfs::error_json(*error);
    return 0;
  }
  const auto& document = std::get<bsap::ccfs::ApplicationDocument>(parsed);
  bsap::ccfs::CheckContext context{
      document.checked_on.value_or(*bsap::CivilDate::from_ymd(2026, 3, 1)), document.prior_grants,
      false};
  (void)bsap::ccfs::check_application(document.application, ruleset(), context);

  const std::string written = bsap::ccfs::to_json(document);
  const auto again = bsap::ccfs::parse_application_json(written);
  if (!std::holds_alternative<bsap::ccfs::ApplicationDocument>(again)) std::abort();
  if (bsap::ccfs::to_json(std::get<bsap::ccfs::ApplicationDocument>(again)) != written)
    std::abort();  // read back unchanged
  return 0;
}
