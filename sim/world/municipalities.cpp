#include "sim/world/municipalities.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "sim/core/parallel.hpp"
#include "sim/core/rng.hpp"
#include "sim/data/national_tables.hpp"
#include "sim/provisioning/budget_tables.hpp"

namespace munisim {
namespace {

// Programa de Incentivos types (FACTS-funding.md §4, MEF 2023): A 74 and B 122, all provincial;
// C the districts of Lima Metropolitana; D (districts of principal cities) needs a list the tables do
// not have, so those fall to E-G; E-G by urban share, thresholds ~0.70 and ~0.35.
constexpr std::size_t kTypeAProvincial = 74;
constexpr double kTypeEUrbanShare = 0.70;
constexpr double kTypeFUrbanShare = 0.35;

bool provincial_ubigeo(const std::string& ubigeo) { return ubigeo.size() == 6 && ubigeo.ends_with("01"); }

std::string incentive_type(const nation::MunicipalityProfile& profile, double type_a_population) {
  if (profile.ubigeo.size() != 6) return "";
  if (profile.provincial) return profile.population >= type_a_population ? "A" : "B";
  if (profile.ubigeo.starts_with("1501")) return "C";
  const double urban = 1 - profile.rural_share;
  return urban >= kTypeEUrbanShare ? "E" : urban >= kTypeFUrbanShare ? "F" : "G";
}

// The population of the 74th most populous provincial municipality's district: type A at or above it.
double type_a_population(const NationalTables& tables) {
  std::vector<double> populations;
  for (const TableMunicipality& entry : tables.municipalities("")) {
    if (provincial_ubigeo(entry.ubigeo)) populations.push_back(entry.population);
  }
  if (populations.size() < kTypeAProvincial) return 0;
  std::nth_element(populations.begin(), populations.begin() + kTypeAProvincial - 1, populations.end(),
                   std::greater<>());
  return populations[kTypeAProvincial - 1];
}

// The facts of the city's districts (already filled from the national tables where named by ubigeo).
nation::MunicipalityProfile profile_of(const Scenario& scenario) {
  const CityConfig& city = scenario.config.city;
  nation::MunicipalityProfile profile;
  profile.ubigeo = city.ubigeo.size() == 6 ? city.ubigeo : "";
  profile.name = city.districts.size() == 1 ? city.districts.front().name : city.name;
  profile.provincial = provincial_ubigeo(profile.ubigeo);
  double poverty_persons = 0, urban = 0, rural = 0;
  for (const DistrictConfig& district : city.districts) {
    const auto population = static_cast<double>(district.population);
    profile.population += population;
    poverty_persons += district.poverty_share * population;
    profile.area_km2 += district.area_km2;
    urban += static_cast<double>(district.urban_population);
    rural += static_cast<double>(district.rural_population);
  }
  profile.poverty_share = profile.population > 0 ? poverty_persons / profile.population : 0;
  profile.rural_share = urban + rural > 0 ? rural / (urban + rural) : 0;
  profile.sampling = static_cast<double>(city.sampling);
  return profile;
}

std::filesystem::path world_path(const WorldScenario& world, const std::string& given) {
  const std::filesystem::path path = given;
  return path.is_absolute() ? path : (world.base_dir / path).lexically_normal();
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// InputError at the world's entry when the city's own file asks for another calendar.
void check_calendar(const Scenario& scenario, const WorldScenario& world, const std::string& entry) {
  const WorldConfig& config = world.config;
  const bool other_start = scenario.gives("start_date") && scenario.config.start_date != config.start_date;
  const bool other_days = scenario.gives("days") && scenario.config.days != config.days;
  if (other_start || other_days) {
    throw InputError(world.where(entry + ".scenario"), entry + ".scenario",
                     "'" + scenario.source + "' runs " + std::to_string(scenario.config.days) + " days from " +
                         scenario.config.start_date.to_string() + ", but a world's cities share its calendar (" +
                         std::to_string(config.days) + " days from " + config.start_date.to_string() +
                         "); remove start_date and days from the city or make them equal");
  }
}

// The world's calendar and the city's seed.
void put_on_world_calendar(Scenario& scenario, const WorldScenario& world, const std::string& entry,
                           std::int64_t seed) {
  check_calendar(scenario, world, entry);
  const WorldConfig& config = world.config;
  scenario.config.start_date = config.start_date;
  scenario.config.days = config.days;
  scenario.config.seed = seed;
}

class Expander {
 public:
  Expander(const WorldScenario& world, int threads)
      : world_(world), data_dir_(world_data_dir(world)), parallel_(threads) {}

  std::vector<WorldMunicipality> run() {
    const std::vector<WorldCityConfig>& cities = world_.config.cities;
    for (std::size_t i = 0; i < cities.size(); ++i) {
      const std::string entry = "cities[" + std::to_string(i) + "]";
      if (cities[i].ubigeo.empty()) {
        add_city_scenario(cities[i], entry);
      } else {
        add_ubigeo(cities[i], entry);
      }
    }
    return std::move(municipalities_);
  }

 private:
  std::vector<std::string> city_overrides(const WorldCityConfig& city) const {
    std::vector<std::string> overrides;
    if (city.sampling > 0) overrides.push_back("city.sampling=" + std::to_string(city.sampling));
    overrides.insert(overrides.end(), city.set.begin(), city.set.end());
    return overrides;
  }

  void add_city_scenario(const WorldCityConfig& city, const std::string& entry) {
    const std::filesystem::path file = world_path(world_, city.scenario);
    if (!std::filesystem::is_regular_file(file)) {
      throw InputError(world_.where(entry + ".scenario"), entry + ".scenario",
                       "cannot read city scenario file '" + file.string() + "'");
    }
    std::vector<std::string> overrides = city_overrides(city);
    Scenario scenario = load_scenario(file, overrides);
    if (scenario.config.data_dir.empty() && !data_dir_.empty()) {
      overrides.push_back("data_dir=" + quoted(data_dir_.string()));
      scenario = load_scenario(file, overrides);
    }
    const std::string& ubigeo = scenario.config.city.ubigeo;
    const std::string label = ubigeo.size() == 6 ? ubigeo : scenario.config.name;
    put_on_world_calendar(scenario, world_, entry, city_seed(world_.config.seed, label));
    add(label, entry, resolve_district_data(std::move(scenario)));
  }

  // The entry's keys are read once; each of its municipalities is that scenario with its own
  // ubigeo, names and seed, resolved from the tables in parallel (each resolution is independent).
  void add_ubigeo(const WorldCityConfig& city, const std::string& entry) {
    const NationalTables& national = tables(entry);
    const std::string prefix = city.ubigeo == kWholeCountry ? "" : city.ubigeo;
    const std::vector<TableMunicipality> found = national.municipalities(prefix);
    if (found.empty()) {
      throw InputError(world_.where(entry + ".ubigeo"), entry + ".ubigeo",
                       "ubigeo '" + city.ubigeo + "' matches no district of the INEI 2025 directory");
    }
    const std::int64_t sampling = city.sampling > 0 ? city.sampling : world_.config.sampling;
    // city.name and city.ubigeo stand for every municipality's own until each is set below.
    std::vector<std::string> overrides = {"city.name=" + quoted(found.front().name),
                                          "city.ubigeo=" + quoted(found.front().ubigeo),
                                          "city.sampling=" + std::to_string(sampling),
                                          "data_dir=" + quoted(data_dir_.string())};
    overrides.insert(overrides.end(), city.set.begin(), city.set.end());
    Scenario base = world_.config.municipality_scenario.empty()
                        ? load_scenario_text("name: municipality\n", world_.source + " (" + entry + ")",
                                             world_.base_dir, overrides)
                        : load_scenario(world_path(world_, world_.config.municipality_scenario), overrides);
    check_calendar(base, world_, entry);
    base.config.start_date = world_.config.start_date;
    base.config.days = world_.config.days;
    for (const char* key : {"name", "seed"}) base.given_keys.insert(key);
    std::vector<ResolvedScenario> resolved(found.size());
    const BudgetTables& money = budgets();
    for_each_chunk(parallel_, found.size(), 1, [&](std::size_t i, std::size_t, std::size_t) {
      Scenario scenario = base;
      scenario.config.name = found[i].ubigeo;
      scenario.config.city.name = found[i].name;
      scenario.config.city.ubigeo = found[i].ubigeo;
      scenario.config.seed = city_seed(world_.config.seed, found[i].ubigeo);
      resolved[i] = resolve_district_data(std::move(scenario), national, money);
    });
    for (std::size_t i = 0; i < found.size(); ++i) add(found[i].ubigeo, entry, std::move(resolved[i]));
  }

  void add(const std::string& label, const std::string& entry, ResolvedScenario resolved) {
    if (const auto [listed, fresh] = entries_.emplace(label, entry); !fresh) {
      throw InputError(world_.where(entry), entry,
                       "municipality " + label + " is already in the world (" + listed->second + ")");
    }
    WorldMunicipality municipality{label, entry, profile_of(resolved.scenario), std::move(resolved)};
    if (tables_) municipality.profile.incentive_type = incentive_type(municipality.profile, *type_a_population_);
    municipalities_.push_back(std::move(municipality));
  }

  const NationalTables& tables(const std::string& entry) {
    if (!tables_) {
      if (data_dir_.empty()) {
        throw InputError(world_.where(entry + ".ubigeo"), entry + ".ubigeo",
                         "a ubigeo needs the national tables; set data_dir in the world scenario, --data-dir, or the "
                         "MUNISIM_DATA_DIR environment variable");
      }
      tables_ = NationalTables::load(data_dir_);
      type_a_population_ = type_a_population(*tables_);
    }
    return *tables_;
  }

  const BudgetTables& budgets() {
    if (!budgets_) budgets_ = BudgetTables::load(data_dir_);
    return *budgets_;
  }

  const WorldScenario& world_;
  std::filesystem::path data_dir_;
  Parallelism parallel_;
  std::optional<NationalTables> tables_;
  std::optional<double> type_a_population_;
  std::optional<BudgetTables> budgets_;
  std::map<std::string, std::string> entries_;  // label -> the entry that listed it
  std::vector<WorldMunicipality> municipalities_;
};

}  // namespace

std::int64_t city_seed(std::int64_t world_seed, const std::string& label) {
  const bool digits = !label.empty() && label.size() <= 18 && label.find_first_not_of("0123456789") == std::string::npos;
  const std::uint64_t entity = digits ? std::stoull(label) : stream_purpose(label);
  RandomStream stream(static_cast<std::uint64_t>(world_seed), entity, 0, stream_purpose("world.city_seed"));
  return static_cast<std::int64_t>(stream.next_u64() >> 11);
}

std::vector<WorldMunicipality> expand_municipalities(const WorldScenario& world, int threads) {
  return Expander(world, threads).run();
}

}  // namespace munisim
