// What a municipality and the nation tell each other at the end of each day, in a world of several
// cities (docs/nation.md). A city's governance publishes its report on kReportChannel; the world
// gathers every city's report after the day, the national agent answers with one Letter per
// municipality, and the world sets it on kLetterChannel, which governance reads the next day
// (previous_day timing). The world never looks inside: these types go between MPI ranks and into
// checkpoints through their persist() (plain aggregates, sim/core/state_archive.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace munisim::nation {

inline constexpr const char* kReportChannel = "governance.municipality_report";
inline constexpr const char* kLetterChannel = "nation.letter";

// The facts the nation allocates by, fixed for the run; the world fills them from the city's
// tables (national_tables, provisioning) when it builds the city.
struct MunicipalityProfile {
  std::string ubigeo;             // 6 digits; the province is its first 4, the department its first 2
  std::string name;
  bool provincial = false;        // the provincial municipality (it governs the capital district)
  double population = 0;          // persons, census
  double poverty_share = 0;       // 1, monetary poverty
  double rural_share = 0;         // 1, population outside urban centres
  double area_km2 = 0;            // km2
  std::string incentive_type;     // Programa de Incentivos type "A".."G"
  double sampling = 1;            // agents per person simulated (the nation pays for whole populations)
};

// A practice a city can be seen using and can adopt from a peer: a governance mechanism
// (kMechanismNames) or a plan measure by name.
struct Practice {
  std::string kind;   // "mechanism" or "plan_measure"
  std::string name;
};

// A climate investment or project the municipality asks the nation to co-finance: a measure of
// its plan (governance.plan) it has not adopted yet.
struct Proposal {
  std::uint32_t plan_entry = 0;  // index in governance.plan
  std::string name;
  std::string kind;              // the measure's kind, e.g. electric_trucks, composting
  double cost_soles = 0;         // soles
};

// Sent every day by each municipality (values of that day, or running means where noted).
struct MunicipalityReport {
  double separation_coverage = 0;      // 1, households separating at source
  double complaint_response_days = 0;  // days, mean answer time of tickets closed in the last 30 days
  double satisfaction = 0;             // 1, mean over judged services and citizens
  double trust = 0;                    // 1
  double emissions_tco2e = 0;          // tCO2e that day (waste + mobility)
  double cash_soles = 0;               // soles at the end of the day
  double budget_execution = 0;         // 1, spent / appropriated this year
  std::vector<Practice> practices;     // in force today
  std::vector<Proposal> proposals;     // what it would do with co-financing, in plan order
};

// Sent every day by the nation to one municipality; empty most days.
struct Letter {
  std::vector<double> soles_by_mechanism;  // soles paid today, one per kind of kMechanismKindNames
                                           // (nation_config.hpp); empty: none
  std::vector<std::uint32_t> funded_plan_entries;  // proposals the nation co-finances; the rest of
                                                   // their cost is in soles_by_mechanism
  std::vector<double> funded_soles;                // soles, the nation's part of each funded entry
                                                   // (included in soles_by_mechanism)
  std::vector<Practice> adopt;             // practices the learning network leads it to adopt
};

// The nation: one agent for the whole world. exchange() runs once after every day with every
// municipality's report (index = municipality, in the world's fixed order) and writes their letters.
// It must depend only on its inputs and its own state so every MPI rank can run it and agree.
class NationalAgent {
 public:
  virtual ~NationalAgent() = default;
  virtual void exchange(int day, std::span<const MunicipalityReport> reports, std::span<Letter> letters) = 0;
};

}  // namespace munisim::nation
