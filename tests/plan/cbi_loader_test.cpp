// The City Biodiversity Index's data file (000_e0ccae9882b7fb64.txt 5.2 note 3: 28 indicators in
// three components, each 0–4 points) loads, and the loader refuses a broken copy of it with the
// file, the line and the key of the fault.
#include "plan/cbi_loader.h"
#include "support/real_plan_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "data_copy.h"

namespace bsap::plan {
namespace {

namespace fs = std::filesystem;

const char* const kFile = "cbi/singapore-index-2021.yaml";

const CbiHandbook& real_handbook() { return test_data::real_cbi_handbook(); }

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int line_of_text(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

TEST(CbiHandbookFile, Has28IndicatorsInThreeComponents_5_2Note3) {
  const CbiHandbook handbook = real_handbook();
  ASSERT_EQ(handbook.indicators.size(), 28u);
  EXPECT_EQ(handbook.edition, "2021");
  EXPECT_NE(handbook.citation.find("CBD Technical Series No. 98"), std::string::npos);
  std::array<int, 3> per_component{};
  for (std::size_t i = 0; i < handbook.indicators.size(); ++i) {
    const CbiIndicator& indicator = handbook.indicators[i];
    EXPECT_EQ(indicator.number, static_cast<int>(i) + 1);
    EXPECT_FALSE(indicator.name.zh.empty());
    EXPECT_FALSE(indicator.name.en.empty());
    EXPECT_FALSE(indicator.inputs.empty());
    ++per_component[static_cast<int>(indicator.component) - 1];
  }
  for (int count : per_component) EXPECT_GT(count, 0);
  EXPECT_EQ(per_component[0] + per_component[1] + per_component[2], 28);
}

TEST(CbiHandbookFile, EveryBandCarriesItsSource_NoBandInvented) {
  for (const CbiIndicator& indicator : real_handbook().indicators) {
    if (indicator.bands.empty())
      EXPECT_TRUE(indicator.bands_source.empty()) << indicator.number;
    else
      EXPECT_FALSE(indicator.bands_source.empty()) << indicator.number;
  }
}

TEST(CbiHandbookFile, ConnectivityIsTheEffectiveMeshSizeInHectares_Indicator2) {
  const CbiIndicator& connectivity = real_handbook().indicators.at(1);
  EXPECT_EQ(connectivity.component, CbiComponent::native_biodiversity);
  EXPECT_EQ(connectivity.unit, "ha");
  ASSERT_EQ(connectivity.inputs.size(), 1u);
  EXPECT_EQ(connectivity.inputs[0].key, "mesh_ha");
  EXPECT_NE(connectivity.calculation_text.en.find("total area of all natural areas"),
            std::string::npos);
}

TEST(CbiHandbookFile, MissingFileIsRefusedAsAWhole) {
  auto loaded = load_cbi_handbook("/nonexistent-bsap-data");
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded));
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.line, 0);
  EXPECT_NE(error.reason.find("cannot read"), std::string::npos);
}

struct BadEdit {
  const char* name;
  const char* before;  // occurs once in the real file
  const char* after;
  const char* key;
  const char* reason;             // a part of the expected reason
  const char* line_at = nullptr;  // the fault's line holds this text (default: where they differ)
};

std::ostream& operator<<(std::ostream& out, const BadEdit& edit) { return out << edit.name; }

class BadCbiFile : public ::testing::TestWithParam<BadEdit> {
 protected:
  void SetUp() override {
    fs::copy(fs::path(BSAP_HOME_DIR) / "data" / "cbi", copy_.data_dir() / "cbi",
             fs::copy_options::recursive);
  }
  test_data::DataCopy copy_;
};

TEST_P(BadCbiFile, IsRefusedNamingFileLineAndKey) {
  const BadEdit& edit = GetParam();
  int line = copy_.replace_once(kFile, edit.before, edit.after);
  if (edit.line_at) line = line_of_text(read_text(copy_.data_dir() / kFile), edit.line_at);
  auto loaded = load_cbi_handbook(copy_.data_dir());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded)) << "accepted";
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.file, (copy_.data_dir() / kFile).string());
  EXPECT_EQ(error.line, line);
  EXPECT_EQ(error.key, edit.key);
  EXPECT_NE(error.reason.find(edit.reason), std::string::npos) << error.reason;
  const std::string where =
      (copy_.data_dir() / kFile).string() + ":" + std::to_string(line) + ": " + edit.key + ": ";
  EXPECT_EQ(error.message().rfind(where, 0), 0u) << error.message();
}

