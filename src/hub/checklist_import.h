// `bsap biodata taxa import`: a Darwin Core taxon archive as the hub's checklist (issue 9 §3):
// its names, ranks and higher classification, synonyms linked to their accepted names, and
// Chinese and English vernacular names from a VernacularName extension; establishment and IUCN
// category from a Distribution extension where there is one. One transaction; a broken archive
// writes nothing.
#pragma once
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "biodata/archive_error.h"
#include "store/store.h"

namespace bsap::hub {

struct ChecklistSummary {
  std::string checklist;
  std::size_t names = 0;
  std::size_t synonyms = 0;
  std::size_t with_chinese_name = 0;
  std::size_t with_english_name = 0;
  std::vector<std::string> notes;  // rows without an id or a name, skipped
};

std::variant<ChecklistSummary, biodata::ArchiveError> import_checklist_archive(
    store::Store& store, const std::filesystem::path& archive, std::string checklist,
    const std::string& actor);

// "zh", "zh-HK", "chi", "Chinese" -> "zh"; "en", "eng", "English" -> "en"; else "".
std::string vernacular_language(std::string_view code);

}  // namespace bsap::hub
