// The simulation calendar: civil dates, day indices and the cycles systems run on.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace munisim {

enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

struct Date {
  int year = 2025;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Parses "YYYY-MM-DD" and rejects impossible dates (2025-02-29).
  [[nodiscard]] static std::optional<Date> parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;  // "YYYY-MM-DD"
  [[nodiscard]] long days_since_epoch() const;  // days since 1970-01-01
  [[nodiscard]] static Date from_days_since_epoch(long days);
  [[nodiscard]] Weekday weekday() const;
  friend bool operator==(const Date&, const Date&) = default;
};

// Maps the run's day index (0 = start date) to civil dates.
class Calendar {
 public:
  explicit Calendar(Date start);

  [[nodiscard]] Date start() const noexcept { return start_; }
  [[nodiscard]] Date date(int day_index) const;
  [[nodiscard]] Weekday weekday(int day_index) const;
  [[nodiscard]] bool is_first_of_month(int day_index) const;
  [[nodiscard]] bool is_first_of_year(int day_index) const;

 private:
  Date start_;
  long start_epoch_day_;
};

// When a system runs: every day, on one weekday, on a day of the month, or on a date each year.
struct Cycle {
  enum class Kind { daily, weekly, monthly, annual } kind = Kind::daily;
  Weekday weekday = Weekday::monday;  // weekly
  int day_of_month = 1;               // monthly and annual
  int month = 1;                      // annual

  [[nodiscard]] static Cycle daily() { return {}; }
  [[nodiscard]] static Cycle weekly(Weekday on) { return {Kind::weekly, on, 1, 1}; }
  [[nodiscard]] static Cycle monthly(int day) { return {Kind::monthly, Weekday::monday, day, 1}; }
  [[nodiscard]] static Cycle annual(int month, int day) { return {Kind::annual, Weekday::monday, day, month}; }

  // Monthly cycles on day 29-31 fall on the month's last day in shorter months.
  [[nodiscard]] bool due(Date today) const;
  [[nodiscard]] bool due(const Calendar& calendar, int day_index) const {
    return kind == Kind::daily || due(calendar.date(day_index));
  }
};

}  // namespace munisim
