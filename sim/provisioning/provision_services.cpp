#include "sim/provisioning/provision_services.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "sim/provisioning/rules.hpp"

namespace munisim {
namespace {

using namespace provisioning;

std::string number(double value) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.10g", value);
  return text.data();
}

std::string soles(double value) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.0f", value);
  return text.data();
}

class Provisioner {
 public:
  Provisioner(Scenario& scenario, ProvisionRecords& records)
      : scenario_(scenario), config_(scenario.config), rules_(scenario.config.city.provisioning), records_(records) {}

  // Sets `target` to `value` unless the scenario gives `key`, and records the rule either way.
  template <class T>
  void set(const std::string& key, T& target, T value, ProvisionRecord record) {
    if (scenario_.gives(key)) {
      record.status = "kept " + key + ": the scenario gives it";
    } else {
      target = std::move(value);
      record.status = "applied";
    }
    records_.push_back(std::move(record));
  }

  void depot(const DistrictConfig& seat) {
    ProvisionRecord record{"depot",         seat.ubigeo, "seat district " + seat.name, "depot at the centre of " + seat.name,
                           "[EST] as scenarios/trujillo.yaml", ""};
    add_facility(record, {"depot"}, FacilityConfig{.name = "Depot " + seat.name, .kind = "depot",
                                                   .district = seat.name, .position = "centre"});
  }

  void disposal(const DistrictConfig& seat) {
    const std::string province = seat.ubigeo.substr(0, 4);
    const DisposalChoice choice = disposal_site(province, seat.name, rules_.landfill_share);
    FacilityConfig site{.name = choice.name, .kind = choice.kind, .district = seat.name, .position = "edge"};
    for (const DistrictConfig& district : config_.city.districts) {
      if (!choice.ubigeo.empty() && district.ubigeo == choice.ubigeo) {
        site.district = district.name;
        site.latitude = choice.latitude;
        site.longitude = choice.longitude;
      }
    }
    const bool known = choice.draw < 0;
    ProvisionRecord record{
        "disposal_site", province,
        known ? "province " + province + " (a site FACTS.md names)"
              : "province " + province + " draw=" + number(choice.draw) +
                    " landfill_share=" + number(rules_.landfill_share),
        choice.kind + " '" + choice.name + "' at the edge of " + site.district,
        known ? "FACTS.md §1.2-1.3" : "MINAM ~2019, 52 % to sanitary landfills (FACTS.md §1.1)", ""};
    add_facility(record, {"open_dump", "sanitary_landfill"}, site);
  }

  void collection(double generation_t) {
    const std::int64_t urban = urban_population(config_.city.districts);
    const int days = collection_days_per_week(urban, rules_.daily_collection_min_population);
    set("waste.collection.days_per_week", config_.waste.collection.days_per_week, days,
        {"collection_days", "city",
         "urban_population=" + std::to_string(urban) +
             " persons; daily_collection_min_population=" + std::to_string(rules_.daily_collection_min_population),
         std::to_string(days) + " days/week", "[EST]", ""});
    const double payload = config_.waste.fleet.payload_t();
    const int days_used = config_.waste.collection.days_per_week;
    const int trucks =
        fleet_trucks(generation_t, days_used, payload, rules_.trips_per_truck_day, rules_.fleet_reserve_share);
    set("waste.fleet.trucks", config_.waste.fleet.trucks, trucks,
        {"fleet", "city",
         "generation=" + number(generation_t) + " t/day; days_per_week=" + std::to_string(days_used) +
             "; payload=" + number(payload) + " t; trips_per_truck_day=" + number(rules_.trips_per_truck_day) +
             "; fleet_reserve_share=" + number(rules_.fleet_reserve_share),
         std::to_string(trucks) + " trucks",
         "payload: waste.fleet capacity (FACTS.md §1.5); trips and reserve [EST]", ""});
  }

  int lines() {
    std::int64_t population = 0;
    for (const DistrictConfig& district : config_.city.districts) population += district.population;
    const int count = bus_lines(population, rules_.bus_lines_min_population, rules_.persons_per_bus_line);
    ProvisionRecord record{"bus_lines", "city",
                           "population=" + std::to_string(population) +
                               " persons; bus_lines_min_population=" + std::to_string(rules_.bus_lines_min_population) +
                               "; persons_per_bus_line=" + number(rules_.persons_per_bus_line),
                           count > 0 ? std::to_string(count) +
                                           " routes, each run both ways, laid out when the streets are built"
                                     : "0 routes on the streets; with mobility.enabled the mobility service's own "
                                       "synthetic lines link each other district to the most populous (docs/mobility.md)",
                           "[DER] FACTS.md §2.2-2.3; threshold [EST]", "applied"};
    const bool imported = !config_.city.transit.gtfs.empty();
    if (imported) record.status = "kept city.transit.gtfs: the scenario imports its lines";
    records_.push_back(std::move(record));
    return imported ? 0 : count;
  }

