// Volunteer programmes, their events and who signed up and served (migration 14; issue 11, 000
// 優先行動 2.2 item 1). Whether a step is allowed is the rules' (volunteer/programme.h,
// volunteer/sign_up.h); these functions write what was decided, in the caller's transaction,
// and audit every change.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "volunteer/engagement.h"
#include "volunteer/event.h"
#include "volunteer/programme.h"
#include "volunteer/sign_up.h"

namespace bsap::store {

// Who runs a programme: an organisation (its applicant users) or a department (its focal
// points); exactly one.
struct Organiser {
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> department_id;

  friend bool operator==(const Organiser&, const Organiser&) = default;
};

struct StoredProgramme {
  std::int64_t id = 0;
  Organiser organiser;
  std::string organiser_zh, organiser_en;  // the organisation's or department's names
  volunteer::ProgrammeDetails details;
  volunteer::ProgrammeState state = volunteer::ProgrammeState::submitted;
  std::string review_note;
  bool demonstration = false;
  std::string created_at, updated_at;
};

struct StoredEvent {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  volunteer::EventDetails details;
  bool cancelled = false;
  int confirmed = 0, waiting = 0;  // sign-ups holding a place, and on the waiting list
};

struct StoredSignUp {
  std::int64_t event_id = 0;
  std::int64_t user_id = 0;
  std::string user_name;  // display name, else username
  volunteer::SignUpState state = volunteer::SignUpState::confirmed;
  std::string signed_up_at;
  std::optional<int> minutes_served;  // none until recorded; 0: did not come
};

// A submitted programme; returns its id.
std::int64_t add_programme(Transaction& tx, const Organiser& organiser,
                           const volunteer::ProgrammeDetails& details, std::int64_t actor_id,
                           bool demonstration = false);
// A returned programme, edited and submitted again. StoreError unless it is returned.
void resubmit_programme(Transaction& tx, std::int64_t id,
                        const volunteer::ProgrammeDetails& details, std::int64_t actor_id);
// A step of the secretariat's (publish, send back with a note) or the organiser's (close).
// StoreError when the step does not apply to the programme's state.
void take_programme_step(Transaction& tx, std::int64_t id, volunteer::ProgrammeStep step,
                         std::string_view note, std::int64_t actor_id);
std::optional<StoredProgramme> find_programme(Transaction& tx, std::int64_t id);
// Newest first.
std::vector<StoredProgramme> programmes_in_state(Transaction& tx, volunteer::ProgrammeState state);
std::vector<StoredProgramme> programmes_of(Transaction& tx, const Organiser& organiser);

// An event of a published programme; StoreError otherwise. Returns its id.
std::int64_t add_event(Transaction& tx, std::int64_t programme_id,
                       const volunteer::EventDetails& details, std::int64_t actor_id);
void cancel_event(Transaction& tx, std::int64_t event_id, std::int64_t actor_id);
std::optional<StoredEvent> find_event(Transaction& tx, std::int64_t id);
// By day and time.
std::vector<StoredEvent> events_of(Transaction& tx, std::int64_t programme_id);
// The events of published programmes from the day on, not cancelled, by day and time.
std::vector<StoredEvent> upcoming_events(Transaction& tx, CivilDate from);

// Signs the person up (or up again after cancelling) in the state decided; audited.
void add_sign_up(Transaction& tx, std::int64_t event_id, std::int64_t user_id,
                 volunteer::SignUpState state);
// Cancels the person's sign-up; when it held a place, the first on the waiting list takes it.
// Returns that person's id, if any. StoreError when there is nothing to cancel.
std::optional<std::int64_t> cancel_sign_up(Transaction& tx, std::int64_t event_id,
                                           std::int64_t user_id);
// Confirmed first, then waiting, then cancelled, each in the order they signed up.
std::vector<StoredSignUp> sign_ups_of(Transaction& tx, std::int64_t event_id);
std::optional<StoredSignUp> find_sign_up(Transaction& tx, std::int64_t event_id,
                                         std::int64_t user_id);

// One person's sign-up with its event and programme, for their own page.
struct PersonSignUp {
  StoredSignUp sign_up;
  StoredEvent event;
  std::string programme_zh, programme_en;
};
// Newest event first.
std::vector<PersonSignUp> sign_ups_by(Transaction& tx, std::int64_t user_id);

// The minutes each confirmed person served (0: did not come), replacing what was recorded.
// StoreError for someone without a confirmed place.
struct Served {
  std::int64_t user_id = 0;
  int minutes = 0;
};
void record_attendance(Transaction& tx, std::int64_t event_id, const std::vector<Served>& served,
                       std::int64_t actor_id);

// Every recorded attendance (minutes served above 0), of every programme: what the people
// engaged are counted from (volunteer/engagement.h).
std::vector<volunteer::Attendance> list_attendance(Transaction& tx);

}  // namespace bsap::store
