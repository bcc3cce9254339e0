// A volunteer programme (000 優先行動 2.2 item 1: 義工計劃, such as the wetland park's and the
// country parks' volunteer programmes and 「自己山徑自己修」): what its organiser, a department or
// an organisation, gives for it, checked; and the states it passes through. Nothing a programme
// says is public before the plan's secretariat publishes it. Pure.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bsap::volunteer {

inline constexpr std::size_t kMostTitleBytes = 200;
inline constexpr std::size_t kMostSummaryBytes = 4000;

// As typed into the form. item_id: the plan item it serves ("2.2.1").
struct ProgrammeEntry {
  std::string title_zh, title_en, summary_zh, summary_en, item_id;
};

enum class ProgrammeFault {
  title_missing,     // neither language has a title
  title_too_long,    // over kMostTitleBytes
  summary_missing,   // neither language says what volunteers do
  summary_too_long,  // over kMostSummaryBytes
  item_unknown,      // not one of the plan's items
};

struct ProgrammeFieldFault {
  std::string field;  // the form input's id
  ProgrammeFault fault;
};

// Checked and trimmed; a title or summary may be in one language only (pages show the other).
struct ProgrammeDetails {
  std::string title_zh, title_en, summary_zh, summary_en, item_id;
};

struct CheckedProgramme {
  std::optional<ProgrammeDetails> details;  // none when any fault
  std::vector<ProgrammeFieldFault> faults;
};

// item_ids: the plan's items, "1.1.1" to "4.6.2".
CheckedProgramme check_programme(const ProgrammeEntry& entry,
                                 const std::vector<std::string>& item_ids);

// "volunteer_fault_title_missing", ... (data/i18n/messages.yaml).
std::string programme_fault_key(ProgrammeFault fault);

// submitted → published or returned (with a reason); returned → submitted again after an edit;
// published → closed (no new events; its record stays public).
enum class ProgrammeState { submitted, published, returned, closed };
enum class ProgrammeStep { publish, send_back, resubmit, close };

std::string_view programme_state_code(ProgrammeState state);
std::optional<ProgrammeState> parse_programme_state(std::string_view code);
// The state the step leads to, or nullopt when the step does not apply in that state.
std::optional<ProgrammeState> programme_after(ProgrammeState state, ProgrammeStep step);
// Published or closed: what anyone may read, with its events.
bool programme_is_public(ProgrammeState state);

}  // namespace bsap::volunteer
