// §2.3.1: the applicant has legal capacity to contract and is one of the three eligible kinds,
// not a Cap. 151 society (註7), with every document of its kind; §3.10.2 註: it declares whether
// it receives government subvention; §2.6.3: the person in charge. All 「須」/「只有」: blocking,
// except the person in charge not named in the §2.3.1 documents, whom §2.6.3 lets the
// secretariat accept (「或秘書處所接受的任何其他人士」): needs_justification.
#include "ccfs/app_organisation.h"

namespace bsap::ccfs {
namespace {

// The person-in-charge entry of applicants.yaml is not a typed rule; its clause is this one.
constexpr std::string_view kPersonInChargeClause = "§2.6.3";

void check_contract_capacity(const CheckInput& input, FindingSink& sink) {
  if (input.application.applicant.has_contract_capacity == true) return;
  sink.blocking("applicant.contract_capacity", input.ruleset.application.applicant_general.clause,
                "applicant.has_contract_capacity",
                "只有具有訂立合約的法律能力的機構才合資格申請。請確認申請者具有訂立合約的法律能力；"
                "否則須改由具此能力的機構提出申請。",
                "Only organisations with legal capacity to contract may apply. Confirm that the "
                "applicant has it; otherwise an organisation that has it must apply.");
}

void check_subvention_declared(const CheckInput& input, FindingSink& sink) {
  if (input.application.applicant.receives_government_subvention) return;
  sink.blocking("applicant.subvention_declaration",
                input.ruleset.application.subvention_declaration.clause,
                "applicant.receives_government_subvention",
                "申請者須在申請表格上，就其有否接受政府補助作出聲明。請回答「是」或「否」。",
                "Declare on the form whether the applicant receives government subvention: answer "
                "yes or no.");
}

void require_person_detail(const std::string& answer, const char* member, const char* what_zh,
                           const char* what_en, FindingSink& sink) {
  if (!is_blank(answer)) return;
  sink.blocking("person_in_charge", std::string(kPersonInChargeClause),
                std::string("person_in_charge.") + member,
                std::string("請填寫負責人的") + what_zh +
                    "。負責人須有權代表申請者簽署協議、對項目的落實情況負責及批准提交項目文件。",
                std::string("Give the person in charge's ") + what_en +
                    ": the person who may sign for the applicant, answers for the project and "
                    "approves its documents.");
}

// Named in the §2.3.1 papers as a principal officer, director, officer or board member; anyone
// else only if the secretariat accepts them.
void check_person_named_in_documents(const PersonInCharge& person, FindingSink& sink) {
  const std::string clause(kPersonInChargeClause);
  const std::string field = "person_in_charge.named_in_documents";
  if (!person.named_in_documents) {
    sink.blocking("person_in_charge", clause, field,
                  "請說明負責人是否為申請者按第2.3.1節提供的證明文件所載的主要負責人／董事／幹事／"
                  "董事會成員之一。",
                  "Say whether the person in charge is a principal officer, director, officer or "
                  "board member named in the documents provided under §2.3.1.");
  } else if (!*person.named_in_documents) {
    sink.needs_justification(
        "person_in_charge", clause, field,
        "負責人" + person.name +
            "並非第2.3.1節證明文件所載的主要負責人／董事／幹事／董事會成員，須獲秘書處接受。"
            "請改由文件所載人士擔任負責人，或說明由此人負責的理由。",
        "The person in charge, " + person.name +
            ", is not a principal officer, director, officer or board member named in the §2.3.1 "
            "documents, so the secretariat must accept them. Name someone from those documents, "
            "or explain why this person should be accepted.");
  }
}

void check_person_in_charge(const CheckInput& input, FindingSink& sink) {
  const PersonInCharge& person = input.application.person_in_charge;
  require_person_detail(person.name, "name", "姓名", "name", sink);
  require_person_detail(person.post, "post", "職位", "post", sink);
  check_person_named_in_documents(person, sink);
}

}  // namespace

void check_applicant(const CheckInput& input, FindingSink& sink) {
  const Applicant& applicant = input.application.applicant;
  check_organisation({"applicant", "applicant", "申請者", "the applicant", applicant.kind,
                      applicant.registered_under_societies_ordinance, applicant.documents},
                     input.ruleset.application, sink);
  check_contract_capacity(input, sink);
  check_subvention_declared(input, sink);
  check_person_in_charge(input, sink);
}

}  // namespace bsap::ccfs
