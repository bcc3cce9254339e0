// The languages of every page: Traditional Chinese and English everywhere, Simplified Chinese
// on public pages (ARCHITECTURE.md principle 7). The URL keeps the choice: /zh/, /en/, /zh-hans/.
#pragma once
#include <optional>
#include <string_view>

namespace bsap {

enum class Lang { zh_hant, en, zh_hans };

// URL prefix segment without slashes: "zh", "en", "zh-hans".
std::string_view lang_segment(Lang lang);
// BCP 47 tag for <html lang>: "zh-Hant-HK", "en-HK", "zh-Hans".
std::string_view lang_tag(Lang lang);
std::optional<Lang> parse_lang_segment(std::string_view segment);

}  // namespace bsap
