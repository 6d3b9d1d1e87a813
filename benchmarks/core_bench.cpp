// Engine core throughput: random draws, a parallel per-agent update, shortest-path queries.
// Run: ninja -C build core_bench && build/bin/core_bench
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"
#include "sim/core/shortest_path.hpp"
#include "sim/core/vector_draws.hpp"

namespace munisim {
namespace {

void BM_StreamUniform(benchmark::State& state) {
  RandomStream stream(1, 2, 3, 4);
  for (auto _ : state) benchmark::DoNotOptimize(stream.uniform());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StreamUniform);

void BM_StreamNormal(benchmark::State& state) {
  RandomStream stream(1, 2, 3, 4);
  for (auto _ : state) benchmark::DoNotOptimize(stream.normal(0, 1));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StreamNormal);

void BM_StreamPoisson(benchmark::State& state) {
  RandomStream stream(1, 2, 3, 4);
  const double mean = static_cast<double>(state.range(0)) / 10;
  for (auto _ : state) benchmark::DoNotOptimize(stream.poisson(mean));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StreamPoisson)->Arg(25)->Arg(1000)->Arg(1000000);

// Binomial draws stay O(1) for large n p (BTRD) as Poisson ones do (PTRS).
void BM_StreamBinomial(benchmark::State& state) {
  RandomStream stream(1, 2, 3, 4);
  const auto n = static_cast<std::uint32_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(stream.binomial(n, 0.3));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StreamBinomial)->Arg(20)->Arg(100000);

// A fresh stream per entity, as agent loops use them.
void BM_NewStreamPerEntity(benchmark::State& state) {
  std::uint64_t entity = 0;
  for (auto _ : state) benchmark::DoNotOptimize(RandomStream(1, entity++, 3, 4).uniform());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NewStreamPerEntity);

void BM_FillUniformBlock(benchmark::State& state) {
  std::vector<double> block(kBlockSize);
  std::uint64_t first = 0;
  for (auto _ : state) {
    fill_uniform(1, first, 3, 4, block);
    first += kBlockSize;
    benchmark::DoNotOptimize(block.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kBlockSize));
}
BENCHMARK(BM_FillUniformBlock);

// A block's lognormal factors exp(0.3 z - 0.045): scalar, from block-filled normals.
void scalar_factors(std::size_t begin, std::uint32_t day, std::span<double> factors) {
  fill_normal(7, begin, day, 1, factors);
  for (double& factor : factors) factor = std::exp(0.3 * factor - 0.045);
}

// The same from the vector kernel the waste service uses.
void vector_factors(std::size_t begin, std::uint32_t day, std::span<double> factors) {
  fill_lognormal_block(7, begin, day, 1, -0.045, 0.3, factors);
}

// 10^6 agents: one lognormal factor each, then two column updates.
template <void (*Factors)(std::size_t, std::uint32_t, std::span<double>)>
void agent_update(benchmark::State& state) {
  constexpr std::size_t kAgents = 1'000'000;
  Parallelism parallel(static_cast<int>(state.range(0)));
  std::vector<double> stock(kAgents, 0.0), generated(kAgents, 0.0);
  std::uint32_t day = 0;
  for (auto _ : state) {
    for_each_block(parallel, kAgents, [&](std::size_t begin, std::size_t end, std::size_t) {
      double factors[kBlockSize];
      Factors(begin, day, std::span<double>(factors, end - begin));
      for (std::size_t i = begin; i < end; ++i) {
        const double kg = 0.75 * factors[i - begin];
        generated[i] = kg;
        stock[i] = 0.9 * stock[i] + kg;
      }
    });
    ++day;
    benchmark::DoNotOptimize(stock.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kAgents));
  state.counters["threads"] = static_cast<double>(state.range(0));
}
void BM_ParallelAgentUpdate(benchmark::State& state) { agent_update<scalar_factors>(state); }
void BM_ParallelAgentUpdateVector(benchmark::State& state) { agent_update<vector_factors>(state); }
BENCHMARK(BM_ParallelAgentUpdate)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParallelAgentUpdateVector)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

RoadNetwork grid(int side) {
  RoadNetworkBuilder builder;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) builder.add_node(100.0 * x, 100.0 * y);
  }
  RandomStream speeds(3, 0, 0, 0);
  auto id = [side](int x, int y) { return static_cast<NodeId>(y * side + x); };
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      if (x + 1 < side) builder.add_two_way(id(x, y), id(x + 1, y), 100, 20 + 40 * speeds.uniform(), 1);
      if (y + 1 < side) builder.add_two_way(id(x, y), id(x, y + 1), 100, 20 + 40 * speeds.uniform(), 1);
    }
  }
  return builder.build();
}

const RoadNetwork& ten_thousand_nodes() {
  static const RoadNetwork network = grid(100);
  return network;
}

template <class Query>
void shortest_paths(benchmark::State& state, Query query) {
  RandomStream pick(5, 0, 0, 0);
  for (auto _ : state) {
    const auto from = static_cast<NodeId>(pick.uniform() * 10000);
    const auto to = static_cast<NodeId>(pick.uniform() * 10000);
    benchmark::DoNotOptimize(query(from, to));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DijkstraPointToPoint(benchmark::State& state) {
  shortest_paths(state, [](NodeId from, NodeId to) {
    return dijkstra_path(ten_thousand_nodes(), from, to, PathWeight::free_time_min)->cost;
  });
}
BENCHMARK(BM_DijkstraPointToPoint);

void BM_AStarPointToPoint(benchmark::State& state) {
  shortest_paths(state, [](NodeId from, NodeId to) {
    return astar_path(ten_thousand_nodes(), from, to, PathWeight::free_time_min)->cost;
  });
}
BENCHMARK(BM_AStarPointToPoint);

// Snapping positions to the network, as address and facility placement does.
void BM_NearestNode(benchmark::State& state) {
  RandomStream pick(6, 0, 0, 0);
  for (auto _ : state)
    benchmark::DoNotOptimize(ten_thousand_nodes().nearest_node(pick.uniform() * 9900, pick.uniform() * 9900));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NearestNode);

// Collection routes ask many destinations from few origins: the cache's case.
void BM_CachedFewOrigins(benchmark::State& state) {
  PathCache cache(ten_thousand_nodes(), PathWeight::free_time_min, 64);
  shortest_paths(state, [&](NodeId from, NodeId to) { return cache.cost(from % 50, to); });
}
BENCHMARK(BM_CachedFewOrigins);

}  // namespace
}  // namespace munisim

BENCHMARK_MAIN();
