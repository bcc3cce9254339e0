// The plan's data files as their loaders read them: data/frameworks/ and data/bsap2035/
// (load_plan_data), data/bsap2035/indicators.yaml (load_indicators, against the plan) and
// data/cbi/singapore-index-2021.yaml (load_cbi_handbook). The first byte of the input picks one of
// the files; the rest replaces it in a scratch copy of the real data, so each file is fuzzed with
// the real others around it.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <variant>

#include "fuzz_support.h"
#include "plan/cbi_loader.h"
#include "plan/indicator_loader.h"
#include "plan/plan_loader.h"

namespace {

namespace fs = std::filesystem;
using namespace bsap::plan;

enum class Loader { plan, indicators, cbi };

struct DataFile {
  const char* path;
  Loader loader;
};

constexpr std::array<DataFile, 10> kFiles = {{
    {"frameworks/nbsap-cn-2023-2030.yaml", Loader::plan},
    {"frameworks/kmgbf.yaml", Loader::plan},
    {"frameworks/sdg.yaml", Loader::plan},
    {"bsap2035/plan.yaml", Loader::plan},
    {"bsap2035/actions-area-1.yaml", Loader::plan},
    {"bsap2035/actions-area-2.yaml", Loader::plan},
    {"bsap2035/actions-area-3.yaml", Loader::plan},
    {"bsap2035/actions-area-4.yaml", Loader::plan},
    {"bsap2035/indicators.yaml", Loader::indicators},
    {"cbi/singapore-index-2021.yaml", Loader::cbi},
}};

struct ScratchData {
  bsap::fuzz::ScratchFolder folder{"bsap-fuzz-plan"};
  std::array<std::string, kFiles.size()> originals;
  PlanData real_plan;
  ScratchData() {
    for (std::size_t i = 0; i < kFiles.size(); ++i) {
      originals[i] = bsap::fuzz::read_file(bsap::fuzz::source_dir() / "data" / kFiles[i].path);
      if (originals[i].empty()) std::abort();  // the real files are where they should be
      bsap::fuzz::write_file(data() / kFiles[i].path, originals[i]);
    }
    auto loaded = load_plan_data(data());
    if (!std::holds_alternative<PlanData>(loaded)) std::abort();
    real_plan = std::get<PlanData>(std::move(loaded));
  }
  fs::path data() const { return folder.path() / "data"; }
};

ScratchData& scratch() {
  static ScratchData data;
  return data;
}

// The indicators are checked against a plan: the fuzzed one when a plan file was replaced.
void load_indicators_against(const fs::path& data_dir, const PlanData& plan) {
  const auto indicators = load_indicators(data_dir, plan);
  if (const auto* error = std::get_if<PlanLoadError>(&indicators)) (void)error->message();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = bsap::fuzz::as_text(data, size);
  const std::size_t file = bsap::fuzz::take_byte(input) % kFiles.size();
  ScratchData& scratch_data = scratch();
  const fs::path path = scratch_data.data() / kFiles[file].path;
  bsap::fuzz::write_file(path, input);
  switch (kFiles[file].loader) {
    case Loader::plan: {
      const auto plan = load_plan_data(scratch_data.data());
      if (const auto* error = std::get_if<PlanLoadError>(&plan))
        (void)error->message();
      else
        load_indicators_against(scratch_data.data(), std::get<PlanData>(plan));
      break;
    }
    case Loader::indicators:
      load_indicators_against(scratch_data.data(), scratch_data.real_plan);
      break;
    case Loader::cbi: {
      const auto handbook = load_cbi_handbook(scratch_data.data());
      if (const auto* error = std::get_if<PlanLoadError>(&handbook)) (void)error->message();
      break;
    }
  }
  bsap::fuzz::write_file(path, scratch_data.originals[file]);
  return 0;
}
