// What a world scenario says about the nation (its `nation:` section): which funding mechanisms run,
// in which order, with their budgets and rules, and the learning network through which cities copy
// each other's practices. Equations, defaults and sources: docs/nation.md; figures from FACTS.md §4,
// §7 and FACTS-funding.md.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/schema.hpp"

namespace munisim::nation {

inline constexpr std::size_t kMechanismKinds = 5;
inline constexpr std::array<const char*, kMechanismKinds> kMechanismKindNames = {
    "formula_transfers", "performance_incentives", "matching_grants", "competitive_fund", "canon"};

// Indicators of a municipality's report a performance goal can be set on.
inline constexpr std::array<const char*, 4> kGoalIndicatorNames = {"separation_coverage", "complaint_response_days",
                                                                   "satisfaction", "budget_execution"};

inline constexpr std::array<const char*, 7> kIncentiveTypeNames = {"A", "B", "C", "D", "E", "F", "G"};

// FONCOMUN: a fund shared monthly by an index of population, poverty and rurality, with a floor.
struct FormulaTransfersConfig {
  double fund_soles_per_yr = 0;
  double fund_soles_per_person_yr = 245;
  std::string funded_by = "Impuesto de Promocion Municipal (2 points of the 18 % IGV)";
  double poverty_weight = 1.0;
  double rural_weight = 2.0;
  bool two_stage = true;
  double provincial_share = 0.20;
  double floor_uit_per_month = 8;
  double uit_soles = 5350;

  template <class V>
  void visit(V& v) {
    v.field("fund_soles_per_yr", fund_soles_per_yr,
            {.unit = "soles/yr",
             .meaning = "the fund shared among the world's municipalities; 0: fund_soles_per_person_yr times "
                        "their population",
             .min = 0,
             .source = "FONCOMUN to local governments 2024 S/ 8.32 bn (FACTS-funding.md §3, MEF NAT)"});
    v.field("fund_soles_per_person_yr", fund_soles_per_person_yr,
            {.unit = "soles/(person yr)",
             .meaning = "the fund per inhabitant of the world when fund_soles_per_yr is 0",
             .min = 0,
             .source = "[DER] S/ 8.32 bn / 34 M inhabitants (FACTS-funding.md §3)"});
    v.field("funded_by", funded_by, {.meaning = "the fund's source of revenue, for the record"});
    v.field("poverty_weight", poverty_weight,
            {.unit = "1",
             .meaning = "extra weight of a poor inhabitant in the provincial index: weight 1 + poverty_weight x "
                        "poverty share",
             .min = 0,
             .source = "[EST] provinces by population and deprivation (D.S. 060-2010-EF, FACTS-funding.md §3)"});
    v.field("rural_weight", rural_weight,
            {.unit = "1",
             .meaning = "weight of a rural inhabitant relative to an urban one in the district index",
             .min = 0,
             .source = "[DER] urban + 2 x rural reproduces Trujillo's MP share (FACTS-funding.md §3)"});
    v.field("two_stage", two_stage,
            {.meaning = "first provinces by population and poverty, then districts within a province by rurality "
                        "(false: one index over all municipalities)"});
    v.field("provincial_share", provincial_share,
            {.unit = "1",
             .meaning = "share of a province's amount the provincial municipality gets before the district split "
                        "(two-stage only)",
             .min = 0,
             .max = 1,
             .source = "[UNV] 20 % provincial / 80 % districts (FACTS.md §4.1)"});
    v.field("floor_uit_per_month", floor_uit_per_month,
            {.unit = "UIT/month", .meaning = "least a municipality receives a month", .min = 0,
             .source = "TUO Ley de Tributacion Municipal art. 88 (FACTS.md §4.1)"});
    v.field("uit_soles", uit_soles,
            {.unit = "soles/UIT", .meaning = "the tax unit (UIT)", .min = 0,
             .source = "[UNV] UIT 2025 = S/ 5,350 (FACTS.md §4.1)"});
  }
};

// A goal of the Programa de Incentivos: verified every year on the deadline's month and day, for the
// municipalities of the listed types; attained goals pay `weight` of the municipality's maximum.
struct IncentiveGoalConfig {
  std::string name;
  std::string indicator = "separation_coverage";
  std::vector<std::string> types = {"A", "B", "C", "D", "E", "F", "G"};
  double target = 0;
  bool at_most = false;
  Date deadline{2025, 7, 31};
  double weight = 0.5;

