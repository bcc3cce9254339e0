// The money sections of the project page (guidelines §5.5, §5.6, §5.13, §5.14): the budget
// ledger with its approved increases (§5.5.3), the expenditure recorded against it (§5.5.6),
// income (§5.5.2, §5.5.8), purchases with their quotations (§5.13), the capital items register
// (§5.13.6, §5.14.2), reductions (§5.5.4, §5.5.5) and the settlement with its refunds (§5.5.7).
#include "project/grant_reductions.h"
#include "project/project_calendar.h"
#include "web/project_sections.h"

namespace bsap::web {
namespace {

// Quotation rows the purchase form offers (§5.13.2(d): five quotations is the most a band
// asks for; one more for a late offer).
constexpr int kQuotationRows = 6;

std::string money(const RequestContext& ctx, Money amount) {
  return format_money(amount, ctx.lang());
}

std::string kept(RequestContext& ctx, const ProjectFormState& state, const std::string& field) {
  return state.keep_values ? ctx.form().get(field) : std::string();
}

bool kept_box(RequestContext& ctx, const ProjectFormState& state, const std::string& field) {
  return state.keep_values && ctx.form().get(field) == "yes";
}

void keep(RequestContext& ctx, const ProjectFormState& state, PageData& data,
          std::initializer_list<const char*> fields) {
  for (const char* field : fields) data.set(std::string("value_") + field, kept(ctx, state, field));
}

std::string item_label(const store::ItemRow& item) {
  return std::to_string(item.item_no) + ". " + item.name;
}

PageData item_options(RequestContext& ctx, const std::vector<store::ItemRow>& items,
                      const ProjectFormState& state, const std::string& field) {
  PageData options{PageData::type::list};
  const std::string selected = kept(ctx, state, field);
  for (const store::ItemRow& item : items)
    options.push_back(select_option(std::to_string(item.item_no), item_label(item),
                                    std::to_string(item.item_no) == selected));
  return options;
}

void add_ledger(RequestContext& ctx, const rules::Ruleset& ruleset, const ProjectFacts& facts,
                const ProjectViewer& viewer, const ProjectFormState& state, PageData& data) {
  PageData rows{PageData::type::list};
  store::ItemRow total;
  for (const store::ItemRow& item : facts.items) {
    const project::LedgerItem ledger{item.item_no, item.name, item.approved, item.increase,
                                     item.spent};
    PageData row;
    row.set("item_no", std::to_string(item.item_no));
    row.set("name", item.name);
    row.set("approved", money(ctx, item.approved));
    row.set("increase", money(ctx, item.increase));
    row.set("cap", money(ctx, ledger.cap()));
    row.set("spent", money(ctx, item.spent));
    row.set("headroom", money(ctx, ledger.headroom()));
    row.set("over", ledger.headroom() < Money{});
    rows.push_back(row);
    total.approved += item.approved;
    total.increase += item.increase;
    total.spent += item.spent;
  }
  data.set("items", rows);
  data.set("has_items", !facts.items.empty());
  data.set("items_approved", money(ctx, total.approved));
  data.set("items_increase", money(ctx, total.increase));
  data.set("items_cap", money(ctx, total.approved + total.increase));
  data.set("items_spent", money(ctx, total.spent));
  data.set("items_headroom", money(ctx, total.approved + total.increase - total.spent));

  PageData increases{PageData::type::list};
  for (const store::IncreaseRow& increase : facts.increases) {
    PageData row;
    row.set("item_no", std::to_string(increase.item_no));
    row.set("amount", money(ctx, increase.amount));
    row.set("reason", increase.reason);
    row.set("approved_on", format_iso(increase.approved_on));
    row.set("approved_by", increase.approved_by);
    increases.push_back(row);
  }
  data.set("increases", increases);
  data.set("has_increases", !facts.increases.empty());
  const bool items = !facts.items.empty() && viewer.running;
  data.set("can_increase", items && viewer.secretariat);
  data.set("can_spend", items && viewer.grantee);
  data.set("increase_hint", fill(ctx.text("project_increase_hint"), "percent",
                                 std::to_string(ruleset.item_increase_cap.max_pct)));
  data.set("increase_item_options", item_options(ctx, facts.items, state, "increase_item"));
  data.set("expenditure_item_options", item_options(ctx, facts.items, state, "expenditure_item"));
  data.set("increase_action", project_link(ctx, facts.row.application_id, "/increases"));
  data.set("expenditure_action", project_link(ctx, facts.row.application_id, "/expenditures"));
  keep(ctx, state, data,
       {"increase_amount", "increase_reason", "expenditure_amount", "expenditure_description"});
  data.set("value_expenditure_date",
           state.keep_values ? ctx.form().get("expenditure_date") : format_iso(project_today()));
}

void add_expenditures(RequestContext& ctx, const ProjectFacts& facts, PageData& data) {
  PageData rows{PageData::type::list};
  for (const store::ExpenditureRow& expenditure : facts.expenditures) {
    PageData row;
    row.set("spent_on", format_iso(expenditure.spent_on));
    row.set("item_no", std::to_string(expenditure.item_no));
    row.set("amount", money(ctx, expenditure.amount));
    row.set("description", expenditure.description);
    if (expenditure.receipt_document_id)
      row.set("receipt_href", document_href(ctx, *expenditure.receipt_document_id));
    row.set("recorded_by", expenditure.recorded_by);
    rows.push_back(row);
  }
  data.set("expenditures", rows);
  data.set("has_expenditures", !facts.expenditures.empty());
}

constexpr project::IncomeKind kIncomeKinds[] = {
    project::IncomeKind::project_income, project::IncomeKind::sponsorship,
    project::IncomeKind::interest, project::IncomeKind::asset_proceeds};

void add_income(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                const ProjectFormState& state, PageData& data) {
  PageData rows{PageData::type::list};
  for (const store::IncomeRow& income : facts.income) {
    PageData row;
    row.set("kind", ctx.text("project_income_kind_" + income.kind));
    row.set("amount", money(ctx, income.amount));
    row.set("received_on", format_iso(income.received_on));
    row.set("description", income.description);
    row.set("reinvested", income.reinvestment_approved);
    row.set("recorded_by", income.recorded_by);
    rows.push_back(row);
  }
  data.set("income", rows);
  data.set("has_income", !facts.income.empty());
  PageData kinds{PageData::type::list};
  const std::string selected = kept(ctx, state, "income_kind");
  for (const project::IncomeKind kind : kIncomeKinds) {
    const std::string code(project::income_kind_code(kind));
    kinds.push_back(select_option(code, ctx.text("project_income_kind_" + code), code == selected));
  }
  data.set("income_kind_options", kinds);
  data.set("can_record_income", viewer.running);
  data.set("income_action", project_link(ctx, facts.row.application_id, "/income"));
  keep(ctx, state, data, {"income_amount", "income_description"});
  data.set("value_income_date",
           state.keep_values ? ctx.form().get("income_date") : format_iso(project_today()));
  data.set("value_income_reinvestment", kept_box(ctx, state, "income_reinvestment"));
}

PageData quotation_cells(const RequestContext& ctx, const store::PurchaseRow& purchase) {
  PageData cells{PageData::type::list};
  for (std::size_t index = 0; index < purchase.quotations.size(); ++index) {
    PageData cell;
    cell.set("supplier", purchase.quotations[index].supplier);
    cell.set("amount", money(ctx, purchase.quotations[index].amount));
    cell.set("chosen", purchase.chosen && static_cast<std::size_t>(*purchase.chosen) == index);
    cells.push_back(cell);
  }
  return cells;
}

std::string purchase_flags(const RequestContext& ctx, const store::PurchaseRow& purchase) {
  std::string flags;
  const auto add = [&](bool set, const char* key) {
    if (!set) return;
    if (!flags.empty()) flags += ctx.text("list_separator");
    flags += ctx.text(key);
  };
  add(purchase.open_tender, "project_purchase_open_tender");
  add(purchase.brand_specified, "project_purchase_brand_specified");
  add(purchase.capital_item, "project_purchase_capital_item");
  add(purchase.agreed_otherwise, "project_purchase_agreed_otherwise");
  add(purchase.non_lowest_agreed, "project_purchase_non_lowest_agreed");
  add(purchase.single_source_approved, "project_purchase_single_source");
  return flags;
}

void add_purchases(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                   const ProjectFormState& state, PageData& data) {
  PageData rows{PageData::type::list};
  for (const store::PurchaseRow& purchase : facts.purchases) {
    PageData row;
    row.set("description", purchase.description);
    row.set("value", money(ctx, purchase.value));
    row.set("quotations", quotation_cells(ctx, purchase));
    row.set("flags", purchase_flags(ctx, purchase));
    set_if_text(row, "justification", purchase.non_lowest_justification);
    row.set("recorded_on", format_iso(purchase.recorded_on));
    row.set("recorded_by", purchase.recorded_by);
    rows.push_back(row);
  }
  data.set("purchases", rows);
  data.set("has_purchases", !facts.purchases.empty());
  PageData quotation_rows{PageData::type::list};
  const std::string chosen = kept(ctx, state, "purchase_chosen");
  for (int n = 1; n <= kQuotationRows; ++n) {
    const std::string number = std::to_string(n);
    PageData row;
    row.set("n", number);
    row.set("value_supplier", kept(ctx, state, "supplier_" + number));
    row.set("value_amount", kept(ctx, state, "quotation_" + number));
    row.set("chosen", chosen == number);
    quotation_rows.push_back(row);
  }
  data.set("quotation_rows", quotation_rows);
  data.set("can_purchase", viewer.running);
  data.set("purchase_action", project_link(ctx, facts.row.application_id, "/purchases"));
  keep(ctx, state, data, {"purchase_description", "purchase_value", "purchase_justification"});
  for (const char* box :
       {"purchase_open_tender", "purchase_brand_specified", "purchase_capital_item",
        "purchase_agreed_otherwise", "purchase_non_lowest_agreed", "purchase_single_source"})
    data.set(std::string("value_") + box, kept_box(ctx, state, box));
}

void add_capital_items(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                       const ProjectFormState& state, PageData& data) {
  PageData rows{PageData::type::list};
  for (const store::CapitalItemRow& item : facts.capital_items) {
    PageData row;
    const std::string cid = std::to_string(item.id);
    const bool posted = state.keep_values && state.capital_item_id == item.id;
    const bool held = item.disposal.empty();
    row.set("id", cid);
    row.set("name", item.name);
    row.set("cost", money(ctx, item.cost));
    row.set("acquired_on", format_iso(item.acquired_on));
    if (item.photo_document_id) row.set("photo_href", document_href(ctx, *item.photo_document_id));
    if (item.photographed_on) row.set("photographed_on", format_iso(*item.photographed_on));
    row.set("condition", item.condition);
    row.set("disposal", item.disposal);
    if (item.proceeds) row.set("proceeds", money(ctx, *item.proceeds));
    if (item.disposed_on) row.set("disposed_on", format_iso(*item.disposed_on));
    row.set("can_photograph", held && viewer.running && viewer.grantee);
    row.set("can_dispose", held && viewer.running && viewer.secretariat);
    row.set("photo_action",
            project_link(ctx, facts.row.application_id, "/capital-items/" + cid + "/photo"));
    row.set("disposal_action",
            project_link(ctx, facts.row.application_id, "/capital-items/" + cid + "/disposal"));
    row.set("value_condition", posted ? ctx.form().get("condition") : std::string());
    row.set("value_disposal", posted ? ctx.form().get("disposal") : std::string());
    row.set("value_proceeds", posted ? ctx.form().get("proceeds") : std::string());
    for (const char* field : {"photo", "condition", "disposal", "proceeds"})
      set_if_text(row, std::string(field) + "_error",
                  error_for(state, std::string(field) + "-" + cid));
    rows.push_back(row);
  }
  data.set("capital_items", rows);
  data.set("has_capital_items", !facts.capital_items.empty());
}

constexpr project::ReductionGround kGrounds[] = {
    project::ReductionGround::scope_change,  project::ReductionGround::area,
    project::ReductionGround::activities,    project::ReductionGround::participants,
    project::ReductionGround::printed_items, project::ReductionGround::opening_hours,
    project::ReductionGround::duration,      project::ReductionGround::performance};

std::string ground_name(const RequestContext& ctx, project::ReductionGround ground) {
  return project::reduction_ground_clause(ground) + " " + in_reader_language(ctx, [&](Lang lang) {
           return project::reduction_ground_text(ground, lang);
         });
}

std::string percent_text(int basis_points) {
  const std::string hundredths = std::to_string(basis_points % 100);
  return std::to_string(basis_points / 100) + "." + (hundredths.size() < 2 ? "0" : "") +
         hundredths + " %";
}

void add_reduction_preview(RequestContext& ctx, const ReductionPreview& preview, PageData& data) {
  const store::ReductionRow& reduction = preview.reduction;
  PageData box;
  const auto ground = project::reduction_ground_from_code(reduction.ground);
  box.set("ground_name", ground ? ground_name(ctx, *ground) : reduction.ground);
  box.set("ground", reduction.ground);
  box.set("amount", money(ctx, reduction.amount));
  box.set("base", format_hkd(reduction.base));
  box.set("base_text", money(ctx, reduction.base));
  box.set("target", std::to_string(reduction.target));
  box.set("actual", std::to_string(reduction.actual));
  box.set("achieved", preview.achieved_text);
  box.set("note", reduction.note);
  data.set("reduction_preview", box);
}

void add_reductions(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                    const ProjectFormState& state, PageData& data) {
  PageData rows{PageData::type::list};
  for (const store::ReductionRow& reduction : facts.reductions) {
    PageData row;
    const auto ground = project::reduction_ground_from_code(reduction.ground);
    row.set("ground", ground ? ground_name(ctx, *ground) : reduction.ground);
    row.set("base", money(ctx, reduction.base));
    const bool performance = ground == project::ReductionGround::performance;
    const bool measured =
        ground && !performance && ground != project::ReductionGround::scope_change;
    if (measured)
      row.set("measure",
              std::to_string(reduction.actual) + " / " + std::to_string(reduction.target));
    if (performance) row.set("measure", percent_text(reduction.achieved_bp));
    row.set("amount", money(ctx, reduction.amount));
    row.set("note", reduction.note);
    row.set("confirmed_on", format_iso(reduction.confirmed_on));
    row.set("confirmed_by", reduction.confirmed_by);
    rows.push_back(row);
  }
  data.set("reductions", rows);
  data.set("has_reductions", !facts.reductions.empty());
  data.set("can_reduce", viewer.secretariat && viewer.running);
  data.set("reduction_action", project_link(ctx, facts.row.application_id, "/reductions"));
  PageData grounds{PageData::type::list};
  const std::string selected = kept(ctx, state, "reduction_ground");
  for (const project::ReductionGround ground : kGrounds) {
    const std::string code(project::reduction_ground_code(ground));
    grounds.push_back(select_option(code, ground_name(ctx, ground), code == selected));
  }
  data.set("reduction_ground_options", grounds);
  keep(ctx, state, data,
       {"reduction_base", "reduction_target", "reduction_actual", "reduction_achieved",
        "reduction_note"});
  if (state.preview) add_reduction_preview(ctx, *state.preview, data);
}

// §5.5.7: what is left to pay or to return once the project is over.
std::string balance_text(const RequestContext& ctx, const ProjectFacts& facts) {
  const Money balance = facts.settlement.balance;
  if (balance > Money{})
    return fill(ctx.text("project_balance_owed"), "amount", money(ctx, balance));
  if (balance < Money{}) {
    const project::ProjectTerms terms{facts.row.start_on, facts.row.duration_months,
                                      facts.row.approved, facts.row.finance_office_certifies};
    const CivilDate due = project::completion_date(terms).plus_months(1);
    return fill(fill(ctx.text("project_balance_refund"), "amount", money(ctx, -balance)), "day",
                format_iso(due));
  }
  return ctx.text("project_balance_settled");
}

void add_settlement(RequestContext& ctx, const ProjectFacts& facts, const ProjectViewer& viewer,
                    const ProjectFormState& state, PageData& data) {
  const project::Settlement& settlement = facts.settlement;
  data.set("eligible", money(ctx, settlement.eligible));
  data.set("offset", money(ctx, settlement.offset));
  data.set("reimbursable", money(ctx, settlement.reimbursable));
  data.set("net_paid", money(ctx, settlement.net_paid));
  data.set("balance", balance_text(ctx, facts));
  PageData rows{PageData::type::list};
  for (const store::RefundRow& refund : facts.refunds) {
    PageData row;
    row.set("amount", money(ctx, refund.amount));
    row.set("received_on", format_iso(refund.received_on));
    row.set("note", refund.note);
    row.set("recorded_by", refund.recorded_by);
    rows.push_back(row);
  }
  data.set("refunds", rows);
  data.set("has_refunds", !facts.refunds.empty());
  data.set("can_refund", viewer.secretariat && viewer.running);
  data.set("refund_action", project_link(ctx, facts.row.application_id, "/refunds"));
  keep(ctx, state, data, {"refund_amount", "refund_note"});
  data.set("value_refund_date",
           state.keep_values ? ctx.form().get("refund_date") : format_iso(project_today()));
}

}  // namespace

void add_money_sections(RequestContext& ctx, const rules::Ruleset& ruleset,
                        const ProjectFacts& facts, const ProjectViewer& viewer,
                        const ProjectFormState& state, PageData& data) {
  add_ledger(ctx, ruleset, facts, viewer, state, data);
  add_expenditures(ctx, facts, data);
  add_income(ctx, facts, viewer, state, data);
  add_purchases(ctx, facts, viewer, state, data);
  add_capital_items(ctx, facts, viewer, state, data);
  add_reductions(ctx, facts, viewer, state, data);
  add_settlement(ctx, facts, viewer, state, data);
}

}  // namespace bsap::web
