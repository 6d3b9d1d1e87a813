"""Sensitivity estimators against functions whose indices are known, and a small run of the model."""
import numpy as np
import pytest

from munisim import sensitivity
from conftest import PYTHON_PACKAGE_DIR

ISHIGAMI_A, ISHIGAMI_B = 7.0, 0.1


def ishigami(x):
    return np.sin(x[:, 0]) + ISHIGAMI_A * np.sin(x[:, 1]) ** 2 + ISHIGAMI_B * x[:, 2] ** 4 * np.sin(x[:, 0])


def ishigami_indices():
    """Analytic first-order and total indices (Ishigami & Homma 1990; Sobol' & Levitan 1999)."""
    a, b, pi = ISHIGAMI_A, ISHIGAMI_B, np.pi
    v1 = 0.5 * (1 + b * pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * pi**8 * (1 / 18 - 1 / 50)
    variance = v1 + v2 + v13
    return np.array([v1, v2, 0]) / variance, np.array([v1 + v13, v2, v13]) / variance


PI_RANGE = [{"key": f"mobility.mode_choice.constants[{i}]", "low": -np.pi, "high": np.pi, "name": f"x{i + 1}"}
            for i in range(3)]


def test_sobol_indices_of_ishigami_match_the_analytic_values():
    first, total = ishigami_indices()
    found = sensitivity.sobol(ishigami, PI_RANGE, n=2048, seed=3, bootstrap=100)
    table = found.table.set_index("parameter")
    np.testing.assert_allclose(table.loc[["x1", "x2", "x3"], "S1"], first, atol=0.03)
    np.testing.assert_allclose(table.loc[["x1", "x2", "x3"], "ST"], total, atol=0.03)
    for name, expected in zip(["x1", "x2", "x3"], total):  # the intervals hold the true value
        assert table.loc[name, "ST_low"] - 0.01 <= expected <= table.loc[name, "ST_high"] + 0.01
    assert list(found.ranked("y")["parameter"]) == ["x1", "x2", "x3"]
    assert found.runs == 2048 * 5


def test_sobol_indices_of_a_linear_model_are_its_variance_shares():
    weights = np.array([4.0, 2.0, 1.0, 0.0])
    params = [{"key": f"mobility.mode_choice.constants[{i}]", "low": 0, "high": 1, "name": f"x{i}"} for i in range(4)]
    found = sensitivity.sobol(lambda x: x @ weights, params, n=2048, seed=1, bootstrap=50)
    shares = weights**2 / (weights**2).sum()  # uniform inputs: V_i = w_i^2 / 12
    table = found.table.set_index("parameter").loc[["x0", "x1", "x2", "x3"]]
    np.testing.assert_allclose(table["S1"], shares, atol=0.02)
    np.testing.assert_allclose(table["ST"], shares, atol=0.02)  # additive: no interactions
    assert table.loc["x3", "ST"] == 0


def test_morris_effects_of_a_linear_model_are_its_slopes_over_the_range():
    params = [{"key": "waste.fleet.shift_h", "low": 6, "high": 12},
              {"key": "waste.recyclers.capacity_kg_per_day", "low": 10, "high": 110},
              {"key": "waste.generation.variation_sigma", "low": 0.1, "high": 0.6}]
    slopes = np.array([3.0, -0.5, 0.0])
    found = sensitivity.morris(lambda x: x @ slopes, params, trajectories=6, levels=4, seed=2)
    table = found.table.set_index("parameter").loc[[p["key"] for p in params]]
    np.testing.assert_allclose(table["mu_star"], np.abs(slopes) * [6, 100, 0.5])  # 18, 50, 0
    np.testing.assert_allclose(table["mu"], slopes * [6, 100, 0.5])
    np.testing.assert_allclose(table["sigma"], 0, atol=1e-9)  # linear: every effect is the same
    assert list(found.ranked("y")["parameter"]) == ["waste.recyclers.capacity_kg_per_day", "waste.fleet.shift_h",
                                                     "waste.generation.variation_sigma"]


def test_morris_sigma_shows_an_interaction():
    params = [{"key": f"mobility.mode_choice.constants[{i}]", "low": 0, "high": 1, "name": f"x{i}"} for i in range(3)]
    found = sensitivity.morris(lambda x: x[:, 0] * x[:, 1] + x[:, 2], params, trajectories=20, seed=4)
    table = found.table.set_index("parameter")
    assert table.loc["x0", "sigma"] > 0.1 and table.loc["x1", "sigma"] > 0.1
    assert table.loc["x2", "sigma"] == pytest.approx(0, abs=1e-9)


def test_morris_design_moves_one_coordinate_by_delta_inside_the_cube():
    points, orders = sensitivity.morris_design(k=5, trajectories=7, levels=6, seed=9)
    delta = 6 / (2 * 5)
    assert points.min() >= 0 and points.max() <= 1 + 1e-12
    steps = np.diff(points, axis=1)
    assert ((np.abs(steps) > 1e-12).sum(axis=2) == 1).all()
    np.testing.assert_allclose(np.abs(steps).sum(axis=2), delta)
    for order in orders:
        assert sorted(order) == list(range(5))


def test_bad_designs_are_refused():
    with pytest.raises(ValueError, match="power of 2"):
        sensitivity.saltelli_design(3, 100)
    with pytest.raises(ValueError, match="even"):
        sensitivity.morris_design(3, 4, levels=5)


def test_model_screening_ranks_the_dominant_parameter_first(repo_root):
    # The timetable's vehicles depend on the headways only: the fleet factor must come first and
    # the others have no effect at all. A thread pool gives the same table as running in turn.
    import concurrent.futures

    model = sensitivity.Model(str(repo_root / "scenarios" / "demo.yaml"), seeds=(1,), days=2,
                              kpis={"peak_vehicles": {"series": "transit_vehicles_in_service", "reduce": "max"}})
    params = ["waste.fleet.shift_h", "mobility.transit.headway_factor", "mobility.transit.combi.capacity"]
    serial = sensitivity.morris(model, params, trajectories=2, seed=5)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        pooled = sensitivity.morris(model, params, trajectories=2, seed=5, executor=pool)
    assert serial.table.equals(pooled.table)
    ranked = serial.ranked("peak_vehicles").set_index("parameter")
    assert ranked.index[0] == "mobility.transit.headway_factor"
    assert ranked.loc["mobility.transit.headway_factor", "mu_star"] > 0
    assert ranked.loc["waste.fleet.shift_h", "mu_star"] == 0
    assert ranked.loc["mobility.transit.combi.capacity", "mu_star"] == 0
    assert serial.runs == 2 * 4


def test_command_line_writes_the_table_and_a_plot_per_kpi(repo_root, tmp_path):
    import os
    import sys

    import processes
    import yaml

    spec = {"model": {"scenario": str(repo_root / "scenarios" / "demo.yaml"), "days": 2, "seeds": [1],
                      "kpis": {"peak_vehicles": {"series": "transit_vehicles_in_service", "reduce": "max"},
                               "boardings": {"series": "transit_boardings", "reduce": "sum"}}},
            "method": "morris", "trajectories": 1, "parameters": ["mobility.transit.headway_factor",
                                                                  "mobility.transit.combi.capacity"]}
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec))
    env = {**os.environ, "PYTHONPATH": str(PYTHON_PACKAGE_DIR)}
    result = processes.run([sys.executable, "-m", "munisim.sensitivity", path, "--out", tmp_path / "out",
                            "--workers", "1"], timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "sensitivity.csv").exists()
    assert (tmp_path / "out" / "morris-peak_vehicles.png").stat().st_size > 0
    assert (tmp_path / "out" / "morris-boardings.png").stat().st_size > 0
    spec["parameters"] = [{"key": "mobility.transit.combi.capacity", "low": 0, "high": 40}]
    path.write_text(yaml.safe_dump(spec))
    result = processes.run([sys.executable, "-m", "munisim.sensitivity", path, "--out", tmp_path / "bad"],
                           timeout=120, env=env)
    assert result.returncode == 2
    assert "mobility.transit.combi.capacity: range [0.0, 40.0] leaves the allowed range [1, 500]" in result.stderr
    assert not (tmp_path / "bad").exists()
