// munisim command line: run a scenario, validate one, inspect an output.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "munisim/version.hpp"
#include "sim/app/commands.hpp"
#include "sim/core/error.hpp"
#include "sim/experiment/cluster.hpp"
#include "sim/io/output_error.hpp"

namespace {

void add_checkpoint_options(CLI::App* command, munisim::app::Checkpointing& checkpointing) {
  command->add_option("--checkpoint-every", checkpointing.every_days, "write a checkpoint every N days")
      ->check(CLI::PositiveNumber);
  command->add_option("--checkpoint", checkpointing.path, "checkpoint file (default: the output's name with .ckpt)");
  command->add_option("--stop-after", checkpointing.stop_after,
                      "stop after this many days of the run, with a checkpoint there and no output")
      ->check(CLI::PositiveNumber);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace munisim::app;
  CLI::App cli{"munisim: agent-based simulation of municipal services"};
  cli.set_version_flag("--version", std::string(munisim::kVersion) + " (" + munisim::kGitDescribe + ")");
  cli.require_subcommand(1);

  RunOptions run;
  CLI::App* run_cli = cli.add_subcommand("run", "run a scenario and write its HDF5 output");
  run_cli->add_option("scenario", run.scenario, "scenario YAML file")->required();
  run_cli->add_option("--out,-o", run.out, "output file (default: out/<scenario name>.h5)");
  run_cli->add_option("--seed", run.seed, "random seed (overrides the scenario's)");
  run_cli->add_option("--days", run.days, "number of days to simulate (overrides the scenario's)");
  run_cli->add_option("--threads", run.threads, "worker threads (default: the cores this process may run on; under mpirun, its rank's)")->check(CLI::NonNegativeNumber);
  run_cli->add_option("--set", run.overrides, "override a scenario key: --set city.sampling=10");
  run_cli->add_option("--data-dir", run.data_dir, "folder of the public data tables (for city.ubigeo)");
  run_cli->add_flag("--quiet,-q", run.quiet, "print only errors");
  run_cli->add_flag("--timings", run.timings, "after the run, print the time each system took (wall, CPU, cores kept busy)");
  add_checkpoint_options(run_cli, run.checkpointing);

  ResumeOptions resume;
  CLI::App* resume_cli = cli.add_subcommand("resume", "finish a run from its checkpoint");
  resume_cli->add_option("checkpoint", resume.checkpoint, "checkpoint file written by run --checkpoint-every")
      ->required();
  resume_cli->add_option("--out,-o", resume.out, "output file (default: out/<scenario name>.h5)");
  resume_cli->add_option("--threads", resume.threads, "worker threads (default: the cores this process may run on; under mpirun, its rank's)")
      ->check(CLI::NonNegativeNumber);
  resume_cli->add_flag("--quiet,-q", resume.quiet, "print only errors");
  resume_cli->add_flag("--timings", resume.timings, "after the run, print the time each system took (wall, CPU, cores kept busy)");
  add_checkpoint_options(resume_cli, resume.checkpointing);

  ExperimentOptions experiment;
  CLI::App* experiment_cli = cli.add_subcommand(
      "experiment", "run an experiment's variants x replications and summarise them (docs/experiments.md)");
  experiment_cli->add_option("spec", experiment.spec, "experiment spec YAML file")->required();
  experiment_cli->add_option("--out,-o", experiment.out, "output file (default: out/<experiment name>.h5)");
  experiment_cli->add_option("--html", experiment.html, "comparison report (default: the output's name with .html)");
  experiment_cli->add_option("--threads", experiment.threads, "threads per run (default: chosen with --jobs)")
      ->check(CLI::NonNegativeNumber);
  experiment_cli->add_option("--jobs,-j", experiment.jobs, "runs at once (default: fill the cores)")
      ->check(CLI::NonNegativeNumber);
  experiment_cli->add_flag("--resume", experiment.resume, "continue an interrupted experiment, skipping finished runs");
  experiment_cli->add_option("--data-dir", experiment.data_dir, "folder of the public data tables (for city.ubigeo)");
  experiment_cli->add_flag("--quiet,-q", experiment.quiet, "print only errors");

  std::string scenario;
  std::vector<std::string> overrides;
  bool print_resolved = false;
  CLI::App* validate_cli = cli.add_subcommand("validate", "check a scenario without running it");
  validate_cli->add_option("scenario", scenario, "scenario YAML file")->required();
  validate_cli->add_option("--set", overrides, "override a scenario key");
  std::string validate_data_dir;
  validate_cli->add_option("--data-dir", validate_data_dir, "folder of the public data tables (for city.ubigeo)");
  validate_cli->add_flag("--print", print_resolved, "print the fully resolved scenario as YAML");

  std::string output;
  CLI::App* info_cli = cli.add_subcommand("info", "describe an output file and print its KPI summary");
  info_cli->add_option("output", output, "munisim HDF5 output")->required();

  CLI::App* reference_cli = cli.add_subcommand("reference", "print the scenario key reference (Markdown)");

  std::string report_output, report_html, report_baseline;
  CLI::App* report_cli = cli.add_subcommand("report", "write a self-contained HTML report of an output file");
  report_cli->add_option("output", report_output, "munisim HDF5 output")->required();
  report_cli->add_option("-o,--out", report_html, "HTML file (default: the output's name with .html)");
  report_cli->add_option("--baseline", report_baseline, "another run of the same city to compare against");

  std::vector<std::string> view_outputs;
  int view_port = 0;
  CLI::App* view_cli = cli.add_subcommand("view", "open outputs in the web viewer (served on 127.0.0.1 only)");
  view_cli->add_option("outputs", view_outputs, "munisim HDF5 output, and a second one to compare with it")
      ->required()
      ->expected(1, 2);
  view_cli->add_option("--port", view_port, "port on 127.0.0.1 (default: a free one)")->check(CLI::Range(0, 65535));

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = cli.exit(error);
    return code == 0 ? kExitOk : kExitBadInput;
  }

  int code = kExitInternal;
  try {
    if (*run_cli) return run_command(run);
    if (*experiment_cli) return experiment_command(experiment);
    if (*resume_cli) return resume_command(resume);
    if (*validate_cli) return validate_command(scenario, with_data_dir(overrides, validate_data_dir), print_resolved);
    if (*info_cli) return info_command(output);
    if (*reference_cli) return reference_command();
    if (*report_cli) return report_command(report_output, report_html, report_baseline);
    if (*view_cli) return view_command(view_outputs, view_port, argv[0]);
  } catch (const munisim::InputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    code = kExitBadInput;
  } catch (const munisim::OutputError& error) {
    std::fprintf(stderr, "error: %s; no output written\n", error.what());
    code = kExitOutputFailed;
  } catch (const munisim::Interrupted&) {
    std::fprintf(stderr, "interrupted: no output written\n");
    code = kExitInterrupted;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "internal error: %s\n", error.what());
    code = kExitInternal;
  }
  std::fflush(stderr);
  munisim::end_job_after_error(code);
  return code;
}
