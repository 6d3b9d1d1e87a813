// The provisioning rules as pure functions of their inputs, so each can be checked by hand
// (docs/provisioning.md states each with its sources). provision_services applies them to a
// scenario; generated_lines lays out the lines the bus-line rule asks for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/city/city_config.hpp"

namespace munisim::provisioning {

// The district whose municipality runs the city's services: the first whose ubigeo ends in "01"
// (INEI numbers a province's capital district 01, the seat of the provincial municipality), else
// the most populous (the first of equals). Index into `districts`, which must not be empty.
[[nodiscard]] std::size_t seat_district(const std::vector<DistrictConfig>& districts);

// Municipal solid waste generated per day: MINAM's msw_t_per_yr / 365 where known, else
// population x kg_per_capita_day.
[[nodiscard]] double generation_t_per_day(const std::vector<DistrictConfig>& districts, double kg_per_capita_day);

// Urban residents (MINAM), or all residents of a district whose urban/rural split is unknown.
[[nodiscard]] std::int64_t urban_population(const std::vector<DistrictConfig>& districts);

struct DisposalChoice {
  std::string kind;         // "sanitary_landfill" or "open_dump"
  std::string name;         // the known site's name, or a generic one
  std::string ubigeo;       // district the known site stands in; empty: the seat's edge
  double latitude = 0;      // known sites only
  double longitude = 0;
  double draw = -1;         // the province's uniform draw; -1 for a known site
};

// The province's own site where FACTS.md names it (Trujillo: El Milagro, Arequipa: Quebrada
// Honda, both open dumps), else a sanitary landfill when the province's draw is below
// landfill_share. The draw is a fixed hash of the 4-digit province code, so every run and every
// city containing the province gets the same site.
[[nodiscard]] DisposalChoice disposal_site(const std::string& province, const std::string& province_name,
                                           double landfill_share);
// The province's uniform draw in [0, 1).
[[nodiscard]] double province_draw(const std::string& province);

// 6 collection days a week from daily_min_population urban residents, else 3.
[[nodiscard]] int collection_days_per_week(std::int64_t urban_persons, std::int64_t daily_min_population);

// Trucks to carry a collection day's waste (the week's generation over the collection days) in
// trips_per_day loads of payload_t each, plus the reserve share; at least 1.
[[nodiscard]] int fleet_trucks(double generation_t_per_day, int days_per_week, double payload_t,
                               double trips_per_day, double reserve_share);

// ceil(population / persons_per_line) lines from min_population residents, else 0.
[[nodiscard]] int bus_lines(std::int64_t population, std::int64_t min_population, double persons_per_line);

// A municipality's national transfers a year (FONCOMUN + canon and the like).
struct Transfers {
  double soles_per_yr = 0;
  bool listed = false;  // from the table of received transfers; else estimated from the PIM
};
// Listed FONCOMUN + canon where the table has them; else FONCOMUN at 16 % of PIM but at least
// the S/ 0.56 M floor, plus canon at 20 % of PIM (national 2024 ratios, FACTS-funding.md §3).
[[nodiscard]] Transfers transfers(double pim_soles, std::optional<double> listed_soles_per_yr);

// A municipality's 2024 budget (PIM) where the MEF table has it, else population x the national
// PIM per head S/ 1,531 (FACTS-funding.md §2).
[[nodiscard]] double budget_pim(std::optional<double> table_pim, std::int64_t population);

// Scale of a city's budget relative to the reference municipality the department, staff and cash
// defaults were set for: Trujillo's provincial municipality, PIM 2024 S/ 266.4 M.
[[nodiscard]] double budget_scale(double pim_soles);

inline constexpr double kReferencePimSoles = 266.4e6;        // FACTS-funding.md §2, MP Trujillo 2024
inline constexpr double kNationalPimPerHeadSoles = 1531;     // FACTS-funding.md §2, 2024
inline constexpr double kFoncomunShareOfPim = 0.16;          // FACTS-funding.md §3, 2024 [DER]
inline constexpr double kCanonShareOfPim = 0.20;             // FACTS-funding.md §3, 2024 [DER]
inline constexpr double kFoncomunFloorSolesPerYr = 0.56e6;   // FACTS-funding.md §3 floor-like cluster 2024
inline constexpr int kDailyCollectionDays = 6;               // [EST] as scenarios/trujillo.yaml
inline constexpr int kSmallTownCollectionDays = 3;           // [EST]

}  // namespace munisim::provisioning
