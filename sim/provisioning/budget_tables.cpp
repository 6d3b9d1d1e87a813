#include "sim/provisioning/budget_tables.hpp"

#include <cmath>

#include "sim/data/csv.hpp"

namespace munisim {
namespace {

std::optional<double> found(const std::map<std::string, double>& table, const std::string& ubigeo) {
  const auto entry = table.find(ubigeo);
  if (entry == table.end()) return std::nullopt;
  return entry->second;
}

}  // namespace

BudgetTables::BudgetTables(std::map<std::string, double> pim_2024, std::map<std::string, double> transfers_2024)
    : pim_2024_(std::move(pim_2024)), transfers_2024_(std::move(transfers_2024)) {}

BudgetTables BudgetTables::load(const std::filesystem::path& data_dir) {
  // A data folder without the funding tables gives every municipality the per-head rules.
  if (!std::filesystem::exists(data_dir / kBudgetFile)) return {{}, {}};
  // The March 2025 scrape: the whole of 2024 (the February one may lack closing adjustments).
  const CsvTable budget = read_csv(data_dir / kBudgetFile, ',');
  const std::size_t year = budget.column("anio"), ubigeo = budget.column("ubigeo"), pim = budget.column("pim");
  std::map<std::string, double> pims;
  for (const auto& row : budget.rows) {
    const double value = parse_number(row[pim]);
    if (row[year] == "2024" && !std::isnan(value)) pims[row[ubigeo]] = value;
  }
  if (!std::filesystem::exists(data_dir / kTransfersFile)) return {std::move(pims), {}};
  const CsvTable received = read_csv(data_dir / kTransfersFile, ',');
  const std::size_t code = received.column("ubigeo"), canon = received.column("canon_total_2024"),
                    foncomun = received.column("foncomun_2024");
  std::map<std::string, double> transfers;
  for (const auto& row : received.rows) {
    const double canon_soles = parse_number(row[canon]), foncomun_soles = parse_number(row[foncomun]);
    if (!std::isnan(foncomun_soles)) transfers[row[code]] = foncomun_soles + (std::isnan(canon_soles) ? 0 : canon_soles);
  }
  return {std::move(pims), std::move(transfers)};
}

std::optional<double> BudgetTables::pim_soles(const std::string& ubigeo) const { return found(pim_2024_, ubigeo); }

std::optional<double> BudgetTables::transfers_soles_per_yr(const std::string& ubigeo) const {
  return found(transfers_2024_, ubigeo);
}

}  // namespace munisim
