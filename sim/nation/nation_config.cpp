#include "sim/nation/nation_config.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace munisim::nation {

namespace {

std::string weight_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// Fails `key` when `names` repeats one; returns whether every name is distinct.
bool check_distinct(schema::Checks& checks, std::string_view key, const std::vector<std::string>& names) {
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (seen.insert(name).second) continue;
    checks.fail(key, "names '" + name + "' twice");
    return false;
  }
  return true;
}

}  // namespace

// A municipality of one type may not be promised more than its yearly maximum.
void PerformanceIncentivesConfig::check(schema::Checks& checks) const {
  std::vector<std::string> names;
  std::map<std::string, double> weight_by_type;
  for (const IncentiveGoalConfig& goal : goals) {
    if (goal.name.empty()) checks.fail("goals", "a goal has no name; expected its name in the series");
    names.push_back(goal.name);
    for (const std::string& type : goal.types) weight_by_type[type] += goal.weight;
  }
  check_distinct(checks, "goals", names);
  for (const auto& [type, weight] : weight_by_type) {
    if (weight > 1 + 1e-9) {
      checks.fail("goals", "weights of the goals of type " + type + " sum to " + weight_text(weight) +
                               "; expected at most 1 (the municipality's yearly maximum)");
    }
  }
}

void CompetitiveFundConfig::check(schema::Checks& checks) const {
  for (const std::string& text : call_dates) {
    if (!Date::parse(text)) checks.fail("call_dates", "'" + text + "' is not a date; expected YYYY-MM-DD");
  }
  const double weights =
      weight_quality + weight_cofinancing + weight_association + weight_border + weight_priority + weight_execution;
  if (std::abs(weights - 1) > 1e-6) {
    checks.fail("weight_quality", "the six weights sum to " + weight_text(weights) + "; expected 1");
  }
  std::vector<std::string> ubigeos;
  for (const CompetitiveApplicantConfig& applicant : applicants) {
    if (applicant.ubigeo.empty()) checks.fail("applicants", "an applicant has no ubigeo; expected the municipality");
    ubigeos.push_back(applicant.ubigeo);
  }
  check_distinct(checks, "applicants", ubigeos);
}

void CanonConfig::check(schema::Checks& checks) const {
  if (district_share + province_share + department_share > 1 + 1e-9) {
    checks.fail("department_share", "district, province and department shares sum to " +
                                        weight_text(district_share + province_share + department_share) +
                                        "; expected at most 1");
  }
  for (const auto* list : {&received, &produced}) {
    for (const CanonSeriesConfig& series : *list) {
      if (series.soles_per_month.empty()) {
        checks.fail(list == &received ? "received" : "produced",
                    "the canon of " + series.ubigeo + " has no soles_per_month; expected one value a month");
      }
    }
  }
}

void LearningNetworkConfig::check(schema::Checks& checks) const {
  check_distinct(checks, "practices", practices);
  for (const std::string& practice : incentivised) {
    if (std::find(practices.begin(), practices.end(), practice) == practices.end()) {
      checks.fail("incentivised", "'" + practice + "' is not one of practices");
    }
  }
}

void NationConfig::check(schema::Checks& checks) const { check_distinct(checks, "mechanisms", mechanisms); }

}  // namespace munisim::nation