  template <class V>
  void visit(V& v) {
    v.field("name", name, {.meaning = "the goal's name in the series (not empty)"});
    v.field("indicator", indicator,
            {.meaning = "the report's value the goal is set on",
             .choices = {kGoalIndicatorNames.begin(), kGoalIndicatorNames.end()}});
    v.field("types", types,
            {.meaning = "municipality types (Programa de Incentivos A-G) the goal applies to",
             .choices = {kIncentiveTypeNames.begin(), kIncentiveTypeNames.end()}});
    v.field("target", target,
            {.unit = "the indicator's unit (1 or days)", .meaning = "the value to reach", .min = 0});
    v.field("at_most", at_most, {.meaning = "true: attained at or below target (e.g. response days)"});
    v.field("deadline", deadline,
            {.unit = "date", .meaning = "verification day; the goal is verified on this month and day every year"});
    v.field("weight", weight,
            {.unit = "1", .meaning = "share of the municipality's yearly maximum the goal pays when attained",
             .min = 0, .max = 1, .source = "[EST] PI payment per goal not published (FACTS-funding.md §4)"});
  }
};

// Programa de Incentivos: conditional transfers paid only on verified attainment.
struct PerformanceIncentivesConfig {
  double envelope_soles_per_yr = 0;
  double envelope_soles_per_person_yr = 17.6;
  std::string funded_by = "Tesoro Publico (Ley 29332)";
  std::vector<IncentiveGoalConfig> goals = {
      {.name = "separation_programme",
       .indicator = "separation_coverage",
       .types = {"A", "B", "C", "D", "E"},
       .target = 0.10,
       .deadline = {2025, 7, 31},
       .weight = 0.5},
      {.name = "complaint_response",
       .indicator = "complaint_response_days",
       .types = {"A", "B", "C", "D", "E", "F", "G"},
       .target = 10,
       .at_most = true,
       .deadline = {2025, 12, 31},
       .weight = 0.5},
  };

  template <class V>
  void visit(V& v) {
    v.field("envelope_soles_per_yr", envelope_soles_per_yr,
            {.unit = "soles/yr",
             .meaning = "the most paid in a year if every goal is attained; 0: envelope_soles_per_person_yr times "
                        "the world's population",
             .min = 0,
             .source = "2019 envelope S/ 600 M (Ley 30879; FACTS-funding.md §4)"});
    v.field("envelope_soles_per_person_yr", envelope_soles_per_person_yr,
            {.unit = "soles/(person yr)", .meaning = "the envelope per inhabitant when envelope_soles_per_yr is 0",
             .min = 0, .source = "[DER] S/ 600 M / 34 M inhabitants"});
    v.field("funded_by", funded_by, {.meaning = "the envelope's source, for the record"});
    v.list("goals", goals,
           {.meaning = "goals per municipality type; a municipality's yearly maximum is the envelope times its "
                       "formula index (R.M. 104-2019-EF/50)"});
  }
  void check(schema::Checks& checks) const;
};

// Matching grants for climate investments: the nation pays `share` of a plan measure's cost.
struct MatchingGrantsConfig {
  double budget_soles_per_yr = 50e6;
  std::string funded_by = "Tesoro Publico";
  double share = 0.5;
  std::vector<std::string> kinds = {"electric_share", "electrification", "composting_plant"};

  template <class V>
  void visit(V& v) {
    v.field("budget_soles_per_yr", budget_soles_per_yr,
            {.unit = "soles/yr", .meaning = "grants paid at most in a year; the rest of the year's requests wait",
             .min = 0, .source = "[EST]"});
    v.field("funded_by", funded_by, {.meaning = "the budget's source, for the record"});
    v.field("share", share,
            {.unit = "1", .meaning = "share of the measure's cost the nation pays", .min = 0, .max = 1,
             .source = "[EST] FONIPREL co-finances up to 90 % (FACTS-funding.md §5)"});
    v.field("kinds", kinds,
            {.meaning = "plan measure kinds that count as climate investments (waste or mobility measure kinds)"});
  }
};

// What FONIPREL's scoring knows of one municipality beyond its report and profile.
struct CompetitiveApplicantConfig {
  std::string ubigeo;
  double quality = 60;
  double cofinancing_share = 0.1;
  bool association = false;
  bool border = false;

