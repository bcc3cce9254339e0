#include "store/volunteer_repo.h"

#include <soci/soci.h>

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/audit_repo.h"
#include "store/repo_support.h"
#include "store/utc_clock.h"

namespace bsap::store {
namespace {

using Json = nlohmann::json;
using volunteer::ProgrammeState;
using volunteer::SignUpState;

void audit(Transaction& tx, std::int64_t actor_id, std::string_view entity, std::string id,
           std::string_view action, const Json& before, const Json& after) {
  append_audit(tx, {username_of(tx, actor_id), std::string(entity), std::move(id),
                    std::string(action), before.dump(), after.dump()});
}

Json programme_json(const StoredProgramme& p) {
  return {{"organisation_id",
           p.organiser.organisation_id ? Json(*p.organiser.organisation_id) : Json()},
          {"department_id", p.organiser.department_id ? Json(*p.organiser.department_id) : Json()},
          {"title_zh", p.details.title_zh},
          {"title_en", p.details.title_en},
          {"summary_zh", p.details.summary_zh},
          {"summary_en", p.details.summary_en},
          {"item_id", p.details.item_id},
          {"state", volunteer::programme_state_code(p.state)},
          {"review_note", p.review_note}};
}

Json event_json(const StoredEvent& e) {
  const auto& d = e.details;
  return {{"programme_id", e.programme_id},
          {"title_zh", d.title_zh},
          {"title_en", d.title_en},
          {"held_on", format_iso(d.held_on)},
          {"starts_at", volunteer::format_time_of_day(d.starts_minute)},
          {"ends_at", volunteer::format_time_of_day(d.ends_minute)},
          {"place_zh", d.place_zh},
          {"place_en", d.place_en},
          {"places", d.places},
          {"cancelled", e.cancelled}};
}

// A programme row with its organiser's names, from either the organisation or the department.
struct ProgrammeColumns {
  static std::string query(std::string_view condition) {
    return "SELECT p.id, p.organisation_id, p.department_id, COALESCE(o.name_zh, d.name_zh), "
           "COALESCE(o.name_en, d.name_en), p.title_zh, p.title_en, p.summary_zh, p.summary_en, "
           "p.item_id, p.state, p.review_note, p.demonstration, p.created_at, p.updated_at FROM "
           "volunteer_programmes p LEFT JOIN organisations o ON o.id = p.organisation_id LEFT "
           "JOIN departments d ON d.id = p.department_id " +
           std::string(condition);
  }

  template <typename Statement>
  auto bind(Statement&& prepared) {
    auto& d = row.details;
    return (std::forward<Statement>(prepared), soci::into(row.id),
            soci::into(organisation_id, organisation_i), soci::into(department_id, department_i),
            soci::into(row.organiser_zh), soci::into(row.organiser_en), soci::into(d.title_zh),
            soci::into(d.title_en), soci::into(d.summary_zh), soci::into(d.summary_en),
            soci::into(d.item_id), soci::into(state), soci::into(row.review_note),
            soci::into(demonstration), soci::into(row.created_at), soci::into(row.updated_at));
  }

  StoredProgramme value() const {
    StoredProgramme out = row;
    out.organiser = {present(organisation_id, organisation_i),
                     present(department_id, department_i)};
    auto parsed = volunteer::parse_programme_state(state);
    if (!parsed) throw StoreError("volunteer_programmes.state holds '" + state + "'");
    out.state = *parsed;
    out.demonstration = demonstration != 0;
    return out;
  }

  StoredProgramme row;
  std::int64_t organisation_id = 0, department_id = 0;
  soci::indicator organisation_i = soci::i_null, department_i = soci::i_null;
  std::string state;
  int demonstration = 0;
};

template <typename... Uses>
std::vector<StoredProgramme> select_programmes(Transaction& tx, std::string_view condition,
                                               Uses... uses) {
  ProgrammeColumns columns;
  soci::statement select =
      columns.bind(((tx.sql().prepare << ProgrammeColumns::query(condition)), ..., uses));
  select.execute();
  std::vector<StoredProgramme> found;
  while (select.fetch()) found.push_back(columns.value());
  return found;
}

StoredProgramme require_programme(Transaction& tx, std::int64_t id) {
  auto found = find_programme(tx, id);
  if (!found) throw StoreError(fmt::format("no volunteer programme has id {}", id));
  return *found;
}

// An event row with how many hold a place and how many wait.
struct EventColumns {
  static std::string query(std::string_view condition) {
    return "SELECT e.id, e.programme_id, e.title_zh, e.title_en, e.held_on, e.starts_minute, "
           "e.ends_minute, e.place_zh, e.place_en, e.places, e.cancelled, (SELECT COUNT(*) FROM "
           "volunteer_sign_ups s WHERE s.event_id = e.id AND s.state = 'confirmed'), (SELECT "
           "COUNT(*) FROM volunteer_sign_ups s WHERE s.event_id = e.id AND s.state = 'waiting') "
           "FROM volunteer_events e " +
           std::string(condition);
  }

