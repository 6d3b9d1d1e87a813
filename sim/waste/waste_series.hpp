// The waste service's series: registered once, then each system records the ones it computes.
#pragma once

#include <vector>

#include "sim/city/city.hpp"
#include "sim/core/metrics.hpp"

namespace munisim::waste {

struct SeriesIds {
  SeriesId generated, by_fraction, set_out, collected, dumped, street_stock, household_stock, disposed, missed,
      coverage, truck_km, truck_hours, truck_trips, trucks_available, diesel, cng, electricity, cost, emissions,
      methane_decay, recovered, recycler_income, recyclers, separating, separating_city, separated, recovered_formal,
      avoided, route_plan, composted, transfer_km, over_capacity;
};

class WasteSeries {
 public:
  WasteSeries(MetricsRegistry& metrics, const City& city);

  [[nodiscard]] const SeriesIds& ids() const noexcept { return ids_; }
  // The whole day of series `id`, each value times `scale`.
  void record(SeriesId id, int day, const std::vector<double>& values, double scale = 1.0) {
    metrics_.series(id).set_day(day, values, scale);
  }
  void record_scalar(SeriesId id, int day, double value) { metrics_.series(id).day(day)[0] = value; }
  void record_cell(SeriesId id, int day, std::size_t cell, double value) { metrics_.series(id).day(day)[cell] = value; }
  // The sum of a day's cells as recorded so far.
  [[nodiscard]] double day_sum(SeriesId id, int day) const {
    double sum = 0;
    for (double value : metrics_.series(id).day(day)) sum += value;
    return sum;
  }

 private:
  MetricsRegistry& metrics_;
  SeriesIds ids_{};
};

}  // namespace munisim::waste
