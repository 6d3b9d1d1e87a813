"""Experiments of a world and worlds from Python (docs/experiments.md, "Experiments of a world";
docs/python.md, "Worlds"): the CLI's file and Python's agree, bad world keys are located, two MPI
ranks give the same bytes as one process, an interrupted world experiment resumes to the same
bytes, and a world run from Python gives the per-municipality KPIs the experiment keeps."""
import shutil

import h5py
import numpy as np
import pandas as pd
import pytest

import processes
from experiment_runs import run_experiment, whole_and_interrupted

SPEC = "tests/world/funding-experiment.yaml"


@pytest.fixture(scope="module")
def world_file(munisim_bin, repo_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("world-experiment") / "funding.h5"
    result = run_experiment(munisim_bin, repo_root / SPEC, out, "--jobs", "1", "--threads", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def test_file_holds_per_municipality_summaries(world_file):
    import munisim

    result = munisim.open_experiment(world_file)
    assert list(result.profiles["municipality"]) == ["tiny-town", "tiny-town-b", "tiny-town-c"]
    per_municipality = result.municipalities
    assert set(per_municipality["variant"]) == {"none", "formula", "same-as-none"}
    # The national total of a quantity is the sum of the municipalities', run by run.
    values = result.municipality_values()
    collected = values[values["kpi"] == "waste_collected_t"].groupby("run")["value"].sum()
    national = result.runs[result.runs["kpi"] == "waste_collected_t"].set_index("run")["value"]
    np.testing.assert_allclose(collected.loc[national.index].to_numpy(), national.to_numpy(), rtol=1e-12)
    # A copy of the baseline differs by exactly zero everywhere.
    copy = per_municipality[per_municipality["variant"] == "same-as-none"]
    assert (copy["diff_mean"] == 0).all() and (copy["diff_ci95_high"] == 0).all()
    with h5py.File(world_file, "r") as file:
        assert "tables/municipality_kpis" in file["runs/0000"]


def test_python_gives_the_cli_file(repo_root, tmp_path, world_file):
    import munisim
    from concurrent.futures import ThreadPoolExecutor

    out = tmp_path / "funding.h5"
    with ThreadPoolExecutor(2) as pool:
        munisim.experiment(repo_root / SPEC, executor=pool, out=out)
    assert out.read_bytes() == world_file.read_bytes()


def test_an_unknown_world_key_in_a_variant_exits_2_located(munisim_bin, repo_root, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"scenario: {repo_root / 'tests/world/tiny-world.yaml'}\nvariants:\n  a: {{}}\n"
                    "  b:\n    nation.formula_transfers.fund_soles_per_persn_yr: 3\n")
    out = tmp_path / "out.h5"
    result = run_experiment(munisim_bin, spec, out)
    assert result.returncode == 2, result.stderr
    assert ("spec.yaml:5:55: variants.b.nation.formula_transfers.fund_soles_per_persn_yr: unknown key "
            "'fund_soles_per_persn_yr'; did you mean 'fund_soles_per_person_yr'?") in result.stderr
    assert not out.exists() and not (tmp_path / "out.h5.work").exists()


def test_two_mpi_ranks_write_the_bytes_of_one_process(munisim_bin, repo_root, tmp_path, world_file):
    mpirun = shutil.which("mpirun")
    if mpirun is None:
        pytest.skip("no mpirun on this machine")
    out = tmp_path / "two.h5"
    result = processes.run([mpirun, "--allow-run-as-root", "--oversubscribe", "-n", "2", munisim_bin, "experiment",
                            repo_root / SPEC, "--out", out, "--jobs", "1", "--threads", "1", "--quiet"], timeout=600)
    if result.returncode == 2 and "built without MPI" in result.stderr:
        pytest.skip("this munisim was built without MPI")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == world_file.read_bytes()


def test_an_interrupted_world_experiment_resumes_to_the_same_bytes(munisim_bin, repo_root, tmp_path, children):
    spec = tmp_path / "resume.yaml"
    spec.write_text((repo_root / SPEC).read_text().replace("scenario: tiny-world.yaml",
                                                           f"scenario: {repo_root / 'tests/world/tiny-world.yaml'}")
                    .replace("days: 5", "days: 60"))
    whole, out, returncode, stderr, kept = whole_and_interrupted(children, munisim_bin, spec, tmp_path)
    assert returncode == 130, stderr
    assert 2 <= kept < 9 and not out.exists()
    resumed = run_experiment(munisim_bin, spec, out, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"9 runs, {9 - kept} to do" in resumed.stderr
    assert out.read_bytes() == whole.read_bytes()


def test_a_world_run_from_python_gives_the_municipality_kpis_an_experiment_keeps(repo_root, world_file):
    import munisim

    # Run 0003 is variant "formula", replication 0: seed 11 with formula transfers.
    world = munisim.run_world(repo_root / "tests/world/tiny-world.yaml",
                              set=["seed=11", "days=5", "nation.mechanisms=[formula_transfers]"], threads=2)
    assert list(world.municipalities["label"]) == ["tiny-town", "tiny-town-b", "tiny-town-c"]
    kpis = world.kpis()
    collected = kpis[kpis["kpi"] == "waste_collected_t"].set_index("municipality")["value"]
    kept = munisim.open_experiment(world_file).municipality_values()
    kept = kept[(kept["run"] == "0003") & (kept["kpi"] == "waste_collected_t")].set_index("municipality")["value"]
    pd.testing.assert_series_equal(collected.sort_index(), kept.sort_index(), check_names=False)
    transfers = world.nation_series("nation_transfers_soles")
    assert transfers["value"].sum() > 0 and set(transfers["mechanism"]) == {"formula_transfers"}


def test_a_bad_world_file_raises_a_located_scenario_error(repo_root, tmp_path):
    import munisim

    bad = tmp_path / "bad.yaml"
    bad.write_text(f"name: bad\ncities:\n  - scenario: {repo_root / 'tests/world/tiny-town.yaml'}\nnation:\n  mechanism: []\n")
    with pytest.raises(munisim.ScenarioError, match=r"bad.yaml:5:3: nation.mechanism: unknown key 'mechanism'"):
        munisim.run_world(bad)


def test_world_experiment_file_matches_docs_output_format(repo_root, world_file):
    from test_output_format import documented_layout, objects, pattern

    common = documented_layout(repo_root, "## Experiment files")
    world = documented_layout(repo_root, "## World experiment files")
    assert len(world) >= 10
    with h5py.File(world_file, "r") as file:
        names = objects(file)
        for name in names:
            assert any(pattern(path).match(name) for path, _, _ in common + world), f"{name} is not documented"
        for path, _, _ in world:
            assert any(pattern(path).match(name) for name in names), f"nothing in the file matches {path}"
