"""munisim experiment: located spec errors, the file's runs and summary against a direct computation,
common random numbers, paired differences, independence of --jobs/--threads, resume after an
interruption, and Python's munisim.experiment giving the CLI's results with any executor."""
import concurrent.futures
import multiprocessing
import time

import h5py
import numpy as np
import pytest
from scipy import stats

import processes
from experiment_runs import run_experiment, whole_and_interrupted

TINY = "tests/experiment/tiny-experiment.yaml"


@pytest.fixture(scope="module")
def tiny_file(munisim_bin, repo_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("experiment") / "tiny.h5"
    result = run_experiment(munisim_bin, repo_root / TINY, out, "--jobs", "1", "--threads", "1")
    assert result.returncode == 0, result.stderr
    return out, result


def write_spec(tmp_path, repo_root, body):
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"scenario: {repo_root / 'scenarios' / 'demo.yaml'}\n" + body)
    return spec


@pytest.mark.parametrize("body, message", [
    ("replicatons: 3\n", "spec.yaml:2:1: replicatons: unknown key 'replicatons'; did you mean 'replications'?"),
    ("grid:\n  waste.fleet.trucks: []\n", "spec.yaml:3:23: grid.waste.fleet.trucks: has no values"),
    ("variants:\n  a:\n    waste.fleet.truks: 4\n",
     "spec.yaml:4:24: variants.a.waste.fleet.truks: unknown key 'truks'; did you mean 'trucks'?"),
    ("grid:\n  waste.fleet.capacity_t: [6, -2]\n", "spec.yaml:3:31: grid.waste.fleet.capacity_t[1]: -2 is"),
    ("days: 2\nkpis: [waste_colected_t]\n", "kpis[0]: 'waste_colected_t' is not a KPI series of the baseline"),
])
def test_bad_specs_exit_2_with_a_located_message_before_any_run(munisim_bin, repo_root, tmp_path, body, message):
    spec = write_spec(tmp_path, repo_root, body)
    out = tmp_path / "out.h5"
    result = run_experiment(munisim_bin, spec, out)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert not out.exists() and not (tmp_path / "out.h5.work").exists()


def test_file_holds_every_run_with_shared_seeds(tiny_file):
    out, result = tiny_file
    assert "wrote" in result.stdout
    assert (out.parent / "tiny.html").exists()
    with h5py.File(out, "r") as file:
        runs = file["runs"]
        assert sorted(runs) == [f"{i:04}" for i in range(9)]
        seeds = {}
        for run_id in runs:
            attrs = runs[run_id].attrs
            seeds.setdefault(int(attrs["replication"]), set()).add(int(attrs["seed"]))
            assert "seed=" + str(attrs["seed"]) in [o.decode() if isinstance(o, bytes) else o for o in attrs["overrides"]]
            assert runs[run_id]["series/waste_collected_t"].shape[0] == 4  # days: 4
        # Common random numbers: replication i has one seed, the same in every variant.
        assert seeds == {0: {1}, 1: {2}, 2: {3}}


def test_summary_matches_a_direct_computation(tiny_file):
    out, _ = tiny_file
    with h5py.File(out, "r") as file:
        runs = {name: file["summary/runs"][name][()] for name in file["summary/runs"]}
        summary = {name: file["summary/kpis"][name][()] for name in file["summary/kpis"]}
        # A run's KPI is its series condensed as the series says (total: summed over days and districts).
        collected = file["runs/0004/series/waste_collected_t"][()].sum()
    text = lambda column: [v.decode() for v in column]  # noqa: E731
    run_variant, run_kpi = text(runs["variant"]), text(runs["kpi"])
    row = [i for i in range(len(run_kpi)) if runs["run"][i] == b"0004" and run_kpi[i] == "waste_collected_t"][0]
    assert runs["value"][row] == pytest.approx(collected, rel=1e-12)

    def sample(variant, kpi):
        return np.array([runs["value"][i] for i in range(len(run_kpi)) if run_variant[i] == variant and run_kpi[i] == kpi])

    variants, kpis = text(summary["variant"]), text(summary["kpi"])
    assert variants[::2] == ["three-trucks", "two-trucks", "same-as-baseline"]
    for i, (variant, kpi) in enumerate(zip(variants, kpis)):
        values = sample(variant, kpi)
        baseline = sample("three-trucks", kpi)
        t = stats.t.ppf(0.975, len(values) - 1)
        assert summary["n"][i] == 3
        assert summary["mean"][i] == pytest.approx(values.mean(), rel=1e-12)
        assert summary["std"][i] == pytest.approx(values.std(ddof=1), rel=1e-9)
        half = t * values.std(ddof=1) / np.sqrt(3)
        assert summary["ci95_low"][i] == pytest.approx(values.mean() - half, rel=1e-9)
        assert summary["ci95_high"][i] == pytest.approx(values.mean() + half, rel=1e-9)
        differences = values - baseline
        assert summary["diff_mean"][i] == pytest.approx(differences.mean(), abs=1e-9)
        half = t * differences.std(ddof=1) / np.sqrt(3)
        assert summary["diff_ci95_high"][i] == pytest.approx(differences.mean() + half, abs=1e-9)
        if variant in ("three-trucks", "same-as-baseline"):  # the same seeds and scenario: exactly zero
            for column in ("diff_mean", "diff_std", "diff_ci95_low", "diff_ci95_high"):
                assert summary[column][i] == 0.0
    # Two trucks instead of three collect less, replication by replication.
    fewer = [i for i, v in enumerate(variants) if v == "two-trucks" and kpis[i] == "waste_collected_t"][0]
    assert summary["diff_ci95_high"][fewer] < 0


