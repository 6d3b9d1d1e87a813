#include "sim/data/national_tables.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "sim/core/error.hpp"
#include "sim/data/csv.hpp"

namespace munisim {
namespace {

constexpr const char* kInei = "peru-districts/inei_municipalidades_2025.csv";
constexpr const char* kMinam = "peru-districts/minam_residuos_distrital_2019_2023.csv";
constexpr const char* kAttributes = "district-attributes/ubigeo_distrito.csv";
constexpr const char* kComposition = "minam-waste/minam_composicion_domiciliaria_2019_2023.csv";

// MINAM's 33 categories of household waste (QRESIDUOS_<name>, t/yr) grouped into the waste
// service's six fractions: organic, paper_cardboard, plastic, glass, metal, other.
constexpr std::pair<const char*, std::size_t> kCompositionCategories[] = {
    {"ALIMENTOS", 0},
    {"MALEZA", 0},
    {"OTROS_ORGANICOS", 0},
    {"PAPEL_BLANCO", 1},
    {"PAPEL_PERIODICO", 1},
    {"PAPEL_MIXTO", 1},
    {"CARTON_BLANCO", 1},
    {"CARTON_MARRON", 1},
    {"CARTON_MIXTO", 1},
    {"TETRABRICK", 1},
    {"TEREFLATO_POLIETILENO", 2},
    {"POLIETILENO_ALTA_DENSIDAD", 2},
    {"POLIETILENO_BAJA_DENSIDAD", 2},
    {"POLIPROPILENO", 2},
    {"POLIESTIRENO", 2},
    {"POLICLORURO_VINILO", 2},
    {"BOLSAS_PLASTICAS", 2},
    {"TECNOPOR", 2},
    {"ENVOLTURAS_SNAKCS_OTROS", 2},
    {"VIDRIO_TRANSPARENTE", 3},
    {"VIDRIO_OTROS_COLORES", 3},
    {"VIDRIOS_OTROS", 3},
    {"LATA", 4},
    {"METALES_FERROSOS", 4},
    {"ALUMINIO", 4},
    {"OTROS_METALES", 4},
    {"SANITARIOS", 5},
    {"PILAS", 5},
    {"INERTES", 5},
    {"TEXTILES", 5},
    {"CAUCHO_CUERO", 5},
    {"MEDICAMENTOS", 5},
    {"OTROS_NO_CATEGORIZADOS", 5},
};
// Rules for missing values, stated once (docs/model.md "Districts from the national tables").
constexpr double kSettledDensityPerKm2 = 1000;  // area rule: the district's settled area
constexpr double kDefaultPoverty = 0.2;         // poverty rule when no poverty map value exists

std::string six_digits(const std::string& code) {
  return std::string(code.size() < 6 ? 6 - code.size() : 0, '0') + code;
}

std::string income_level(double poverty) {  // the rule the shipped scenarios use
  return poverty < 0.08 ? "high" : poverty < 0.20 ? "middle" : "low";
}

std::vector<std::string> split_codes(const std::string& codes) {
  std::vector<std::string> result;
  std::stringstream stream(codes);
  std::string code;
  while (std::getline(stream, code, ',')) {
    code.erase(0, code.find_first_not_of(' '));
    code.erase(code.find_last_not_of(' ') + 1);
    if (code.empty()) continue;
    const bool digits = code.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || (code.size() != 2 && code.size() != 4 && code.size() != 6)) {
      throw InputError({}, "city.ubigeo",
                       "'" + code + "' is not a ubigeo; expected 2 (department), 4 (province) or 6 (district) digits");
    }
    result.push_back(code);
  }
  return result;
}

// Shares of the six fractions in each district's household waste, from its 2023 row.
std::map<std::string, std::vector<double>> read_composition(const std::filesystem::path& file) {
  const CsvTable table = read_csv(file, ';');
  const std::size_t ubigeo = table.column("UBIGEO"), year = table.column("PERIODO");
  std::vector<std::pair<std::size_t, std::size_t>> columns;  // (csv column, fraction)
  for (const auto& [name, fraction] : kCompositionCategories) {
    columns.emplace_back(table.column(std::string("QRESIDUOS_") + name), fraction);
  }
  std::map<std::string, std::vector<double>> composition;
  for (const auto& row : table.rows) {
    if (row[year] != "2023") continue;
    std::vector<double> shares(kWasteFractions, 0.0);
    double total = 0;
    for (const auto& [column, fraction] : columns) {
      const double tonnes = parse_number(row[column]);
      if (std::isnan(tonnes) || tonnes < 0) continue;
      shares[fraction] += tonnes;
      total += tonnes;
    }
    if (total <= 0) continue;
    for (double& share : shares) share /= total;
    composition[six_digits(row[ubigeo])] = std::move(shares);
  }
  return composition;
}

}  // namespace

