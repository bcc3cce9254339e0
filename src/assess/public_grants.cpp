#include "assess/public_grants.h"

#include <memory>
#include <variant>

#include "ccfs/application_json.h"
#include "store/assessment_repo.h"

namespace bsap::assess {
namespace {

// The version in force on the decision day; before the first one took effect (a decision
// recorded with an earlier date), the first one, so that names still show.
std::shared_ptr<const rules::Ruleset> naming_ruleset(const rules::RulesetRegistry& rulesets,
                                                     CivilDate decided_on) {
  auto in_force = rulesets.ruleset_for(decided_on);
  if (auto* ruleset = std::get_if<std::shared_ptr<const rules::Ruleset>>(&in_force))
    return *ruleset;
  return rulesets.versions().empty() ? nullptr : rulesets.versions().front();
}

void name_type(ccfs::PublicGrant& grant, const rules::Ruleset* ruleset) {
  const rules::ProjectType* type = ruleset ? ruleset->project_type(grant.project_type) : nullptr;
  grant.project_type_zh = type ? type->name.zh : grant.project_type;
  grant.project_type_en = type ? type->name.en : grant.project_type;
}

void add_sites(ccfs::PublicGrant& grant, const std::vector<std::string>& codes,
               const rules::Ruleset* ruleset) {
  const rules::SiteRegistry* registry = ruleset ? ruleset->sites.get() : nullptr;
  for (const std::string& code : codes) {
    const rules::Site* site = registry ? registry->find(code) : nullptr;
    grant.site_codes.push_back(code);
    grant.site_names_zh.push_back(site ? site->name_zh : code);
    grant.site_names_en.push_back(site ? site->name_en : code);
  }
}

// What only the row says: the listing survives a document it cannot read.
ccfs::PublicGrant from_row(const store::ApprovedGrantRow& row) {
  ccfs::PublicGrant grant;
  grant.reference = row.reference;
  grant.title = row.title;
  grant.organisation_name_zh = row.organisation_name_zh;
  grant.organisation_name_en = row.organisation_name_en;
  grant.organisation_identifier = recipient_identifier(row.organisation_id);
  grant.project_type = row.project_type;
  grant.amount = row.decision.approved_amount.value_or(Money{});
  grant.duration_months = row.decision.duration_months;
  grant.decided_on = row.decision.decided_on;
  grant.status = row.decision.outcome.empty() ? row.state : row.decision.outcome;
  return grant;
}

void note(std::vector<PublicGrantNote>* notes, const store::ApprovedGrantRow& row,
          std::string message) {
  if (notes) notes->push_back({row.application_id, row.reference, std::move(message)});
}

ccfs::PublicGrant public_grant(const store::ApprovedGrantRow& row,
                               const rules::RulesetRegistry& rulesets,
                               std::vector<PublicGrantNote>* notes) {
  ccfs::PublicGrant grant = from_row(row);
  const auto ruleset = naming_ruleset(rulesets, grant.decided_on);
  name_type(grant, ruleset.get());
  if (!row.decision.approved_amount)
    note(notes, row, "the decision records no approved amount; listed as HK$0.00");

  auto parsed = ccfs::parse_application_json(row.document_json);
  if (const auto* error = std::get_if<ccfs::ParseError>(&parsed)) {
    note(notes, row,
         "the submitted document could not be read (" +
             (error->path.empty() ? std::string() : error->path + ": ") + error->message_en +
             "); listed without its summary, sites and planned start");
  } else {
    const ccfs::Application& application = std::get<ccfs::ApplicationDocument>(parsed).application;
    grant.description = application.summary;
    grant.planned_start = application.planned_start;
    add_sites(grant, application.site_codes, ruleset.get());
  }
  // 360Giving asks for a description of every grant; the title is the best there is without one.
  if (grant.description.empty()) grant.description = grant.title;
  return grant;
}

}  // namespace

std::vector<ccfs::PublicGrant> public_grants(store::Transaction& tx,
                                             const rules::RulesetRegistry& rulesets,
                                             std::vector<PublicGrantNote>* notes) {
  std::vector<ccfs::PublicGrant> grants;
  for (const store::ApprovedGrantRow& row : store::list_approved_grants(tx))
    grants.push_back(public_grant(row, rulesets, notes));
  return grants;
}

std::string recipient_identifier(std::int64_t organisation_id) {
  return std::string(ccfs::kGrantIdPrefix) + "-org-" + std::to_string(organisation_id);
}

}  // namespace bsap::assess
