#include "biodata/occurrence_interpretation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>

#include <fmt/format.h>

namespace bsap::biodata {
namespace {

using enum OccurrenceFlag;

// The terms read, in slot order.
enum Slot {
  kOccurrenceId,
  kScientificName,
  kBasisOfRecord,
  kEventDate,
  kYear,
  kMonth,
  kDay,
  kDecimalLatitude,
  kDecimalLongitude,
  kGeodeticDatum,
  kVerbatimCoordinates,
  kVerbatimCoordinateSystem,
  kVerbatimSrs,
  kUncertainty,
  kIndividualCount,
  kLocality,
  kRecordedBy,
  kSlotCount
};

constexpr std::array<std::string_view, kSlotCount> kTerms{
    "occurrenceID",
    "scientificName",
    "basisOfRecord",
    "eventDate",
    "year",
    "month",
    "day",
    "decimalLatitude",
    "decimalLongitude",
    "geodeticDatum",
    "verbatimCoordinates",
    "verbatimCoordinateSystem",
    "verbatimSRS",
    "coordinateUncertaintyInMeters",
    "individualCount",
    "locality",
    "recordedBy",
};

constexpr std::array<std::string_view, 11> kBasisOfRecordTerms{
    "PreservedSpecimen",  "FossilSpecimen", "LivingSpecimen",
    "MaterialSample",     "Event",          "HumanObservation",
    "MachineObservation", "Taxon",          "Occurrence",
    "MaterialCitation",   "Observation"};

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_lower(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

// True when `text`, its letters and digits only and lowered, spells `term` lowered ("human
// observation" and "HumanObservation"). A row's value is compared with each term in turn, a
// million times an import, so nothing is copied.
bool same_letters(std::string_view text, std::string_view term) {
  std::size_t at = 0;
  for (unsigned char c : text) {
    if (!is_ascii_alnum(c)) continue;
    if (at == term.size() || ascii_lower(c) != ascii_lower(static_cast<unsigned char>(term[at])))
      return false;
    ++at;
  }
  return at == term.size();
}

// FNV-1a over the values with a separator: the same row gives the same key in every import.
std::string row_digest(const Record& record) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const std::string& value : record.values) {
    for (unsigned char c : value) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ 0x1f) * 1099511628211ull;
  }
  return fmt::format("row:{:016x}", hash);
}

}  // namespace

std::optional<std::string_view> basis_of_record_term_view(std::string_view text) {
  for (std::string_view term : kBasisOfRecordTerms)
    if (text == term) return term;  // as the vocabulary spells it: most rows
  for (std::string_view term : kBasisOfRecordTerms)
    if (same_letters(text, term)) return term;
  return std::nullopt;
}

std::optional<std::string> basis_of_record_term(std::string_view text) {
  auto term = basis_of_record_term_view(text);
  return term ? std::optional<std::string>(*term) : std::nullopt;
}

std::optional<std::int64_t> parse_individual_count(std::string_view text) {
  auto value = parse_decimal(text);
  if (!value || *value < 0 || *value != std::floor(*value) || *value > 1e15) return std::nullopt;
  return static_cast<std::int64_t>(*value);
}

std::optional<double> parse_uncertainty_meters(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.ends_with("m")) text.remove_suffix(1);
  auto value = parse_decimal(text);
  if (!value || *value <= 0 || *value > 5'000'000) return std::nullopt;
  return value;
}

OccurrenceInterpreter::OccurrenceInterpreter(const TableDescriptor& table,
                                             const InterpretationContext& context)
    : context_(context), positions_(kSlotCount) {
  for (std::size_t slot = 0; slot < kSlotCount; ++slot)
    positions_[slot] = table.field_position(kTerms[slot]);
}

std::string_view OccurrenceInterpreter::term(const Record& record, int slot) const {
  const auto& position = positions_[static_cast<std::size_t>(slot)];
  return position ? std::string_view(record.values[*position]) : std::string_view();
}

