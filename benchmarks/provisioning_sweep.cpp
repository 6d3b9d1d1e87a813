// Every municipality of Peru (1,891) built from the national tables with its services by rule
// (docs/provisioning.md) and run for a week at 1:1000 sampling: how many build with every
// service (the others with their reason), the share of generated waste each collects, the mass
// balance, the disposal sites by tonnage, and the sweep's wall time.
//   provisioning_sweep [data_dir] [sampling] [days]   (defaults ../shared/data, 1000, 7)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "sim/data/csv.hpp"
#include "tests/support/provisioned_run.hpp"

namespace {

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace munisim;
  const std::filesystem::path data = argc > 1 ? argv[1] : std::string(MUNISIM_SOURCE_DIR) + "/../shared/data";
  const int sampling = argc > 2 ? std::atoi(argv[2]) : 1000;
  const int days = argc > 3 ? std::atoi(argv[3]) : 7;
  const auto start = std::chrono::steady_clock::now();
  const NationalTables tables = NationalTables::load(data);
  const BudgetTables budgets = BudgetTables::load(data);
  const CsvTable inei = read_csv(data / "peru-districts/inei_municipalidades_2025.csv", ',');
  const std::size_t code = inei.column("ubigeo");
  std::vector<double> shares;
  std::vector<std::pair<double, std::string>> lowest;
  std::size_t built = 0, with_lines = 0, landfills = 0;
  double worst_balance = 0, landfill_t = 0, all_t = 0;
  for (const auto& row : inei.rows) {
    const testing::ProvisionedRun run = testing::provisioned_run(row[code], tables, budgets, sampling, days);
    if (!run.problem.empty()) {
      std::printf("not built: %s: %s\n", run.ubigeo.c_str(), run.problem.c_str());
      continue;
    }
    ++built;
    with_lines += run.transit_lines > 0 ? 1 : 0;
    if (run.generated_t > 0) {
      shares.push_back(run.collected_t / run.generated_t);
      lowest.emplace_back(shares.back(), run.ubigeo);
    }
    landfills += run.disposal_kind == "sanitary_landfill" ? 1 : 0;
    worst_balance = std::max(worst_balance, std::abs(run.balance_error_t) / (1 + run.generated_t));
    all_t += run.generated_t;
    landfill_t += run.disposal_kind == "sanitary_landfill" ? run.generated_t : 0;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("municipalities: %zu, built with every service: %zu, with bus lines: %zu\n", inei.rows.size(), built,
              with_lines);
  std::printf("collected / generated over %d days at 1:%d: p10 %.3f, p25 %.3f, median %.3f, p75 %.3f, p90 %.3f, "
              "min %.3f\n",
              days, sampling, quantile(shares, 0.1), quantile(shares, 0.25), quantile(shares, 0.5),
              quantile(shares, 0.75), quantile(shares, 0.9), quantile(shares, 0));
  std::sort(lowest.begin(), lowest.end());
  std::printf("lowest shares:");
  for (std::size_t i = 0; i < std::min<std::size_t>(5, lowest.size()); ++i) {
    std::printf(" %s %.3f", lowest[i].second.c_str(), lowest[i].first);
  }
  std::printf("\nmunicipalities with a sanitary landfill: %.3f\n", static_cast<double>(landfills) / static_cast<double>(built));
  std::printf("generated waste going to sanitary landfills: %.3f; worst relative mass-balance error: %.2e\n",
              all_t > 0 ? landfill_t / all_t : 0, worst_balance);
  std::printf("wall time: %.1f s on one core\n", seconds);
  return built == inei.rows.size() ? 0 : 1;
}
