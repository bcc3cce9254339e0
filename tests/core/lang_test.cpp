#include "core/lang.h"

#include <gtest/gtest.h>

namespace bsap {
namespace {

TEST(Lang, UrlSegments) {
  EXPECT_EQ(lang_segment(Lang::zh_hant), "zh");
  EXPECT_EQ(lang_segment(Lang::en), "en");
  EXPECT_EQ(lang_segment(Lang::zh_hans), "zh-hans");
}

TEST(Lang, HtmlLangTags) {
  EXPECT_EQ(lang_tag(Lang::zh_hant), "zh-Hant-HK");
  EXPECT_EQ(lang_tag(Lang::en), "en-HK");
  EXPECT_EQ(lang_tag(Lang::zh_hans), "zh-Hans");
}

TEST(Lang, EverySegmentParsesBack) {
  for (Lang lang : {Lang::zh_hant, Lang::en, Lang::zh_hans})
    EXPECT_EQ(parse_lang_segment(lang_segment(lang)), lang);
}

TEST(Lang, UnknownSegmentIsRefused) {
  EXPECT_FALSE(parse_lang_segment(""));
  EXPECT_FALSE(parse_lang_segment("zh-hant"));
  EXPECT_FALSE(parse_lang_segment("EN"));
  EXPECT_FALSE(parse_lang_segment("zh-Hans"));
}

}  // namespace
}  // namespace bsap
