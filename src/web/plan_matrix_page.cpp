// GET /LANG/plan/matrix: the actions × KMGBF targets table (附錄), each served target marked
// with a text, not colour alone.
#include "web/page.h"
#include "web/pages.h"
#include "web/plan_view.h"

namespace bsap::web {
namespace {

PageData column_headers(const RequestContext& ctx, const plan::MappingMatrix& matrix) {
  PageData columns{PageData::type::list};
  for (int target : matrix.columns) {
    PageData column;
    column.set("number", std::to_string(target));
    column.set("label", crosswalk_label(ctx, matrix.framework, target));
    column.set("href", crosswalk_href(ctx, matrix.framework, target));
    columns.push_back(column);
  }
  return columns;
}

PageData row_cells(const std::vector<bool>& serves) {
  PageData cells{PageData::type::list};
  for (bool served : serves) {
    PageData cell;
    cell.set("served", served);
    cells.push_back(cell);
  }
  return cells;
}

PageData matrix_rows(const RequestContext& ctx, const plan::MappingMatrix& matrix) {
  const plan::Plan& plan = ctx.web().domain.plan.plan;
  PageData rows{PageData::type::list};
  for (std::size_t i = 0; i < matrix.action_numbers.size(); ++i) {
    const plan::Action* action = plan::find_action(plan, matrix.action_numbers[i]);
    PageData row;
    row.set("number", action->number);
    row.set("title", plan_text(ctx, action->title));
    row.set("href", action_href(ctx, *action));
    row.set("cells", row_cells(matrix.serves[i]));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response plan_matrix_page(RequestContext& ctx) {
  auto matrix = plan::mapping_matrix(ctx.web().domain.plan, plan::Framework::kmgbf);
  PageData data;
  data.set("columns", column_headers(ctx, matrix));
  data.set("rows", matrix_rows(ctx, matrix));
  data.set("plan_href", ctx.link("/plan"));
  return render_page(ctx, "plan_matrix", "plan_matrix_title", std::move(data));
}

}  // namespace bsap::web