  template <class V>
  void visit(V& v) {
    v.field("ubigeo", ubigeo, {.meaning = "the municipality (ignored in default_applicant)"});
    v.field("quality", quality,
            {.unit = "points", .meaning = "proposal quality score; 50 or less is not eligible", .min = 0, .max = 100});
    v.field("cofinancing_share", cofinancing_share,
            {.unit = "1", .meaning = "share of the cost the municipality offers to pay", .min = 0, .max = 1});
    v.field("association", association, {.meaning = "applies with a mancomunidad (association)"});
    v.field("border", border, {.meaning = "lies in a border zone"});
  }
};

// FONIPREL: calls on given dates; proposals ranked by weighted score and funded in rank order.
struct CompetitiveFundConfig {
  double budget_soles_per_call = 10e6;
  std::string funded_by = "Tesoro Publico (Ley 29125)";
  std::vector<std::string> call_dates = {"2025-06-30"};
  int projects_per_municipality = 1;
  std::vector<std::string> kinds;
  CompetitiveApplicantConfig default_applicant;
  std::vector<CompetitiveApplicantConfig> applicants;
  double weight_quality = 0.50;
  double weight_cofinancing = 0.15;
  double weight_association = 0.15;
  double weight_border = 0.05;
  double weight_priority = 0.10;
  double weight_execution = 0.05;

  template <class V>
  void visit(V& v) {
    v.field("budget_soles_per_call", budget_soles_per_call,
            {.unit = "soles/call", .meaning = "what one call can award", .min = 0,
             .source = "2015-II call S/ 380 M nationally (FACTS-funding.md §5); [EST] for a world"});
    v.field("funded_by", funded_by, {.meaning = "the fund's source, for the record"});
    v.field("call_dates", call_dates, {.unit = "date", .meaning = "days of the calls (YYYY-MM-DD)"});
    v.field("projects_per_municipality", projects_per_municipality,
            {.unit = "projects", .meaning = "proposals a municipality may present to one call, in plan order",
             .min = 1, .max = 4, .source = "bundles of up to 4 projects (FACTS.md §4.3)"});
    v.field("kinds", kinds, {.meaning = "plan measure kinds that may apply (empty: every kind)"});
    v.object("default_applicant", default_applicant,
             {.meaning = "scoring facts of municipalities not in applicants (its ubigeo is ignored)"});
    v.list("applicants", applicants, {.meaning = "scoring facts per municipality"});
    const schema::Field weight{.unit = "1", .min = 0, .max = 1, .source = "MEF Anexo 02 (FACTS.md §4.3)"};
    auto with = [&](std::string_view meaning) {
      schema::Field field = weight;
      field.meaning = meaning;
      return field;
    };
    v.field("weight_quality", weight_quality, with("weight of proposal quality"));
    v.field("weight_cofinancing", weight_cofinancing, with("weight of the co-financing offered"));
    v.field("weight_association", weight_association, with("weight of applying with an association"));
    v.field("weight_border", weight_border, with("weight of a border zone"));
    v.field("weight_priority", weight_priority, with("weight of priority by needs (poverty share)"));
    v.field("weight_execution", weight_execution, with("weight of the budget execution rate"));
  }
  void check(schema::Checks& checks) const;
};

// Canon for one municipality: received (passed through) or produced (split by the canon rule).
struct CanonSeriesConfig {
  std::string ubigeo;
  std::vector<double> soles_per_month;

  template <class V>
  void visit(V& v) {
    v.field("ubigeo", ubigeo, {.meaning = "the municipality (a district for produced canon)", .required = true});
    v.field("soles_per_month", soles_per_month,
            {.unit = "soles/month", .meaning = "one value per month from the start (the last repeats)", .min = 0});
  }
};

struct CanonConfig {
  std::string funded_by = "50 % of miners' income tax (Ley 27506)";
  std::vector<CanonSeriesConfig> received;
  std::vector<CanonSeriesConfig> produced;
  double district_share = 0.10;
  double province_share = 0.25;
  double department_share = 0.40;

  template <class V>
  void visit(V& v) {
    v.field("funded_by", funded_by, {.meaning = "the canon's source, for the record"});
    v.list("received", received, {.meaning = "canon each municipality receives, passed through as given"});
    v.list("produced", produced,
           {.meaning = "canon generated in a district, split among the world's municipalities by the canon rule"});
    v.field("district_share", district_share,
            {.unit = "1", .meaning = "share to the producing district", .min = 0, .max = 1,
             .source = "Ley 27506 art. 9 (FACTS.md §4.4)"});
    v.field("province_share", province_share,
            {.unit = "1", .meaning = "share to the producing province's municipalities by population and poverty",
             .min = 0, .max = 1, .source = "Ley 27506 art. 9 (FACTS.md §4.4)"});
    v.field("department_share", department_share,
            {.unit = "1",
             .meaning = "share to the producing department's municipalities by population and poverty (the rest "
                        "goes to the regional government, outside the world)",
             .min = 0, .max = 1, .source = "Ley 27506 art. 9 (FACTS.md §4.4)"});
  }
  void check(schema::Checks& checks) const;
};

// An edge of the learning network, both ways.
struct PeerEdgeConfig {
  std::string from;
  std::string to;

