#include "store/case_repo.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/repo_support.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using nlohmann::json;
using plan::CaseState;
using plan::GoodPracticeCase;

std::string state_text(CaseState state) { return std::string(plan::case_state_code(state)); }

struct CaseColumns {
  GoodPracticeCase row;
  std::int64_t organisation_id = 0;
  soci::indicator organisation_present = soci::i_null;
  double latitude = 0, longitude = 0;
  soci::indicator latitude_present = soci::i_null, longitude_present = soci::i_null;
  std::string state, published_at;
  soci::indicator published_present = soci::i_null;
  int demonstration = 0;

  static constexpr std::string_view kQuery =
      "SELECT c.id, c.organisation_id, c.owner_user_id, COALESCE(o.name_zh, u.display_name), "
      "COALESCE(o.name_en, u.display_name), c.state, c.title_zh, c.title_en, c.latitude, "
      "c.longitude, c.district, c.habitat, c.nbs_kind, c.work_zh, c.work_en, c.return_reason, "
      "c.demonstration, c.updated_at, c.published_at FROM good_practice_cases c "
      "JOIN users u ON u.id = c.owner_user_id "
      "LEFT JOIN organisations o ON o.id = c.organisation_id ";

  soci::details::prepare_temp_type bind(soci::details::prepare_temp_type prepare) {
    return prepare, soci::into(row.id), soci::into(organisation_id, organisation_present),
           soci::into(row.owner_user_id), soci::into(row.owner_name.zh),
           soci::into(row.owner_name.en), soci::into(state), soci::into(row.title.zh),
           soci::into(row.title.en), soci::into(latitude, latitude_present),
           soci::into(longitude, longitude_present), soci::into(row.district),
           soci::into(row.habitat), soci::into(row.nbs_kind), soci::into(row.work.zh),
           soci::into(row.work.en), soci::into(row.return_reason), soci::into(demonstration),
           soci::into(row.updated_at), soci::into(published_at, published_present);
  }

  GoodPracticeCase read() const {
    GoodPracticeCase read = row;
    read.organisation_id = present(organisation_id, organisation_present);
    read.latitude = present(latitude, latitude_present);
    read.longitude = present(longitude, longitude_present);
    const auto parsed = plan::parse_case_state(state);
    if (!parsed)
      throw StoreError(fmt::format("case {} has the unknown state \"{}\"", row.id, state));
    read.state = *parsed;
    read.demonstration = demonstration != 0;
    read.published_at = published_present == soci::i_ok ? published_at : "";
    return read;
  }
};

void load_children(Transaction& tx, GoodPracticeCase& c) {
  {
    plan::CaseOutcome outcome;
    soci::statement select =
        (tx.sql().prepare << "SELECT what, value, unit, measured_on FROM case_outcomes "
                             "WHERE case_id = :id ORDER BY idx",
         soci::use(c.id), soci::into(outcome.what), soci::into(outcome.value),
         soci::into(outcome.unit), soci::into(outcome.on));
    select.execute();
    while (select.fetch()) c.outcomes.push_back(outcome);
  }
  {
    std::string source;
    std::int64_t cents = 0;
    soci::statement select =
        (tx.sql().prepare << "SELECT source, amount_cents FROM case_funding WHERE case_id = :id "
                             "ORDER BY idx",
         soci::use(c.id), soci::into(source), soci::into(cents));
    select.execute();
    while (select.fetch()) c.funding.push_back({source, Money::from_cents(cents)});
  }
  {
    std::string framework, code;
    soci::statement select =
        (tx.sql().prepare << "SELECT framework, code FROM case_links WHERE case_id = :id "
                             "ORDER BY framework, code",
         soci::use(c.id), soci::into(framework), soci::into(code));
    select.execute();
    while (select.fetch()) {
      if (framework == "action")
        c.actions.push_back(code);
      else
        (framework == "kmgbf" ? c.kmgbf_targets : c.sdgs).push_back(std::stoi(code));
    }
    // Numbers in their order, not the text's ("10" after "9").
    std::ranges::sort(c.kmgbf_targets);
    std::ranges::sort(c.sdgs);
  }
  {
    std::int64_t photo_id = 0;
    soci::statement select =
        (tx.sql().prepare
             << "SELECT photo_id FROM case_photos WHERE case_id = :id ORDER BY position",
         soci::use(c.id), soci::into(photo_id));
    select.execute();
    while (select.fetch()) c.photo_ids.push_back(photo_id);
  }
}

