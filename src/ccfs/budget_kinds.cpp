// The vocabulary of budget lines (budget_kinds.h): one row per kind, with the clause or 附錄2
// item that governs it and names close to the seed's words. The caps themselves live in the
// ruleset (budget.yaml); this table only says which item or clause a line falls under.
#include "ccfs/budget_kinds.h"

#include <algorithm>
#include <array>

namespace bsap::ccfs {
namespace {

using enum BudgetSection;
using enum KindRule;

// In the order of BudgetSection (the budget template's groups), activities by 附錄2 item.
constexpr std::array kKinds = std::to_array<BudgetKind>({
    // §3.5, 附錄2 items 13–15
    {"project_staff", staffing_and_general, case_by_case, 14, "§3.5.2, 附錄2 第14項", "項目員工",
     "Project staff"},
    {"admin_staff", staffing_and_general, case_by_case, 13, "§3.5.8, 附錄2 第13項",
     "行政人員(管理協議項目)", "Administrative staff (MA projects)", true},
    {"direct_labour", staffing_and_general, case_by_case, 13, "§3.5.4, 附錄2 第13項",
     "直接人工成本", "Direct labour"},
    {"audit_fee", staffing_and_general, case_by_case, 13, "§3.5.6, 附錄2 第13項", "審計費",
     "Audit fee", true},
    {"rent", staffing_and_general, case_by_case, 13, "§3.5.6, §3.5.7, 附錄2 第13項",
     "土地及處所的租金", "Rent of land and premises", true},
    // §3.10.2 gives overheads to applicants without government subvention only; item 13's
    // heading counts them among the general expenses of §3.5.8.
    {"admin_recurrent", staffing_and_general, appendix2_item, 15, "§3.10.2, 附錄2 第15項",
     "行政及經常支出", "Administrative and recurrent expenses", true, true},
    {"management_capacity", staffing_and_general, not_funded, 0, "§3.5.1",
     "督導／行政人員、專業顧問、員工培訓、擬定計劃書或研究(管理能力)",
     "Supervisors/administrators, consultants, staff training, proposal writing or research "
     "(management capacity)"},
    // §3.6
    {"minor_works", minor_works_and_equipment, case_by_case, 0, "§3.6.1", "小型工程",
     "Minor works"},
    {"equipment", minor_works_and_equipment, case_by_case, 0, "§3.6.2", "購買設備",
     "Equipment purchase"},
    {"maintenance", minor_works_and_equipment, considered, 0, "§3.6.3",
     "小型工程及設備的保養(首兩年內)",
     "Maintenance of minor works and equipment (first two years)"},
    // §3.7, §3.8
    {"publication", publications_and_website, considered, 0, "§3.7.1", "製作刊物(實用的宣傳指南)",
     "Publications (practical guides)"},
    {"website", publications_and_website, considered, 0, "§3.7.2", "網站設計及保養(首兩年內)",
     "Website design and maintenance (first two years)"},
    {"teaching_material", publications_and_website, considered, 0, "§3.8.1", "教材",
     "Teaching materials"},
    {"software", publications_and_website, considered, 0, "§3.8.1", "電腦軟件",
     "Computer software"},
    // §3.9, management agreement projects only
    {"heritage_restoration", heritage_conservation, considered, 0, "§3.9.1, §3.9.2",
     "修復文物建築(管理協議項目)", "Heritage building restoration (MA projects)"},
    // §3.10.1, 附錄2 items 1–12, 16, 17
    {"publicity", activities, appendix2_item, 1, "附錄2 第1項", "宣傳", "Publicity"},
    {"ceremony", activities, appendix2_item, 2, "附錄2 第2項", "開幕／閉幕禮",
     "Opening/closing ceremony"},
    {"venue", activities, appendix2_item, 3, "附錄2 第3項", "設置場地", "Venue set-up"},
    {"booth", activities, appendix2_item, 4, "附錄2 第4項", "攤位", "Booths"},
    {"display_board", activities, appendix2_item, 5, "附錄2 第5項", "製作展板", "Display boards"},
    {"competition_prize", activities, appendix2_item, 6, "附錄2 第6項", "比賽獎品",
     "Competition prizes"},
    {"speaker", activities, appendix2_item, 7, "附錄2 第7項", "聘請講者／導師",
     "Speakers/instructors"},
    {"insurance", activities, appendix2_item, 8, "§3.10.1, 附錄2 第8項", "第三者責任保險",
     "Third-party liability insurance"},
    {"transport", activities, appendix2_item, 9, "§3.10.1, 附錄2 第9項", "運輸", "Transport"},
    {"admission", activities, appendix2_item, 10, "附錄2 第10項", "入場費", "Admission fees"},
    {"guided_tour", activities, appendix2_item, 11, "附錄2 第11項", "參觀團", "Guided tours"},
    {"souvenir", activities, appendix2_item, 12, "附錄2 第12項", "紀念品", "Souvenirs"},
    {"travel_allowance", activities, appendix2_item, 16, "附錄2 第16項", "員工和義工的交通津貼",
     "Travel allowance for staff and volunteers"},
    {"volunteer_meal", activities, appendix2_item, 17, "§3.10.1, 附錄2 第17項",
     "飯餐津貼(只向義工發放)", "Meal allowance (volunteers only)"},
    // §3.10.3–§3.10.6, 附錄2 item 18
    {"contingency", other, case_by_case, 18, "§3.10.3, 附錄2 第18項", "應急費用", "Contingency"},
    {"overseas_travel", other, normally_not_funded, 0, "§3.10.4", "海外旅費", "Overseas travel"},
    {"own_stock", other, not_funded, 0, "§3.10.5", "租用或購買申請者庫存的物料",
     "Renting or buying the applicant's own stock"},
    {"participant_remuneration", other, not_funded, 0, "§3.10.6, §5.4.1", "個別人士參與活動的報酬",
     "Payments to individuals for taking part in activities"},
    {"other", other, case_by_case, 0, "§3.3", "其他(按個別情況予以考慮)",
     "Other (considered case by case)"},
});

constexpr std::array<std::pair<BudgetSection, std::string_view>, 6> kSectionKeys{{
    {staffing_and_general, "staffing_and_general"},
    {minor_works_and_equipment, "minor_works_and_equipment"},
    {publications_and_website, "publications_and_website"},
    {heritage_conservation, "heritage_conservation"},
    {activities, "activities"},
    {other, "other"},
}};

constexpr std::array<BudgetSection, 6> kSections{staffing_and_general,
                                                 minor_works_and_equipment,
                                                 publications_and_website,
                                                 heritage_conservation,
                                                 activities,
                                                 other};

}  // namespace

std::span<const BudgetKind> budget_kinds() { return kKinds; }

const BudgetKind* find_budget_kind(std::string_view key) {
  const auto found = std::find_if(kKinds.begin(), kKinds.end(),
                                  [&](const BudgetKind& kind) { return kind.key == key; });
  return found == kKinds.end() ? nullptr : &*found;
}

std::string_view budget_section_key(BudgetSection section) {
  for (const auto& [known, key] : kSectionKeys)
    if (known == section) return key;
  return "";
}

std::span<const BudgetSection> budget_sections() { return kSections; }

std::optional<BudgetSection> parse_budget_section(std::string_view key) {
  for (const auto& [section, known] : kSectionKeys)
    if (known == key) return section;
  return std::nullopt;
}

}  // namespace bsap::ccfs
