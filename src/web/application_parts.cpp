#include "web/application_parts.h"

#include <algorithm>

#include "ccfs/budget_kinds.h"

namespace bsap::web {
namespace {

// Labels live in the catalogue as app_f_<path with '.' as '_'>: "app_f_person_in_charge_name".
std::string label_key(std::string_view path) {
  std::string key = "app_f_" + std::string(path);
  std::ranges::replace(key, '.', '_');
  return key;
}

class PartBuilder {
 public:
  explicit PartBuilder(const PartTexts& texts) : texts_(texts) {}

  FieldSpec field(std::string path, FieldKind kind, std::string_view key = {}) const {
    FieldSpec spec{std::move(path), kind, "", "", {}};
    spec.label = texts_.text(key.empty() ? label_key(spec.path) : key);
    return spec;
  }
  FieldSpec choice(std::string path, std::vector<Choice> choices, std::string_view key = {}) const {
    FieldSpec spec = field(std::move(path), FieldKind::choice, key);
    spec.choices = std::move(choices);
    return spec;
  }
  // A choice whose options are catalogue texts app_c_<value>. It always offers "not chosen"
  // first, so that a blank row of a group stays blank and is dropped, not saved half-made.
  FieldSpec coded_choice(std::string path, std::vector<std::string> values,
                         std::string_view key = {}) const {
    std::vector<Choice> choices;
    if (std::ranges::find(values, "") == values.end())
      choices.push_back({"", texts_.text("app_c_choose")});
    for (std::string& value : values) choices.push_back({value, texts_.text("app_c_" + value)});
    return choice(std::move(path), std::move(choices), key);
  }
  GroupSpec group(std::string path, std::vector<FieldSpec> columns) const {
    return {path, texts_.text(label_key(path)), texts_.text(label_key(path) + "_row"),
            std::move(columns)};
  }
  std::string text(std::string_view key) const { return texts_.text(key); }
  std::string data_text(const rules::Bilingual& b) const { return texts_.data_text(b.zh, b.en); }

