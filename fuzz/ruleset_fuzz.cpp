// The CCFS rules data files (data/ccfs/ruleset-1.8/ and data/sites/sites.yaml) as load_ruleset
// reads them. The first byte of the input picks one of the files; the rest replaces it in a
// scratch copy of the real ruleset, so each file is fuzzed with the real others around it. A
// ruleset that loads then judges a real application, as the checker would with it in force.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <variant>

#include "ccfs/application_json.h"
#include "ccfs/checker.h"
#include "fuzz_support.h"
#include "rules/ruleset_loader.h"

namespace {

namespace fs = std::filesystem;

// As ruleset.yaml lists them, sites.yaml at its place relative to the ruleset's folder.
constexpr std::array<const char*, 8> kFiles = {
    "ccfs/ruleset-1.8/ruleset.yaml",        "ccfs/ruleset-1.8/project_types.yaml",
    "ccfs/ruleset-1.8/limits.yaml",         "ccfs/ruleset-1.8/applicants.yaml",
    "ccfs/ruleset-1.8/budget.yaml",         "ccfs/ruleset-1.8/assessment.yaml",
    "ccfs/ruleset-1.8/implementation.yaml", "sites/sites.yaml"};

struct ScratchData {
  bsap::fuzz::ScratchFolder folder{"bsap-fuzz-rules"};
  std::array<std::string, kFiles.size()> originals;
  ScratchData() {
    for (std::size_t i = 0; i < kFiles.size(); ++i) {
      originals[i] = bsap::fuzz::read_file(bsap::fuzz::source_dir() / "data" / kFiles[i]);
      if (originals[i].empty()) std::abort();  // the real files are where they should be
      bsap::fuzz::write_file(data() / kFiles[i], originals[i]);
    }
  }
  fs::path data() const { return folder.path() / "data"; }
};

ScratchData& scratch() {
  static ScratchData data;
  return data;
}

const bsap::ccfs::ApplicationDocument& application() {
  static const bsap::ccfs::ApplicationDocument document = [] {
    auto parsed = bsap::ccfs::parse_application_json(
        bsap::fuzz::read_file(bsap::fuzz::source_dir() /
                              "tests/fixtures/applications/01-ma-sha-lo-tung-marsh-good.json"));
    if (!std::holds_alternative<bsap::ccfs::ApplicationDocument>(parsed)) std::abort();
    return std::get<bsap::ccfs::ApplicationDocument>(std::move(parsed));
  }();
  return document;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = bsap::fuzz::as_text(data, size);
  const std::size_t file = bsap::fuzz::take_byte(input) % kFiles.size();
  ScratchData& scratch_data = scratch();
  const fs::path path = scratch_data.data() / kFiles[file];
  bsap::fuzz::write_file(path, input);
  const auto loaded = bsap::rules::load_ruleset(scratch_data.data() / "ccfs" / "ruleset-1.8");
  if (const auto* error = std::get_if<bsap::rules::RulesLoadError>(&loaded)) {
    (void)error->message();
  } else {
    const auto& ruleset = *std::get<std::shared_ptr<const bsap::rules::Ruleset>>(loaded);
    const bsap::ccfs::ApplicationDocument& document = application();
    (void)bsap::ccfs::check_application(document.application, ruleset,
                                        {*document.checked_on, document.prior_grants, false});
  }
  bsap::fuzz::write_file(path, scratch_data.originals[file]);
  return 0;
}
