// §2.7.9: each co-organiser or supporting organisation confirms its role and consent in writing
// and meets §2.3.1 as the applicant does (「申請者及合辦／支持機構須提供」): kind, Cap. 151,
// documents. §2.7.10: confirmed sponsorship needs the sponsor's written confirmation; pending
// sponsorship needs its chances or the actions taken. §3.11.3: no sponsorship from the prohibited
// sponsors (the liquor trade only for activities for under-18s). All 「須」/「不得」: blocking.
#include <string>

#include "ccfs/app_organisation.h"
#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

// §3.11.3(d) prohibits the liquor trade only where the activity is for persons under 18; the
// typed rule keeps the key, the application says whether the activity is one.
constexpr std::string_view kLiquorForYouth = "alcohol_youth";

std::string partner_zh(const Partner& partner) { return "合辦／支持機構「" + partner.name + "」"; }
std::string partner_en(const Partner& partner) {
  return "the co-organiser or supporting organisation '" + partner.name + "'";
}

void check_confirmation(std::size_t index, const CheckInput& input, FindingSink& sink) {
  const Partner& partner = input.application.partners[index];
  if (partner.written_confirmation && !is_blank(partner.role)) return;
  const std::string field =
      item_field("partners", index, partner.written_confirmation ? "role" : "written_confirmation");
  sink.blocking(
      "partner.confirmation", input.ruleset.application.co_organiser_confirmation.clause, field,
      "請提供由" + partner_zh(partner) + "發出的書面確認，說明其在項目中擔任的角色及同意參與項目。",
      "Attach written confirmation from " + partner_en(partner) +
          " stating its role in the project and its consent to take part.");
}

void check_partner(std::size_t index, const CheckInput& input, FindingSink& sink) {
  const Partner& partner = input.application.partners[index];
  check_confirmation(index, input, sink);
  check_organisation(
      {"partner", item_field("partners", index), partner_zh(partner), partner_en(partner),
       partner.kind, partner.registered_under_societies_ordinance, partner.documents},
      input.ruleset.application, sink);
}

std::string sponsor_zh(const FundingSource& source) { return "贊助團體「" + source.name + "」"; }
std::string sponsor_en(const FundingSource& source) { return "the sponsor '" + source.name + "'"; }

// §2.7.10: confirmed → the sponsor's letter; pending → its chances or the actions taken.
void check_sponsor_confirmation(std::size_t index, const CheckInput& input, FindingSink& sink) {
  const FundingSource& source = input.application.other_funding[index];
  const std::string& clause = input.ruleset.application.sponsor_confirmation.clause;
  if (source.status == "confirmed" && !source.written_confirmation) {
    sink.blocking("sponsor.confirmation", clause,
                  item_field("other_funding", index, "written_confirmation"),
                  "請提供由" + sponsor_zh(source) +
                      "發出的書面確認，說明所提供的贊助(現金或實物或兩者)及同意參與項目。",
                  "Attach written confirmation from " + sponsor_en(source) +
                      " of the sponsorship it gives (cash, kind or both) and its consent to take "
                      "part.");
  } else if (source.status == "pending" && is_blank(source.pending_action)) {
    sink.blocking(
        "sponsor.confirmation", clause, item_field("other_funding", index, "pending_action"),
        sponsor_zh(source) + "的贊助仍在考慮中。請說明其成功機會或為獲得贊助而採取的行動。",
        "The sponsorship from " + sponsor_en(source) +
            " is still pending. Say how likely it is or what you have done to obtain it.");
  } else if (source.status != "confirmed" && source.status != "pending") {
    sink.blocking(
        "sponsor.confirmation", clause, item_field("other_funding", index, "status"),
        "請說明" + sponsor_zh(source) + "的贊助是已確認(confirmed)還是仍在考慮中(pending)。",
        "Say whether the sponsorship from " + sponsor_en(source) + " is confirmed or pending.");
  }
}

bool prohibited_for(const rules::ProhibitedSponsor& prohibited, const FundingSource& source) {
  if (prohibited.key != source.sponsor_category) return false;
  return prohibited.key != kLiquorForYouth || source.for_under_18_activity;
}

void check_prohibited(std::size_t index, const CheckInput& input, FindingSink& sink) {
  const FundingSource& source = input.application.other_funding[index];
  for (const rules::ProhibitedSponsor& prohibited : input.ruleset.application.prohibited_sponsors) {
    if (!prohibited_for(prohibited, source)) continue;
    sink.blocking(
        "sponsor.prohibited", prohibited.clause,
        item_field("other_funding", index, "sponsor_category"),
        "申請者不得接受來自" + prohibited.name.zh + "的贊助、捐贈或廣告，亦不得與其有關聯；" +
            sponsor_zh(source) + "屬此類。請刪去此贊助。",
        "The applicant may not accept sponsorship, donations or advertising from, or be "
        "associated with: " +
            prohibited.name.en + "; " + sponsor_en(source) + " is one. Remove this sponsorship.");
  }
}

}  // namespace

void check_partners(const CheckInput& input, FindingSink& sink) {
  for (std::size_t i = 0; i < input.application.partners.size(); ++i) check_partner(i, input, sink);
  for (std::size_t i = 0; i < input.application.other_funding.size(); ++i) {
    check_sponsor_confirmation(i, input, sink);
    check_prohibited(i, input, sink);
  }
}

}  // namespace bsap::ccfs