template <typename... Uses>
std::vector<GoodPracticeCase> select_cases(Transaction& tx, const std::string& condition,
                                           Uses... uses) {
  CaseColumns columns;
  const std::string query =
      std::string(CaseColumns::kQuery) + condition + " ORDER BY c.updated_at DESC, c.id DESC";
  soci::statement select = columns.bind(((tx.sql().prepare << query), ..., uses));
  select.execute();
  std::vector<GoodPracticeCase> found;
  while (select.fetch()) found.push_back(columns.read());
  for (GoodPracticeCase& c : found) load_children(tx, c);
  return found;
}

void insert_children(Transaction& tx, const GoodPracticeCase& c) {
  for (int idx = 0; idx < static_cast<int>(c.outcomes.size()); ++idx) {
    const plan::CaseOutcome& outcome = c.outcomes[static_cast<std::size_t>(idx)];
    if (!parse_iso_date(outcome.on))
      throw StoreError(fmt::format("the outcome \"{}\" has no day (YYYY-MM-DD)", outcome.what));
    tx.sql() << "INSERT INTO case_outcomes (case_id, idx, what, value, unit, measured_on) "
                "VALUES (:case_id, :idx, :what, :value, :unit, :measured_on)",
        soci::use(c.id), soci::use(idx), soci::use(outcome.what), soci::use(outcome.value),
        soci::use(outcome.unit), soci::use(outcome.on);
  }
  for (int idx = 0; idx < static_cast<int>(c.funding.size()); ++idx) {
    const plan::CaseFunding& row = c.funding[static_cast<std::size_t>(idx)];
    const std::int64_t cents = row.amount.cents();
    tx.sql() << "INSERT INTO case_funding (case_id, idx, source, amount_cents) "
                "VALUES (:case_id, :idx, :source, :amount_cents)",
        soci::use(c.id), soci::use(idx), soci::use(row.source), soci::use(cents);
  }
  const auto link = [&](std::string_view framework, const std::string& code) {
    const std::string kind(framework);
    tx.sql() << "INSERT INTO case_links (case_id, framework, code) "
                "VALUES (:case_id, :framework, :code)",
        soci::use(c.id), soci::use(kind), soci::use(code);
  };
  for (const std::string& action : c.actions) link("action", action);
  for (int target : c.kmgbf_targets) link("kmgbf", std::to_string(target));
  for (int sdg : c.sdgs) link("sdg", std::to_string(sdg));
}

void delete_children(Transaction& tx, std::int64_t case_id) {
  for (std::string_view table : {"case_outcomes", "case_funding", "case_links"})
    tx.sql() << fmt::format("DELETE FROM {} WHERE case_id = :id", table), soci::use(case_id);
}

json case_json(const GoodPracticeCase& c) {
  json outcomes = json::array(), funding = json::array();
  for (const plan::CaseOutcome& outcome : c.outcomes)
    outcomes.push_back({{"what", outcome.what},
                        {"value", outcome.value},
                        {"unit", outcome.unit},
                        {"on", outcome.on}});
  for (const plan::CaseFunding& row : c.funding)
    funding.push_back({{"source", row.source}, {"amount_cents", row.amount.cents()}});
  return {{"title_zh", c.title.zh},
          {"title_en", c.title.en},
          {"latitude", c.latitude ? json(*c.latitude) : json(nullptr)},
          {"longitude", c.longitude ? json(*c.longitude) : json(nullptr)},
          {"district", c.district},
          {"habitat", c.habitat},
          {"nbs_kind", c.nbs_kind},
          {"work_zh", c.work.zh},
          {"work_en", c.work.en},
          {"outcomes", outcomes},
          {"funding", funding},
          {"actions", c.actions},
          {"kmgbf_targets", c.kmgbf_targets},
          {"sdgs", c.sdgs},
          {"demonstration", c.demonstration}};
}

