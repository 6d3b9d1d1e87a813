#include "sim/waste/recyclers.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/rng.hpp"

namespace munisim {
namespace {

constexpr std::uint32_t kRecyclerPurpose = stream_purpose("waste.recyclers.synthesis");

}  // namespace

Recyclers::Recyclers(const RecyclersConfig& config, const std::vector<double>& district_weights, std::uint64_t seed)
    : config_(config), districts_(district_weights.size()) {
  const auto count = static_cast<std::size_t>(config.count);
  table_.add(count);
  table_.add_column<std::uint32_t>("district");
  table_.add_column<std::uint8_t>("gender");
  table_.add_column<std::uint8_t>("formal");
  table_.add_column<double>("formal_rank");
  table_.add_column<double>("gathered_kg");
  table_.add_column<double>("income_soles");
  auto district = table_.column<std::uint32_t>("district");
  auto gender = table_.column<std::uint8_t>("gender");
  auto rank = table_.column<double>("formal_rank");

  // Largest remainder: recyclers go where the waste is.
  double total = 0;
  for (double weight : district_weights) total += weight;
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t next = 0;
  for (std::size_t d = 0; d < districts_ && total > 0; ++d) {
    const double exact = district_weights[d] / total * static_cast<double>(count);
    for (auto k = static_cast<std::size_t>(exact); k > 0; --k) district[next++] = static_cast<std::uint32_t>(d);
    remainders.emplace_back(exact - std::floor(exact), d);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
  for (std::size_t k = 0; next < count && !remainders.empty(); ++k) {
    district[next++] = static_cast<std::uint32_t>(remainders[k % remainders.size()].second);
  }

  for (std::size_t r = 0; r < count; ++r) {
    RandomStream stream(seed, r, 0, kRecyclerPurpose);
    gender[r] = stream.bernoulli(config.women_share) ? 0 : 1;
    rank[r] = stream.uniform();
  }
  formalise(config.formal_share);
}

void Recyclers::formalise(double share) {
  auto formal = table_.column<std::uint8_t>("formal");
  const auto rank = table_.column<double>("formal_rank");
  for (std::size_t r = 0; r < table_.size(); ++r) formal[r] = rank[r] < share ? 1 : 0;
}

std::vector<double> Recyclers::gather(const std::vector<double>& reachable_kg) {
  const auto district = table_.column<std::uint32_t>("district");
  const auto formal = table_.column<std::uint8_t>("formal");
  auto gathered = table_.column<double>("gathered_kg");
  auto income = table_.column<double>("income_soles");
  auto capacity = [&](std::size_t r) {
    return config_.capacity_kg_per_day * (formal[r] != 0 ? config_.formal_capacity_factor : 1.0);
  };
  std::vector<double> district_capacity(districts_, 0.0);
  for (std::size_t r = 0; r < table_.size(); ++r) district_capacity[district[r]] += capacity(r);

  std::vector<double> by_status(2 * districts_, 0.0);
  for (std::size_t r = 0; r < table_.size(); ++r) {
    const std::uint32_t d = district[r];
    // When there is less than they could carry, recyclers of a district share it by capacity.
    const double share = std::min(1.0, reachable_kg[d] / district_capacity[d]);
    gathered[r] = capacity(r) * share;
    income[r] = gathered[r] * config_.price_soles_per_kg * (formal[r] != 0 ? config_.formal_price_factor : 1.0);
    by_status[2 * d + formal[r]] += gathered[r];
  }
  return by_status;
}

}  // namespace munisim
