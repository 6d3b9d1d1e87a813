#include "sim/experiment/finish.hpp"

#include "sim/experiment/comparison_report.hpp"

namespace munisim {

ExperimentResults finish_experiment(const ExperimentPlan& plan, const std::filesystem::path& work,
                                    const std::filesystem::path& out, const std::filesystem::path& html) {
  ExperimentResults results = collect_results(plan, work);
  write_experiment_file(plan, work, results, out);
  if (!html.empty()) write_comparison_report(html, plan, results);
  std::filesystem::remove_all(work);
  return results;
}

}  // namespace munisim
