#include "store/ledger_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/project_repo.h"
#include "store/project_support.h"
#include "store/repo_support.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;

// The project's budget item, by number; StoreError naming the project's items if there is none.
ItemRow require_item(Transaction& tx, std::int64_t application_id, int item_no) {
  const auto items = list_items(tx, application_id);
  for (const ItemRow& item : items)
    if (item.item_no == item_no) return item;
  throw StoreError(fmt::format("project {} has no budget item {} (its items are 1 to {})",
                               application_id, item_no, items.size()));
}

// A shown user's name column for rows recorded by someone: `alias` joined on the recorder.
std::string recorder(std::string_view alias) { return shown_user_sql(alias, ""); }

// ---- purchases

void check_purchase(const PurchaseRow& purchase) {
  if (purchase.description.empty()) throw StoreError("a purchase needs its description");
  if (purchase.chosen &&
      (*purchase.chosen < 0 || *purchase.chosen >= static_cast<int>(purchase.quotations.size())))
    throw StoreError(fmt::format(
        "the chosen quotation is number {} of {}: it must be one of the quotations recorded",
        *purchase.chosen + 1, purchase.quotations.size()));
}

void insert_quotations(Transaction& tx, std::int64_t purchase_id,
                       const std::vector<QuotationRow>& quotations) {
  int idx = 0;
  for (const QuotationRow& quotation : quotations) {
    const std::int64_t amount_cents = quotation.amount.cents();
    tx.sql() << "INSERT INTO purchase_quotations (purchase_id, idx, supplier, amount_cents) "
                "VALUES (:purchase_id, :idx, :supplier, :amount_cents)",
        soci::use(purchase_id), soci::use(idx), soci::use(quotation.supplier),
        soci::use(amount_cents);
    ++idx;
  }
}

std::vector<QuotationRow> select_quotations(Transaction& tx, std::int64_t purchase_id) {
  QuotationRow row;
  std::int64_t amount_cents = 0;
  soci::statement select =
      (tx.sql().prepare << "SELECT supplier, amount_cents FROM purchase_quotations "
                           "WHERE purchase_id = :id ORDER BY idx",
       soci::use(purchase_id), soci::into(row.supplier), soci::into(amount_cents));
  select.execute();
  std::vector<QuotationRow> quotations;
  while (select.fetch()) {
    row.amount = Money::from_cents(amount_cents);
    quotations.push_back(row);
  }
  return quotations;
}

json purchase_json(std::int64_t id, const PurchaseRow& purchase) {
  json quotations = json::array();
  for (const QuotationRow& quotation : purchase.quotations)
    quotations.push_back(
        {{"supplier", quotation.supplier}, {"amount_cents", quotation.amount.cents()}});
  return {{"purchase_id", id},
          {"description", purchase.description},
          {"value_cents", purchase.value.cents()},
          {"quotations", quotations},
          {"chosen", value_or_null(purchase.chosen)},
          {"open_tender", purchase.open_tender},
          {"brand_specified", purchase.brand_specified},
          {"single_source_approved", purchase.single_source_approved},
          {"agreed_otherwise", purchase.agreed_otherwise},
          {"non_lowest_justification", purchase.non_lowest_justification},
          {"non_lowest_agreed", purchase.non_lowest_agreed},
          {"capital_item", purchase.capital_item},
          {"recorded_on", format_iso(purchase.recorded_on)}};
}

// ---- capital items