  template <typename Statement>
  auto bind(Statement&& prepared) {
    auto& d = row.details;
    return (std::forward<Statement>(prepared), soci::into(row.id), soci::into(row.programme_id),
            soci::into(d.title_zh), soci::into(d.title_en), soci::into(held_on),
            soci::into(d.starts_minute), soci::into(d.ends_minute), soci::into(d.place_zh),
            soci::into(d.place_en), soci::into(d.places), soci::into(cancelled),
            soci::into(confirmed), soci::into(waiting));
  }

  StoredEvent value() const {
    StoredEvent out = row;
    out.details.held_on = stored_date(held_on, "volunteer_events.held_on");
    out.cancelled = cancelled != 0;
    out.confirmed = static_cast<int>(confirmed);
    out.waiting = static_cast<int>(waiting);
    return out;
  }

  StoredEvent row;
  std::string held_on;
  int cancelled = 0;
  std::int64_t confirmed = 0, waiting = 0;
};

template <typename... Uses>
std::vector<StoredEvent> select_events(Transaction& tx, std::string_view condition, Uses... uses) {
  EventColumns columns;
  soci::statement select =
      columns.bind(((tx.sql().prepare << EventColumns::query(condition)), ..., uses));
  select.execute();
  std::vector<StoredEvent> found;
  while (select.fetch()) found.push_back(columns.value());
  return found;
}

StoredEvent require_event(Transaction& tx, std::int64_t id) {
  auto found = find_event(tx, id);
  if (!found) throw StoreError(fmt::format("no volunteer event has id {}", id));
  return *found;
}

std::string sign_up_id(std::int64_t event_id, std::int64_t user_id) {
  return fmt::format("{}/{}", event_id, user_id);
}

void set_sign_up_state(Transaction& tx, std::int64_t event_id, std::int64_t user_id,
                       SignUpState state) {
  const std::string code(volunteer::sign_up_state_code(state));
  tx.sql() << "UPDATE volunteer_sign_ups SET state = :s WHERE event_id = :e AND user_id = :u",
      soci::use(code), soci::use(event_id), soci::use(user_id);
}

// The first on the event's waiting list, by the order they signed up.
std::optional<std::int64_t> first_waiting(Transaction& tx, std::int64_t event_id) {
  std::int64_t user_id = 0;
  soci::indicator found = soci::i_null;
  tx.sql() << "SELECT user_id FROM volunteer_sign_ups WHERE event_id = :e AND state = 'waiting' "
              "ORDER BY seq LIMIT 1",
      soci::use(event_id), soci::into(user_id, found);
  return present(user_id, found);
}

}  // namespace

std::int64_t add_programme(Transaction& tx, const Organiser& organiser,
                           const volunteer::ProgrammeDetails& details, std::int64_t actor_id,
                           bool demonstration) {
  if (organiser.organisation_id.has_value() == organiser.department_id.has_value())
    throw StoreError("a volunteer programme has one organiser: an organisation or a department");
  const std::string now = utc_timestamp();
  auto organisation = nullable(organiser.organisation_id);
  auto department = nullable(organiser.department_id);
  const int demo = demonstration ? 1 : 0;
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO volunteer_programmes (organisation_id, department_id, title_zh, "
              "title_en, summary_zh, summary_en, item_id, state, demonstration, created_by, "
              "created_at, updated_at) VALUES (:o, :d, :tz, :te, :sz, :se, :i, 'submitted', :demo, "
              ":by, :at, :at2) RETURNING id",
      soci::use(organisation.value, organisation.indicator),
      soci::use(department.value, department.indicator), soci::use(details.title_zh),
      soci::use(details.title_en), soci::use(details.summary_zh), soci::use(details.summary_en),
      soci::use(details.item_id), soci::use(demo), soci::use(actor_id), soci::use(now),
      soci::use(now), soci::into(id);
  audit(tx, actor_id, "volunteer_programme", std::to_string(id), "submit", nullptr,
        programme_json(require_programme(tx, id)));
  return id;
}

void resubmit_programme(Transaction& tx, std::int64_t id,
                        const volunteer::ProgrammeDetails& details, std::int64_t actor_id) {
  const StoredProgramme before = require_programme(tx, id);
  if (!volunteer::programme_after(before.state, volunteer::ProgrammeStep::resubmit))
    throw StoreError(fmt::format("volunteer programme {} is {}: only a returned one is edited", id,
                                 volunteer::programme_state_code(before.state)));
  const std::string now = utc_timestamp();
  tx.sql()
      << "UPDATE volunteer_programmes SET title_zh = :tz, title_en = :te, summary_zh = :sz, "
         "summary_en = :se, item_id = :i, state = 'submitted', updated_at = :at WHERE id = :id",
      soci::use(details.title_zh), soci::use(details.title_en), soci::use(details.summary_zh),
      soci::use(details.summary_en), soci::use(details.item_id), soci::use(now), soci::use(id);
  audit(tx, actor_id, "volunteer_programme", std::to_string(id), "resubmit", programme_json(before),
        programme_json(require_programme(tx, id)));
}

void take_programme_step(Transaction& tx, std::int64_t id, volunteer::ProgrammeStep step,
                         std::string_view note, std::int64_t actor_id) {
  const StoredProgramme before = require_programme(tx, id);
  auto after = volunteer::programme_after(before.state, step);
  if (!after || step == volunteer::ProgrammeStep::resubmit)
    throw StoreError(fmt::format("volunteer programme {} is {}: that step does not apply", id,
                                 volunteer::programme_state_code(before.state)));
  const std::string code(volunteer::programme_state_code(*after));
  const std::string text(note);
  const std::string now = utc_timestamp();
  tx.sql() << "UPDATE volunteer_programmes SET state = :s, review_note = :n, updated_at = :at "
              "WHERE id = :id",
      soci::use(code), soci::use(text), soci::use(now), soci::use(id);
  audit(tx, actor_id, "volunteer_programme", std::to_string(id), code, programme_json(before),
        programme_json(require_programme(tx, id)));
}

std::optional<StoredProgramme> find_programme(Transaction& tx, std::int64_t id) {
  auto found = select_programmes(tx, "WHERE p.id = :id", soci::use(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<StoredProgramme> programmes_in_state(Transaction& tx, ProgrammeState state) {
  const std::string code(volunteer::programme_state_code(state));
  return select_programmes(tx, "WHERE p.state = :s ORDER BY p.id DESC", soci::use(code));
}

std::vector<StoredProgramme> programmes_of(Transaction& tx, const Organiser& organiser) {
  if (organiser.organisation_id)
    return select_programmes(tx, "WHERE p.organisation_id = :o ORDER BY p.id DESC",
                             soci::use(*organiser.organisation_id));
  if (organiser.department_id)
    return select_programmes(tx, "WHERE p.department_id = :d ORDER BY p.id DESC",
                             soci::use(*organiser.department_id));
  return {};
}

std::int64_t add_event(Transaction& tx, std::int64_t programme_id,
                       const volunteer::EventDetails& details, std::int64_t actor_id) {
  const StoredProgramme programme = require_programme(tx, programme_id);
  if (programme.state != ProgrammeState::published)
    throw StoreError(
        fmt::format("volunteer programme {} is {}: events are added to a published one",
                    programme_id, volunteer::programme_state_code(programme.state)));
  const std::string day = format_iso(details.held_on);
  const std::string now = utc_timestamp();
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO volunteer_events (programme_id, title_zh, title_en, held_on, "
              "starts_minute, ends_minute, place_zh, place_en, places, created_at) VALUES (:p, "
              ":tz, :te, :d, :s, :e, :pz, :pe, :n, :at) RETURNING id",
      soci::use(programme_id), soci::use(details.title_zh), soci::use(details.title_en),
      soci::use(day), soci::use(details.starts_minute), soci::use(details.ends_minute),
      soci::use(details.place_zh), soci::use(details.place_en), soci::use(details.places),
      soci::use(now), soci::into(id);
  audit(tx, actor_id, "volunteer_event", std::to_string(id), "add", nullptr,
        event_json(require_event(tx, id)));
  return id;
}

void cancel_event(Transaction& tx, std::int64_t event_id, std::int64_t actor_id) {
  const StoredEvent before = require_event(tx, event_id);
  if (before.cancelled) throw StoreError(fmt::format("volunteer event {} is cancelled", event_id));
  tx.sql() << "UPDATE volunteer_events SET cancelled = 1 WHERE id = :id", soci::use(event_id);
  audit(tx, actor_id, "volunteer_event", std::to_string(event_id), "cancel", event_json(before),
        event_json(require_event(tx, event_id)));
}

std::optional<StoredEvent> find_event(Transaction& tx, std::int64_t id) {
  auto found = select_events(tx, "WHERE e.id = :id", soci::use(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<StoredEvent> events_of(Transaction& tx, std::int64_t programme_id) {
  return select_events(tx, "WHERE e.programme_id = :p ORDER BY e.held_on, e.starts_minute, e.id",
                       soci::use(programme_id));
}

std::vector<StoredEvent> upcoming_events(Transaction& tx, CivilDate from) {
  const std::string day = format_iso(from);
  return select_events(tx,
                       "JOIN volunteer_programmes p ON p.id = e.programme_id WHERE p.state = "
                       "'published' AND e.cancelled = 0 AND e.held_on >= :d ORDER BY e.held_on, "
                       "e.starts_minute, e.id",
                       soci::use(day));
}

void add_sign_up(Transaction& tx, std::int64_t event_id, std::int64_t user_id, SignUpState state) {
  if (state == SignUpState::cancelled) throw StoreError("a sign-up is confirmed or waiting");
  const std::string code(volunteer::sign_up_state_code(state));
  const std::string now = utc_timestamp();
  std::int64_t seq = 0;
  tx.sql() << "SELECT COALESCE(MAX(seq), 0) + 1 FROM volunteer_sign_ups WHERE event_id = :e",
      soci::use(event_id), soci::into(seq);
  const auto before = find_sign_up(tx, event_id, user_id);
  if (before)
    tx.sql() << "UPDATE volunteer_sign_ups SET state = :s, seq = :q, signed_up_at = :at, "
                "minutes_served = NULL WHERE event_id = :e AND user_id = :u",
        soci::use(code), soci::use(seq), soci::use(now), soci::use(event_id), soci::use(user_id);
  else
    tx.sql() << "INSERT INTO volunteer_sign_ups (event_id, user_id, state, seq, signed_up_at) "
                "VALUES (:e, :u, :s, :q, :at)",
        soci::use(event_id), soci::use(user_id), soci::use(code), soci::use(seq), soci::use(now);
  audit(tx, user_id, "volunteer_sign_up", sign_up_id(event_id, user_id), "sign_up",
        before ? Json{{"state", volunteer::sign_up_state_code(before->state)}} : Json(),
        {{"state", code}});
}

std::optional<std::int64_t> cancel_sign_up(Transaction& tx, std::int64_t event_id,
                                           std::int64_t user_id) {
  const auto before = find_sign_up(tx, event_id, user_id);
  if (!before || before->state == SignUpState::cancelled)
    throw StoreError(fmt::format("user {} holds no sign-up for event {}", user_id, event_id));
  set_sign_up_state(tx, event_id, user_id, SignUpState::cancelled);
  audit(tx, user_id, "volunteer_sign_up", sign_up_id(event_id, user_id), "cancel",
        {{"state", volunteer::sign_up_state_code(before->state)}}, {{"state", "cancelled"}});
  if (before->state != SignUpState::confirmed) return std::nullopt;
  auto next = first_waiting(tx, event_id);
  if (!next) return std::nullopt;
  set_sign_up_state(tx, event_id, *next, SignUpState::confirmed);
  append_audit(tx, {"system", "volunteer_sign_up", sign_up_id(event_id, *next), "promote",
                    Json{{"state", "waiting"}}.dump(), Json{{"state", "confirmed"}}.dump()});
  return next;
}

namespace {

struct SignUpColumns {
  static std::string query(std::string_view condition) {
    return "SELECT s.event_id, s.user_id, " + shown_user_sql("u", "") +
           ", s.state, s.signed_up_at, s.minutes_served FROM volunteer_sign_ups s JOIN users u ON "
           "u.id = s.user_id " +
           std::string(condition);
  }

  template <typename Statement>
  auto bind(Statement&& prepared) {
    return (std::forward<Statement>(prepared), soci::into(row.event_id), soci::into(row.user_id),
            soci::into(row.user_name), soci::into(state), soci::into(row.signed_up_at),
            soci::into(minutes, minutes_i));
  }

  StoredSignUp value() const {
    StoredSignUp out = row;
    auto parsed = volunteer::parse_sign_up_state(state);
    if (!parsed) throw StoreError("volunteer_sign_ups.state holds '" + state + "'");
    out.state = *parsed;
    out.minutes_served = present(minutes, minutes_i);
    return out;
  }

  StoredSignUp row;
  std::string state;
  int minutes = 0;
  soci::indicator minutes_i = soci::i_null;
};

template <typename... Uses>
std::vector<StoredSignUp> select_sign_ups(Transaction& tx, std::string_view condition,
                                          Uses... uses) {
  SignUpColumns columns;
  soci::statement select =
      columns.bind(((tx.sql().prepare << SignUpColumns::query(condition)), ..., uses));
  select.execute();
  std::vector<StoredSignUp> found;
  while (select.fetch()) found.push_back(columns.value());
  return found;
}

}  // namespace

std::vector<StoredSignUp> sign_ups_of(Transaction& tx, std::int64_t event_id) {
  return select_sign_ups(tx,
                         "WHERE s.event_id = :e ORDER BY CASE s.state WHEN 'confirmed' THEN 0 "
                         "WHEN 'waiting' THEN 1 ELSE 2 END, s.seq",
                         soci::use(event_id));
}

std::optional<StoredSignUp> find_sign_up(Transaction& tx, std::int64_t event_id,
                                         std::int64_t user_id) {
  auto found = select_sign_ups(tx, "WHERE s.event_id = :e AND s.user_id = :u", soci::use(event_id),
                               soci::use(user_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<PersonSignUp> sign_ups_by(Transaction& tx, std::int64_t user_id) {
  std::vector<PersonSignUp> found;
  for (const StoredSignUp& sign_up :
       select_sign_ups(tx, "WHERE s.user_id = :u", soci::use(user_id))) {
    PersonSignUp row{sign_up, require_event(tx, sign_up.event_id), "", ""};
    const StoredProgramme programme = require_programme(tx, row.event.programme_id);
    row.programme_zh = programme.details.title_zh;
    row.programme_en = programme.details.title_en;
    found.push_back(std::move(row));
  }
  std::sort(found.begin(), found.end(), [](const PersonSignUp& a, const PersonSignUp& b) {
    return std::tie(b.event.details.held_on, b.event.id) <
           std::tie(a.event.details.held_on, a.event.id);
  });
  return found;
}

void record_attendance(Transaction& tx, std::int64_t event_id, const std::vector<Served>& served,
                       std::int64_t actor_id) {
  require_event(tx, event_id);
  for (const Served& each : served) {
    const auto sign_up = find_sign_up(tx, event_id, each.user_id);
    if (!sign_up || sign_up->state != SignUpState::confirmed)
      throw StoreError(fmt::format("user {} holds no place at event {}", each.user_id, event_id));
    if (each.minutes < 0 || each.minutes > volunteer::kMostMinutesServed)
      throw StoreError(fmt::format("{} minutes is not a day's service", each.minutes));
    if (sign_up->minutes_served == each.minutes) continue;
    tx.sql() << "UPDATE volunteer_sign_ups SET minutes_served = :m WHERE event_id = :e AND "
                "user_id = :u",
        soci::use(each.minutes), soci::use(event_id), soci::use(each.user_id);
    audit(tx, actor_id, "volunteer_sign_up", sign_up_id(event_id, each.user_id), "attendance",
          {{"minutes_served", sign_up->minutes_served ? Json(*sign_up->minutes_served) : Json()}},
          {{"minutes_served", each.minutes}});
  }
}

std::vector<volunteer::Attendance> list_attendance(Transaction& tx) {
  volunteer::Attendance row;
  std::string held_on;
  soci::statement select =
      (tx.sql().prepare << "SELECT s.user_id, e.id, p.id, p.item_id, e.held_on, s.minutes_served "
                           "FROM volunteer_sign_ups s JOIN volunteer_events e ON e.id = "
                           "s.event_id JOIN volunteer_programmes p ON p.id = e.programme_id "
                           "WHERE s.state = 'confirmed' AND s.minutes_served > 0 ORDER BY "
                           "e.held_on, e.id, s.user_id",
       soci::into(row.person), soci::into(row.event), soci::into(row.programme),
       soci::into(row.item_id), soci::into(held_on), soci::into(row.minutes));
  select.execute();
  std::vector<volunteer::Attendance> found;
  while (select.fetch()) {
    row.held_on = stored_date(held_on, "volunteer_events.held_on");
    found.push_back(row);
  }
  return found;
}

}  // namespace bsap::store