void audit(Transaction& tx, std::int64_t actor_user_id, std::int64_t case_id, std::string_view verb,
           const json& before, const json& after) {
  append_audit(tx, {username_of(tx, actor_user_id), "good_practice_case", std::to_string(case_id),
                    fmt::format("case.{}", verb), before.dump(), after.dump()});
}

GoodPracticeCase require_case(Transaction& tx, std::int64_t case_id) {
  auto found = find_case(tx, case_id);
  if (!found) throw StoreError(fmt::format("no good-practice case with id {}", case_id));
  return std::move(*found);
}

}  // namespace

std::int64_t save_case(Transaction& tx, const GoodPracticeCase& c, std::int64_t actor_user_id) {
  for (const auto& [what, code] : {std::pair{"district", &c.district},
                                   {"habitat", &c.habitat},
                                   {"kind of solution", &c.nbs_kind}})
    if (!code->empty()) check_code(what, *code);
  const std::string at = utc_timestamp();
  const int demonstration = c.demonstration ? 1 : 0;
  auto latitude = nullable(c.latitude);
  auto longitude = nullable(c.longitude);
  GoodPracticeCase saved = c;
  std::optional<GoodPracticeCase> before;
  if (c.id == 0) {
    auto organisation = nullable(c.organisation_id);
    const std::string draft = state_text(CaseState::draft);
    tx.sql() << "INSERT INTO good_practice_cases (organisation_id, owner_user_id, state, title_zh, "
                "title_en, latitude, longitude, district, habitat, nbs_kind, work_zh, work_en, "
                "demonstration, updated_at, updated_by) VALUES (:organisation_id, :owner, :state, "
                ":title_zh, :title_en, :latitude, :longitude, :district, :habitat, :nbs_kind, "
                ":work_zh, :work_en, :demonstration, :at, :by) RETURNING id",
        soci::use(organisation.value, organisation.indicator), soci::use(c.owner_user_id),
        soci::use(draft), soci::use(c.title.zh), soci::use(c.title.en),
        soci::use(latitude.value, latitude.indicator),
        soci::use(longitude.value, longitude.indicator), soci::use(c.district),
        soci::use(c.habitat), soci::use(c.nbs_kind), soci::use(c.work.zh), soci::use(c.work.en),
        soci::use(demonstration), soci::use(at), soci::use(actor_user_id), soci::into(saved.id);
  } else {
    before = require_case(tx, c.id);
    if (!plan::case_editable(before->state))
      throw StoreError(fmt::format("case {} is {}: only a draft or a returned case is edited", c.id,
                                   state_text(before->state)));
    const std::string from = state_text(before->state);
    // The state in the WHERE clause keeps a case submitted meanwhile from being overwritten.
    soci::statement update =
        (tx.sql().prepare << "UPDATE good_practice_cases SET title_zh = :title_zh, title_en = "
                             ":title_en, latitude = :latitude, longitude = :longitude, district = "
                             ":district, habitat = :habitat, nbs_kind = :nbs_kind, work_zh = "
                             ":work_zh, work_en = :work_en, demonstration = :demonstration, "
                             "updated_at = :at, updated_by = :by WHERE id = :id AND state = :state",
         soci::use(c.title.zh), soci::use(c.title.en),
         soci::use(latitude.value, latitude.indicator),
         soci::use(longitude.value, longitude.indicator), soci::use(c.district),
         soci::use(c.habitat), soci::use(c.nbs_kind), soci::use(c.work.zh), soci::use(c.work.en),
         soci::use(demonstration), soci::use(at), soci::use(actor_user_id), soci::use(c.id),
         soci::use(from));
    update.execute(true);
    if (update.get_affected_rows() != 1)
      throw StoreError(fmt::format("case {} was moved meanwhile; open it again", c.id));
    delete_children(tx, c.id);
  }
  insert_children(tx, saved);
  audit(tx, actor_user_id, saved.id, before ? "save" : "create",
        before ? case_json(*before) : json(nullptr), case_json(saved));
  return saved.id;
}