 private:
  const PartTexts& texts_;
};

// In a group, a column's label key names the group too: app_f_budget_unit_cost.
FieldSpec column(const PartBuilder& b, std::string_view group, std::string path, FieldKind kind) {
  return b.field(path, kind, label_key(std::string(group) + "." + path));
}

bool is_ma(const rules::ProjectType* type) { return type && type->application_form == "ma"; }
bool needs_remote_village(const rules::ProjectType* type) { return type && type->site_rule; }

PartSpec about_part(const PartBuilder& b) {
  return {
      "about",
      b.text("app_part_about"),
      "§2.5.1, §2.7",
      {b.field("title", FieldKind::text), b.field("summary", FieldKind::textarea),
       b.field("planned_start", FieldKind::date), b.field("duration_months", FieldKind::integer),
       b.coded_choice("language", {"zh-Hant", "en"})},
      {},
      {"title", "summary", "planned_start", "duration_months", "language", "project_type"}};
}

PartSpec declarations_part(const PartBuilder& b) {
  return {"declarations",
          b.text("app_part_declarations"),
          "§2.3.1, §2.6.3, §3.10.2",
          {b.field("applicant.has_contract_capacity", FieldKind::yes_no),
           b.field("applicant.registered_under_societies_ordinance", FieldKind::yes_no),
           b.field("applicant.receives_government_subvention", FieldKind::yes_no),
           b.field("person_in_charge.name", FieldKind::text),
           b.field("person_in_charge.post", FieldKind::text),
           b.field("person_in_charge.named_in_documents", FieldKind::yes_no)},
          {},
          {"applicant", "person_in_charge"}};
}

PartSpec site_part(const PartBuilder& b, const rules::ProjectType* type) {
  PartSpec part{
      "site",
      b.text("app_part_site"),
      "§2.1, §2.7.6, 附錄1",
      // The map, photos and habitat map of §2.7.6 are files: attached on the task list.
      {b.field("site_codes", FieldKind::lines), b.field("map_reference", FieldKind::text)},
      {},
      {"site_codes", "map_reference", "site_map", "site_photos", "habitat_map",
       "walk_to_public_transport_m", "map_shows_public_transport"}};
  if (needs_remote_village(type)) {
    part.fields.push_back(b.field("walk_to_public_transport_m", FieldKind::integer));
    part.fields.push_back(b.field("map_shows_public_transport", FieldKind::checkbox));
  }
  return part;
}

PartSpec objectives_part(const PartBuilder& b) {
  return {"objectives",
          b.text("app_part_objectives"),
          "§2.7.7",
          {b.field("objectives", FieldKind::textarea), b.field("benefits", FieldKind::textarea)},
          {},
          {"objectives", "benefits"}};
}

// §2.7.11: the details each type asks for, named as the ruleset names them.
PartSpec details_part(const PartBuilder& b, const rules::ProjectType* type) {
  PartSpec part{
      "details",
      b.text("app_part_details"),
      "§2.7.11, §2.2",
      {},
      {},
      {"details", "heritage_assets", "management_agreement_evidence", "restoration_months"}};
  if (type) {
    for (const rules::RequiredDetail& detail : type->required_details) {
      FieldSpec spec{
          "details." + detail.key, FieldKind::textarea, b.data_text(detail.name), "", {}};
      part.fields.push_back(std::move(spec));
    }
  }
  if (is_ma(type))
    part.fields.push_back(b.field("management_agreement_evidence", FieldKind::checkbox));
  if (type && type->key == "heritage_building")
    part.fields.push_back(b.field("restoration_months", FieldKind::integer));
  part.groups.push_back(
      b.group("heritage_assets", {column(b, "heritage_assets", "name", FieldKind::text),
                                  column(b, "heritage_assets", "aab_graded", FieldKind::yes_no),
                                  column(b, "heritage_assets", "on_ich_list", FieldKind::yes_no)}));
  return part;
}

PartSpec partners_part(const PartBuilder& b) {
  return {
      "partners",
      b.text("app_part_partners"),
      "§2.7.8, §2.7.9",
      {},
      {b.group("owners", {column(b, "owners", "lot_or_address", FieldKind::text),
                          column(b, "owners", "owner", FieldKind::text),
                          column(b, "owners", "consent_in_principle", FieldKind::checkbox)}),
       b.group("partners",
               {column(b, "partners", "name", FieldKind::text),
                column(b, "partners", "role", FieldKind::text),
                b.coded_choice(
                    "kind",
                    {"charitable_institution", "non_profit_company", "post_secondary_institution"},
                    label_key("partners.kind")),
                column(b, "partners", "registered_under_societies_ordinance", FieldKind::yes_no),
                column(b, "partners", "written_confirmation", FieldKind::checkbox),
                column(b, "partners", "documents", FieldKind::lines)})},
      {"owners", "partners"}};
}

PartSpec funding_part(const PartBuilder& b, const rules::Ruleset& ruleset) {
  std::vector<Choice> sponsors{{"", b.text("app_c_none")}};
  for (const rules::ProhibitedSponsor& sponsor : ruleset.application.prohibited_sponsors)
    sponsors.push_back({sponsor.key, b.data_text(sponsor.name)});
  return {
      "funding",
      b.text("app_part_funding"),
      "§2.7.10, §3.11",
      {},
      {b.group(
           "other_funding",
           {column(b, "other_funding", "name", FieldKind::text),
            column(b, "other_funding", "amount", FieldKind::money),
            b.coded_choice("status", {"confirmed", "pending"}, label_key("other_funding.status")),
            b.choice("sponsor_category", sponsors, label_key("other_funding.sponsor_category")),
            column(b, "other_funding", "written_confirmation", FieldKind::checkbox),
            column(b, "other_funding", "pending_action", FieldKind::text),
            column(b, "other_funding", "for_under_18_activity", FieldKind::checkbox)}),
       b.group("income", {column(b, "income", "description", FieldKind::text),
                          column(b, "income", "amount", FieldKind::money)})},
      {"other_funding", "income"}};
}

PartSpec work_plan_part(const PartBuilder& b) {
  return {"work_plan",
          b.text("app_part_work_plan"),
          "§2.7.12, §2.4.5",
          {b.field("work_plan", FieldKind::textarea), b.field("timetable", FieldKind::textarea),
           b.field("no_statutory_approvals_needed", FieldKind::checkbox)},
          {b.group("statutory_approvals",
                   {column(b, "statutory_approvals", "approval", FieldKind::text),
                    column(b, "statutory_approvals", "authority", FieldKind::text),
                    column(b, "statutory_approvals", "plan_and_timing", FieldKind::text)})},
          {"work_plan", "timetable", "statutory_approvals", "no_statutory_approvals_needed"}};
}

PartSpec kpis_part(const PartBuilder& b, const rules::Ruleset& ruleset) {
  std::vector<std::string> dimensions = ruleset.application.kpis.dimensions;
  dimensions.push_back("other");
  return {"kpis",
          b.text("app_part_kpis"),
          "§2.7.13, §2.7.14",
          {b.field("deliverables", FieldKind::lines),
           b.field("sustainability_plan", FieldKind::textarea)},
          {b.group("kpis", {column(b, "kpis", "indicator", FieldKind::text),
                            b.coded_choice("dimension", dimensions, label_key("kpis.dimension")),
                            column(b, "kpis", "target", FieldKind::text)})},
          {"kpis", "deliverables", "sustainability_plan"}};
}

std::vector<Choice> kind_choices(const PartBuilder& b) {
  std::vector<Choice> choices{{"", b.text("app_c_choose")}};
  for (const ccfs::BudgetKind& kind : ccfs::budget_kinds())
    choices.push_back({std::string(kind.key),
                       b.data_text({std::string(kind.name_zh), std::string(kind.name_en)})});
  return choices;
}

PartSpec budget_part(const PartBuilder& b) {
  const auto col = [&](std::string path, FieldKind kind) {
    return column(b, "budget", std::move(path), kind);
  };
  return {
      "budget",
      b.text("app_part_budget"),
      "§3, 附錄2",
      {},
      {b.group("budget",
               {b.choice("kind", kind_choices(b), label_key("budget.kind")),
                col("description", FieldKind::text), col("year", FieldKind::integer),
                col("quantity", FieldKind::integer), col("unit_cost", FieldKind::money),
                col("minutes", FieldKind::integer), col("participant_fee", FieldKind::money),
                col("market_rent", FieldKind::money),
                b.coded_choice("component", {"", "heritage"}, label_key("budget.component")),
                b.coded_choice("vehicle", {"", "coach", "boat", "van", "lorry"},
                               label_key("budget.vehicle")),
                col("quotation", FieldKind::checkbox), col("professional", FieldKind::checkbox),
                col("own_staff", FieldKind::checkbox), col("own_equipment", FieldKind::checkbox),
                col("owner_related", FieldKind::checkbox), col("cash_prize", FieldKind::checkbox),
                col("paid_in_full_elsewhere", FieldKind::checkbox),
                col("justification", FieldKind::textarea)})},
      {"budget"}};
}

PartSpec disbursement_part(const PartBuilder& b) {
  return {
      "disbursement",
      b.text("app_part_disbursement"),
      "§3.10.7, §5.5.1, §5.13.5",
      {b.field("requested_grant", FieldKind::money)},
      {b.group("disbursement_schedule",
               {column(b, "disbursement_schedule", "milestone", FieldKind::text),
                column(b, "disbursement_schedule", "amount", FieldKind::money),
                column(b, "disbursement_schedule", "before_project_start", FieldKind::checkbox),
                column(b, "disbursement_schedule", "after_completion", FieldKind::checkbox)}),
       b.group("procurements", {column(b, "procurements", "description", FieldKind::text),
                                column(b, "procurements", "value", FieldKind::money),
                                column(b, "procurements", "single_source", FieldKind::checkbox),
                                column(b, "procurements", "supplier", FieldKind::text),
                                column(b, "procurements", "relationship", FieldKind::text),
                                column(b, "procurements", "justification", FieldKind::textarea)})},
      {"requested_grant", "disbursement_schedule", "procurements"}};
}

}  // namespace

std::vector<PartSpec> application_parts(const rules::Ruleset& ruleset,
                                        const rules::ProjectType* type, const PartTexts& texts) {
  const PartBuilder b(texts);
  return {about_part(b),         declarations_part(b), site_part(b, type),       objectives_part(b),
          details_part(b, type), partners_part(b),     funding_part(b, ruleset), work_plan_part(b),
          kpis_part(b, ruleset), budget_part(b),       disbursement_part(b)};
}

const PartSpec* find_part(const std::vector<PartSpec>& parts, std::string_view key) {
  const auto found = std::ranges::find(parts, key, &PartSpec::key);
  return found == parts.end() ? nullptr : &*found;
}

const PartSpec* part_of_field(const std::vector<PartSpec>& parts, std::string_view field) {
  const std::string_view root = field.substr(0, field.find_first_of(".["));
  for (const PartSpec& part : parts)
    if (std::ranges::find(part.roots, root) != part.roots.end()) return &part;
  return nullptr;
}

}  // namespace bsap::web