// Indicator 1's only `bands: []`, found by the input above it.
#define INDICATOR_1_BANDS "en: \"area of the city\"}\n        unit: \"ha\"\n    bands: []\n"
#define INDICATOR_1_WITH(bands) \
  "en: \"area of the city\"}\n        unit: \"ha\"\n    bands:\n" bands

const BadEdit kBadEdits[] = {
    {"UnknownComponent", "  - number: 17\n    component: governance",
     "  - number: 17\n    component: governing", "component", "unknown component 'governing'"},
    {"ComponentsOutOfOrder", "  - number: 12\n    component: ecosystem_services",
     "  - number: 12\n    component: governance", "component",
     "indicator 13 of ecosystem_services after one of governance",
     "    component: ecosystem_services\n    name:\n      zh: \"氣候調節"},
    {"UnknownCalculation", "    calculation: percent\n    calculation_text:\n      zh: \"（自然",
     "    calculation: ratio\n    calculation_text:\n      zh: \"（自然", "calculation",
     "unknown calculation 'ratio'"},
    {"InputCountTheCalculationCannotUse",
     "    calculation: value\n    calculation_text:\n      zh: \"有效網格面積",
     "    calculation: percent\n    calculation_text:\n      zh: \"有效網格面積", "inputs",
     "calculation 'percent' takes exactly 2 inputs", "      - key: mesh_ha"},
    {"DuplicateIndicatorNumber", "  - number: 5\n", "  - number: 4\n", "number",
     "duplicate indicator 4"},
    {"IndicatorNumberSkips", "  - number: 28\n", "  - number: 29\n", "number",
     "indicator 29 is out of order (expected 28)"},
    {"DuplicateInputKey", "      - key: city_area_ha\n        label: {zh: \"城市面積\"",
     "      - key: natural_area_ha\n        label: {zh: \"城市面積\"", "key",
     "input 'natural_area_ha' is listed twice"},
    {"UnknownKey", "    definition_source: \"2014 User's Manual indicator 3 ",
     "    definition_sourc: \"2014 User's Manual indicator 3 ", "definition_sourc", "unknown key"},
    {"BandsWithoutSource", INDICATOR_1_BANDS,
     INDICATOR_1_WITH("      - {points: 0, max: 10, max_inclusive: false}\n"), "bands_source",
     "bands are entered only with their source", "      - {points: 0"},
    {"SourceWithoutBands", INDICATOR_1_BANDS,
     "en: \"area of the city\"}\n        unit: \"ha\"\n    bands: []\n    bands_source: p. 1\n",
     "bands_source", "a source for bands that are not set"},
    {"PointsAbove4", INDICATOR_1_BANDS, INDICATOR_1_WITH("      - {points: 5, min: 10}\n"),
     "points", "5 points: an indicator scores 0 to 4", "      - {points: 5"},
    {"OverlappingBands", INDICATOR_1_BANDS,
     INDICATOR_1_WITH("      - {points: 1, min: 10, max: 20}\n"
                      "      - {points: 2, min: 20, max: 30}\n"),
     "bands", "overlap", "      - {points: 2"},
    {"EmptyBand", INDICATOR_1_BANDS, INDICATOR_1_WITH("      - {points: 1, min: 20, max: 10}\n"),
     "bands", "the band holds no value", "      - {points: 1"},
    {"InclusiveFlagWithoutBound", INDICATOR_1_BANDS,
     INDICATOR_1_WITH("      - {points: 1, min_inclusive: false}\n"), "min_inclusive",
     "given without 'min'", "      - {points: 1"},
};

INSTANTIATE_TEST_SUITE_P(CbiLoader, BadCbiFile, ::testing::ValuesIn(kBadEdits),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(CbiLoader, FewerThan28IndicatorsIsRefused_5_2Note3) {
  test_data::DataCopy copy;
  fs::copy(fs::path(BSAP_HOME_DIR) / "data" / "cbi", copy.data_dir() / "cbi",
           fs::copy_options::recursive);
  const fs::path path = copy.data_dir() / kFile;
  std::string text = read_text(path);
  text.erase(text.find("  - number: 28\n"));
  std::ofstream(path, std::ios::binary) << text;
  auto loaded = load_cbi_handbook(copy.data_dir());
  ASSERT_TRUE(std::holds_alternative<PlanLoadError>(loaded));
  const PlanLoadError& error = std::get<PlanLoadError>(loaded);
  EXPECT_EQ(error.key, "indicators");
  EXPECT_NE(error.reason.find("27 indicators: the index has 28"), std::string::npos)
      << error.reason;
}

}  // namespace
}  // namespace bsap::plan
