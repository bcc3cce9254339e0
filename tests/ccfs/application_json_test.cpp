// The JSON form of an application (docs/application-format.md): a round trip loses nothing, and
// every fault comes back as a value naming its path, in English and Traditional Chinese.
#include "ccfs/application_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "ccfs/budget_totals.h"
#include "ccfs/findings_json.h"
#include "ccfs_test_data.h"

namespace bsap::ccfs::testing {
namespace {

using Json = nlohmann::json;

ApplicationDocument parsed(std::string_view text) {
  auto result = parse_application_json(text);
  if (const auto* error = std::get_if<ParseError>(&result)) {
    ADD_FAILURE() << "refused at '" << error->path << "': " << error->message_en;
    return {};
  }
  return std::get<ApplicationDocument>(std::move(result));
}

ParseError error_of(std::string_view text) {
  auto result = parse_application_json(text);
  if (!std::holds_alternative<ParseError>(result)) {
    ADD_FAILURE() << "accepted: " << text.substr(0, 200);
    return {};
  }
  return std::get<ParseError>(std::move(result));
}

// Every Chinese message is a sentence or more, each closed by 「。」.
bool has_chinese(const std::string& text) { return text.find("。") != std::string::npos; }

// The error names the path, and says what is wrong in both languages.
void expect_error(std::string_view text, const std::string& path, const std::string& en_part) {
  const ParseError error = error_of(text);
  EXPECT_EQ(error.path, path) << error.message_en;
  EXPECT_NE(error.message_en.find(en_part), std::string::npos) << error.message_en;
  EXPECT_TRUE(has_chinese(error.message_zh)) << error.message_zh;
}

// complete_ma() with every optional and rarely-set member given a value, so that a member the
// writer or the reader forgets shows up as a difference.
ApplicationDocument everything_filled_in() {
  ApplicationDocument document;
  Application& a = document.application;
  a = complete_ma();
  a.language = "zh-Hant";
  a.applicant.registered_under_societies_ordinance = true;
  a.applicant.receives_government_subvention = true;
  a.walk_to_public_transport_m = 650;
  a.map_shows_public_transport = true;
  a.heritage_assets = {{"上水華山書室", true, std::nullopt}};
  a.restoration_months = 9;
  a.other_funding = {
      {"Sponsor Ltd", cents(1'234'567), "pending", "tobacco", true, "Board meets in May", true}};
  a.no_statutory_approvals_needed = true;
  a.procurements = {{"Boardwalk", hkd(120'000), true, "Wood & Co", "none", "Only supplier"}};
  a.justifications = {{"ceiling.funding", "Large site"}, {"budget.contribution_ratio", "新界"}};
  a.renewal = Renewal{"CCFS-2023-0042",
                      {{"activities", cents(1'200'000)}, {"staffing_and_general", hkd(320'000)}}};
  a.resubmission_differences = "Staff halved; the boardwalk is dropped.";
  BudgetLine& line = a.budget[3];
  line.minutes = 150;
  line.participant_fee = cents(12'345);
  line.market_rent = hkd(900);
  line.component = "heritage";
  line.vehicle = "boat";
  line.professional = line.own_staff = line.own_equipment = line.owner_related = true;
  line.cash_prize = line.paid_in_full_elsewhere = true;
  document.prior_grants = {{"CCFS/2024/017", "research_activity", day("2025-03-31"), hkd(450'000)}};
  document.checked_on = day("2026-11-22");
  return document;
}

TEST(ApplicationJson, RoundTripLosesNothing) {
  const ApplicationDocument original = everything_filled_in();
  const std::string text = to_json(original);
  const ApplicationDocument back = parsed(text);
  EXPECT_EQ(to_json(back), text);
  EXPECT_EQ(back.application.budget[3].minutes, 150);
  EXPECT_EQ(back.application.budget[3].participant_fee, cents(12'345));
  EXPECT_EQ(back.application.other_funding[0].amount, cents(1'234'567));
  EXPECT_EQ(back.application.planned_start, day("2027-04-01"));
  EXPECT_EQ(back.application.heritage_assets[0].on_ich_list, std::nullopt);
  EXPECT_EQ(back.prior_grants[0].approved_on, day("2025-03-31"));
  EXPECT_EQ(back.checked_on, day("2026-11-22"));
  EXPECT_EQ(budget_totals(back.application).grant, budget_totals(original.application).grant);
  ASSERT_TRUE(back.application.renewal.has_value());
  EXPECT_EQ(back.application.renewal->previous_reference, "CCFS-2023-0042");
  EXPECT_EQ(back.application.renewal->previous_approved_budget.at("activities"), hkd(12'000));
  EXPECT_EQ(back.application.resubmission_differences, "Staff halved; the boardwalk is dropped.");
}

// §4.2.3, §4.5.1: the renewal's earlier budget is money by head, written as text like all money.
TEST(ApplicationJson, RenewalAndResubmissionAreRead_4_2_3_4_5_1) {
  const ApplicationDocument document = parsed(
      R"({"renewal":{"previous_reference":"CCFS-2023-0042",
                     "previous_approved_budget":{"activities":"12000.00","other":"HK$1,500"}},
          "resubmission_differences":"The site is now B02."})");
  const Application& a = document.application;
  ASSERT_TRUE(a.renewal.has_value());
  EXPECT_EQ(a.renewal->previous_approved_budget.at("activities"), hkd(12'000));
  EXPECT_EQ(a.renewal->previous_approved_budget.at("other"), hkd(1'500));
  EXPECT_EQ(a.resubmission_differences, "The site is now B02.");
  const std::string text = to_json(a);
  EXPECT_NE(text.find(R"("activities": "12000.00")"), std::string::npos) << text;
  EXPECT_FALSE(parsed(R"({"renewal":null})").application.renewal.has_value());
  EXPECT_FALSE(parsed("{}").application.renewal.has_value());
  EXPECT_NE(to_json(complete_ma()).find(R"("renewal": null)"), std::string::npos);
}

TEST(ApplicationJson, RenewalFaultsNameThePath_4_2_3) {
  expect_error(R"({"renewal":{"previous_approved_budget":{"activites":"1.00"}}})",
               "renewal.previous_approved_budget.activites", "did you mean \"activities\"");
  expect_error(R"({"renewal":{"previous_approved_budget":{"activities":12000}}})",
               "renewal.previous_approved_budget.activities", "every cent stays exact");
  expect_error(R"({"renewal":{"previous_aproved_budget":{}}})", "renewal.previous_aproved_budget",
               "did you mean \"previous_approved_budget\"");
  expect_error(R"({"renewal":"CCFS-2023-0042"})", "renewal", "an object");
  expect_error(R"({"resubmission_differences":null})", "resubmission_differences", "text");
}

TEST(ApplicationJson, ApplicationAloneRoundTripsWithoutDocumentKeys) {
  const Application application = complete_ma();
  const std::string text = to_json(application);
  EXPECT_EQ(text.find("prior_grants"), std::string::npos);
  const ApplicationDocument back = parsed(text);
  EXPECT_EQ(to_json(back.application), text);
  EXPECT_TRUE(back.prior_grants.empty());
  EXPECT_FALSE(back.checked_on.has_value());
}

TEST(ApplicationJson, MoneyIsWrittenAsPlainTextAndReadInEitherSpelling) {
  const std::string text = to_json(complete_ma());
  EXPECT_NE(text.find(R"("unit_cost": "150000.00")"), std::string::npos);
  const ApplicationDocument document = parsed(
      R"({"budget":[{"unit_cost":"HK$1,234.56"},{"unit_cost":"1234.5"}],
          "requested_grant":" $2,000 "})");
  EXPECT_EQ(document.application.budget[0].unit_cost, cents(123'456));
  EXPECT_EQ(document.application.budget[1].unit_cost, cents(123'450));
  EXPECT_EQ(document.application.requested_grant, hkd(2'000));
}

TEST(ApplicationJson, MissingKeysKeepTheDefaults) {
  const ApplicationDocument document = parsed(R"({"budget":[{"kind":"booth"}]})");
  const Application& a = document.application;
  EXPECT_TRUE(a.title.empty());
  EXPECT_FALSE(a.planned_start.has_value());
  EXPECT_FALSE(a.applicant.has_contract_capacity.has_value());
  EXPECT_EQ(a.budget[0].quantity, 1);
  EXPECT_FALSE(a.budget[0].minutes.has_value());
  EXPECT_EQ(parsed("{}").application.budget.size(), 0u);
}

TEST(ApplicationJson, NullMeansNotAnsweredOnlyWhereTheMemberIsOptional) {
  const ApplicationDocument document = parsed(
      R"({"planned_start":null,"duration_months":null,"requested_grant":null,
          "applicant":{"has_contract_capacity":null},"checked_on":null})");
  EXPECT_FALSE(document.application.planned_start.has_value());
  EXPECT_FALSE(document.application.applicant.has_contract_capacity.has_value());
  expect_error(R"({"title":null})", "title", "must be text");
  expect_error(R"({"site_map":null})", "site_map", "true or false");
  expect_error(R"({"budget":null})", "budget", "must be a list");
}

TEST(ApplicationJson, WrongTypesNameThePath) {
  expect_error(R"({"title":5})", "title", "not the number 5");
  expect_error(R"({"site_map":"yes"})", "site_map", "true or false");
  expect_error(R"({"site_codes":"B01"})", "site_codes", "a list");
  expect_error(R"({"site_codes":["B01",3]})", "site_codes[1]", "text");
  expect_error(R"({"applicant":[]})", "applicant", "an object");
  expect_error(R"({"applicant":{"documents":[true]}})", "applicant.documents[0]", "text");
  expect_error(R"({"details":{"target_site":1}})", "details.target_site", "text");
  expect_error(R"({"budget":[{},{"year":"1"}]})", "budget[1].year", "whole number");
  expect_error(R"({"budget":[{"quantity":1.5}]})", "budget[0].quantity", "whole number");
  expect_error("[]", "", "The application must be an object");
}

TEST(ApplicationJson, MoneyMustBeTextSoThatItStaysExact) {
  expect_error(R"({"budget":[{},{},{},{"unit_cost":1234.56}]})", "budget[3].unit_cost",
               "written as text");
  expect_error(R"({"income":[{"amount":100}]})", "income[0].amount", "in quotes");
}

TEST(ApplicationJson, BadMoneyNamesTheFault) {
  expect_error(R"({"budget":[{"unit_cost":"12,34"}]})", "budget[0].unit_cost", "out of place");
  expect_error(R"({"budget":[{"unit_cost":"1.234"}]})", "budget[0].unit_cost",
               "more than two decimal places");
  expect_error(R"({"budget":[{"unit_cost":"ten"}]})", "budget[0].unit_cost", "not an amount");
  expect_error(R"({"budget":[{"unit_cost":""}]})", "budget[0].unit_cost", "empty");
  expect_error(R"({"requested_grant":"-5.00"})", "requested_grant", "negative");
  expect_error(R"({"requested_grant":"100000000.01"})", "requested_grant", "HK$100,000,000");
}

TEST(ApplicationJson, ABudgetLineBeyondAnyBudgetIsRefused) {
  expect_error(R"({"budget":[{"quantity":1000000,"unit_cost":"100.01"}]})", "budget[0]",
               "quantity × unit_cost");
  parsed(R"({"budget":[{"quantity":1000000,"unit_cost":"100.00"}]})");
}

TEST(ApplicationJson, BadDatesNameThePath) {
  expect_error(R"({"planned_start":"2027-02-30"})", "planned_start", "not a date");
  expect_error(R"({"planned_start":"01/04/2027"})", "planned_start", "YYYY-MM-DD");
  expect_error(R"({"checked_on":20261122})", "checked_on", "YYYY-MM-DD");
  expect_error(R"({"prior_grants":[{"approved_on":"2025-13-01","amount":"1"}]})",
               "prior_grants[0].approved_on", "not a date");
}

TEST(ApplicationJson, NegativeAndHugeCountsAreRefused) {
  expect_error(R"({"budget":[{},{},{},{"quantity":-2}]})", "budget[3].quantity", "0 or more");
  expect_error(R"({"budget":[{"minutes":-30}]})", "budget[0].minutes", "0 or more");
  expect_error(R"({"duration_months":-1})", "duration_months", "0 or more");
  expect_error(R"({"duration_months":1201})", "duration_months", "at most 1200");
  expect_error(R"({"budget":[{"quantity":18446744073709551615}]})", "budget[0].quantity",
               "at most 1000000");
}

TEST(ApplicationJson, UnknownKeysAreNamedWithTheLikelyMeaning) {
  expect_error(R"({"titel":"x"})", "titel", "did you mean \"title\"");
  expect_error(R"({"budget":[{},{"unti_cost":"5"}]})", "budget[1].unti_cost",
               "did you mean \"unit_cost\"");
  const ParseError far = error_of(R"({"applicant":{"colour":"green"}})");
  EXPECT_EQ(far.path, "applicant.colour");
  EXPECT_NE(far.message_en.find("Unknown field \"colour\" in applicant"), std::string::npos);
  EXPECT_EQ(far.message_en.find("did you mean"), std::string::npos) << far.message_en;
}

TEST(ApplicationJson, ARepeatedKeyIsRefusedRatherThanOverwritten) {
  expect_error(R"({"title":"a","title":"b"})", "title", "appears twice");
  expect_error(R"({"budget":[{},{"kind":"booth","kind":"speaker"}]})", "budget[1].kind",
               "appears twice");
  expect_error(R"({"details":{"a":"x","a":"y"}})", "details.a", "appears twice");
}

TEST(ApplicationJson, PriorGrantsNeedTheirDateAndAmount) {
  expect_error(R"({"prior_grants":[{"approved_on":"2025-01-01"}]})", "prior_grants[0].amount",
               "missing");
  expect_error(R"({"prior_grants":[{"amount":"1"}]})", "prior_grants[0].approved_on", "missing");
}

TEST(ApplicationJson, TextThatIsNotJsonGivesTheByteOffset) {
  // nlohmann reports the last byte it read: the end of the string that came where ':' was due.
  const ParseError error = error_of("{\"title\": \"a\",\n \"summary\" \"b\"}");
  EXPECT_EQ(error.path, "");
  EXPECT_NE(error.message_en.find("not valid JSON: at byte 29 (line 2, column 14)"),
            std::string::npos)
      << error.message_en;
  EXPECT_NE(error.message_zh.find("第 29 位元組（第 2 行第 14 欄）"), std::string::npos)
      << error.message_zh;
  expect_error("", "", "not valid JSON");
  expect_error("{\"title\":\"\xff\"}", "", "not valid JSON");
}

// Found by fuzzing (fuzz/application_json_fuzz.cpp): nlohmann throws out_of_range, not
// parse_error, for a number beyond a double, and it left the parser as an exception.
TEST(ApplicationJson, ANumberBeyondADoubleIsRefusedNotThrown) {
  expect_error(R"({"duration_months":1e309})", "", "number too large");
  expect_error(R"({"budget":[{"quantity":-1E400}]})", "", "number too large");
  expect_error(R"({"unknown":[1e999]})", "", "number too large");
}

TEST(ApplicationJson, DeepNestingIsRefusedNotRecursedInto) {
  const std::string deep =
      "{\"details\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  const ParseError error = error_of(deep);
  EXPECT_NE(error.message_en.find("nested more than"), std::string::npos) << error.message_en;
}

TEST(ApplicationJson, TextsOverOneMebibyteAreRefusedBeforeParsing) {
  const std::string at_limit = "{}" + std::string(kMaxApplicationJsonBytes - 2, ' ');
  parsed(at_limit);
  const ParseError error = error_of(at_limit + " ");
  EXPECT_EQ(error.path, "");
  EXPECT_NE(error.message_en.find("1048577 bytes"), std::string::npos) << error.message_en;
  EXPECT_NE(error.message_zh.find("1 MiB"), std::string::npos);
}

TEST(ApplicationJson, ErrorJsonCarriesPathAndBothMessages) {
  const Json json = Json::parse(error_json(error_of(R"({"budget":[{"unit_cost":7}]})")));
  EXPECT_EQ(json["error"]["path"], "budget[0].unit_cost");
  EXPECT_FALSE(json["error"]["message_en"].get<std::string>().empty());
  EXPECT_FALSE(json["error"]["message_zh"].get<std::string>().empty());
}

TEST(FindingsJson, CarriesEveryFindingTheVerdictTheRulesetAndTheTotals) {
  const Application application = complete_ma();
  CheckResult result;
  result.findings = {
      {Severity::blocking, "site.lantau", "§2.1", "site_codes[0]", "大嶼山", "Lantau"},
      {Severity::info, "x.y", "§3.3", "", "中", "en"}};
  const Json json = Json::parse(findings_json(
      {result, ruleset_1_8().version, day("2026-11-22"), budget_totals(application)}));
  ASSERT_EQ(json["findings"].size(), 2u);
  EXPECT_EQ(json["findings"][0]["severity"], "blocking");
  EXPECT_EQ(json["findings"][0]["rule"], "site.lantau");
  EXPECT_EQ(json["findings"][0]["clause"], "§2.1");
  EXPECT_EQ(json["findings"][0]["field"], "site_codes[0]");
  EXPECT_EQ(json["findings"][0]["message_zh"], "大嶼山");
  EXPECT_EQ(json["findings"][0]["message_en"], "Lantau");
  EXPECT_EQ(json["eligible"], false);
  EXPECT_EQ(json["ruleset"], "1.8");
  EXPECT_EQ(json["checked_on"], "2026-11-22");
  EXPECT_EQ(json["counts"]["blocking"], 1);
  EXPECT_EQ(json["counts"]["info"], 1);
  EXPECT_EQ(json["totals"]["expenditure"], "HK$794,100.00");
  EXPECT_EQ(json["totals"]["income"], "HK$50,000.00");
  EXPECT_EQ(json["totals"]["grant"], "HK$744,100.00");
}

}  // namespace
}  // namespace bsap::ccfs::testing
