// Matches an occurrence's scientificName to a checklist's names, the way GBIF matches to its
// backbone: by the canonical name (authorship dropped), exactly, else fuzzily (one genus letter,
// or two epithet letters, apart), else not at all; a synonym resolves to its accepted name. Pure
// and immutable once built: several threads may match at once.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bsap::biodata {

struct ChecklistName {
  std::int64_t taxon = 0;                // the store's id of this name
  std::string scientific_name;           // "Puma concolor (Linnaeus, 1771)"
  std::optional<std::int64_t> accepted;  // for a synonym, the accepted name's id
};

enum class MatchKind { exact, fuzzy, none };

struct TaxonMatch {
  MatchKind kind = MatchKind::none;
  std::int64_t taxon = 0;  // the accepted name's id; 0 when none matched
};

// "Puma concolor (Linnaeus, 1771)" -> "Puma concolor"; "Quercus robur subsp. pedunculiflora
// K.Koch" -> "Quercus robur subsp. pedunculiflora"; "Lauraceae" -> "Lauraceae". Empty when the
// text holds no name.
std::string canonical_name(std::string_view scientific_name);

// Edits (insert, delete, replace) that turn a into b, or limit + 1 when more than limit.
int edit_distance(std::string_view a, std::string_view b, int limit);

class TaxonMatcher {
 public:
  explicit TaxonMatcher(const std::vector<ChecklistName>& names);
  TaxonMatch match(std::string_view scientific_name) const;
  std::size_t size() const { return by_canonical_.size(); }

 private:
  struct Entry {
    std::string canonical;
    std::int64_t accepted = 0;
  };
  std::optional<std::int64_t> fuzzy(const std::string& canonical) const;

  std::vector<Entry> entries_;  // accepted 0: a homonym naming two accepted taxa
  std::unordered_map<std::string, std::size_t> by_canonical_;           // into entries_
  std::unordered_map<std::string, std::vector<std::size_t>> by_genus_;  // into entries_
  // by_genus_'s genera by their length: a fuzzy match tries only those one letter apart at most,
  // in a vector read straight through rather than the whole map.
  std::vector<std::vector<std::string>> genera_by_length_;
};

}  // namespace bsap::biodata
