// Rendering a page whose section includes a partial once per row, as the application form's
// budget part does with _part_field.mustache (41 fields): bsap's TemplateSet, which expands the
// partials into the page when it loads, beside the comparator, kainjow's own partials (the way
// TemplateSet rendered until 2026-11-23), which parse the partial's text again for every row.
// Same template files, same data, same run. Google Benchmark; `make bench` runs it.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "web/templates.h"

namespace {

constexpr int kFields = 41;  // the demo application's budget part

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::filesystem::path kTemplates = std::filesystem::path(BSAP_HOME_DIR) / "templates";
const std::string kPage = "<form>{{#fields}}{{>part_field}}{{/fields}}</form>";

// A folder with the page and the real partial, for TemplateSet::load.
std::filesystem::path template_folder() {
  static const std::filesystem::path folder = [] {
    const auto dir = std::filesystem::temp_directory_path() / "bsap-template-bench";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "fields.mustache") << kPage;
    std::filesystem::copy_file(kTemplates / "_part_field.mustache", dir / "_part_field.mustache",
                               std::filesystem::copy_options::overwrite_existing);
    return dir;
  }();
  return folder;
}

bsap::web::PageData page_data() {
  bsap::web::PageData fields{bsap::web::PageData::type::list};
  for (int i = 0; i < kFields; ++i) {
    bsap::web::PageData field;
    field.set("id", "line-" + std::to_string(i));
    field.set("name", "line_" + std::to_string(i));
    field.set("label", "Budget line " + std::to_string(i));
    field.set("value", std::to_string(1000 * i));
    field.set("is_text", true);
    fields.push_back(field);
  }
  bsap::web::PageData data;
  data.set("fields", fields);
  return data;
}

void ExpandedPartials(benchmark::State& state) {
  const auto set = bsap::web::TemplateSet::load(template_folder());
  const auto data = page_data();
  for (auto _ : state) benchmark::DoNotOptimize(set.render("fields", data));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(ExpandedPartials)->Unit(benchmark::kMicrosecond);

void KainjowPartials_Comparator(benchmark::State& state) {
  const std::string partial = read_file(kTemplates / "_part_field.mustache");
  bsap::web::PageData partials;
  partials.set("part_field", kainjow::mustache::partial{[partial] { return partial; }});
  const auto data = page_data();
  for (auto _ : state) {
    kainjow::mustache::mustache page{kPage};
    kainjow::mustache::context<std::string> context{&partials};
    context.push(&data);
    benchmark::DoNotOptimize(page.render(context));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(KainjowPartials_Comparator)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
