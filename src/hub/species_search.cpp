#include "hub/species_search.h"

#include <algorithm>
#include <utility>

#include "biodata/text_trim.h"
#include "store/audit_repo.h"

namespace bsap::hub {
namespace {

// Only Chinese can differ between the scripts; an ASCII text (a scientific or English name)
// needs no conversion and no scan.
bool has_non_ascii(std::string_view text) {
  return std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

std::vector<std::int64_t> SimplifiedNameIndex::find(store::Transaction& tx,
                                                    const SimplifiedConverter& converter,
                                                    std::string_view text) {
  std::vector<std::int64_t> found;
  text = biodata::trim(text);
  if (text.empty() || !has_non_ascii(text)) return found;
  const std::string wanted = converter.convert(text);
  std::string version = store::audit_head_hash(tx);
  const std::lock_guard lock(mutex_);
  if (version != version_) {
    names_.clear();
    for (const store::TaxonChineseName& name : store::taxon_chinese_names(tx))
      names_.push_back({name.accepted_id, converter.convert(name.name_zh)});
    version_ = std::move(version);
  }
  for (const Name& name : names_)
    if (name.simplified.find(wanted) != std::string::npos) found.push_back(name.accepted_id);
  return found;
}

std::vector<store::TaxonHit> search_species(store::Transaction& tx, SimplifiedNameIndex& names,
                                            const SimplifiedConverter& converter,
                                            std::string_view text, int limit) {
  const std::vector<std::int64_t> by_simplified = names.find(tx, converter, text);
  return store::search_species(tx, text, by_simplified, limit);
}

}  // namespace bsap::hub
