#include "sim/waste/zones.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace munisim {
namespace {

TEST(CollectionWeekdays, SpreadEvenlyAndSundayIsLastToBeServed) {
  using Week = std::array<bool, 7>;
  EXPECT_EQ(collection_weekdays(7), (Week{1, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(collection_weekdays(6), (Week{1, 1, 1, 1, 1, 1, 0}));
  EXPECT_EQ(collection_weekdays(3), (Week{1, 0, 1, 0, 1, 0, 0}));
  EXPECT_EQ(collection_weekdays(1), (Week{1, 0, 0, 0, 0, 0, 0}));
  for (int n = 1; n <= 7; ++n) {
    const Week week = collection_weekdays(n);
    EXPECT_EQ(std::accumulate(week.begin(), week.end(), 0), n);
  }
}

}  // namespace
}  // namespace munisim
