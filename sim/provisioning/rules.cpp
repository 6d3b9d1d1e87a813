#include "sim/provisioning/rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace munisim::provisioning {
namespace {

struct KnownSite {
  const char* province;
  DisposalChoice site;
};

// Final disposal sites FACTS.md names, by province.
const std::array<KnownSite, 2>& known_sites() {
  static const std::array<KnownSite, 2> sites = {{
      // FACTS.md §1.2: open-air dump, Huanchaco, km 570 Panamericana Norte; coordinates of the
      // OpenStreetMap place node beside it, as scenarios/trujillo.yaml.
      {"1301", {.kind = "open_dump", .name = "El Milagro", .ubigeo = "130104", .latitude = -8.03383,
                .longitude = -79.0632}},
      // FACTS.md §1.3: "área degradada / botadero en reconversión" in Yura, not a sanitary landfill.
      {"0401", {.kind = "open_dump", .name = "Quebrada Honda", .ubigeo = "040128"}},
  }};
  return sites;
}

// SplitMix64's finaliser: a fixed, well-mixed hash, so a province's draw never changes.
std::uint64_t mix(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

}  // namespace

std::size_t seat_district(const std::vector<DistrictConfig>& districts) {
  for (std::size_t d = 0; d < districts.size(); ++d) {
    if (districts[d].ubigeo.size() == 6 && districts[d].ubigeo.ends_with("01")) return d;
  }
  return static_cast<std::size_t>(
      std::max_element(districts.begin(), districts.end(),
                       [](const DistrictConfig& a, const DistrictConfig& b) { return a.population < b.population; }) -
      districts.begin());
}

double generation_t_per_day(const std::vector<DistrictConfig>& districts, double kg_per_capita_day) {
  double tonnes = 0;
  for (const DistrictConfig& district : districts) {
    tonnes += district.msw_t_per_yr > 0 ? district.msw_t_per_yr / 365.0
                                        : static_cast<double>(district.population) * kg_per_capita_day / 1000.0;
  }
  return tonnes;
}

std::int64_t urban_population(const std::vector<DistrictConfig>& districts) {
  std::int64_t persons = 0;
  for (const DistrictConfig& district : districts) {
    const bool split_known = district.urban_population > 0 || district.rural_population > 0;
    persons += split_known ? district.urban_population : district.population;
  }
  return persons;
}

double province_draw(const std::string& province) {
  std::uint64_t code = 0;
  for (char digit : province) code = code * 10 + static_cast<std::uint64_t>(digit - '0');
  return static_cast<double>(mix(code) >> 11) * 0x1.0p-53;
}

DisposalChoice disposal_site(const std::string& province, const std::string& province_name, double landfill_share) {
  for (const KnownSite& known : known_sites()) {
    if (province == known.province) return known.site;
  }
  DisposalChoice choice;
  choice.draw = province_draw(province);
  const bool landfill = choice.draw < landfill_share;
  choice.kind = landfill ? "sanitary_landfill" : "open_dump";
  choice.name = (landfill ? "Sanitary landfill " : "Dump ") + province_name;
  return choice;
}

int collection_days_per_week(std::int64_t urban_persons, std::int64_t daily_min_population) {
  return urban_persons >= daily_min_population ? kDailyCollectionDays : kSmallTownCollectionDays;
}

int fleet_trucks(double generation_t_per_day, int days_per_week, double payload_t, double trips_per_day,
                 double reserve_share) {
  const double per_collection_day_t = generation_t_per_day * 7.0 / days_per_week;
  const double trucks = per_collection_day_t * (1 + reserve_share) / (payload_t * trips_per_day);
  return std::max(1, static_cast<int>(std::ceil(trucks - 1e-9)));
}

int bus_lines(std::int64_t population, std::int64_t min_population, double persons_per_line) {
  if (population < min_population || population <= 0) return 0;
  return static_cast<int>(std::ceil(static_cast<double>(population) / persons_per_line - 1e-9));
}

Transfers transfers(double pim_soles, std::optional<double> listed_soles_per_yr) {
  if (listed_soles_per_yr) return {*listed_soles_per_yr, true};
  const double foncomun = std::max(kFoncomunFloorSolesPerYr, kFoncomunShareOfPim * pim_soles);
  return {foncomun + kCanonShareOfPim * pim_soles, false};
}

double budget_pim(std::optional<double> table_pim, std::int64_t population) {
  if (table_pim && *table_pim > 0) return *table_pim;
  return static_cast<double>(population) * kNationalPimPerHeadSoles;
}

double budget_scale(double pim_soles) { return pim_soles / kReferencePimSoles; }

}  // namespace munisim::provisioning
