// Where an observation stands (000 優先行動 3.5, technology for monitoring; 2.2 item 1): its
// review by a verifier and its quality grade.
//
// Moderation: what a member of the public submits is `submitted` and shown to no one but its
// submitter, the verifiers and the hub's staff until a verifier reviews it. The verifier either
// verifies it with a species (it then joins the hub as a record), publishes it as needing an
// identification (the community may then identify it), or rejects it (shown to no one else).
//
// The quality grade follows iNaturalist's data quality assessment, in our words: an observation
// without a date, a place or evidence others can check (a photograph) is "casual"; one with them
// is "needs ID" until its identification is settled, and then "research grade". Here the date and
// place are always present (the form requires them), and an identification is settled when a
// verifier — an expert, not a vote — verifies the observation with a species. Rejected and
// unreviewed observations have no grade: no one but their reviewers and submitter sees them.
//
// The community taxon: as iNaturalist's, the taxon that more than two thirds of the
// identifications name, once there are at least two; the verifier sees it as a suggestion.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace bsap::hub {

enum class ReviewState { submitted, needs_id, verified, rejected };
std::string_view review_state_code(ReviewState state);  // as stored: "submitted", ...
std::optional<ReviewState> parse_review_state(std::string_view code);

// Anyone may see it (and it is in lists and the hub's counts when verified).
inline bool is_published(ReviewState state) {
  return state == ReviewState::needs_id || state == ReviewState::verified;
}

enum class QualityGrade { casual, needs_id, research };
std::string_view quality_grade_code(QualityGrade grade);  // "casual", "needs_id", "research"

// None for a submitted or rejected observation.
std::optional<QualityGrade> quality_grade(ReviewState state, bool has_photograph);

// The taxon more than two thirds of `identified` name (one entry per identification, none for
// "I do not know"), when there are at least two identifications.
std::optional<std::int64_t> community_taxon(
    std::span<const std::optional<std::int64_t>> identified);

}  // namespace bsap::hub
