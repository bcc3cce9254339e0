#include "ccfs/app_organisation.h"

#include <algorithm>

#include "ccfs/app_support.h"

namespace bsap::ccfs {
namespace {

std::string rule_of(const Organisation& organisation, std::string_view rule) {
  return organisation.rule_prefix + "." + std::string(rule);
}

std::string field_of(const Organisation& organisation, std::string_view member) {
  return organisation.field + "." + std::string(member);
}

// §2.3.1 (a)–(c): the kind must be one of the applicant types; the documents follow from it.
const rules::ApplicantType* check_kind(const Organisation& organisation,
                                       const rules::ApplicationRules& rules, FindingSink& sink) {
  if (const rules::ApplicantType* type = rules.applicant_type(organisation.kind)) return type;
  std::vector<std::string> kinds_zh;
  std::vector<std::string> kinds_en;
  for (const rules::ApplicantType& type : rules.applicant_types) {
    kinds_zh.push_back(type.name.zh + "(" + type.key + ")");
    kinds_en.push_back(type.name.en + " (" + type.key + ")");
  }
  const std::string given = is_blank(organisation.kind) ? "" : "「" + organisation.kind + "」";
  const std::string& clause = rules.applicant_general.clause;
  sink.blocking(rule_of(organisation, "kind"), clause, field_of(organisation, "kind"),
                organisation.name_zh + "的機構類別" + given + "不屬" + clause + "的合資格機構。" +
                    "只有以下機構才合資格：" + joined_zh(kinds_zh) + "。請選擇適用的類別。",
                "The kind of organisation of " + organisation.name_en +
                    (given.empty() ? "" : " ('" + organisation.kind + "')") + " is not one " +
                    clause + " admits. Only these are eligible: " + joined_en(kinds_en) +
                    ". Choose the one that applies.");
  return nullptr;
}

// 註7: societies registered under the Societies Ordinance (Cap. 151) are not eligible; the form
// asks every organisation to say whether it is one.
void check_societies_ordinance(const Organisation& organisation,
                               const rules::ApplicationRules& rules, FindingSink& sink) {
  const std::optional<bool>& registered = organisation.registered_under_societies_ordinance;
  if (registered == false) return;
  const std::string& clause = rules.societies_excluded.clause;
  const std::string rule = rule_of(organisation, "societies_ordinance");
  const std::string field = field_of(organisation, "registered_under_societies_ordinance");
  if (!registered) {
    sink.blocking(rule, clause, field,
                  "請說明" + organisation.name_zh + "是否根據《社團條例》（第151章）註冊；" +
                      "根據該條例註冊的機構不合資格。",
                  "Say whether " + organisation.name_en +
                      " is registered under the Societies Ordinance (Cap. 151); organisations "
                      "registered under it are not eligible.");
    return;
  }
  sink.blocking(rule, clause, field,
                organisation.name_zh + "根據《社團條例》（第151章）註冊，不屬合資格機構(" + clause +
                    ")。須改由其他合資格機構擔任。",
                "Registered under the Societies Ordinance (Cap. 151), " + organisation.name_en +
                    " is not eligible (" + clause +
                    "). Another eligible organisation must take its place.");
}

bool provided(const Organisation& organisation, const std::string& document) {
  const std::vector<std::string>& documents = organisation.documents;
  return std::find(documents.begin(), documents.end(), document) != documents.end();
}

// One finding per missing document, citing the document's own clause (§2.3.1(b)(ii), …).
void check_documents(const Organisation& organisation, const rules::ApplicantType& type,
                     FindingSink& sink) {
  for (const rules::DocumentRequirement& document : type.documents) {
    if (provided(organisation, document.key)) continue;
    sink.blocking(
        rule_of(organisation, "documents"), document.clause, field_of(organisation, "documents"),
        organisation.name_zh + "未提供" + document.name.zh + "(" + document.clause +
            ")。提交申請時須夾附此文件。",
        "Missing from the documents of " + organisation.name_en + ": " + document.name.en + " (" +
            document.clause + "). Attach it to the application.");
  }
}

}  // namespace

void check_organisation(const Organisation& organisation, const rules::ApplicationRules& rules,
                        FindingSink& sink) {
  const rules::ApplicantType* type = check_kind(organisation, rules, sink);
  check_societies_ordinance(organisation, rules, sink);
  if (type) check_documents(organisation, *type, sink);
}

}  // namespace bsap::ccfs
