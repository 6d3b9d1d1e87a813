// Municipal money from the national tables: each municipality's 2024 budget (PIM, MEF Consulta
// Amigable) and, for the municipalities FACTS-funding.md transcribed, the FONCOMUN and canon they
// received in 2024. Keyed by the 6-digit ubigeo of the municipality's seat.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace munisim {

class BudgetTables {
 public:
  // InputError when a table is missing or malformed.
  [[nodiscard]] static BudgetTables load(const std::filesystem::path& data_dir);
  // Built from values directly (tests).
  BudgetTables(std::map<std::string, double> pim_2024, std::map<std::string, double> transfers_2024);

  [[nodiscard]] std::optional<double> pim_soles(const std::string& ubigeo) const;
  [[nodiscard]] std::optional<double> transfers_soles_per_yr(const std::string& ubigeo) const;

  static constexpr const char* kBudgetFile = "peru-funding/mef_municipal_budget_2024_2025_scraped_2025-03.csv";
  static constexpr const char* kTransfersFile = "peru-funding/foncomun_canon_selected_municipalities_2023_2026.csv";

 private:
  std::map<std::string, double> pim_2024_;
  std::map<std::string, double> transfers_2024_;  // FONCOMUN + canon total
};

}  // namespace munisim
