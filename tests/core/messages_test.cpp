#include "core/messages.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace bsap {
namespace {

const SimplifiedConverter& converter() {
  static const SimplifiedConverter instance;
  return instance;
}

std::string refusal(std::string_view yaml) {
  try {
    MessageCatalogue::from_yaml(yaml, converter());
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  ADD_FAILURE() << "accepted: " << yaml;
  return "";
}

TEST(SimplifiedConverter, HongKongStaysHongKong) { EXPECT_EQ(converter().convert("香港"), "香港"); }

TEST(SimplifiedConverter, SchemeNameBecomesSimplified) {
  EXPECT_EQ(converter().convert("鄉郊保育資助計劃"), "乡郊保育资助计划");
}

TEST(SimplifiedConverter, EmptyTextStaysEmpty) { EXPECT_EQ(converter().convert(""), ""); }

TEST(MessageCatalogue, GivesEachLanguage) {
  const auto catalogue = MessageCatalogue::from_yaml(
      "scheme.name: {zh: 鄉郊保育資助計劃, en: Countryside Conservation Funding Scheme}\n",
      converter());
  EXPECT_EQ(catalogue.get("scheme.name", Lang::zh_hant), "鄉郊保育資助計劃");
  EXPECT_EQ(catalogue.get("scheme.name", Lang::en), "Countryside Conservation Funding Scheme");
  EXPECT_EQ(catalogue.get("scheme.name", Lang::zh_hans), "乡郊保育资助计划");
}

TEST(MessageCatalogue, HandSimplifiedOverridesTheDerivedOne) {
  const auto catalogue = MessageCatalogue::from_yaml(
      "site.title: {zh: 鄉郊保育資助計劃, en: CCFS, zh-hans: 乡郊保育资助计划（简体）}\n",
      converter());
  EXPECT_EQ(catalogue.get("site.title", Lang::zh_hans), "乡郊保育资助计划（简体）");
}

TEST(MessageCatalogue, BlockStyleEntriesParseToo) {
  const auto catalogue =
      MessageCatalogue::from_yaml("a.key:\n  zh: 香港\n  en: Hong Kong\n", converter());
  EXPECT_TRUE(catalogue.has("a.key"));
  EXPECT_EQ(catalogue.entries().size(), 1u);
}

TEST(MessageCatalogue, MissingEnglishIsRefusedNamingTheKey) {
  const std::string message = refusal("ok: {zh: 好, en: Good}\nmoney.total: {zh: 總額}\n");
  EXPECT_NE(message.find("money.total"), std::string::npos) << message;
  EXPECT_NE(message.find("'en'"), std::string::npos) << message;
}

TEST(MessageCatalogue, MissingTraditionalChineseIsRefusedNamingTheKey) {
  const std::string message = refusal("money.total: {en: Total}\n");
  EXPECT_NE(message.find("money.total"), std::string::npos) << message;
  EXPECT_NE(message.find("'zh'"), std::string::npos) << message;
}

TEST(MessageCatalogue, MisspelledFieldIsRefused) {
  const std::string message = refusal("k: {zh: 好, en: Good, zh_hans: 好}\n");
  EXPECT_NE(message.find("zh_hans"), std::string::npos) << message;
}

TEST(MessageCatalogue, EntryThatIsNotAMappingIsRefused) {
  EXPECT_NE(refusal("k: just text\n").find("'k'"), std::string::npos);
}

TEST(MessageCatalogue, KeyDefinedTwiceIsRefused) {
  EXPECT_NE(refusal("k: {zh: 甲, en: A}\nk: {zh: 乙, en: B}\n").find("twice"), std::string::npos);
}

TEST(MessageCatalogue, BrokenYamlIsRefused) { EXPECT_FALSE(refusal("k: {zh: 甲").empty()); }

TEST(MessageCatalogue, UnknownKeyShowsInBrackets) {
  const auto catalogue = MessageCatalogue::from_yaml("", converter());
  EXPECT_FALSE(catalogue.has("no.such.key"));
  EXPECT_EQ(catalogue.get("no.such.key", Lang::en), "[no.such.key]");
}

}  // namespace
}  // namespace bsap
