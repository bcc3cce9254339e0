#include "store/resubmission_round.h"

#include <fmt/format.h>

#include "store/application_repo.h"
#include "store/assessment_repo.h"
#include "store/repo_support.h"

namespace bsap::store {
namespace {

std::string describe(const Round& round) {
  return fmt::format("\"{}\" / 「{}」 ({} to {})", round.name_en, round.name_zh,
                     format_iso(round.opens_on), format_iso(round.closes_on));
}

}  // namespace

void require_later_round(Transaction& tx, std::int64_t rejected_application_id,
                         const Round& round) {
  const auto rejected = find_assessment(tx, rejected_application_id);
  if (!rejected)
    throw StoreError(fmt::format("the application a resubmission revises ({}) was never submitted",
                                 rejected_application_id));
  const auto rejected_round =
      rejected->round_id ? find_round(tx, *rejected->round_id) : std::nullopt;
  const CivilDate last_day = rejected_round
                                 ? rejected_round->closes_on
                                 : stored_date(rejected->submitted_on, "applications.submitted_on");
  if (round.opens_on > last_day) return;

  const std::string was_in = rejected_round
                                 ? "was in the round " + describe(*rejected_round)
                                 : "was submitted on " + rejected->submitted_on + ", in no round";
  throw NotALaterRound(fmt::format(
      "the rejected application {} {}. A revised application is resubmitted to a later round "
      "(guidelines §4.5.1), one opening after {}; the round {} is not one. Submit it once a "
      "later round is open",
      rejected->reference, was_in, format_iso(last_day), describe(round)));
}

}  // namespace bsap::store