  void budget(const BudgetTables& budgets) {
    double pim = 0, transfers_soles = 0;
    for (const DistrictConfig& district : config_.city.districts) {
      const std::optional<double> table_pim = budgets.pim_soles(district.ubigeo);
      const double municipal_pim = budget_pim(table_pim, district.population);
      const Transfers received = transfers(municipal_pim, budgets.transfers_soles_per_yr(district.ubigeo));
      pim += municipal_pim;
      transfers_soles += received.soles_per_yr;
      records_.push_back(
          {"municipal_budget", district.ubigeo,
           table_pim && *table_pim > 0
               ? "PIM 2024=" + soles(*table_pim) + " soles"
               : "no PIM 2024 row; population=" + std::to_string(district.population) + " persons",
           "pim=" + soles(municipal_pim) + " soles/yr; transfers=" + soles(received.soles_per_yr) + " soles/yr (" +
               (received.listed ? "FONCOMUN + canon received 2024" : "estimated from the PIM") + ")",
           std::string(table_pim ? BudgetTables::kBudgetFile : "FACTS-funding.md §2 PIM per head") + "; " +
               (received.listed ? BudgetTables::kTransfersFile : "FACTS-funding.md §3 ratios and floor"),
           "applied"});
    }
    const double scale = budget_scale(pim);
    const std::string inputs = "city PIM=" + soles(pim) + " soles/yr; reference " + soles(kReferencePimSoles) +
                               " soles/yr; scale=" + number(scale);
    const DepartmentsConfig defaults;
    const auto reference = defaults.all();
    DepartmentsConfig& departments = config_.governance.departments;
    const std::array<DepartmentConfig*, kDepartments> targets = {
        &departments.waste,           &departments.transport,        &departments.environment,
        &departments.citizen_services, &departments.finance_planning, &departments.it};
    for (std::size_t d = 0; d < kDepartments; ++d) {
      const std::string key = std::string("governance.departments.") + kDepartmentNames[d];
      const double budget = reference[d]->budget_soles_per_yr * scale, staff = reference[d]->staff * scale;
      set(key + ".budget_soles_per_yr", targets[d]->budget_soles_per_yr, budget,
          {"department_budget", "city", inputs, soles(budget) + " soles/yr for " + kDepartmentNames[d],
           "defaults for MP Trujillo scaled by PIM (FACTS-funding.md §2)", ""});
      set(key + ".staff", targets[d]->staff, staff,
          {"department_staff", "city", inputs, number(staff) + " persons in " + kDepartmentNames[d],
           "defaults for MP Trujillo scaled by PIM [EST]", ""});
    }
    const FinanceConfig finance_defaults;
    set("governance.finance.transfers_soles_per_month", config_.governance.finance.transfers_soles_per_month,
        std::vector<double>{transfers_soles / 12},
        {"transfers", "city", "sum of the municipalities' transfers=" + soles(transfers_soles) + " soles/yr",
         soles(transfers_soles / 12) + " soles/month", "municipal_budget records", ""});
    set("governance.finance.opening_cash_soles", config_.governance.finance.opening_cash_soles,
        finance_defaults.opening_cash_soles * scale,
        {"opening_cash", "city", inputs, soles(finance_defaults.opening_cash_soles * scale) + " soles",
         "default for MP Trujillo scaled by PIM [EST]", ""});
  }

 private:
  void add_facility(ProvisionRecord& record, std::vector<std::string> kinds, FacilityConfig facility) {
    std::vector<FacilityConfig>& facilities = config_.city.facilities;
    const auto existing = std::find_if(facilities.begin(), facilities.end(), [&](const FacilityConfig& entry) {
      return std::find(kinds.begin(), kinds.end(), entry.kind) != kinds.end();
    });
    if (existing != facilities.end()) {
      record.status = "kept city.facilities: the scenario has " + existing->kind + " '" + existing->name + "'";
    } else {
      facilities.push_back(std::move(facility));
      record.status = "applied";
    }
    records_.push_back(record);
  }

  Scenario& scenario_;
  ScenarioConfig& config_;
  const ProvisioningConfig& rules_;
  ProvisionRecords& records_;
};

}  // namespace

ProvisioningPlan provision_services(Scenario& scenario, const BudgetTables& budgets) {
  ProvisioningPlan plan;
  const CityConfig& city = scenario.config.city;
  if (city.ubigeo.empty() || !city.provisioning.enabled || city.districts.empty()) return plan;
  plan.seat = seat_district(city.districts);
  const DistrictConfig seat = city.districts[plan.seat];
  const double generation_t =
      generation_t_per_day(city.districts, scenario.config.waste.generation.kg_per_capita_day);
  plan.records.push_back({"seat", seat.ubigeo, "districts=" + std::to_string(city.districts.size()),
                          seat.name + " runs the city's services",
                          "INEI numbers a province's capital district 01 (its provincial municipality)", "applied"});
  Provisioner provisioner(scenario, plan.records);
  provisioner.depot(seat);
  provisioner.disposal(seat);
  provisioner.collection(generation_t);
  plan.bus_lines = provisioner.lines();
  provisioner.budget(budgets);
  return plan;
}

}  // namespace munisim
