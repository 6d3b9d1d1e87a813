"""Calibration recovers a parameter from targets the model itself produced, writes a scenario that
extends the original with only the fitted keys, and refuses bad input before any run."""
import os
import sys

import numpy as np
import pytest
import yaml

import munisim
import processes
from munisim import calibration
from munisim.evaluation import Model
from conftest import PYTHON_PACKAGE_DIR

PEAK_VEHICLES = {"series": "transit_vehicles_in_service", "reduce": "max"}
RECOVERED = {"series": "waste_recovered_by_recyclers_t", "reduce": "daily_mean"}


def spec_file(tmp_path, repo_root, **changes):
    spec = {
        "model": {"scenario": str(repo_root / "scenarios" / "demo.yaml"), "days": 2, "seeds": [1]},
        "parameters": [{"key": "mobility.transit.headway_factor", "low": 0.2, "high": 2.0}],
        "targets": [{"name": "peak_vehicles", "kpi": PEAK_VEHICLES, "value": 0, "sd": 1, "unit": "vehicles",
                     "source": "the model at headway_factor 0.5"},
                    {"name": "recovered", "kpi": RECOVERED, "value": 0.1, "sd": 0.05, "fit": False}],
        "trials": 16, "seed": 3, "batch": 4,
        "output": str(tmp_path / "demo-calibrated.yaml"), "report": str(tmp_path / "demo-fit.md"),
    }
    spec.update(changes)
    path = tmp_path / "calibration.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path, spec


@pytest.fixture(scope="module")
def peak_vehicles(repo_root):
    """The demo's peak transit vehicles over 2 days at headway factors 0.5 and 1.0, each run once."""
    def at(factor):
        scenario = munisim.Scenario.load(repo_root / "scenarios" / "demo.yaml").set("mobility.transit.headway_factor",
                                                                                    factor)
        return float(np.max(munisim.run(scenario, days=2)["transit_vehicles_in_service"]))

    return {factor: at(factor) for factor in (0.5, 1.0)}


def test_timetable_vehicles_scale_with_the_frequency(peak_vehicles):
    # Vehicles on the road = run time / headway: halving every headway doubles them.
    assert peak_vehicles[0.5] == pytest.approx(2 * peak_vehicles[1.0])


def test_calibration_recovers_a_known_headway_factor(repo_root, peak_vehicles):
    observed = peak_vehicles[0.5]
    model = Model(str(repo_root / "scenarios" / "demo.yaml"), kpis={}, seeds=(1,), days=2)
    target = calibration.Target("peak_vehicles", PEAK_VEHICLES, observed, sd=observed * 0.02)
    found = calibration.calibrate(model, [{"key": "mobility.transit.headway_factor", "low": 0.2, "high": 2.0}],
                                  [target], trials=40, seed=5, batch=4)
    assert found.best["mobility.transit.headway_factor"] == pytest.approx(0.5, rel=0.05)
    assert found.loss < 9  # within three standard deviations
    assert found.trials["params_mobility.transit.headway_factor"].iloc[0] == 1.0  # the scenario as it is comes first
    # Seeded: a shorter calibration with the same seed proposes the same first trials with the same losses.
    short = calibration.calibrate(model, [{"key": "mobility.transit.headway_factor", "low": 0.2, "high": 2.0}],
                                  [target], trials=8, seed=5, batch=4)
    assert short.trials.equals(found.trials.head(8))


