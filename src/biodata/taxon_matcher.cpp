#include "biodata/taxon_matcher.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <span>

namespace bsap::biodata {
namespace {

bool is_rank_marker(std::string_view word) {
  static const std::set<std::string_view> kMarkers{"subsp.", "ssp.",    "var.", "f.",
                                                   "forma",  "subvar.", "cv."};
  return kMarkers.contains(word);
}

bool is_epithet(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(),
                                      [](unsigned char c) { return std::islower(c) || c == '-'; });
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto start = text.find_first_not_of(" \t\r\n", at);
    if (start == std::string_view::npos) break;
    auto end = text.find_first_of(" \t\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    at = end;
  }
  return out;
}

std::string genus_of(std::string_view canonical) {
  return std::string(canonical.substr(0, canonical.find(' ')));
}

// A view into `canonical`: the fuzzy match compares every candidate's without copying it.
std::string_view epithets_of(std::string_view canonical) {
  auto space = canonical.find(' ');
  return space == std::string_view::npos ? std::string_view() : canonical.substr(space + 1);
}

}  // namespace

std::string canonical_name(std::string_view scientific_name) {
  auto tokens = words(scientific_name);
  // A hybrid sign before the genus or the epithet is not part of the name to match.
  std::erase_if(tokens, [](std::string_view w) { return w == "x" || w == "×" || w == "\u00d7"; });
  if (tokens.empty() || !std::isupper(static_cast<unsigned char>(tokens[0][0]))) return "";
  std::string genus(tokens[0]);
  if (!std::all_of(genus.begin() + 1, genus.end(), [](unsigned char c) { return std::isalpha(c); }))
    return "";
  std::transform(genus.begin() + 1, genus.end(), genus.begin() + 1,
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string canonical = genus;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (is_rank_marker(tokens[i]) && i + 1 < tokens.size() && is_epithet(tokens[i + 1])) {
      canonical.append(" ").append(tokens[i]).append(" ").append(tokens[i + 1]);
      ++i;
    } else if (is_epithet(tokens[i])) {
      canonical.append(" ").append(tokens[i]);
    } else {
      break;  // the authorship begins: "(Linnaeus, 1771)", "L.", "K.Koch"
    }
  }
  return canonical;
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  int length_gap = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (std::abs(length_gap) > limit) return limit + 1;
  // Two rows of the table; on the stack for names of usual length, since the fuzzy match tries
  // every genus of the checklist against an unmatched name.
  constexpr std::size_t kOnStack = 64;
  std::array<int, 2 * kOnStack> stack;
  std::vector<int> heap;
  int* rows = stack.data();
  if (b.size() + 1 > kOnStack) {
    heap.resize(2 * (b.size() + 1));
    rows = heap.data();
  }
  std::span<int> previous(rows, b.size() + 1), current(rows + b.size() + 1, b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, replace});
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

TaxonMatcher::TaxonMatcher(const std::vector<ChecklistName>& names) {
  for (const ChecklistName& name : names) {
    std::string canonical = canonical_name(name.scientific_name);
    if (canonical.empty()) continue;
    std::int64_t accepted = name.accepted.value_or(name.taxon);
    auto [it, inserted] = by_canonical_.emplace(canonical, entries_.size());
    if (!inserted) {
      Entry& entry = entries_[it->second];
      if (entry.accepted != accepted) entry.accepted = 0;  // a homonym: too little to tell apart
      continue;
    }
    by_genus_[genus_of(canonical)].push_back(entries_.size());
    entries_.push_back({std::move(canonical), accepted});
  }
  for (const auto& [genus, indices] : by_genus_) {
    if (genus.size() >= genera_by_length_.size()) genera_by_length_.resize(genus.size() + 1);
    genera_by_length_[genus.size()].push_back(genus);
  }
}

TaxonMatch TaxonMatcher::match(std::string_view scientific_name) const {
  std::string canonical = canonical_name(scientific_name);
  if (canonical.empty()) return {};
  if (auto it = by_canonical_.find(canonical); it != by_canonical_.end()) {
    std::int64_t accepted = entries_[it->second].accepted;
    return accepted ? TaxonMatch{MatchKind::exact, accepted} : TaxonMatch{};
  }
  if (auto taxon = fuzzy(canonical)) return {MatchKind::fuzzy, *taxon};
  return {};
}

// The one name nearest within the allowance: the same genus with epithets at most two edits
// apart (and no more than a quarter of their length), or a genus one edit apart with the same
// epithets. Two names equally near are a tie, and a tie is no match.
std::optional<std::int64_t> TaxonMatcher::fuzzy(const std::string& canonical) const {
  std::string genus = genus_of(canonical);
  std::string_view epithets = epithets_of(canonical);
  int best = 99;
  std::optional<std::int64_t> found;
  bool tie = false;
  auto consider = [&](const Entry& entry, int distance) {
    if (distance < best) {
      best = distance, found = entry.accepted, tie = false;
    } else if (distance == best && found != entry.accepted) {
      tie = true;
    }
  };
  if (auto same_genus = by_genus_.find(genus); same_genus != by_genus_.end() && !epithets.empty()) {
    int allowance = std::min(2, static_cast<int>(epithets.size()) / 4);
    for (std::size_t index : same_genus->second) {
      const Entry& entry = entries_[index];
      int distance = edit_distance(epithets, epithets_of(entry.canonical), allowance);
      if (distance <= allowance && entry.accepted) consider(entry, distance);
    }
  }
  if (!found && genus.size() >= 5) {
    // A genus one edit apart is one letter shorter, as long, or one letter longer.
    const std::size_t end = std::min(genus.size() + 2, genera_by_length_.size());
    for (std::size_t length = genus.size() - 1; length < end; ++length) {
      for (const std::string& other_genus : genera_by_length_[length]) {
        if (edit_distance(genus, other_genus, 1) > 1) continue;
        for (std::size_t index : by_genus_.at(other_genus))
          if (entries_[index].accepted && epithets_of(entries_[index].canonical) == epithets)
            consider(entries_[index], 1);
      }
    }
  }
  if (!found || tie) return std::nullopt;
  return found;
}

}  // namespace bsap::biodata
