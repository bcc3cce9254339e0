// The departments that report the plan's progress (000_e0ccae9882b7fb64.txt 5.1: the
// inter-departmental working group; each department reports the items it leads), kept by the
// working group's secretariat and the administrators:
// GET  /LANG/tracker/departments: the bureaus and departments, their focal points, and which
//      department leads or supports each priority item.
// POST /LANG/tracker/departments: adds a department, or updates its names and kind by its code.
// POST /LANG/tracker/members: adds (or removes) a focal point, by username, to a department.
// POST /LANG/tracker/assignments: assigns (or unassigns) a department to an item, lead or
//      supporting; an id that names none of the plan's 81 items is refused.
// Each answers 303 back to the page, or the page (422) with what to fix and the values kept.
#include <algorithm>
#include <map>

#include "store/user_repo.h"
#include "web/error_pages.h"
#include "web/pages.h"
#include "web/tracker_view.h"

namespace bsap::web {
namespace {

constexpr std::string_view kDoneKeys[] = {"department", "member", "member_removed", "assigned",
                                          "unassigned"};

bool is_department_code(std::string_view code) {
  return !code.empty() && code.size() <= 32 && std::ranges::all_of(code, [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

PageData department_options(const RequestContext& ctx,
                            const std::vector<store::Department>& departments,
                            const std::string& selected) {
  PageData options{PageData::type::list};
  options.push_back(option("", ctx.text("tracker_choose_department"), selected.empty()));
  for (const store::Department& department : departments)
    options.push_back(option(std::to_string(department.id),
                             department.code + " · " + department_name(ctx, department),
                             selected == std::to_string(department.id)));
  return options;
}

void add_kept_values(RequestContext& ctx, PageData& data) {
  for (const char* field :
       {"dept_code", "dept_name_zh", "dept_name_en", "member_username", "assignment_item"})
    data.set(std::string("value_") + field, ctx.form().get(field));
  const std::string kind = ctx.form().get("dept_kind");
  data.set("kind_options", [&] {
    PageData options{PageData::type::list};
    for (const char* code : {"department", "bureau"})
      options.push_back(option(code, ctx.text(std::string("tracker_kind_") + code), kind == code));
    return options;
  }());
  data.set("assignment_lead_checked", ctx.form().get("assignment_role") != "supporting");
}

Response departments_view(RequestContext& ctx, const std::vector<FieldError>& errors, int status) {
  PageData data;
  add_errors(data, errors);
  add_done_banner(ctx, data, kDoneKeys);
  add_kept_values(ctx, data);
  auto tx = ctx.web().store.begin();
  const auto departments = store::list_departments(*tx);
  std::map<std::int64_t, std::string> members;
  for (const store::User& user : store::list_users(*tx))
    for (std::int64_t department : store::departments_of_user(*tx, user.id)) {
      std::string& names = members[department];
      if (!names.empty()) names += ctx.text("list_separator");
      names += user.username;
    }
  std::map<std::int64_t, const store::Department*> by_id;
  PageData rows{PageData::type::list};
  for (const store::Department& department : departments) {
    by_id[department.id] = &department;
    PageData row;
    row.set("code", department.code);
    row.set("name_zh", department.name_zh);
    row.set("name_en", department.name_en);
    row.set("kind", ctx.text("tracker_kind_" + department.kind));
    row.set("members", members[department.id]);
    rows.push_back(row);
  }
  data.set("departments", rows);
  data.set("has_departments", !departments.empty());
  data.set("member_department_options",
           department_options(ctx, departments, ctx.form().get("member_department")));
  data.set("assignment_department_options",
           department_options(ctx, departments, ctx.form().get("assignment_department")));
  PageData assignments{PageData::type::list};
  for (const store::ItemAssignment& assignment : store::list_assignments(*tx)) {
    const auto department = by_id.find(assignment.department_id);
    if (department == by_id.end()) continue;
    PageData row;
    row.set("item_id", assignment.item_id);
    row.set("department",
            department->second->code + " · " + department_name(ctx, *department->second));
    row.set("role_name", ctx.text(assignment.lead ? "tracker_assignment_lead"
                                                  : "tracker_assignment_supporting"));
    assignments.push_back(row);
  }
  data.set("has_assignments", !assignments.list_value().empty());
  data.set("assignments", assignments);
  data.set("department_action", ctx.link("/tracker/departments"));
  data.set("member_action", ctx.link("/tracker/members"));
  data.set("assignment_action", ctx.link("/tracker/assignments"));
  data.set("tracker_href", ctx.link("/tracker"));
  return render_page(ctx, "tracker_departments", "tracker_departments_title", std::move(data),
                     status);
}

Response done(RequestContext& ctx, std::string_view what, std::string_view section) {
  return redirect_see_other(ctx.link("/tracker/departments") + "?done=" + std::string(what) + "#" +
                            std::string(section));
}

// The department a form's select names; an error when it names none.
std::optional<std::int64_t> chosen_department(RequestContext& ctx, const std::string& field,
                                              std::vector<FieldError>& errors) {
  const auto id = parse_number(ctx.form().get(field));
  if (id && *id > 0) {
    auto tx = ctx.web().store.begin();
    if (store::find_department(*tx, static_cast<std::int64_t>(*id)))
      return static_cast<std::int64_t>(*id);
  }
  errors.push_back({field, ctx.text("tracker_error_department")});
  return std::nullopt;
}

}  // namespace

Response tracker_departments_page(RequestContext& ctx) { return departments_view(ctx, {}, 200); }

Response tracker_department_save(RequestContext& ctx) {
  store::Department department;
  department.code = trim_text(ctx.form().get("dept_code"));
  department.name_zh = trim_text(ctx.form().get("dept_name_zh"));
  department.name_en = trim_text(ctx.form().get("dept_name_en"));
  department.kind = ctx.form().get("dept_kind");
  std::vector<FieldError> errors;
  if (!is_department_code(department.code))
    errors.push_back({"dept_code", ctx.text("tracker_error_department_code")});
  if (department.name_zh.empty())
    errors.push_back({"dept_name_zh", ctx.text("tracker_error_department_name_zh")});
  if (department.name_en.empty())
    errors.push_back({"dept_name_en", ctx.text("tracker_error_department_name_en")});
  if (department.kind != "bureau" && department.kind != "department")
    errors.push_back({"dept_kind", ctx.text("tracker_error_department_kind")});
  if (!errors.empty()) return departments_view(ctx, errors, 422);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        store::upsert_department(tx, department, ctx.user()->username);
      }))
    return departments_view(ctx, {{"dept_code", *refusal}}, 422);
  return done(ctx, "department", "departments");
}

Response tracker_member_save(RequestContext& ctx) {
  std::vector<FieldError> errors;
  const auto department = chosen_department(ctx, "member_department", errors);
  const std::string username = trim_text(ctx.form().get("member_username"));
  std::optional<store::User> user;
  {
    auto tx = ctx.web().store.begin();
    if (!username.empty()) user = store::find_user_by_username(*tx, username);
  }
  const bool remove = ctx.form().get("member_change") == "remove";
  if (!user) {
    errors.push_back(
        {"member_username", fill(ctx.text("tracker_error_member_unknown"), "username", username)});
  } else if (!remove && std::ranges::find(user->roles, Role::focal_point) == user->roles.end()) {
    // Without the role the tracker's pages stay closed to them (routes.cpp).
    errors.push_back({"member_username", fill(ctx.text("tracker_error_member_not_focal_point"),
                                              "username", username)});
  }
  if (!errors.empty()) return departments_view(ctx, errors, 422);
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        if (remove)
          store::remove_department_member(tx, *department, user->id, ctx.user()->username);
        else
          store::add_department_member(tx, *department, user->id, ctx.user()->username);
      }))
    return departments_view(ctx, {{"member_username", *refusal}}, 422);
  return done(ctx, remove ? "member_removed" : "member", "members");
}

Response tracker_assignment_save(RequestContext& ctx) {
  std::vector<FieldError> errors;
  const std::string item_id = trim_text(ctx.form().get("assignment_item"));
  if (!plan::find_item(ctx.web().domain.plan.plan, item_id))
    errors.push_back(
        {"assignment_item", fill(ctx.text("tracker_error_item_unknown"), "item", item_id)});
  const auto department = chosen_department(ctx, "assignment_department", errors);
  const bool remove = ctx.form().get("assignment_change") == "remove";
  if (!errors.empty()) return departments_view(ctx, errors, 422);
  const bool lead = ctx.form().get("assignment_role") != "supporting";
  if (auto refusal = run_tracker_step(ctx, [&](store::Transaction& tx) {
        if (remove)
          store::unassign_item(tx, item_id, *department, ctx.user()->username);
        else
          store::assign_item(tx, {item_id, *department, lead}, ctx.user()->username);
      }))
    return departments_view(ctx, {{"assignment_item", *refusal}}, 422);
  return done(ctx, remove ? "unassigned" : "assigned", "assignments");
}

}  // namespace bsap::web