def test_written_scenario_extends_the_original_with_only_the_fitted_keys(repo_root, tmp_path, munisim_bin,
                                                                         peak_vehicles):
    path, spec = spec_file(tmp_path, repo_root)
    observed = peak_vehicles[0.5]
    spec["targets"][0]["value"] = observed
    spec["targets"][0]["sd"] = observed * 0.05
    spec["parameters"][0]["range_source"] = "from five times to half the feed's frequencies"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    result = processes.run([sys.executable, "-m", "munisim.calibration", path, "--workers", "2"], timeout=300,
                           env={**os.environ, "PYTHONPATH": str(PYTHON_PACKAGE_DIR)})
    assert result.returncode == 0, result.stderr
    output = tmp_path / "demo-calibrated.yaml"
    written = yaml.safe_load(output.read_text())
    assert set(written) == {"extends", "mobility"}
    assert written["mobility"] == {"transit": {"headway_factor": pytest.approx(0.5, rel=0.1)}}
    assert (tmp_path / written["extends"]).resolve() == (repo_root / "scenarios" / "demo.yaml").resolve()
    text = output.read_text()
    assert "#   target peak_vehicles " in text and "munisim.calibration" in text and "TPE seed 3, 16 trials" in text
    assert "Held out (not fitted): recovered" in text
    assert "#   range: from five times to half the feed's frequencies\n" in text  # the range's provenance
    validate = processes.run([munisim_bin, "validate", output], timeout=60)
    assert validate.returncode == 0, validate.stderr
    loaded = munisim.Scenario.load(output)
    assert loaded.get("name") == "demo" and loaded.get("waste.fleet.trucks") == 3  # the rest is the original's
    report = (tmp_path / "demo-fit.md").read_text()
    assert "| recovered | held out |" in report and "| peak_vehicles | fitted |" in report


@pytest.mark.parametrize("change, message", [
    ({"targets": [{"name": "x", "kpi": {"series": "no_such_series"}, "value": 1, "sd": 1}]}, "no series 'no_such_series'"),
    ({"targets": [{"name": "x", "kpi": {"series": "mobility_trips", "select": {"mode": "tram"}}, "value": 1,
                   "sd": 1}]}, "mode has no label 'tram'"),
    ({"parameters": [{"key": "mobility.transit.headway_factor", "low": 0.01, "high": 2}]}, "leaves the allowed range"),
    ({"parameters": [{"key": "waste.fleet.truks", "low": 1, "high": 2}]}, "waste.fleet.truks: not a scenario key"),
    ({"parameters": [{"key": "waste.fleet.trucks", "low": 4, "high": 4}]}, "empty range"),
    ({"targets": [{"name": "x", "kpi": PEAK_VEHICLES, "value": 1, "sd": 0}]}, "sd is 0"),
])
def test_bad_input_exits_2_with_a_message_before_any_run(repo_root, tmp_path, change, message):
    path, _ = spec_file(tmp_path, repo_root, **change)
    result = processes.run([sys.executable, "-m", "munisim.calibration", path, "--workers", "1"], timeout=120,
                           env={**os.environ, "PYTHONPATH": str(PYTHON_PACKAGE_DIR)})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "demo-calibrated.yaml").exists()


def test_a_misspelt_model_key_exits_2_naming_it(repo_root, tmp_path):
    model = {"scenario": str(repo_root / "scenarios" / "demo.yaml"), "day": 2, "seeds": [1]}
    path, _ = spec_file(tmp_path, repo_root, model=model)
    result = processes.run([sys.executable, "-m", "munisim.calibration", path, "--workers", "1"], timeout=120,
                           env={**os.environ, "PYTHONPATH": str(PYTHON_PACKAGE_DIR)})
    assert result.returncode == 2, result.stderr
    assert "model: unknown keys day (did you mean days?)" in result.stderr
    assert not (tmp_path / "demo-calibrated.yaml").exists()


@pytest.mark.parametrize("city", ["trujillo", "arequipa"])
def test_shipped_calibrated_scenarios_validate_and_have_their_fit_report(repo_root, munisim_bin, city):
    scenario = repo_root / "scenarios" / f"{city}-calibrated.yaml"
    result = processes.run([munisim_bin, "validate", scenario], timeout=120)
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load(scenario.read_text())
    base = {"trujillo": "trujillo-by-demand.yaml", "arequipa": "arequipa-sit-fleet.yaml"}[city]
    assert written["extends"] == base
    assert "# Command: /usr/bin/python3 -m munisim.calibration" in scenario.read_text()
    report = (repo_root / "scenarios" / "calibration" / f"{city}-fit.md").read_text()
    assert "held out" in report
