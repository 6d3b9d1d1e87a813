// A city of any Peruvian district, province or department built from the national tables alone
// (INEI 2025 population and coordinates, MINAM 2023 urban/rural population and waste, district
// area and poverty), with a documented rule wherever a table has no value. See docs/model.md.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sim/city/city_config.hpp"

namespace munisim {

struct TableDistricts {
  std::vector<DistrictConfig> districts;
  std::vector<std::string> notes;  // where each kind of value came from, and the rules applied
};

// A district of the INEI directory: one municipality (FACTS.md §4; the provincial municipality is
// the one of its province's capital district, ubigeo ending in 01).
struct TableMunicipality {
  std::string ubigeo;
  std::string name;
  double population = 0;  // persons, INEI 2025
};

// The three tables, read once.
class NationalTables {
 public:
  // The districts whose ubigeo starts with `prefix` (empty: all), in the directory's order.
  [[nodiscard]] std::vector<TableMunicipality> municipalities(const std::string& prefix) const;

  // InputError when a table is missing or malformed.
  [[nodiscard]] static NationalTables load(const std::filesystem::path& data_dir);
  // `codes`: comma-separated ubigeos; 6 digits name a district, 4 a province, 2 a department.
  // InputError when a code matches nothing.
  [[nodiscard]] TableDistricts districts(const std::string& codes) const;

 private:
  struct Waste {
    double urban, rural, msw;
  };
  struct Attributes {
    double area, poverty, hdi;
  };
  struct Directory {
    std::string ubigeo, name;
    double population, latitude, longitude;
  };
  std::filesystem::path directory_file_;
  std::vector<Directory> directory_;
  std::map<std::string, Waste> waste_;
  std::map<std::string, std::vector<double>> composition_;
  std::map<std::string, Attributes> attributes_;
};

[[nodiscard]] TableDistricts districts_from_tables(const std::string& codes, const std::filesystem::path& data_dir);

}  // namespace munisim
