// Recyclers as agents: each works one district, gathers recyclables from kerb waste up to a daily
// capacity before the trucks come, and sells them to the recycling centre. Formalised recyclers
// gather more (routes, tricycles, access) and are paid more.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/core/agent_table.hpp"
#include "sim/waste/waste_config.hpp"

namespace munisim {

class Recyclers {
 public:
  // Recyclers are spread over districts in proportion to `district_weights` (expected kerb waste).
  Recyclers(const RecyclersConfig& config, const std::vector<double>& district_weights, std::uint64_t seed);

  // Recyclers are formalised in a fixed random order, so a larger share only adds to those already formal.
  void formalise(double share);

  // Takes up to each district's reachable recyclables (kg); returns kg gathered per district and
  // status (index d * 2 + formal), and sets each recycler's `gathered_kg` and `income_soles` for the day.
  std::vector<double> gather(const std::vector<double>& reachable_kg);

  [[nodiscard]] const AgentTable& table() const noexcept { return table_; }

  // What it keeps between days, for checkpoints (sim/core/state_archive.hpp).
  template <class Archive>
  void persist(Archive& archive) {
    archive(table_);
  }

 private:
  const RecyclersConfig& config_;
  std::size_t districts_;
  AgentTable table_;  // columns: district, gender (0 female), formal, formal_rank, gathered_kg, income_soles
};

}  // namespace munisim