void move_case(Transaction& tx, std::int64_t case_id, plan::CaseEvent event,
               std::string_view reason, std::int64_t actor_user_id) {
  const GoodPracticeCase current = require_case(tx, case_id);
  const auto to = plan::next_case_state(current.state, event);
  if (!to)
    throw StoreError(fmt::format("case {} is {}: it cannot {} now", case_id,
                                 state_text(current.state), plan::case_event_code(event)));
  if (event == plan::CaseEvent::give_back && reason.empty())
    throw StoreError(fmt::format("case {}: a return needs its reason", case_id));
  const std::string from_code = state_text(current.state), to_code = state_text(*to);
  const std::string at = utc_timestamp();
  const std::string kept_reason =
      event == plan::CaseEvent::give_back ? std::string(reason) : current.return_reason;
  auto published_at = nullable(*to == CaseState::published ? std::optional<std::string>(at)
                                                           : std::optional<std::string>());
  soci::statement update =
      (tx.sql().prepare << "UPDATE good_practice_cases SET state = :to_state, return_reason = "
                           ":reason, published_at = :published_at, updated_at = :at, updated_by "
                           "= :by WHERE id = :id AND state = :from_state",
       soci::use(to_code), soci::use(kept_reason),
       soci::use(published_at.value, published_at.indicator), soci::use(at),
       soci::use(actor_user_id), soci::use(case_id), soci::use(from_code));
  update.execute(true);
  if (update.get_affected_rows() != 1)
    throw StoreError(fmt::format("case {} was moved meanwhile; open it again", case_id));
  json after = {{"state", to_code}};
  if (event == plan::CaseEvent::give_back) after["reason"] = kept_reason;
  audit(tx, actor_user_id, case_id, plan::case_event_code(event), {{"state", from_code}}, after);
}

void add_case_photo(Transaction& tx, std::int64_t case_id, std::int64_t photo_id,
                    std::int64_t actor_user_id) {
  const GoodPracticeCase current = require_case(tx, case_id);
  if (!plan::case_editable(current.state))
    throw StoreError(
        fmt::format("case {} is {}: photographs are added to a draft or a returned case", case_id,
                    state_text(current.state)));
  if (current.photo_ids.size() >= plan::kMaxPhotos)
    throw StoreError(fmt::format("case {} has {} photographs already, the most it may have",
                                 case_id, plan::kMaxPhotos));
  const int position = static_cast<int>(current.photo_ids.size());
  tx.sql() << "INSERT INTO case_photos (case_id, photo_id, position) VALUES (:case_id, :photo_id, "
              ":position)",
      soci::use(case_id), soci::use(photo_id), soci::use(position);
  audit(tx, actor_user_id, case_id, "add_photo", nullptr, {{"photo_id", photo_id}});
}

std::optional<GoodPracticeCase> find_case(Transaction& tx, std::int64_t case_id) {
  auto found = select_cases(tx, "WHERE c.id = :id", soci::use(case_id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<GoodPracticeCase> list_cases_in_state(Transaction& tx, CaseState state) {
  const std::string code = state_text(state);
  return select_cases(tx, "WHERE c.state = :state", soci::use(code));
}

std::vector<GoodPracticeCase> list_cases_of_owner(Transaction& tx,
                                                  std::optional<std::int64_t> organisation_id,
                                                  std::int64_t user_id) {
  if (organisation_id)
    return select_cases(tx, "WHERE c.organisation_id = :organisation", soci::use(*organisation_id));
  return select_cases(tx, "WHERE c.organisation_id IS NULL AND c.owner_user_id = :user",
                      soci::use(user_id));
}

}  // namespace bsap::store
