// store/ledger_repo.h: the money of a funded project: budget items with their approved increases
// and the expenditure against them (§5.5.3), income (§5.5.2, §5.6.2), refunds (§5.5.7),
// purchases with their quotations (§5.13), capital items (§5.13.6, §5.14.2) and reductions
// (§5.5.4, §5.5.5), each write audited.
#include "store/ledger_repo.h"

#include <gmock/gmock.h>

#include "project_fixture.h"

namespace bsap::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Money hkd(std::int64_t dollars) { return Money::from_cents(dollars * 100); }

class LedgerRepoTest : public ProjectFixture {
 protected:
  void SetUp() override {
    ProjectFixture::SetUp();
    if (HasFatalFailure()) return;
    active_project();
  }

  NewExpenditure expenditure(int item_no, CivilDate spent_on, Money amount,
                             const std::string& description) {
    return {application_, item_no, spent_on, amount, description, std::nullopt, secretariat_};
  }

  std::int64_t spend(const NewExpenditure& expenditure) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) { id = record_expenditure(tx, expenditure); });
    return id;
  }

  std::vector<ItemRow> items() {
    std::vector<ItemRow> found;
    in_transaction(*store_, [&](Transaction& tx) { found = list_items(tx, application_); });
    return found;
  }

  PurchaseRow purchase() {
    PurchaseRow purchase;
    purchase.description = "小型耕耘機";
    purchase.value = hkd(38'000);
    purchase.quotations = {
        {"新界農機", hkd(39'500)}, {"元朗五金", hkd(38'000)}, {"大埔機械", hkd(41'200)}};
    purchase.chosen = 1;
    purchase.non_lowest_justification = "";
    purchase.capital_item = true;
    purchase.recorded_on = day(2027, 2, 10);
    return purchase;
  }

  std::int64_t buy(const PurchaseRow& row) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      id = record_purchase(tx, {application_, row, secretariat_});
    });
    return id;
  }

  CapitalItemRow capital_item(std::optional<std::int64_t> purchase_id) {
    CapitalItemRow item;
    item.purchase_id = purchase_id;
    item.name = "小型耕耘機";
    item.cost = hkd(38'000);
    item.acquired_on = day(2027, 2, 20);
    return item;
  }

  std::int64_t register_item(const CapitalItemRow& item) {
    std::int64_t id = 0;
    in_transaction(*store_, [&](Transaction& tx) {
      id = record_capital_item(tx, application_, item, secretariat_);
    });
    return id;
  }

  std::vector<CapitalItemRow> capital_items() {
    std::vector<CapitalItemRow> found;
    in_transaction(*store_, [&](Transaction& tx) { found = list_capital_items(tx, application_); });
    return found;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, LedgerRepoTest,
                         ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

// ---- items, increases and expenditure

TEST_P(LedgerRepoTest, ItemsSumTheirApprovedIncreasesAndTheirExpenditure_5_5_3) {
  in_transaction(*store_, [&](Transaction& tx) {
    record_increase(tx, application_, 2, hkd(5'000), "農具價格上漲，秘書處書面批准",
                    day(2027, 3, 1), secretariat_);
    record_increase(tx, application_, 2, hkd(1'500), "加購手套", day(2027, 3, 8), secretariat_);
  });
  spend(expenditure(1, day(2027, 2, 1), hkd(20'000), "一月工資"));
  spend(expenditure(1, day(2027, 3, 1), Money::from_cents(2'000'050), "二月工資"));
  spend(expenditure(2, day(2027, 2, 15), hkd(9'000), "鋤頭"));

  const auto listed = items();
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].item_no, 1);
  EXPECT_EQ(listed[0].name, "梯田復耕工人");
  EXPECT_EQ(listed[0].approved, hkd(400'000));
  EXPECT_EQ(listed[0].increase, Money());
  EXPECT_EQ(listed[0].spent, Money::from_cents(4'000'050));
  EXPECT_EQ(listed[1].increase, hkd(6'500));
  EXPECT_EQ(listed[1].spent, hkd(9'000));
  EXPECT_EQ(listed[2].increase, Money());
  EXPECT_EQ(listed[2].spent, Money());

  in_transaction(*store_, [&](Transaction& tx) {
    const auto increases = list_increases(tx, application_);
    ASSERT_EQ(increases.size(), 2u);
    EXPECT_EQ(increases[0].item_no, 2);
    EXPECT_EQ(increases[0].amount, hkd(5'000));
    EXPECT_EQ(increases[0].reason, "農具價格上漲，秘書處書面批准");
    EXPECT_EQ(increases[0].approved_on, day(2027, 3, 1));
    EXPECT_EQ(increases[0].approved_by, "Name of officer");
    EXPECT_EQ(increases[1].reason, "加購手套");

    // Newest first.
    const auto spent = list_expenditures(tx, application_);
    ASSERT_EQ(spent.size(), 3u);
    EXPECT_EQ(spent[0].description, "二月工資");
    EXPECT_EQ(spent[0].amount, Money::from_cents(2'000'050));
    EXPECT_EQ(spent[1].spent_on, day(2027, 2, 15));
    EXPECT_EQ(spent[1].item_no, 2);
    EXPECT_EQ(spent[2].description, "一月工資");
    EXPECT_EQ(spent[2].recorded_by, "Name of officer");
    EXPECT_FALSE(spent[2].receipt_document_id);
  });
}

TEST_P(LedgerRepoTest, AnIncreaseNeedsItsReasonAndAnItemOfTheProject_5_5_3) {
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_increase(tx, application_, 2, hkd(100), "", day(2027, 3, 1), secretariat_);
              }),
              HasSubstr("with its reason"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_increase(tx, application_, 4, hkd(100), "理由", day(2027, 3, 1),
                                secretariat_);
              }),
              HasSubstr("has no budget item 4 (its items are 1 to 3)"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_expenditure(tx, expenditure(0, day(2027, 3, 1), hkd(1), "?"));
              }),
              HasSubstr("has no budget item 0"));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                auto other = expenditure(1, day(2027, 3, 1), hkd(1), "?");
                other.application_id = application_ + 100;
                record_expenditure(tx, other);
              }),
              HasSubstr("has no project"));
  EXPECT_EQ(count_rows("item_increases"), 0);
  EXPECT_EQ(count_rows("expenditures"), 0);
}

TEST_P(LedgerRepoTest, ExpenditureKeepsItsReceiptFromTheOrganisationsOwnPapers) {
  const auto receipt = document("receipt", "receipt-001.pdf");
  auto paid = expenditure(3, day(2027, 4, 2), hkd(3'200), "印刷單張");
  paid.receipt_document_id = receipt;
  spend(paid);
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(list_expenditures(tx, application_)[0].receipt_document_id, receipt);
  });

  const auto [other, lee] = other_organisation();
  paid.receipt_document_id = document("receipt", "theirs.pdf", other, lee);
  EXPECT_THAT(refusal([&](Transaction& tx) { record_expenditure(tx, paid); }),
              HasSubstr("the receipt: document"));
  EXPECT_EQ(count_rows("expenditures"), 1);
}

// ---- income and refunds

TEST_P(LedgerRepoTest, IncomeAndRefundsAreKeptAsRecorded_5_5_2_5_5_7) {
  in_transaction(*store_, [&](Transaction& tx) {
    record_income(tx, application_, "sponsorship", hkd(10'000), day(2027, 5, 1), "本地企業贊助",
                  true, secretariat_);
    record_income(tx, application_, "interest", Money::from_cents(1'234), day(2027, 4, 30),
                  "銀行利息", false, secretariat_);
    record_refund(tx, application_, hkd(2'500), day(2027, 6, 1), "退回未用款項", secretariat_);
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto income = list_income(tx, application_);
    ASSERT_EQ(income.size(), 2u);
    EXPECT_EQ(income[0].kind, "interest");
    EXPECT_EQ(income[0].amount, Money::from_cents(1'234));
    EXPECT_FALSE(income[0].reinvestment_approved);
    EXPECT_EQ(income[1].kind, "sponsorship");
    EXPECT_EQ(income[1].received_on, day(2027, 5, 1));
    EXPECT_EQ(income[1].description, "本地企業贊助");
    EXPECT_TRUE(income[1].reinvestment_approved);
    EXPECT_EQ(income[1].recorded_by, "Name of officer");

    const auto refunds = list_refunds(tx, application_);
    ASSERT_EQ(refunds.size(), 1u);
    EXPECT_EQ(refunds[0].amount, hkd(2'500));
    EXPECT_EQ(refunds[0].received_on, day(2027, 6, 1));
    EXPECT_EQ(refunds[0].note, "退回未用款項");
    EXPECT_EQ(refunds[0].recorded_by, "Name of officer");
  });
  // The kinds are the guidelines' four.
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                record_income(tx, application_, "lottery", hkd(1), day(2027, 5, 1),
                                              "", false, secretariat_);
                              }),
               StoreError);
}

// ---- purchases (§5.13)

TEST_P(LedgerRepoTest, APurchaseKeepsItsQuotationsInEntryOrderAndTheOneChosen_5_13) {
  PurchaseRow first = purchase();
  first.brand_specified = true;
  first.non_lowest_agreed = true;
  const auto id = buy(first);
  PurchaseRow tender = purchase();
  tender.description = "涼亭工程";
  tender.quotations.clear();
  tender.chosen = std::nullopt;
  tender.open_tender = true;
  tender.single_source_approved = true;
  tender.agreed_otherwise = true;
  tender.non_lowest_justification = "唯一合資格承辦商";
  tender.capital_item = false;
  buy(tender);

  in_transaction(*store_, [&](Transaction& tx) {
    const auto purchases = list_purchases(tx, application_);
    ASSERT_EQ(purchases.size(), 2u);
    const PurchaseRow& row = purchases[0];
    EXPECT_EQ(row.id, id);
    EXPECT_EQ(row.description, "小型耕耘機");
    EXPECT_EQ(row.value, hkd(38'000));
    ASSERT_EQ(row.quotations.size(), 3u);
    EXPECT_EQ(row.quotations[0].supplier, "新界農機");
    EXPECT_EQ(row.quotations[1].supplier, "元朗五金");
    EXPECT_EQ(row.quotations[1].amount, hkd(38'000));
    EXPECT_EQ(row.quotations[2].amount, hkd(41'200));
    EXPECT_EQ(row.chosen, 1);
    EXPECT_FALSE(row.open_tender);
    EXPECT_TRUE(row.brand_specified);
    EXPECT_FALSE(row.single_source_approved);
    EXPECT_TRUE(row.non_lowest_agreed);
    EXPECT_TRUE(row.capital_item);
    EXPECT_EQ(row.recorded_on, day(2027, 2, 10));
    EXPECT_EQ(row.recorded_by, "Name of officer");

    const PurchaseRow& other = purchases[1];
    EXPECT_TRUE(other.quotations.empty());
    EXPECT_FALSE(other.chosen);
    EXPECT_TRUE(other.open_tender);
    EXPECT_TRUE(other.single_source_approved);
    EXPECT_TRUE(other.agreed_otherwise);
    EXPECT_EQ(other.non_lowest_justification, "唯一合資格承辦商");
    EXPECT_FALSE(other.capital_item);
  });

  PurchaseRow wrong = purchase();
  wrong.chosen = 3;
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_purchase(tx, {application_, wrong, secretariat_});
              }),
              HasSubstr("the chosen quotation is number 4 of 3"));
  EXPECT_EQ(count_rows("purchases"), 2);
  EXPECT_EQ(count_rows("purchase_quotations"), 3);
}

// ---- capital items (§5.13.6, §5.14.2)

TEST_P(LedgerRepoTest, ACapitalItemIsPhotographedAndDisposedOfOnce_5_13_6) {
  const auto bought = buy(purchase());
  const auto id = register_item(capital_item(bought));
  in_transaction(*store_, [&](Transaction& tx) {
    EXPECT_EQ(capital_item_project(tx, id), application_);
    EXPECT_FALSE(capital_item_project(tx, id + 100));
  });
  auto listed = capital_items();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, id);
  EXPECT_EQ(listed[0].purchase_id, bought);
  EXPECT_EQ(listed[0].name, "小型耕耘機");
  EXPECT_EQ(listed[0].cost, hkd(38'000));
  EXPECT_EQ(listed[0].acquired_on, day(2027, 2, 20));
  EXPECT_FALSE(listed[0].photo_document_id);
  EXPECT_EQ(listed[0].disposal, "");

  const auto photo = document("capital_item_photo", "tiller.pdf");
  in_transaction(*store_, [&](Transaction& tx) {
    record_item_photo(tx, id, photo, day(2027, 7, 30), "良好", secretariat_);
  });
  listed = capital_items();
  EXPECT_EQ(listed[0].photo_document_id, photo);
  EXPECT_EQ(listed[0].photographed_on, day(2027, 7, 30));
  EXPECT_EQ(listed[0].condition, "良好");

  in_transaction(*store_, [&](Transaction& tx) {
    record_disposal(tx, id, "sold", hkd(12'000), day(2029, 1, 15), secretariat_);
  });
  listed = capital_items();
  EXPECT_EQ(listed[0].disposal, "sold");
  EXPECT_EQ(listed[0].proceeds, hkd(12'000));
  EXPECT_EQ(listed[0].disposed_on, day(2029, 1, 15));
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_disposal(tx, id, "transferred", std::nullopt, day(2029, 2, 1), secretariat_);
              }),
              HasSubstr("was disposed of already (sold, on 2029-01-15)"));

  // An item with no purchase, returned to the government with no proceeds.
  const auto donated = register_item(capital_item(std::nullopt));
  in_transaction(*store_, [&](Transaction& tx) {
    record_disposal(tx, donated, "returned_to_government", std::nullopt, day(2029, 1, 20),
                    secretariat_);
  });
  listed = capital_items();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_FALSE(listed[1].purchase_id);
  EXPECT_FALSE(listed[1].proceeds);
  EXPECT_EQ(listed[1].disposal, "returned_to_government");
}

TEST_P(LedgerRepoTest, ACapitalItemRefersToItsOwnProjectsPurchase) {
  const auto second = approved_application("鹽田梓鹽田修復", day(2026, 3, 3));
  create(new_project(second));
  std::int64_t theirs = 0;
  in_transaction(*store_, [&](Transaction& tx) {
    theirs = record_purchase(tx, {second, purchase(), secretariat_});
  });
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_capital_item(tx, application_, capital_item(theirs), secretariat_);
              }),
              HasSubstr("not project " + std::to_string(application_)));
  const auto photo = document("capital_item_photo", "x.pdf");
  EXPECT_THAT(refusal([&](Transaction& tx) {
                record_item_photo(tx, 999, photo, day(2027, 7, 30), "", secretariat_);
              }),
              HasSubstr("no capital item with id 999"));
}

// ---- reductions (§5.5.4, §5.5.5)

TEST_P(LedgerRepoTest, AConfirmedReductionKeepsTheFigureItCameFrom_5_5_4) {
  ReductionRow area;
  area.ground = "area";
  area.base = hkd(400'000);
  area.target = 20'000;
  area.actual = 15'000;
  area.amount = hkd(100'000);
  area.note = "復耕面積只達四分之三";
  area.confirmed_on = day(2029, 3, 1);
  ReductionRow performance;
  performance.ground = "performance";
  performance.base = hkd(600'000);
  performance.achieved_bp = 9'000;
  performance.amount = hkd(60'000);
  performance.confirmed_on = day(2029, 3, 2);
  in_transaction(*store_, [&](Transaction& tx) {
    record_reduction(tx, application_, performance, secretariat_);
    record_reduction(tx, application_, area, secretariat_);
  });
  in_transaction(*store_, [&](Transaction& tx) {
    const auto reductions = list_reductions(tx, application_);
    ASSERT_EQ(reductions.size(), 2u);
    EXPECT_EQ(reductions[0].ground, "area");
    EXPECT_EQ(reductions[0].base, hkd(400'000));
    EXPECT_EQ(reductions[0].target, 20'000);
    EXPECT_EQ(reductions[0].actual, 15'000);
    EXPECT_EQ(reductions[0].amount, hkd(100'000));
    EXPECT_EQ(reductions[0].note, "復耕面積只達四分之三");
    EXPECT_EQ(reductions[0].confirmed_on, day(2029, 3, 1));
    EXPECT_EQ(reductions[0].confirmed_by, "Name of officer");
    EXPECT_EQ(reductions[1].ground, "performance");
    EXPECT_EQ(reductions[1].achieved_bp, 9'000);
  });
}

// ---- every write is audited; the schema keeps the amounts honest

TEST_P(LedgerRepoTest, EveryLedgerWriteAppendsOneAuditRecordOnTheProject) {
  const auto before = audit_log().size();
  const auto receipt = document("receipt", "r.pdf");
  const auto photo = document("capital_item_photo", "p.pdf");
  const auto after_uploads = audit_log().size();
  ASSERT_EQ(after_uploads, before + 2);

  in_transaction(*store_, [&](Transaction& tx) {
    record_increase(tx, application_, 1, hkd(1'000), "加人手", day(2027, 3, 1), secretariat_);
    NewExpenditure paid = expenditure(1, day(2027, 3, 2), hkd(500), "工資");
    paid.receipt_document_id = receipt;
    record_expenditure(tx, paid);
    record_income(tx, application_, "project_income", hkd(300), day(2027, 3, 3), "導賞團收費",
                  false, secretariat_);
    record_refund(tx, application_, hkd(200), day(2027, 3, 4), "", secretariat_);
    const auto bought = record_purchase(tx, {application_, purchase(), secretariat_});
    const auto item = record_capital_item(tx, application_, capital_item(bought), secretariat_);
    record_item_photo(tx, item, photo, day(2027, 3, 5), "新", secretariat_);
    record_disposal(tx, item, "transferred", std::nullopt, day(2029, 1, 1), secretariat_);
    ReductionRow reduction;
    reduction.ground = "scope_change";
    reduction.base = hkd(600'000);
    reduction.amount = hkd(20'000);
    reduction.confirmed_on = day(2029, 1, 2);
    record_reduction(tx, application_, reduction, secretariat_);
  });
  EXPECT_THAT(audited_since(after_uploads),
              ElementsAre("officer project record_increase", "officer project record_expenditure",
                          "officer project record_income", "officer project record_refund",
                          "officer project record_purchase", "officer project record_capital_item",
                          "officer project record_item_photo", "officer project record_disposal",
                          "officer project record_reduction"));
  EXPECT_EQ(count_rows("audit_log"), static_cast<std::int64_t>(after_uploads + 9));
  const auto records = audit_log();
  for (auto i = after_uploads; i < records.size(); ++i)
    EXPECT_EQ(records[i].entity_id, std::to_string(application_));
}

TEST_P(LedgerRepoTest, TheDatabaseRefusesANegativeAmount) {
  const std::string project = std::to_string(application_);
  EXPECT_THROW(execute_sql("INSERT INTO expenditures (application_id, item_no, spent_on, "
                           "amount_cents, recorded_by, recorded_at) VALUES (" +
                           project + ", 1, '2027-03-01', -100, 1, '2027-03-01T00:00:00.000Z')"),
               StoreError);
  EXPECT_THROW(execute_sql("INSERT INTO refunds (application_id, amount_cents, received_on, "
                           "recorded_by, recorded_at) VALUES (" +
                           project + ", -1, '2027-03-01', 1, '2027-03-01T00:00:00.000Z')"),
               StoreError);
  EXPECT_THROW(in_transaction(*store_,
                              [&](Transaction& tx) {
                                record_expenditure(
                                    tx, expenditure(1, day(2027, 3, 1), hkd(-5), "負數"));
                              }),
               StoreError);
  EXPECT_EQ(count_rows("expenditures"), 0);
  EXPECT_EQ(count_rows("refunds"), 0);
}

}  // namespace
}  // namespace bsap::store::testing
