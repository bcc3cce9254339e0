// The money of a funded project (guidelines §5.5, §5.6, §5.13, §5.14): its approved budget items
// and their approved increases, expenditure with receipts, income, refunds, purchases with their
// quotations, capital items and confirmed reductions. See project_repo.h for the conventions:
// the service decides (project/*.h), these record, each write audited in the same transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/money.h"
#include "store/store.h"

namespace bsap::store {

struct ItemRow {
  int item_no = 0;
  std::string name;
  Money approved;
  Money increase;  // the sum of the approved increases
  Money spent;     // the sum of the expenditure recorded against it
};
std::vector<ItemRow> list_items(Transaction& tx, std::int64_t application_id);

// §5.5.3: an increase approved in advance, in writing, with its reason.
struct IncreaseRow {
  std::int64_t id = 0;
  int item_no = 0;
  Money amount;
  std::string reason;
  CivilDate approved_on = CivilDate::from_days_since_epoch(0);
  std::string approved_by;
};
void record_increase(Transaction& tx, std::int64_t application_id, int item_no, Money amount,
                     std::string_view reason, CivilDate on, std::int64_t user_id);
std::vector<IncreaseRow> list_increases(Transaction& tx, std::int64_t application_id);

struct ExpenditureRow {
  std::int64_t id = 0;
  int item_no = 0;
  CivilDate spent_on = CivilDate::from_days_since_epoch(0);
  Money amount;
  std::string description;
  std::optional<std::int64_t> receipt_document_id;
  std::string recorded_by;
};
struct NewExpenditure {
  std::int64_t application_id = 0;
  int item_no = 0;
  CivilDate spent_on = CivilDate::from_days_since_epoch(0);
  Money amount;
  std::string description;
  std::optional<std::int64_t> receipt_document_id;
  std::int64_t user_id = 0;
};
std::int64_t record_expenditure(Transaction& tx, const NewExpenditure& expenditure);
// Newest first.
std::vector<ExpenditureRow> list_expenditures(Transaction& tx, std::int64_t application_id);

// §5.5.2, §5.6.2, §5.14.2: income, sponsorship, interest and asset proceeds; §5.5.8: whether
// the Approval Panel agreed to re-invest it.
struct IncomeRow {
  std::int64_t id = 0;
  std::string kind;  // project::income_kind_code
  Money amount;
  CivilDate received_on = CivilDate::from_days_since_epoch(0);
  std::string description;
  bool reinvestment_approved = false;
  std::string recorded_by;
};
std::int64_t record_income(Transaction& tx, std::int64_t application_id, std::string_view kind,
                           Money amount, CivilDate received_on, std::string_view description,
                           bool reinvestment_approved, std::int64_t user_id);
std::vector<IncomeRow> list_income(Transaction& tx, std::int64_t application_id);

// §5.5.7, §5.16.3: money returned to the scheme.
struct RefundRow {
  std::int64_t id = 0;
  Money amount;
  CivilDate received_on = CivilDate::from_days_since_epoch(0);
  std::string note;
  std::string recorded_by;
};
std::int64_t record_refund(Transaction& tx, std::int64_t application_id, Money amount,
                           CivilDate received_on, std::string_view note, std::int64_t user_id);
std::vector<RefundRow> list_refunds(Transaction& tx, std::int64_t application_id);

// ---- purchases (§5.13)

struct QuotationRow {
  std::string supplier;
  Money amount;
};
struct PurchaseRow {
  std::int64_t id = 0;
  std::string description;
  Money value;
  std::vector<QuotationRow> quotations;  // in entry order
  std::optional<int> chosen;             // index into quotations
  bool open_tender = false;
  bool brand_specified = false;
  bool single_source_approved = false;
  bool agreed_otherwise = false;
  std::string non_lowest_justification;
  bool non_lowest_agreed = false;
  bool capital_item = false;  // entered on the capital items register (§5.13.6)
  CivilDate recorded_on = CivilDate::from_days_since_epoch(0);
  std::string recorded_by;
};
struct NewPurchase {
  std::int64_t application_id = 0;
  PurchaseRow purchase;  // id, recorded_by ignored
  std::int64_t user_id = 0;
};
std::int64_t record_purchase(Transaction& tx, const NewPurchase& purchase);
std::vector<PurchaseRow> list_purchases(Transaction& tx, std::int64_t application_id);

// ---- capital items (§5.13.6, §5.14.2)

struct CapitalItemRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> purchase_id;
  std::string name;
  Money cost;
  CivilDate acquired_on = CivilDate::from_days_since_epoch(0);
  std::optional<std::int64_t> photo_document_id;  // renewed before every progress report
  std::optional<CivilDate> photographed_on;
  std::string condition;
  std::string disposal;  // empty while held; sold, returned_to_government, transferred, …
  std::optional<Money> proceeds;
  std::optional<CivilDate> disposed_on;
};
std::int64_t record_capital_item(Transaction& tx, std::int64_t application_id,
                                 const CapitalItemRow& item, std::int64_t user_id);
void record_item_photo(Transaction& tx, std::int64_t capital_item_id, std::int64_t document_id,
                       CivilDate on, std::string_view condition, std::int64_t user_id);
void record_disposal(Transaction& tx, std::int64_t capital_item_id, std::string_view disposal,
                     std::optional<Money> proceeds, CivilDate on, std::int64_t user_id);
std::vector<CapitalItemRow> list_capital_items(Transaction& tx, std::int64_t application_id);
// The project a capital item belongs to, for the access check.
std::optional<std::int64_t> capital_item_project(Transaction& tx, std::int64_t capital_item_id);

// ---- reductions (§5.5.4, §5.5.5), confirmed by the secretariat after seeing the figure

struct ReductionRow {
  std::int64_t id = 0;
  std::string ground;  // project::reduction_ground_code
  Money base;
  long long target = 0;
  long long actual = 0;
  int achieved_bp = 0;
  Money amount;
  std::string note;
  CivilDate confirmed_on = CivilDate::from_days_since_epoch(0);
  std::string confirmed_by;
};
std::int64_t record_reduction(Transaction& tx, std::int64_t application_id,
                              const ReductionRow& reduction, std::int64_t user_id);
std::vector<ReductionRow> list_reductions(Transaction& tx, std::int64_t application_id);

}  // namespace bsap::store
