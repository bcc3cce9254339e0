#include "core/lang.h"

namespace bsap {

std::string_view lang_segment(Lang lang) {
  switch (lang) {
    case Lang::zh_hant: return "zh";
    case Lang::en: return "en";
    case Lang::zh_hans: return "zh-hans";
  }
  return "zh";
}

std::string_view lang_tag(Lang lang) {
  switch (lang) {
    case Lang::zh_hant: return "zh-Hant-HK";
    case Lang::en: return "en-HK";
    case Lang::zh_hans: return "zh-Hans";
  }
  return "zh-Hant-HK";
}

std::optional<Lang> parse_lang_segment(std::string_view segment) {
  if (segment == "zh") return Lang::zh_hant;
  if (segment == "en") return Lang::en;
  if (segment == "zh-hans") return Lang::zh_hans;
  return std::nullopt;
}

}  // namespace bsap
