// The 1 km square of a point, as the hub's import finds it for each of its records: by the
// polynomial fitted to PROJ (geo/grid_square_locator.h) beside the comparator, PROJ's own
// transformation to Hong Kong 1980 Grid (geo/hk_grid_projection.h), on the same 100,000 random
// points over Hong Kong in the same run. Google Benchmark: BM_Locator and BM_Proj, time per
// 100,000 points.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "geo/grid_square_locator.h"

namespace {

using namespace bsap;
using namespace bsap::geo;

std::vector<LonLat> points() {
  std::mt19937_64 random(2035);
  std::uniform_real_distribution<double> lon(113.85, 114.4), lat(22.2, 22.55);
  std::vector<LonLat> out(100'000);
  for (LonLat& point : out) point = {lon(random), lat(random)};
  return out;
}

HkGridProjection projection() {
  return std::move(std::get<HkGridProjection>(HkGridProjection::create()));
}

void BM_Locator(benchmark::State& state) {
  const std::vector<LonLat> all = points();
  HkGridProjection proj = projection();
  GridSquareLocator locator(proj);
  for (auto _ : state)
    for (const LonLat& point : all) benchmark::DoNotOptimize(locator.square_of(point));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}

void BM_Proj(benchmark::State& state) {
  const std::vector<LonLat> all = points();
  HkGridProjection proj = projection();
  for (auto _ : state)
    for (const LonLat& point : all) {
      auto grid = proj.to_grid(point);
      benchmark::DoNotOptimize(grid ? grid_square_of(*grid) : std::nullopt);
    }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}

BENCHMARK(BM_Locator)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Proj)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
