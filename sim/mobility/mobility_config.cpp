#include "sim/mobility/mobility_config.hpp"

#include <string>

#include "sim/city/transit_config.hpp"
#include "sim/core/list_checks.hpp"

namespace munisim {
namespace {

constexpr const char* kWeek = "Monday..Sunday";
constexpr const char* kGender = "female, male";
constexpr const char* kIncome = "low, middle, high";

}  // namespace

void ActivitiesConfig::check(schema::Checks& checks) const {
  schema::check_count(checks, "work_by_weekday", work_by_weekday, 7, kWeek);
  schema::check_count(checks, "study_by_weekday", study_by_weekday, 7, kWeek);
  schema::check_count(checks, "care_by_gender", care_by_gender, 2, kGender);
  schema::check_count(checks, "shopping_by_gender", shopping_by_gender, 2, kGender);
  schema::check_count(checks, "other_by_gender", other_by_gender, 2, kGender);
  schema::check_count(checks, "distance_decay_per_km", distance_decay_per_km, kPurposes,
                      "work, study, care, shopping, other");
}

void ModeChoiceConfig::check(schema::Checks& checks) const {
  schema::check_count(checks, "constants", constants, kModes, "walk, bicycle, bus_combi, taxi_mototaxi, car");
  schema::check_count(checks, "cost_factor_by_income", cost_factor_by_income, 3, kIncome);
  schema::check_count(checks, "car_ownership_by_income", car_ownership_by_income, 3, kIncome);
  for (const auto& [key, values] : {std::pair{"transit_safety_by_gender", &transit_safety_by_gender},
                                    std::pair{"night_safety_by_gender", &night_safety_by_gender},
                                    std::pair{"crowded_safety_by_gender", &crowded_safety_by_gender},
                                    std::pair{"long_walk_safety_by_gender", &long_walk_safety_by_gender},
                                    std::pair{"bicycle_safety_by_gender", &bicycle_safety_by_gender}}) {
    schema::check_count(checks, key, *values, 2, kGender);
  }
}

void LineConfig::check(schema::Checks& checks) const {
  if (districts.size() < 2) checks.fail("districts", "has fewer than 2 districts; expected the line's route");
  schema::check_count(checks, "headway_min", headway_min, kTransitPeriods, "night, am_peak, midday, pm_peak, evening");
}

void FleetAllocationConfig::check(schema::Checks& checks) const {
  if (mode == "by_demand" && vehicles <= 0) {
    checks.fail("vehicles", "is 0; by_demand needs the fleet to spread, in vehicles (e.g. the registered fleet)");
  }
}

void TransitServiceConfig::check(schema::Checks& checks) const {
  if (queue_patience_min > 0 && !queue_carryover) {
    checks.fail("queue_patience_min", "is set but queue_carryover is false; riders give up only on a queue carried "
                                      "over (set queue_carryover: true, or leave the patience at 0)");
  }
  if (smoothing_schedule == "msa" && smoothing >= 1) {
    checks.fail("smoothing", "is 1, the floor of the msa steps 1/n, so every step would be 1; expected the floor "
                             "below 1 (e.g. 0.1) with smoothing_schedule: msa");
  }
}

void MobilityMeasureConfig::check(schema::Checks& checks) const {
  if (kind == "trunk_line" && districts.size() < 2) {
    checks.fail("districts", "a trunk_line needs at least 2 districts, in the order it runs through them");
  }
  if ((kind == "trunk_line" || kind == "headway" || kind == "fare") && value <= 0) {
    checks.fail("value", kind == "trunk_line" ? "is 0; expected the trunk line's headway in minutes"
                                              : "is 0; expected a factor above 0");
  }
}

}  // namespace munisim