  template <class V>
  void visit(V& v) {
    v.field("from", from, {.meaning = "ubigeo", .required = true});
    v.field("to", to, {.meaning = "ubigeo", .required = true});
  }
};

// Cities look at their peers every period and may adopt a practice a peer uses.
struct LearningNetworkConfig {
  bool enabled = false;
  std::vector<PeerEdgeConfig> edges;
  double max_population_ratio = 10;
  int period_days = 30;
  std::vector<std::string> practices = {"complaint_app", "automatic_ticket_routing", "gps_fleet_tracking",
                                        "one_stop_service", "digital_documents"};
  std::vector<std::string> incentivised;
  std::string success_kpi = "satisfaction";
  double base_hazard = 0.005;
  double beta_learn = 0.10;
  double beta_imitate = 0.05;
  double beta_coerce = 0.05;

  template <class V>
  void visit(V& v) {
    v.field("enabled", enabled, {.meaning = "cities copy practices from their peers"});
    v.list("edges", edges,
           {.meaning = "the peer graph; empty: built from the world (same department and population within "
                       "max_population_ratio, or same province)"});
    v.field("max_population_ratio", max_population_ratio,
            {.unit = "1", .meaning = "largest population ratio of two peers of one department in the built graph",
             .min = 1, .source = "[EST] peers by distance, similarity and capacity (Einstein et al. 2019, FACTS.md §7)"});
    v.field("period_days", period_days,
            {.unit = "days", .meaning = "days between two looks at the peers", .min = 1, .source = "[EST]"});
    v.field("practices", practices,
            {.meaning = "practices that can spread: governance mechanism names or plan measure names"});
    v.field("incentivised", incentivised,
            {.meaning = "practices the centre rewards (coercion term); a subset of practices"});
    v.field("success_kpi", success_kpi,
            {.meaning = "the report's value by which a peer's practice is judged successful (higher is better, "
                        "except complaint_response_days)",
             .choices = {kGoalIndicatorNames.begin(), kGoalIndicatorNames.end()}});
    v.field("base_hazard", base_hazard,
            {.unit = "1/look", .meaning = "chance per look to adopt a practice with no peer pressure", .min = 0,
             .max = 1, .source = "[EST] beta values not found, calibrate (FACTS.md §7)"});
    v.field("beta_learn", beta_learn,
            {.unit = "1/look", .meaning = "added chance per unit share of peers using the practice with a better KPI",
             .min = 0, .max = 1, .source = "[EST] learning (Shipan & Volden 2008, FACTS.md §7)"});
    v.field("beta_imitate", beta_imitate,
            {.unit = "1/look", .meaning = "added chance when a larger peer uses the practice", .min = 0, .max = 1,
             .source = "[EST] imitation of larger cities (Shipan & Volden 2008)"});
    v.field("beta_coerce", beta_coerce,
            {.unit = "1/look", .meaning = "added chance when the practice is incentivised by the centre", .min = 0,
             .max = 1, .source = "[EST] coercion by higher government (Shipan & Volden 2008)"});
  }
  void check(schema::Checks& checks) const;
};

struct NationConfig {
  std::vector<std::string> mechanisms;
  FormulaTransfersConfig formula_transfers;
  PerformanceIncentivesConfig performance_incentives;
  MatchingGrantsConfig matching_grants;
  CompetitiveFundConfig competitive_fund;
  CanonConfig canon;
  int baseline_days = 28;
  LearningNetworkConfig learning_network;

  template <class V>
  void visit(V& v) {
    v.field("mechanisms", mechanisms,
            {.meaning = "funding mechanisms that run each day, in this order (the first to co-finance a plan entry funds it)",
             .choices = {kMechanismKindNames.begin(), kMechanismKindNames.end()}});
    v.object("formula_transfers", formula_transfers, {.meaning = "FONCOMUN-like formula transfers with a floor"});
    v.object("performance_incentives", performance_incentives,
             {.meaning = "Programa de Incentivos: paid on verified goals per municipality type"});
    v.object("matching_grants", matching_grants, {.meaning = "co-financing of climate investments"});
    v.object("competitive_fund", competitive_fund, {.meaning = "FONIPREL-like competitive fund"});
    v.object("canon", canon, {.meaning = "canon as an input series"});
    v.field("baseline_days", baseline_days,
            {.unit = "days",
             .meaning = "first days of the run whose mean emissions and satisfaction are the baseline of "
                        "cost-effectiveness",
             .min = 1});
    v.object("learning_network", learning_network, {.meaning = "cities learning from peers"});
  }
  void check(schema::Checks& checks) const;
};

}  // namespace munisim::nation
