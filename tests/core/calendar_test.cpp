#include "sim/core/calendar.hpp"

#include <gtest/gtest.h>

namespace munisim {
namespace {

TEST(Date, ParsesAndRejects) {
  EXPECT_EQ(Date::parse("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(Date::parse("2025-02-29"));
  EXPECT_FALSE(Date::parse("2025-13-01"));
  EXPECT_FALSE(Date::parse("2025-1-01"));
  EXPECT_FALSE(Date::parse("soon"));
  EXPECT_EQ((Date{2025, 3, 7}).to_string(), "2025-03-07");
}

TEST(Date, EpochDaysRoundTripAndKnownWeekdays) {
  EXPECT_EQ((Date{1970, 1, 1}).days_since_epoch(), 0);
  EXPECT_EQ((Date{2000, 3, 1}).days_since_epoch(), 11017);
  for (long day = -1000; day < 30000; day += 37) {
    EXPECT_EQ(Date::from_days_since_epoch(day).days_since_epoch(), day);
  }
  EXPECT_EQ((Date{2025, 1, 1}).weekday(), Weekday::wednesday);
  EXPECT_EQ((Date{2026, 11, 25}).weekday(), Weekday::wednesday);
  EXPECT_EQ((Date{2024, 2, 29}).weekday(), Weekday::thursday);
}

TEST(Calendar, DayIndexToDate) {
  const Calendar calendar(Date{2024, 12, 30});
  EXPECT_EQ(calendar.date(0), (Date{2024, 12, 30}));
  EXPECT_EQ(calendar.date(2), (Date{2025, 1, 1}));
  EXPECT_TRUE(calendar.is_first_of_year(2));
  EXPECT_TRUE(calendar.is_first_of_month(2));
  EXPECT_EQ(calendar.date(2 + 59), (Date{2025, 3, 1}));  // 2025 is not a leap year
  EXPECT_EQ(calendar.weekday(0), Weekday::monday);
}

TEST(Cycle, WeeklyMonthlyAnnual) {
  const Calendar calendar(Date{2024, 1, 1});
  int mondays = 0, month_ends = 0, annual = 0, daily = 0;
  for (int day = 0; day < 366; ++day) {  // 2024 is a leap year
    daily += Cycle::daily().due(calendar, day);
    mondays += Cycle::weekly(Weekday::monday).due(calendar, day);
    month_ends += Cycle::monthly(31).due(calendar, day);
    annual += Cycle::annual(2, 29).due(calendar, day);
  }
  EXPECT_EQ(daily, 366);
  EXPECT_EQ(mondays, 53);
  EXPECT_EQ(month_ends, 12);  // day 31 falls on the last day of shorter months
  EXPECT_EQ(annual, 1);
  EXPECT_TRUE(Cycle::monthly(31).due(calendar, 59));  // 2024-02-29
}

}  // namespace
}  // namespace munisim