template <typename... Uses>
std::vector<CapitalItemRow> select_capital_items(Transaction& tx, const std::string& condition,
                                                 Uses... uses) {
  CapitalItemRow row;
  std::int64_t purchase_id = 0, cost_cents = 0, photo_id = 0, proceeds_cents = 0;
  std::string acquired_on, photographed_on, disposed_on;
  soci::indicator purchase_present = soci::i_null, photo_present = soci::i_null,
                  photographed_present = soci::i_null, proceeds_present = soci::i_null,
                  disposed_present = soci::i_null;
  const std::string query =
      "SELECT id, purchase_id, name, cost_cents, acquired_on, photo_document_id, "
      "photographed_on, condition, disposal, proceeds_cents, disposed_on FROM capital_items " +
      condition + " ORDER BY id";
  soci::statement select =
      (((tx.sql().prepare << query), ..., uses), soci::into(row.id),
       soci::into(purchase_id, purchase_present), soci::into(row.name), soci::into(cost_cents),
       soci::into(acquired_on), soci::into(photo_id, photo_present),
       soci::into(photographed_on, photographed_present), soci::into(row.condition),
       soci::into(row.disposal), soci::into(proceeds_cents, proceeds_present),
       soci::into(disposed_on, disposed_present));
  select.execute();
  std::vector<CapitalItemRow> items;
  while (select.fetch()) {
    row.purchase_id = present(purchase_id, purchase_present);
    row.cost = Money::from_cents(cost_cents);
    row.acquired_on = stored_date(acquired_on, "capital_items.acquired_on");
    row.photo_document_id = present(photo_id, photo_present);
    row.photographed_on =
        stored_date(photographed_on, photographed_present, "capital_items.photographed_on");
    row.proceeds = std::nullopt;
    if (proceeds_present == soci::i_ok) row.proceeds = Money::from_cents(proceeds_cents);
    row.disposed_on = stored_date(disposed_on, disposed_present, "capital_items.disposed_on");
    items.push_back(row);
  }
  return items;
}

// The capital item and the project it belongs to; StoreError if there is no such item.
std::pair<CapitalItemRow, ProjectRow> require_capital_item(Transaction& tx,
                                                           std::int64_t capital_item_id) {
  const auto application_id = capital_item_project(tx, capital_item_id);
  if (!application_id) throw StoreError(fmt::format("no capital item with id {}", capital_item_id));
  auto items = select_capital_items(tx, "WHERE id = :id", soci::use(capital_item_id));
  return {std::move(items.front()), require_project(tx, *application_id)};
}

// A purchase named by a capital item must be its project's.
void require_purchase_of(Transaction& tx, std::int64_t application_id, std::int64_t purchase_id) {
  std::int64_t owner = 0;
  tx.sql() << "SELECT application_id FROM purchases WHERE id = :id", soci::use(purchase_id),
      soci::into(owner);
  if (!tx.sql().got_data()) throw StoreError(fmt::format("no purchase with id {}", purchase_id));
  if (owner != application_id)
    throw StoreError(fmt::format("purchase {} is project {}'s, not project {}'s", purchase_id,
                                 owner, application_id));
}

json capital_item_json(std::int64_t id, const CapitalItemRow& item) {
  return {{"capital_item_id", id},
          {"purchase_id", value_or_null(item.purchase_id)},
          {"name", item.name},
          {"cost_cents", item.cost.cents()},
          {"acquired_on", format_iso(item.acquired_on)},
          {"photo_document_id", value_or_null(item.photo_document_id)},
          {"photographed_on", day_or_null(item.photographed_on)},
          {"condition", item.condition},
          {"disposal", item.disposal},
          {"proceeds_cents", item.proceeds ? json(item.proceeds->cents()) : json(nullptr)},
          {"disposed_on", day_or_null(item.disposed_on)}};
}

}  // namespace

std::vector<ItemRow> list_items(Transaction& tx, std::int64_t application_id) {
  ItemRow row;
  std::int64_t approved_cents = 0, increase_cents = 0, spent_cents = 0;
  soci::statement select =
      (tx.sql().prepare << "SELECT i.item_no, i.name, i.approved_cents, "
                           "COALESCE((SELECT SUM(x.amount_cents) FROM item_increases x WHERE "
                           "x.application_id = i.application_id AND x.item_no = i.item_no), 0), "
                           "COALESCE((SELECT SUM(e.amount_cents) FROM expenditures e WHERE "
                           "e.application_id = i.application_id AND e.item_no = i.item_no), 0) "
                           "FROM project_items i WHERE i.application_id = :id ORDER BY i.item_no",
       soci::use(application_id), soci::into(row.item_no), soci::into(row.name),
       soci::into(approved_cents), soci::into(increase_cents), soci::into(spent_cents));
  select.execute();
  std::vector<ItemRow> items;
  while (select.fetch()) {
    row.approved = Money::from_cents(approved_cents);
    row.increase = Money::from_cents(increase_cents);
    row.spent = Money::from_cents(spent_cents);
    items.push_back(row);
  }
  return items;
}