TaxonMatch OccurrenceInterpreter::match_name(std::string_view scientific_name) {
  if (!context_.checklist) return {};
  const std::size_t hash = std::hash<std::string_view>{}(scientific_name);
  std::size_t mask = matched_slots_.size() - 1;
  std::size_t at = hash & mask;
  for (; !matched_slots_.empty() && matched_slots_[at] != 0; at = (at + 1) & mask) {
    const MatchedName& name = matched_[matched_slots_[at] - 1];
    if (name.hash == hash &&
        std::string_view(matched_text_).substr(name.offset, name.size) == scientific_name)
      return name.match;
  }
  TaxonMatch match = context_.checklist->match(scientific_name);
  matched_.push_back({hash, matched_text_.size(), scientific_name.size(), match});
  matched_text_.append(scientific_name);
  if (matched_.size() * 2 > matched_slots_.size()) {  // at most half full: slots placed again
    matched_slots_.assign(std::max<std::size_t>(1024, matched_slots_.size() * 2), 0);
    mask = matched_slots_.size() - 1;
    for (std::size_t i = 0; i < matched_.size(); ++i) {
      for (at = matched_[i].hash & mask; matched_slots_[at] != 0;) at = (at + 1) & mask;
      matched_slots_[at] = static_cast<std::uint32_t>(i + 1);
    }
  } else {
    matched_slots_[at] = static_cast<std::uint32_t>(matched_.size());
  }
  return match;
}

Occurrence OccurrenceInterpreter::interpret(const Record& record) {
  Occurrence out;
  interpret(record, out);
  return out;
}

void OccurrenceInterpreter::interpret(const Record& record, Occurrence& out) {
  out.flags = {};
  out.occurrence_id = term(record, kOccurrenceId);
  if (!out.occurrence_id.empty())
    out.record_key = out.occurrence_id;
  else if (!record.id.empty())
    out.record_key.assign("id:").append(record.id);
  else
    out.record_key = row_digest(record);
  out.scientific_name = term(record, kScientificName);
  TaxonMatch match = match_name(out.scientific_name);
  out.taxon = match.taxon;
  if (match.kind == MatchKind::none) out.flags.add(taxon_match_none);
  if (match.kind == MatchKind::fuzzy) out.flags.add(taxon_match_fuzzy);

  std::string_view basis = term(record, kBasisOfRecord);
  auto basis_term = basis_of_record_term_view(basis);
  out.basis_of_record = basis_term ? *basis_term : basis;
  if (!basis_term) out.flags.add(basis_of_record_invalid);

  InterpretedDate date = interpret_recorded_date(
      {term(record, kEventDate), term(record, kYear), term(record, kMonth), term(record, kDay)},
      context_.today);
  out.date = date.date;
  out.flags.add(date.flags);

  InterpretedCoordinate where =
      interpret_coordinate({term(record, kDecimalLatitude), term(record, kDecimalLongitude),
                            term(record, kGeodeticDatum), term(record, kVerbatimCoordinates),
                            term(record, kVerbatimCoordinateSystem), term(record, kVerbatimSrs)},
                           context_.coordinates);
  out.point = where.point;
  out.flags.add(where.flags);

  out.uncertainty_m.reset();
  out.individual_count.reset();
  if (std::string_view text = term(record, kUncertainty); !text.empty()) {
    out.uncertainty_m = parse_uncertainty_meters(text);
    if (!out.uncertainty_m) out.flags.add(coordinate_uncertainty_meters_invalid);
  }
  if (std::string_view text = term(record, kIndividualCount); !text.empty()) {
    out.individual_count = parse_individual_count(text);
    if (!out.individual_count) out.flags.add(individual_count_invalid);
  }
  out.locality = term(record, kLocality);
  out.recorded_by = term(record, kRecordedBy);
}

}  // namespace bsap::biodata
