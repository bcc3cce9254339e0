#include "store/area_species.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace bsap::store {
namespace {

constexpr std::size_t kFields = 10;

void put_text(std::string& out, std::string_view text) {
  if (text.find_first_of("\\\t\n") == std::string_view::npos) {
    out += text;
    return;
  }
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
}

[[noreturn]] void malformed(std::string_view what) {
  throw std::invalid_argument("a packed species list is malformed: " + std::string(what));
}

std::string text_of(std::string_view field) {
  if (field.find('\\') == std::string_view::npos) return std::string(field);
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    if (++i == field.size()) malformed("a backslash ends a field");
    switch (field[i]) {
      case '\\':
        out += '\\';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      default:
        malformed("an unknown escape");
    }
  }
  return out;
}

template <typename Number>
Number number_of(std::string_view field) {
  Number value{};
  auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (error != std::errc() || end != field.data() + field.size()) malformed("a number expected");
  return value;
}

// The next line of `packed` from `at`, without its line break; `at` moves past it.
std::string_view next_line(std::string_view packed, std::size_t& at) {
  std::size_t end = packed.find('\n', at);
  if (end == std::string_view::npos) malformed("a line without its end");
  std::string_view line = packed.substr(at, end - at);
  at = end + 1;
  return line;
}

AreaSpecies species_of(std::string_view line) {
  std::array<std::string_view, kFields> field;
  std::size_t start = 0;
  for (std::size_t f = 0; f + 1 < kFields; ++f) {
    std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) malformed("too few fields");
    field[f] = line.substr(start, tab - start);
    start = tab + 1;
  }
  field[kFields - 1] = line.substr(start);
  if (field[kFields - 1].find('\t') != std::string_view::npos) malformed("too many fields");
  AreaSpecies s;
  s.taxon_id = number_of<std::int64_t>(field[0]);
  s.records = number_of<std::int64_t>(field[1]);
  s.sensitivity = number_of<int>(field[2]);
  s.scientific_name = text_of(field[3]);
  s.name_zh = text_of(field[4]);
  s.name_en = text_of(field[5]);
  s.iucn_category = text_of(field[6]);
  s.establishment = text_of(field[7]);
  s.first_date = text_of(field[8]);
  s.last_date = text_of(field[9]);
  return s;
}

}  // namespace

// Through a permutation of positions: sorting the rows themselves moved rows of seven strings
// about 20,000 times for 2,000 species (decision 0013 §6).
void sort_by_scientific_name(std::vector<AreaSpecies>& species) {
  std::vector<std::size_t> order(species.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::sort(order, [&species](std::size_t a, std::size_t b) {
    return std::tie(species[a].scientific_name, species[a].taxon_id) <
           std::tie(species[b].scientific_name, species[b].taxon_id);
  });
  std::vector<AreaSpecies> sorted;
  sorted.reserve(species.size());
  for (std::size_t i : order) sorted.push_back(std::move(species[i]));
  species = std::move(sorted);
}

void AreaSpeciesPacker::add(const AreaSpeciesFields& s) {
  ++count_;
  for (std::int64_t number : {s.taxon_id, s.records, std::int64_t{s.sensitivity}}) {
    char digits[24];
    lines_.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
    lines_ += '\t';
  }
  for (std::string_view text :
       {s.scientific_name, s.name_zh, s.name_en, s.iucn_category, s.establishment, s.first_date}) {
    put_text(lines_, text);
    lines_ += '\t';
  }
  put_text(lines_, s.last_date);
  lines_ += '\n';
}

std::string AreaSpeciesPacker::finish() {
  std::string out = std::to_string(count_) + "\n" + lines_;
  lines_.clear();
  count_ = 0;
  return out;
}

std::string pack_area_species(std::span<const AreaSpecies> species) {
  AreaSpeciesPacker packer;
  for (const AreaSpecies& s : species)
    packer.add({s.taxon_id, s.records, s.sensitivity, s.scientific_name, s.name_zh, s.name_en,
                s.iucn_category, s.establishment, s.first_date, s.last_date});
  return packer.finish();
}

std::vector<AreaSpecies> unpack_area_species(std::string_view packed) {
  std::size_t at = 0;
  const auto count = number_of<std::size_t>(next_line(packed, at));
  if (count > packed.size()) malformed("more species than the text could hold");
  std::vector<AreaSpecies> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(species_of(next_line(packed, at)));
  if (at != packed.size()) malformed("text after the last species");
  return out;
}

}  // namespace bsap::store
