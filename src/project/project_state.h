// The life of a funded project after the committee's approval (guidelines §5.1.1, §5.16, §5.9):
// its states, the events that move it, and who may take each. Pure, like
// ccfs/assessment_state.h for the assessment before it.
//
//   agreement_pending --sign_agreement--> active --complete--> completed --close--> closed
//   active --suspend--> suspended --resume--> active
//   active | suspended --terminate--> terminated --close--> closed
//
// sign_agreement: the secretariat confirms the signed agreement with the bank statement
// (§5.1.1, §5.6.1) and, for works in private buildings, the owners' agreements. complete: the
// completion report is accepted. close: the final payment is released or the refund received.
// suspend and terminate under §5.16.1 take effect one month after the notice (§5.16.3); an
// immediate termination (§5.16.2) the same day.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_date.h"
#include "core/lang.h"

namespace bsap::project {

enum class ProjectState { agreement_pending, active, suspended, terminated, completed, closed };
enum class ProjectEvent { sign_agreement, suspend, resume, terminate, complete, close };

std::string_view state_code(ProjectState state);
std::optional<ProjectState> state_from_code(std::string_view code);
std::string state_text(ProjectState state, Lang lang);
std::string_view event_code(ProjectEvent event);
std::optional<ProjectEvent> event_from_code(std::string_view code);
std::string event_text(ProjectEvent event, Lang lang);

struct ProjectRefusal {
  std::string clause;
  std::string message_zh;
  std::string message_en;
};

std::variant<ProjectState, ProjectRefusal> next_project_state(ProjectState from, ProjectEvent event);
std::vector<ProjectEvent> project_events_from(ProjectState from);
// Reports and returns are owed while the project runs and until its close-out (active, suspended,
// completed); a closed or terminated project owes none, so none is overdue or reminded.
bool owes_reports(ProjectState state);

// Suspend, resume and terminate need the grounds written down.
bool event_needs_grounds(ProjectEvent event);

// §5.16.3: the day a suspension or termination under §5.16.1 takes effect — one month after the
// notice; an immediate termination under §5.16.2 takes effect on the notice day.
CivilDate takes_effect_on(CivilDate notice_on, bool immediate);

}  // namespace bsap::project
