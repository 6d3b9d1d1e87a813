#include "sim/waste/recyclers.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

RecyclersConfig hundred() {
  RecyclersConfig config;
  config.count = 100;
  config.women_share = 0.75;
  config.formal_share = 0.2;
  config.capacity_kg_per_day = 30;
  config.formal_capacity_factor = 2;
  config.price_soles_per_kg = 0.5;
  config.formal_price_factor = 1.5;
  return config;
}

std::size_t count_if(const AgentTable& table, const char* column, std::uint8_t value) {
  const auto values = table.column<std::uint8_t>(column);
  return static_cast<std::size_t>(std::count(values.begin(), values.end(), value));
}

TEST(Recyclers, GoWhereTheWasteIsAndFormaliseInAFixedOrder) {
  const RecyclersConfig config = hundred();
  Recyclers recyclers(config, {30, 60, 10}, 7);
  const auto district = recyclers.table().column<std::uint32_t>("district");
  EXPECT_EQ(std::count(district.begin(), district.end(), 0u), 30);
  EXPECT_EQ(std::count(district.begin(), district.end(), 1u), 60);
  EXPECT_EQ(std::count(district.begin(), district.end(), 2u), 10);
  EXPECT_NEAR(static_cast<double>(count_if(recyclers.table(), "gender", 0)), 75, 15);
  const std::size_t formal_before = count_if(recyclers.table(), "formal", 1);
  const std::vector<std::uint8_t> before(recyclers.table().column<std::uint8_t>("formal").begin(),
                                         recyclers.table().column<std::uint8_t>("formal").end());
  recyclers.formalise(0.5);
  const auto after = recyclers.table().column<std::uint8_t>("formal");
  EXPECT_GT(count_if(recyclers.table(), "formal", 1), formal_before);
  for (std::size_t r = 0; r < before.size(); ++r) EXPECT_GE(after[r], before[r]) << "formal recyclers stay formal";
}

TEST(Recyclers, GatherUpToCapacityAndShareScarceWasteByCapacity) {
  const RecyclersConfig config = hundred();
  Recyclers recyclers(config, {1, 0, 0}, 3);  // all hundred in district 0
  const std::size_t formal = count_if(recyclers.table(), "formal", 1);
  const double capacity = 30.0 * static_cast<double>(100 - formal) + 60.0 * static_cast<double>(formal);
  // Plenty: everyone fills up.
  std::vector<double> gathered = recyclers.gather({1e9, 0, 0});
  EXPECT_DOUBLE_EQ(gathered[0] + gathered[1], capacity);
  EXPECT_DOUBLE_EQ(gathered[1], 60.0 * static_cast<double>(formal));
  // Scarce: all of it is taken, shared in proportion to capacity.
  gathered = recyclers.gather({capacity / 4, 0, 0});
  EXPECT_NEAR(gathered[0] + gathered[1], capacity / 4, 1e-9);
  const auto kg = recyclers.table().column<double>("gathered_kg");
  const auto income = recyclers.table().column<double>("income_soles");
  const auto is_formal = recyclers.table().column<std::uint8_t>("formal");
  for (std::size_t r = 0; r < kg.size(); ++r) {
    EXPECT_DOUBLE_EQ(kg[r], (is_formal[r] != 0 ? 60.0 : 30.0) / 4);
    EXPECT_DOUBLE_EQ(income[r], kg[r] * 0.5 * (is_formal[r] != 0 ? 1.5 : 1.0));
  }
}

}  // namespace
}  // namespace munisim