NationalTables NationalTables::load(const std::filesystem::path& data_dir) {
  const CsvTable inei = read_csv(data_dir / kInei, ',');
  const CsvTable minam = read_csv(data_dir / kMinam, ';');
  const CsvTable attributes = read_csv(data_dir / kAttributes, ',');
  NationalTables tables;
  tables.directory_file_ = data_dir / kInei;
  const std::size_t m_ubigeo = minam.column("UBIGEO"), m_year = minam.column("PERIODO");
  const std::size_t m_urban = minam.column("POB_URBANA"), m_rural = minam.column("POB_RURAL");
  const std::size_t m_msw = minam.column("QRESIDUOS_MUN");
  for (const auto& row : minam.rows) {
    if (row[m_year] == "2023") {
      tables.waste_[six_digits(row[m_ubigeo])] = {parse_number(row[m_urban]), parse_number(row[m_rural]),
                                                  parse_number(row[m_msw])};
    }
  }
  const std::size_t a_ubigeo = attributes.column("inei"), a_area = attributes.column("superficie");
  const std::size_t a_poverty = attributes.column("pct_pobreza_total"), a_hdi = attributes.column("idh_2019");
  for (const auto& row : attributes.rows) {
    tables.attributes_[row[a_ubigeo]] = {parse_number(row[a_area]), parse_number(row[a_poverty]) / 100,
                                         parse_number(row[a_hdi])};
  }
  tables.composition_ = read_composition(data_dir / kComposition);
  const std::size_t i_ubigeo = inei.column("ubigeo"), i_name = inei.column("distrito");
  const std::size_t i_population = inei.column("población"), i_lat = inei.column("latitud");
  const std::size_t i_lon = inei.column("longitud");
  for (const auto& row : inei.rows) {
    tables.directory_.push_back({row[i_ubigeo], row[i_name], parse_number(row[i_population]), parse_number(row[i_lat]),
                                 parse_number(row[i_lon])});
  }
  return tables;
}

std::vector<TableMunicipality> NationalTables::municipalities(const std::string& prefix) const {
  std::vector<TableMunicipality> found;
  for (const Directory& entry : directory_) {
    if (entry.ubigeo.starts_with(prefix)) found.push_back({entry.ubigeo, entry.name, entry.population});
  }
  return found;
}

TableDistricts NationalTables::districts(const std::string& codes) const {
  TableDistricts result;
  int no_waste = 0, no_area = 0, no_poverty = 0, no_composition = 0, no_hdi = 0;
  for (const std::string& code : split_codes(codes)) {
    std::size_t matched = 0;
    for (const Directory& entry : directory_) {
      if (!entry.ubigeo.starts_with(code)) continue;
      ++matched;
      DistrictConfig district;
      district.ubigeo = entry.ubigeo;
      district.name = entry.name;
      district.population = std::max<std::int64_t>(1, std::llround(entry.population));
      district.latitude = entry.latitude;
      district.longitude = entry.longitude;
      if (const auto found = waste_.find(district.ubigeo); found != waste_.end() && !std::isnan(found->second.msw)) {
        district.urban_population = std::llround(found->second.urban);
        district.rural_population = std::llround(found->second.rural);
        district.msw_t_per_yr = found->second.msw;
      } else {
        ++no_waste;  // generation falls back to waste.generation.kg_per_capita_day
      }
      const auto found = attributes_.find(district.ubigeo);
      const bool has_area = found != attributes_.end() && found->second.area > 0;
      const bool has_poverty = found != attributes_.end() && !std::isnan(found->second.poverty);
      district.area_km2 = has_area ? found->second.area
                                   : std::max(0.01, static_cast<double>(district.population) / kSettledDensityPerKm2);
      district.poverty_share = has_poverty ? std::clamp(found->second.poverty, 0.0, 1.0) : kDefaultPoverty;
      no_area += has_area ? 0 : 1;
      no_poverty += has_poverty ? 0 : 1;
      district.income_level = income_level(district.poverty_share);
      const bool has_hdi = found != attributes_.end() && found->second.hdi > 0 && found->second.hdi <= 1;
      district.hdi = has_hdi ? found->second.hdi : 0;
      no_hdi += has_hdi ? 0 : 1;
      if (const auto shares = composition_.find(district.ubigeo); shares != composition_.end()) {
        district.waste_composition = shares->second;
      } else {
        ++no_composition;  // the city-wide waste.generation.composition applies
      }
      result.districts.push_back(district);
    }
    if (matched == 0) {
      throw InputError({directory_file_.string(), 0, 0}, "city.ubigeo",
                       "ubigeo '" + code + "' matches no district of the INEI 2025 directory");
    }
  }
  result.notes = {
      "population, latitude, longitude: INEI Directorio Nacional de Municipalidades 2025 (" + std::string(kInei) + ")",
      "urban/rural population, msw_t_per_yr: MINAM 2023 (" + std::string(kMinam) + "); " + std::to_string(no_waste) +
          " districts without a row use waste.generation.kg_per_capita_day",
      "area_km2, poverty_share: district attributes (" + std::string(kAttributes) + "); " + std::to_string(no_area) +
          " districts without an area use population / 1000 persons/km2, " + std::to_string(no_poverty) +
          " without poverty use 0.2",
      "income_level: poverty < 0.08 high, < 0.20 middle, otherwise low",
      "hdi: PNUD 2019 (idh_2019 in " + std::string(kAttributes) + "); " + std::to_string(no_hdi) +
          " districts without it have 0 (unknown)",
      "waste_composition: MINAM household waste composition 2023 (" + std::string(kComposition) +
          "), 33 categories grouped into 6 fractions; " + std::to_string(no_composition) +
          " districts without a row use waste.generation.composition"};
  return result;
}

TableDistricts districts_from_tables(const std::string& codes, const std::filesystem::path& data_dir) {
  return NationalTables::load(data_dir).districts(codes);
}

}  // namespace munisim
