#include "sim/core/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace munisim {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool parse_int(std::string_view text, int& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size();
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date date;
  if (!parse_int(text.substr(0, 4), date.year) || !parse_int(text.substr(5, 2), date.month) ||
      !parse_int(text.substr(8, 2), date.day)) {
    return std::nullopt;
  }
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > days_in_month(date.year, date.month)) {
    return std::nullopt;
  }
  return date;
}

std::string Date::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
long Date::days_since_epoch() const {
  const int y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long day_of_year = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date Date::from_days_since_epoch(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long month_index = (5 * day_of_year + 2) / 153;
  Date date;
  date.day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  date.month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday.
  const long days = days_since_epoch();
  const long from_monday = ((days % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(from_monday);
}

Calendar::Calendar(Date start) : start_(start), start_epoch_day_(start.days_since_epoch()) {}

Date Calendar::date(int day_index) const { return Date::from_days_since_epoch(start_epoch_day_ + day_index); }

Weekday Calendar::weekday(int day_index) const { return date(day_index).weekday(); }

bool Calendar::is_first_of_month(int day_index) const { return date(day_index).day == 1; }

bool Calendar::is_first_of_year(int day_index) const {
  const Date today = date(day_index);
  return today.month == 1 && today.day == 1;
}

bool Cycle::due(Date today) const {
  switch (kind) {
    case Kind::daily:
      return true;
    case Kind::weekly:
      return today.weekday() == weekday;
    case Kind::monthly:
      return today.day == std::min(day_of_month, days_in_month(today.year, today.month));
    case Kind::annual:
      return today.month == month && today.day == std::min(day_of_month, days_in_month(today.year, today.month));
  }
  return false;
}

}  // namespace munisim