void record_increase(Transaction& tx, std::int64_t application_id, int item_no, Money amount,
                     std::string_view reason, CivilDate on, std::int64_t user_id) {
  require_project(tx, application_id);
  const ItemRow item = require_item(tx, application_id, item_no);
  if (reason.empty())
    throw StoreError("an increase to a budget item is approved with its reason (§5.5.3)");
  const std::string actor = username_of(tx, user_id);

  const std::int64_t amount_cents = amount.cents();
  const std::string reason_text(reason), day = format_iso(on), now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO item_increases (application_id, item_no, amount_cents, reason, "
              "approved_on, approved_by, recorded_at) VALUES (:application_id, :item_no, "
              ":amount_cents, :reason, :approved_on, :approved_by, :recorded_at) RETURNING id",
      soci::use(application_id), soci::use(item_no), soci::use(amount_cents),
      soci::use(reason_text), soci::use(day), soci::use(user_id), soci::use(now), soci::into(id);
  const json before = {{"item_no", item_no}, {"increase_cents", item.increase.cents()}};
  const json after = {{"increase_id", id},
                      {"item_no", item_no},
                      {"amount_cents", amount_cents},
                      {"increase_cents", item.increase.cents() + amount_cents},
                      {"reason", reason_text},
                      {"approved_on", day}};
  audit_project(tx, actor, application_id, "record_increase", before, after);
}

std::vector<IncreaseRow> list_increases(Transaction& tx, std::int64_t application_id) {
  IncreaseRow row;
  std::int64_t amount_cents = 0;
  std::string approved_on;
  soci::statement select =
      (tx.sql().prepare << "SELECT x.id, x.item_no, x.amount_cents, x.reason, x.approved_on, " +
                               recorder("u") +
                               " FROM item_increases x JOIN users u ON u.id = x.approved_by "
                               "WHERE x.application_id = :id ORDER BY x.approved_on, x.id",
       soci::use(application_id), soci::into(row.id), soci::into(row.item_no),
       soci::into(amount_cents), soci::into(row.reason), soci::into(approved_on),
       soci::into(row.approved_by));
  select.execute();
  std::vector<IncreaseRow> increases;
  while (select.fetch()) {
    row.amount = Money::from_cents(amount_cents);
    row.approved_on = stored_date(approved_on, "item_increases.approved_on");
    increases.push_back(row);
  }
  return increases;
}

std::int64_t record_expenditure(Transaction& tx, const NewExpenditure& expenditure) {
  const ProjectRow project = require_project(tx, expenditure.application_id);
  require_item(tx, expenditure.application_id, expenditure.item_no);
  if (expenditure.receipt_document_id)
    require_document_of(tx, project.organisation_id, *expenditure.receipt_document_id,
                        "the receipt");
  const std::string actor = username_of(tx, expenditure.user_id);

  const std::int64_t amount_cents = expenditure.amount.cents();
  const std::string day = format_iso(expenditure.spent_on), now = utc_timestamp();
  auto receipt = nullable(expenditure.receipt_document_id);
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO expenditures (application_id, item_no, spent_on, amount_cents, "
              "description, receipt_document_id, recorded_by, recorded_at) VALUES "
              "(:application_id, :item_no, :spent_on, :amount_cents, :description, :receipt, "
              ":recorded_by, :recorded_at) RETURNING id",
      soci::use(expenditure.application_id), soci::use(expenditure.item_no), soci::use(day),
      soci::use(amount_cents), soci::use(expenditure.description),
      soci::use(receipt.value, receipt.indicator), soci::use(expenditure.user_id), soci::use(now),
      soci::into(id);
  const json after = {{"expenditure_id", id},
                      {"item_no", expenditure.item_no},
                      {"spent_on", day},
                      {"amount_cents", amount_cents},
                      {"description", expenditure.description},
                      {"receipt_document_id", value_or_null(expenditure.receipt_document_id)}};
  audit_project(tx, actor, expenditure.application_id, "record_expenditure", nullptr, after);
  return id;
}

std::vector<ExpenditureRow> list_expenditures(Transaction& tx, std::int64_t application_id) {
  ExpenditureRow row;
  std::int64_t amount_cents = 0, receipt_id = 0;
  std::string spent_on;
  soci::indicator receipt_present = soci::i_null;
  soci::statement select =
      (tx.sql().prepare << "SELECT e.id, e.item_no, e.spent_on, e.amount_cents, e.description, "
                           "e.receipt_document_id, " +
                               recorder("u") +
                               " FROM expenditures e JOIN users u ON u.id = e.recorded_by "
                               "WHERE e.application_id = :id ORDER BY e.spent_on DESC, e.id DESC",
       soci::use(application_id), soci::into(row.id), soci::into(row.item_no), soci::into(spent_on),
       soci::into(amount_cents), soci::into(row.description),
       soci::into(receipt_id, receipt_present), soci::into(row.recorded_by));
  select.execute();
  std::vector<ExpenditureRow> expenditures;
  while (select.fetch()) {
    row.spent_on = stored_date(spent_on, "expenditures.spent_on");
    row.amount = Money::from_cents(amount_cents);
    row.receipt_document_id = present(receipt_id, receipt_present);
    expenditures.push_back(row);
  }
  return expenditures;
}

std::int64_t record_income(Transaction& tx, std::int64_t application_id, std::string_view kind,
                           Money amount, CivilDate received_on, std::string_view description,
                           bool reinvestment_approved, std::int64_t user_id) {
  check_code("income kind", kind);
  require_project(tx, application_id);
  const std::string actor = username_of(tx, user_id);

  const std::int64_t amount_cents = amount.cents();
  const int reinvest = reinvestment_approved ? 1 : 0;
  const std::string kind_code(kind), description_text(description), day = format_iso(received_on),
                                                                    now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO project_income (application_id, kind, amount_cents, received_on, "
              "description, reinvestment_approved, recorded_by, recorded_at) VALUES "
              "(:application_id, :kind, :amount_cents, :received_on, :description, "
              ":reinvestment_approved, :recorded_by, :recorded_at) RETURNING id",
      soci::use(application_id), soci::use(kind_code), soci::use(amount_cents), soci::use(day),
      soci::use(description_text), soci::use(reinvest), soci::use(user_id), soci::use(now),
      soci::into(id);
  const json after = {{"income_id", id},
                      {"kind", kind_code},
                      {"amount_cents", amount_cents},
                      {"received_on", day},
                      {"description", description_text},
                      {"reinvestment_approved", reinvestment_approved}};
  audit_project(tx, actor, application_id, "record_income", nullptr, after);
  return id;
}

std::vector<IncomeRow> list_income(Transaction& tx, std::int64_t application_id) {
  IncomeRow row;
  std::int64_t amount_cents = 0;
  int reinvest = 0;
  std::string received_on;
  soci::statement select =
      (tx.sql().prepare << "SELECT i.id, i.kind, i.amount_cents, i.received_on, i.description, "
                           "i.reinvestment_approved, " +
                               recorder("u") +
                               " FROM project_income i JOIN users u ON u.id = i.recorded_by "
                               "WHERE i.application_id = :id ORDER BY i.received_on, i.id",
       soci::use(application_id), soci::into(row.id), soci::into(row.kind),
       soci::into(amount_cents), soci::into(received_on), soci::into(row.description),
       soci::into(reinvest), soci::into(row.recorded_by));
  select.execute();
  std::vector<IncomeRow> income;
  while (select.fetch()) {
    row.amount = Money::from_cents(amount_cents);
    row.received_on = stored_date(received_on, "project_income.received_on");
    row.reinvestment_approved = reinvest != 0;
    income.push_back(row);
  }
  return income;
}

std::int64_t record_refund(Transaction& tx, std::int64_t application_id, Money amount,
                           CivilDate received_on, std::string_view note, std::int64_t user_id) {
  require_project(tx, application_id);
  const std::string actor = username_of(tx, user_id);

  const std::int64_t amount_cents = amount.cents();
  const std::string note_text(note), day = format_iso(received_on), now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO refunds (application_id, amount_cents, received_on, note, "
              "recorded_by, recorded_at) VALUES (:application_id, :amount_cents, :received_on, "
              ":note, :recorded_by, :recorded_at) RETURNING id",
      soci::use(application_id), soci::use(amount_cents), soci::use(day), soci::use(note_text),
      soci::use(user_id), soci::use(now), soci::into(id);
  const json after = {
      {"refund_id", id}, {"amount_cents", amount_cents}, {"received_on", day}, {"note", note_text}};
  audit_project(tx, actor, application_id, "record_refund", nullptr, after);
  return id;
}

std::vector<RefundRow> list_refunds(Transaction& tx, std::int64_t application_id) {
  RefundRow row;
  std::int64_t amount_cents = 0;
  std::string received_on;
  soci::statement select =
      (tx.sql().prepare << "SELECT r.id, r.amount_cents, r.received_on, r.note, " + recorder("u") +
                               " FROM refunds r JOIN users u ON u.id = r.recorded_by "
                               "WHERE r.application_id = :id ORDER BY r.received_on, r.id",
       soci::use(application_id), soci::into(row.id), soci::into(amount_cents),
       soci::into(received_on), soci::into(row.note), soci::into(row.recorded_by));
  select.execute();
  std::vector<RefundRow> refunds;
  while (select.fetch()) {
    row.amount = Money::from_cents(amount_cents);
    row.received_on = stored_date(received_on, "refunds.received_on");
    refunds.push_back(row);
  }
  return refunds;
}

std::int64_t record_purchase(Transaction& tx, const NewPurchase& purchase) {
  const PurchaseRow& row = purchase.purchase;
  check_purchase(row);
  require_project(tx, purchase.application_id);
  const std::string actor = username_of(tx, purchase.user_id);

  const std::int64_t value_cents = row.value.cents();
  auto chosen = nullable(row.chosen);
  const int open_tender = row.open_tender, brand_specified = row.brand_specified,
            single_source_approved = row.single_source_approved,
            agreed_otherwise = row.agreed_otherwise, non_lowest_agreed = row.non_lowest_agreed,
            capital_item = row.capital_item;
  const std::string day = format_iso(row.recorded_on), now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO purchases (application_id, description, value_cents, chosen, "
              "open_tender, brand_specified, single_source_approved, agreed_otherwise, "
              "non_lowest_justification, non_lowest_agreed, capital_item, recorded_on, "
              "recorded_by, recorded_at) VALUES (:application_id, :description, :value_cents, "
              ":chosen, :open_tender, :brand_specified, :single_source_approved, "
              ":agreed_otherwise, :non_lowest_justification, :non_lowest_agreed, :capital_item, "
              ":recorded_on, :recorded_by, :recorded_at) RETURNING id",
      soci::use(purchase.application_id), soci::use(row.description), soci::use(value_cents),
      soci::use(chosen.value, chosen.indicator), soci::use(open_tender), soci::use(brand_specified),
      soci::use(single_source_approved), soci::use(agreed_otherwise),
      soci::use(row.non_lowest_justification), soci::use(non_lowest_agreed),
      soci::use(capital_item), soci::use(day), soci::use(purchase.user_id), soci::use(now),
      soci::into(id);
  insert_quotations(tx, id, row.quotations);
  audit_project(tx, actor, purchase.application_id, "record_purchase", nullptr,
                purchase_json(id, row));
  return id;
}

std::vector<PurchaseRow> list_purchases(Transaction& tx, std::int64_t application_id) {
  PurchaseRow row;
  std::int64_t value_cents = 0;
  int chosen = 0, open_tender = 0, brand_specified = 0, single_source_approved = 0,
      agreed_otherwise = 0, non_lowest_agreed = 0, capital_item = 0;
  std::string recorded_on;
  soci::indicator chosen_present = soci::i_null;
  soci::statement select =
      (tx.sql().prepare
           << "SELECT p.id, p.description, p.value_cents, p.chosen, p.open_tender, "
              "p.brand_specified, p.single_source_approved, p.agreed_otherwise, "
              "p.non_lowest_justification, p.non_lowest_agreed, p.capital_item, p.recorded_on, " +
                  recorder("u") +
                  " FROM purchases p JOIN users u ON u.id = p.recorded_by "
                  "WHERE p.application_id = :id ORDER BY p.id",
       soci::use(application_id), soci::into(row.id), soci::into(row.description),
       soci::into(value_cents), soci::into(chosen, chosen_present), soci::into(open_tender),
       soci::into(brand_specified), soci::into(single_source_approved),
       soci::into(agreed_otherwise), soci::into(row.non_lowest_justification),
       soci::into(non_lowest_agreed), soci::into(capital_item), soci::into(recorded_on),
       soci::into(row.recorded_by));
  select.execute();
  std::vector<PurchaseRow> purchases;
  while (select.fetch()) {
    row.value = Money::from_cents(value_cents);
    row.chosen = present(chosen, chosen_present);
    row.open_tender = open_tender != 0;
    row.brand_specified = brand_specified != 0;
    row.single_source_approved = single_source_approved != 0;
    row.agreed_otherwise = agreed_otherwise != 0;
    row.non_lowest_agreed = non_lowest_agreed != 0;
    row.capital_item = capital_item != 0;
    row.recorded_on = stored_date(recorded_on, "purchases.recorded_on");
    purchases.push_back(row);
  }
  // Read once the purchases are all fetched, one statement at a time.
  for (PurchaseRow& purchase : purchases) purchase.quotations = select_quotations(tx, purchase.id);
  return purchases;
}

std::int64_t record_capital_item(Transaction& tx, std::int64_t application_id,
                                 const CapitalItemRow& item, std::int64_t user_id) {
  const ProjectRow project = require_project(tx, application_id);
  if (item.name.empty()) throw StoreError("a capital item needs its name");
  if (item.purchase_id) require_purchase_of(tx, application_id, *item.purchase_id);
  if (item.photo_document_id)
    require_document_of(tx, project.organisation_id, *item.photo_document_id, "the photo");
  if (!item.disposal.empty()) check_code("disposal", item.disposal);
  const std::string actor = username_of(tx, user_id);

  const std::int64_t cost_cents = item.cost.cents();
  auto purchase = nullable(item.purchase_id);
  auto photo = nullable(item.photo_document_id);
  auto photographed_on = nullable_day(item.photographed_on);
  auto disposed_on = nullable_day(item.disposed_on);
  auto proceeds = nullable(item.proceeds ? std::optional(item.proceeds->cents()) : std::nullopt);
  const std::string acquired_on = format_iso(item.acquired_on), now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO capital_items (application_id, purchase_id, name, cost_cents, "
              "acquired_on, photo_document_id, photographed_on, condition, disposal, "
              "proceeds_cents, disposed_on, recorded_by, recorded_at) VALUES (:application_id, "
              ":purchase_id, :name, :cost_cents, :acquired_on, :photo_document_id, "
              ":photographed_on, :condition, :disposal, :proceeds_cents, :disposed_on, "
              ":recorded_by, :recorded_at) RETURNING id",
      soci::use(application_id), soci::use(purchase.value, purchase.indicator),
      soci::use(item.name), soci::use(cost_cents), soci::use(acquired_on),
      soci::use(photo.value, photo.indicator),
      soci::use(photographed_on.value, photographed_on.indicator), soci::use(item.condition),
      soci::use(item.disposal), soci::use(proceeds.value, proceeds.indicator),
      soci::use(disposed_on.value, disposed_on.indicator), soci::use(user_id), soci::use(now),
      soci::into(id);
  audit_project(tx, actor, application_id, "record_capital_item", nullptr,
                capital_item_json(id, item));
  return id;
}

void record_item_photo(Transaction& tx, std::int64_t capital_item_id, std::int64_t document_id,
                       CivilDate on, std::string_view condition, std::int64_t user_id) {
  const auto [item, project] = require_capital_item(tx, capital_item_id);
  require_document_of(tx, project.organisation_id, document_id, "the photo");
  const std::string actor = username_of(tx, user_id);

  const std::string day = format_iso(on), condition_text(condition);
  tx.sql() << "UPDATE capital_items SET photo_document_id = :document_id, photographed_on = "
              ":day, condition = :condition WHERE id = :id",
      soci::use(document_id), soci::use(day), soci::use(condition_text), soci::use(capital_item_id);
  const json before = {{"capital_item_id", capital_item_id},
                       {"photo_document_id", value_or_null(item.photo_document_id)},
                       {"photographed_on", day_or_null(item.photographed_on)},
                       {"condition", item.condition}};
  const json after = {{"capital_item_id", capital_item_id},
                      {"photo_document_id", document_id},
                      {"photographed_on", day},
                      {"condition", condition_text}};
  audit_project(tx, actor, project.application_id, "record_item_photo", before, after);
}

void record_disposal(Transaction& tx, std::int64_t capital_item_id, std::string_view disposal,
                     std::optional<Money> proceeds, CivilDate on, std::int64_t user_id) {
  check_code("disposal", disposal);
  const auto [item, project] = require_capital_item(tx, capital_item_id);
  const std::string actor = username_of(tx, user_id);

  const std::string disposal_code(disposal), day = format_iso(on);
  auto proceeds_cents = nullable(proceeds ? std::optional(proceeds->cents()) : std::nullopt);
  // The empty-disposal condition disposes of an item once, even for two officers at once.
  soci::statement update =
      (tx.sql().prepare << "UPDATE capital_items SET disposal = :disposal, proceeds_cents = "
                           ":proceeds, disposed_on = :day WHERE id = :id AND disposal = ''",
       soci::use(disposal_code), soci::use(proceeds_cents.value, proceeds_cents.indicator),
       soci::use(day), soci::use(capital_item_id));
  update.execute(true);
  if (update.get_affected_rows() != 1) {
    const auto [disposed, _] = require_capital_item(tx, capital_item_id);
    throw StoreError(fmt::format("capital item {} (\"{}\") was disposed of already ({}, on {})",
                                 capital_item_id, disposed.name, disposed.disposal,
                                 disposed.disposed_on ? format_iso(*disposed.disposed_on) : "?"));
  }
  const json after = {{"capital_item_id", capital_item_id},
                      {"disposal", disposal_code},
                      {"proceeds_cents", proceeds ? json(proceeds->cents()) : json(nullptr)},
                      {"disposed_on", day}};
  audit_project(tx, actor, project.application_id, "record_disposal",
                {{"capital_item_id", capital_item_id}, {"disposal", item.disposal}}, after);
}

std::vector<CapitalItemRow> list_capital_items(Transaction& tx, std::int64_t application_id) {
  return select_capital_items(tx, "WHERE application_id = :id", soci::use(application_id));
}

std::optional<std::int64_t> capital_item_project(Transaction& tx, std::int64_t capital_item_id) {
  std::int64_t application_id = 0;
  tx.sql() << "SELECT application_id FROM capital_items WHERE id = :id", soci::use(capital_item_id),
      soci::into(application_id);
  if (!tx.sql().got_data()) return std::nullopt;
  return application_id;
}

std::int64_t record_reduction(Transaction& tx, std::int64_t application_id,
                              const ReductionRow& reduction, std::int64_t user_id) {
  check_code("reduction ground", reduction.ground);
  require_project(tx, application_id);
  const std::string actor = username_of(tx, user_id);

  const std::int64_t base_cents = reduction.base.cents(), amount_cents = reduction.amount.cents();
  const std::string day = format_iso(reduction.confirmed_on), now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO reductions (application_id, ground, base_cents, target, actual, "
              "achieved_bp, amount_cents, note, confirmed_on, confirmed_by, recorded_at) VALUES "
              "(:application_id, :ground, :base_cents, :target, :actual, :achieved_bp, "
              ":amount_cents, :note, :confirmed_on, :confirmed_by, :recorded_at) RETURNING id",
      soci::use(application_id), soci::use(reduction.ground), soci::use(base_cents),
      soci::use(reduction.target), soci::use(reduction.actual), soci::use(reduction.achieved_bp),
      soci::use(amount_cents), soci::use(reduction.note), soci::use(day), soci::use(user_id),
      soci::use(now), soci::into(id);
  const json after = {{"reduction_id", id},           {"ground", reduction.ground},
                      {"base_cents", base_cents},     {"target", reduction.target},
                      {"actual", reduction.actual},   {"achieved_bp", reduction.achieved_bp},
                      {"amount_cents", amount_cents}, {"note", reduction.note},
                      {"confirmed_on", day}};
  audit_project(tx, actor, application_id, "record_reduction", nullptr, after);
  return id;
}

std::vector<ReductionRow> list_reductions(Transaction& tx, std::int64_t application_id) {
  ReductionRow row;
  std::int64_t base_cents = 0, amount_cents = 0;
  std::string confirmed_on;
  soci::statement select =
      (tx.sql().prepare << "SELECT r.id, r.ground, r.base_cents, r.target, r.actual, "
                           "r.achieved_bp, r.amount_cents, r.note, r.confirmed_on, " +
                               recorder("u") +
                               " FROM reductions r JOIN users u ON u.id = r.confirmed_by "
                               "WHERE r.application_id = :id ORDER BY r.confirmed_on, r.id",
       soci::use(application_id), soci::into(row.id), soci::into(row.ground),
       soci::into(base_cents), soci::into(row.target), soci::into(row.actual),
       soci::into(row.achieved_bp), soci::into(amount_cents), soci::into(row.note),
       soci::into(confirmed_on), soci::into(row.confirmed_by));
  select.execute();
  std::vector<ReductionRow> reductions;
  while (select.fetch()) {
    row.base = Money::from_cents(base_cents);
    row.amount = Money::from_cents(amount_cents);
    row.confirmed_on = stored_date(confirmed_on, "reductions.confirmed_on");
    reductions.push_back(row);
  }
  return reductions;
}

}  // namespace bsap::store
