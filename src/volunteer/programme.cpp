#include "volunteer/programme.h"

#include <algorithm>

#include "biodata/text_trim.h"

namespace bsap::volunteer {
namespace {

std::string trimmed(std::string_view text) { return std::string(biodata::trim(text)); }

}  // namespace

CheckedProgramme check_programme(const ProgrammeEntry& entry,
                                 const std::vector<std::string>& item_ids) {
  CheckedProgramme checked;
  auto fault = [&](std::string field, ProgrammeFault f) {
    checked.faults.push_back({std::move(field), f});
  };
  ProgrammeDetails details{trimmed(entry.title_zh), trimmed(entry.title_en),
                           trimmed(entry.summary_zh), trimmed(entry.summary_en),
                           trimmed(entry.item_id)};
  if (details.title_zh.empty() && details.title_en.empty())
    fault("title_zh", ProgrammeFault::title_missing);
  if (details.title_zh.size() > kMostTitleBytes) fault("title_zh", ProgrammeFault::title_too_long);
  if (details.title_en.size() > kMostTitleBytes) fault("title_en", ProgrammeFault::title_too_long);
  if (details.summary_zh.empty() && details.summary_en.empty())
    fault("summary_zh", ProgrammeFault::summary_missing);
  if (details.summary_zh.size() > kMostSummaryBytes)
    fault("summary_zh", ProgrammeFault::summary_too_long);
  if (details.summary_en.size() > kMostSummaryBytes)
    fault("summary_en", ProgrammeFault::summary_too_long);
  if (std::find(item_ids.begin(), item_ids.end(), details.item_id) == item_ids.end())
    fault("item_id", ProgrammeFault::item_unknown);
  if (checked.faults.empty()) checked.details = std::move(details);
  return checked;
}

std::string programme_fault_key(ProgrammeFault fault) {
  switch (fault) {
    case ProgrammeFault::title_missing:
      return "volunteer_fault_title_missing";
    case ProgrammeFault::title_too_long:
      return "volunteer_fault_title_too_long";
    case ProgrammeFault::summary_missing:
      return "volunteer_fault_summary_missing";
    case ProgrammeFault::summary_too_long:
      return "volunteer_fault_summary_too_long";
    case ProgrammeFault::item_unknown:
      return "volunteer_fault_item_unknown";
  }
  return "volunteer_fault_title_missing";
}

std::string_view programme_state_code(ProgrammeState state) {
  switch (state) {
    case ProgrammeState::submitted:
      return "submitted";
    case ProgrammeState::published:
      return "published";
    case ProgrammeState::returned:
      return "returned";
    case ProgrammeState::closed:
      return "closed";
  }
  return "submitted";
}

std::optional<ProgrammeState> parse_programme_state(std::string_view code) {
  for (auto state : {ProgrammeState::submitted, ProgrammeState::published, ProgrammeState::returned,
                     ProgrammeState::closed})
    if (programme_state_code(state) == code) return state;
  return std::nullopt;
}

std::optional<ProgrammeState> programme_after(ProgrammeState state, ProgrammeStep step) {
  switch (step) {
    case ProgrammeStep::publish:
      if (state == ProgrammeState::submitted) return ProgrammeState::published;
      break;
    case ProgrammeStep::send_back:
      if (state == ProgrammeState::submitted) return ProgrammeState::returned;
      break;
    case ProgrammeStep::resubmit:
      if (state == ProgrammeState::returned) return ProgrammeState::submitted;
      break;
    case ProgrammeStep::close:
      if (state == ProgrammeState::published) return ProgrammeState::closed;
      break;
  }
  return std::nullopt;
}

bool programme_is_public(ProgrammeState state) {
  return state == ProgrammeState::published || state == ProgrammeState::closed;
}

}  // namespace bsap::volunteer
