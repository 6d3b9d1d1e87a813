// A world of several cities (docs/world.md): every municipality is its own simulation on the
// world's calendar; the world steps them day by day in lockstep, in parallel over cities (each city
// runs on one thread, so its series do not depend on the thread count), and between two days
// gathers each city's report in municipality order, lets the national agent answer, and hands each
// city its letter for the next day. Under MPI each rank builds and runs its share of the cities
// (balanced by citizen agents); the reports of a day are shared by all ranks, every rank runs the
// same national agent on them, and rank 0 gathers the series for the one output.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "sim/core/metrics.hpp"
#include "sim/core/parallel.hpp"
#include "sim/experiment/cluster.hpp"
#include "sim/io/world_output.hpp"
#include "sim/model/simulation.hpp"
#include "sim/nation/exchange.hpp"
#include "sim/world/municipalities.hpp"

namespace munisim {

class WorldPorts;

class World {
 public:
  // Builds this rank's cities (all of them without `cluster`, or with a cluster of one process).
  // `agent` may be null: no letters are sent. `nation_series` is the registry the agent writes
  // (it may have no series).
  World(WorldScenario scenario, std::vector<WorldMunicipality> municipalities, int threads, Cluster* cluster,
        std::unique_ptr<nation::NationalAgent> agent = nullptr,
        std::unique_ptr<MetricsRegistry> nation_series = nullptr);
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Advances up to `days` days. Throws Interrupted when *stop is true between two days (on every
  // rank alike under MPI, as rank 0 decides).
  void step(int days, const std::atomic<bool>* stop = nullptr, const ProgressFn& progress = {});
  void run(const std::atomic<bool>* stop = nullptr, const ProgressFn& progress = {});

  [[nodiscard]] int days_planned() const noexcept { return static_cast<int>(scenario_.config.days); }
  [[nodiscard]] int days_run() const noexcept { return days_run_; }
  [[nodiscard]] bool finished() const noexcept { return days_run_ == days_planned(); }
  [[nodiscard]] int threads() const noexcept { return parallel_.threads(); }
  [[nodiscard]] const WorldScenario& scenario() const noexcept { return scenario_; }
  [[nodiscard]] const std::vector<nation::MunicipalityProfile>& profiles() const noexcept { return profiles_; }
  [[nodiscard]] const std::vector<std::string>& labels() const noexcept { return labels_; }
  // The rank that runs each municipality.
  [[nodiscard]] const std::vector<int>& owners() const noexcept { return owners_; }
  // This rank's city of municipality `index`, else nullptr.
  [[nodiscard]] const Simulation* city(std::size_t index) const;
  // Every municipality's report of the last day run, in municipality order (on every rank).
  [[nodiscard]] const std::vector<nation::MunicipalityReport>& reports() const noexcept { return reports_; }
  [[nodiscard]] std::size_t citizen_agents() const;  // over every rank's cities
  [[nodiscard]] Parallelism& parallelism() noexcept { return parallel_; }
  // The national agent's series (null without a nation).
  [[nodiscard]] const MetricsRegistry* nation_series() const noexcept { return nation_series_.get(); }

  // The output of the days run so far, complete on rank 0 (other ranks send theirs and get an
  // empty content). Every rank must call it.
  [[nodiscard]] WorldContent output() const;

 private:
  friend std::unique_ptr<World> make_world(WorldScenario, std::vector<WorldMunicipality>, int, Cluster*);

  std::chrono::system_clock::time_point wall_start_;
  WorldScenario scenario_;
  Calendar calendar_;
  Cluster* cluster_;
  std::vector<nation::MunicipalityProfile> profiles_;
  std::vector<std::string> labels_;
  std::vector<std::string> entries_;
  std::vector<std::int64_t> seeds_;
  std::vector<int> owners_;
  std::vector<std::size_t> local_;  // this rank's municipalities, ascending
  mutable Parallelism parallel_;  // the run's threads, which output() uses too: not part of the state
  std::vector<std::unique_ptr<WorldPorts>> ports_;        // per local city
  std::vector<std::unique_ptr<Simulation>> cities_;       // per local city
  std::unique_ptr<nation::NationalAgent> agent_;
  std::unique_ptr<MetricsRegistry> nation_series_;
  std::vector<nation::MunicipalityReport> reports_;
  std::vector<nation::Letter> letters_;
  std::size_t local_agents_ = 0;
  int days_run_ = 0;
};

// A world with the nation its scenario describes (`nation:`), seeded from the world seed.
[[nodiscard]] std::unique_ptr<World> make_world(WorldScenario scenario, std::vector<WorldMunicipality> municipalities,
                                                int threads, Cluster* cluster);

// Ranks for municipalities of `agents` citizen agents: the largest first to the least loaded rank
// (the lowest on ties), so every rank computes the same partition.
[[nodiscard]] std::vector<int> partition_by_agents(const std::vector<double>& agents, int ranks);

}  // namespace munisim