def test_same_bytes_for_any_jobs_and_threads(munisim_bin, repo_root, tmp_path, tiny_file):
    out, _ = tiny_file
    other = tmp_path / "tiny.h5"
    result = run_experiment(munisim_bin, repo_root / TINY, other, "--jobs", "3", "--threads", "2", "--quiet")
    assert result.returncode == 0, result.stderr
    assert other.read_bytes() == out.read_bytes()


def test_interrupted_experiment_resumes_to_the_same_bytes(munisim_bin, repo_root, tmp_path, children):
    spec = tmp_path / "resume.yaml"
    spec.write_text((repo_root / TINY).read_text().replace("../../scenarios/demo.yaml",
                                                           str(repo_root / "scenarios" / "demo.yaml"))
                    .replace("days: 4", "days: 25"))
    whole, out, returncode, stderr, kept = whole_and_interrupted(children, munisim_bin, spec, tmp_path)
    work = tmp_path / "out.h5.work"
    assert returncode == 130, stderr
    assert "--resume" in stderr and not out.exists()
    assert 2 <= kept < 9

    refused = run_experiment(munisim_bin, spec, out)
    assert refused.returncode == 2 and "--resume" in refused.stderr

    resumed = run_experiment(munisim_bin, spec, out, "--resume", "--jobs", "3")
    assert resumed.returncode == 0, resumed.stderr
    assert f"9 runs, {9 - kept} to do" in resumed.stderr
    assert out.read_bytes() == whole.read_bytes()
    assert not work.exists()


def test_a_killed_experiment_keeps_only_complete_runs(munisim_bin, repo_root, tmp_path, children, tiny_file):
    whole, _ = tiny_file
    out = tmp_path / "tiny.h5"
    spec = repo_root / TINY
    child = children.start([munisim_bin, "experiment", spec, "--out", out, "--jobs", "2", "--quiet"],
                           stdout=processes.subprocess.DEVNULL, stderr=processes.subprocess.DEVNULL)
    work = tmp_path / "tiny.h5.work"
    deadline = time.monotonic() + 120
    while not (work.exists() and any(work.glob("run-*.h5"))):
        assert child.poll() is None and time.monotonic() < deadline
        time.sleep(0.005)
    child.kill()
    child.wait()
    resumed = run_experiment(munisim_bin, spec, out, "--resume", "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == whole.read_bytes()


def summary_of(path):
    import munisim

    return munisim.open_experiment(path).summary.reset_index(drop=True)


def test_python_gives_the_cli_summary_with_a_thread_pool(repo_root, tmp_path, tiny_file):
    import pandas as pd

    import munisim

    cli_file, _ = tiny_file
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        result = munisim.experiment(repo_root / TINY, executor=pool, out=tmp_path / "py.h5")
    pd.testing.assert_frame_equal(result.summary.reset_index(drop=True), summary_of(cli_file))
    assert result.differences["variant"].tolist() == ["two-trucks"] * 2 + ["same-as-baseline"] * 2
    assert (result.differences.loc[result.differences["variant"] == "same-as-baseline", "diff_mean"] == 0).all()
    wide = result.wide()
    assert list(wide.columns[-2:]) == ["waste_collected_t", "waste_street_stock_t"] and len(wide) == 9
    ax = result.plot("waste_collected_t", differences=True)
    assert "t)" in ax.get_xlabel()


def test_python_gives_the_cli_summary_with_processes_and_a_dict_spec(repo_root, tmp_path, tiny_file):
    import pandas as pd
    import yaml

    import munisim

    cli_file, _ = tiny_file
    spec = yaml.safe_load((repo_root / TINY).read_text())
    context = multiprocessing.get_context("spawn")  # no fork of a process with engine threads
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
        result = munisim.experiment(spec, executor=pool, base_dir=repo_root / "tests" / "experiment")
    pd.testing.assert_frame_equal(result.summary.reset_index(drop=True), summary_of(cli_file))


def test_python_gives_the_cli_summary_with_dask(repo_root, tmp_path, tiny_file):
    import pandas as pd

    distributed = pytest.importorskip("distributed")
    import munisim

    cli_file, _ = tiny_file
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = munisim.experiment(repo_root / TINY, executor=client, out=tmp_path / "dask.h5")
    pd.testing.assert_frame_equal(result.summary.reset_index(drop=True), summary_of(cli_file))


def test_experiment_file_matches_docs_output_format(repo_root, tiny_file):
    from test_output_format import documented_layout, objects, pattern

    out, _ = tiny_file
    layout = documented_layout(repo_root, "## Experiment files")
    assert len(layout) >= 10
    with h5py.File(out, "r") as file:
        names = objects(file)
        for name in names:
            assert any(pattern(path).match(name) for path, _, _ in layout), f"{name} is not in docs/output-format.md"
        for path, kind, attributes in layout:
            matching = [name for name in names if pattern(path).match(name)] if path != "/" else []
            assert matching, f"nothing in the file matches {path}"
            for name in matching:
                for attribute in attributes:
                    if attribute == "labels_<dim>":
                        continue
                    assert attribute in file[name].attrs, f"{name} lacks attribute {attribute}"
