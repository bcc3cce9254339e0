// An occurrence record as the hub keeps it: the Darwin Core terms of one core row read, checked
// and interpreted, with GBIF's flags for what was wrong or changed. A bad value never drops the
// record: it is kept with its flags, and its geospatial flags keep it off maps.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "biodata/archive_record.h"
#include "biodata/coordinate_interpretation.h"
#include "biodata/occurrence_flag.h"
#include "biodata/recorded_date.h"
#include "biodata/taxon_matcher.h"

namespace bsap::biodata {

struct Occurrence {
  // What makes a re-import find this record again: occurrenceID, else the row's core id, else a
  // digest of every value of the row ("row:" and 16 hex digits).
  std::string record_key;
  std::string occurrence_id;    // as given; may be empty
  std::string scientific_name;  // as given
  std::int64_t taxon = 0;       // the accepted name matched; 0 when none
  std::string
      basis_of_record;  // the vocabulary's term ("HumanObservation"), or as given if not one
  std::optional<CalendarDate> date;
  std::optional<LonLat> point;  // WGS84
  std::optional<double> uncertainty_m;
  std::optional<std::int64_t> individual_count;
  std::string locality;
  std::string recorded_by;
  FlagSet flags;
};

struct InterpretationContext {
  CoordinateContext coordinates;
  CalendarDate today;
  const TaxonMatcher* checklist = nullptr;  // none: every name is TAXON_MATCH_NONE
};

// Reads records of one core table. Holds the table's term positions, found once, and the names
// already matched (an archive names a few thousand species over a million rows): one per thread.
class OccurrenceInterpreter {
 public:
  OccurrenceInterpreter(const TableDescriptor& table, const InterpretationContext& context);
  Occurrence interpret(const Record& record);
  // The same into `out`, every field set again: an import reuses its records' strings.
  void interpret(const Record& record, Occurrence& out);

 private:
  std::string_view term(const Record& record, int slot) const;
  TaxonMatch match_name(std::string_view scientific_name);

  const InterpretationContext& context_;
  std::vector<std::optional<std::size_t>> positions_;  // one per term the interpreter reads
  // The names matched so far, looked up a million times an import: their text side by side in
  // one string and an open-addressing table of their places (a few hundred kilobytes for
  // thousands of names, so that a lookup stays in the processor's cache).
  struct MatchedName {
    std::size_t hash = 0, offset = 0, size = 0;  // matched_text_[offset, offset + size)
    TaxonMatch match;
  };
  std::string matched_text_;
  std::vector<MatchedName> matched_;
  std::vector<std::uint32_t> matched_slots_;  // 1 + an index into matched_; 0 free
};

// The Darwin Core basisOfRecord term that `text` spells ("HUMAN_OBSERVATION", "human
// observation" -> "HumanObservation"), or none.
std::optional<std::string> basis_of_record_term(std::string_view text);
// The same, as a view of the vocabulary's own spelling.
std::optional<std::string_view> basis_of_record_term_view(std::string_view text);

// individualCount: a whole number of zero or more ("3", "3.0"); none when not one.
std::optional<std::int64_t> parse_individual_count(std::string_view text);

// coordinateUncertaintyInMeters: above 0 and at most 5,000 km ("30", "30 m"); none otherwise.
std::optional<double> parse_uncertainty_meters(std::string_view text);

}  // namespace bsap::biodata
