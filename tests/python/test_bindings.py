"""The Python package over the same engine: scenarios, runs, results, files, the GIL and Ctrl-C."""
import pathlib
import signal
import subprocess
import sys
import threading
import time

import h5py
import numpy as np
import pytest

import munisim
import processes


@pytest.fixture
def demo(repo_root):
    return munisim.Scenario.load(repo_root / "scenarios" / "demo.yaml")


def test_version_and_build_information():
    assert munisim.__version__ == "0.1.0"
    assert munisim.git_describe


def test_scenario_keys_are_read_changed_and_validated_like_the_cli(demo):
    assert demo.name == "demo" and demo.get("city.sampling") == 1
    demo.set("city.sampling", 4).set("waste.fleet.trucks", 5)
    assert demo.get("city.sampling") == 4 and demo.get("waste.fleet.trucks") == 5
    assert demo.get("city.districts[1].name") == "Norte"
    with pytest.raises(munisim.ScenarioError) as error:
        demo.set("city.sampling", 0)
    assert error.value.key_path == "city.sampling" and "not in [1, 100000]" in str(error.value)
    assert demo.get("city.sampling") == 4, "a rejected change leaves the scenario as it was"


def test_scenario_fields_describe_every_key_as_the_reference_does():
    fields = munisim._core.scenario_fields()
    assert fields["city.sampling"] == {"type": "integer", "unit": "persons/agent", "default": "1", "min": 1,
                                       "max": 100000, "choices": []}
    assert fields["governance.model"]["choices"] == ["siloed", "integrated"]
    assert fields["governance.model"]["default"] == '"siloed"'
    city_reference = munisim._core.scenario_reference_markdown().split("\n## World scenarios")[0]
    rows = [line for line in city_reference.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(fields)


def test_scenario_errors_carry_file_line_and_column(repo_root):
    with pytest.raises(munisim.ScenarioError) as error:
        munisim.Scenario.load(repo_root / "tests" / "scenario" / "bad" / "share_out_of_range.yaml")
    assert (error.value.line, error.value.column) == (9, 22)
    assert error.value.file.endswith("share_out_of_range.yaml")
    assert isinstance(error.value, ValueError)


def test_dict_and_yaml_round_trip(demo):
    again = munisim.Scenario.from_dict(demo.to_dict())
    assert again.to_yaml() == demo.to_yaml()
    text = munisim.Scenario.from_yaml("extends: demo.yaml\ndays: 3\n", base_dir=demo_dir())
    assert text.days == 3


def demo_dir():
    return pathlib.Path(__file__).resolve().parents[2] / "scenarios"


def test_python_and_cli_give_identical_series(demo, munisim_bin, repo_root, tmp_path):
    result = munisim.run(demo, seed=3, days=4, threads=2)
    out = tmp_path / "cli.h5"
    cli = processes.run([munisim_bin, "run", repo_root / "scenarios" / "demo.yaml", "--seed", 3, "--days", 4,
                         "--threads", 1, "--out", out, "--quiet"], timeout=300)
    assert cli.returncode == 0, cli.stderr
    with h5py.File(out) as f:
        assert set(f["series"]) == set(result.names)
        for name in result.names:
            assert np.asarray(result[name]).tobytes() == f["series"][name][()].tobytes(), name


def test_results_are_read_only_views_with_units_labels_and_dates(demo):
    result = munisim.run(demo, days=3)
    values = result["waste_generated_t"]
    assert values.shape == (3, 3) and not values.flags.writeable
    assert result.unit("waste_generated_t") == "t"
    assert result.info("population_persons")["dims"] == ["day", "district", "gender", "age_group"]
    frame = result.frame("waste_generated_t")
    assert list(frame.columns) == ["date", "district", "waste_generated_t"] and len(frame) == 9
    assert frame.attrs["unit"] == "t"
    assert str(frame["date"].iloc[-1].date()) == "2025-01-03"
    np.testing.assert_allclose(result.total("population_persons"), 38000)


def test_save_writes_the_cli_layout_and_open_reads_it_back(demo, tmp_path):
    result = munisim.run(demo, days=2)
    result.save(tmp_path / "py.h5")
    again = munisim.open(tmp_path / "py.h5")
    assert again.names == result.names
    assert np.array_equal(again["waste_collected_t"], result["waste_collected_t"])
    assert again.meta["scenario_name"] == "demo" and again.meta["days_run"] == 2
    with pytest.raises(ValueError):
        again.save(tmp_path / "again.h5")


def test_open_reads_cli_outputs_and_rejects_other_files(demo_output, tmp_path):
    result = munisim.open(demo_output)
    assert result["population_persons"].shape[0] == 7
    (tmp_path / "not.h5").write_text("hello")
    with pytest.raises(munisim.ScenarioError):
        munisim.open(tmp_path / "not.h5")


def test_step_by_step_with_agent_tables_and_a_measure_mid_run(repo_root):
    scenario = munisim.Scenario.load(repo_root / "scenarios" / "demo.yaml").set(
        "waste.measures", [{"kind": "fleet_size", "start_date": "2025-01-08", "value": 6}])
    sim = munisim.Simulation(scenario, days=14)
    sim.step(7)
    assert sim.days_run == 7
    ages = sim.citizens["age_group"]
    assert ages.dtype == np.uint8 and not ages.flags.writeable and set(np.unique(ages)) <= set(range(5))
    before = np.asarray(sim.result()["waste_trucks_available"])[:7].max()
    sim.step(7)
    after = np.asarray(sim.result()["waste_trucks_available"])[7:].max()
    assert before <= 3 < after


def test_progress_callback_sees_every_day(demo):
    seen = []
    munisim.run(demo, days=5, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(d, 5) for d in range(1, 6)]


def test_runs_release_the_gil(repo_root):
    scenario = munisim.Scenario.load(repo_root / "scenarios" / "trujillo.yaml").set("days", 120)
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=count)
    thread.start()
    started = time.perf_counter()
    munisim.run(scenario, threads=1)
    ended = time.perf_counter()
    stop.set()
    thread.join()
    during = [t for t in ticks if started < t < ended]
    assert len(during) >= 10, "another Python thread made progress while the engine ran"


@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["sigint_default", "sigint_ignored"])
def test_ctrl_c_raises_keyboard_interrupt(repo_root, children, sigint_ignored):
    # The child sets its own SIGINT handler: Python keeps SIGINT ignored when it starts ignored, as
    # in a background job, and a script that wants Ctrl-C must not depend on how it was started.
    script = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "sys.path.insert(0, sys.argv[1]); import munisim\n"
        "s = munisim.Scenario.load(sys.argv[2]).set('days', 36500)\n"
        "munisim.run(s, progress=lambda d, t: print('day', d, flush=True) if d == 1 else None)\n"
    )
    package_dir = str(pathlib.Path(munisim.__file__).resolve().parents[1])
    process = children.start([sys.executable, "-c", script, package_dir, repo_root / "scenarios" / "demo.yaml"],
                             sigint_ignored=sigint_ignored, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    processes.line_starting(process.stdout, "day 1", timeout=60)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    # Raised by the engine between days, or by Python in the progress callback if the signal lands there.
    assert stderr.rstrip().splitlines()[-1].startswith("KeyboardInterrupt"), stderr
    assert process.returncode != 0


def test_a_measure_added_mid_run_applies_from_the_next_day(demo):
    sim = munisim.Simulation(demo, days=14)
    sim.step(7)
    sim.add_measure(kind="electric_share", value=1)
    sim.step(7)
    diesel = np.asarray(sim.result()["waste_truck_diesel_l"])
    assert diesel[:7].sum() > 0 and diesel[7:].sum() == 0
    with pytest.raises(munisim.ScenarioError):
        sim.add_measure(kind="electric_share", value=2)
    # The same plan written into the scenario from the start gives the same series.
    planned = munisim.run(munisim.Scenario.load(demo_dir() / "demo.yaml").set(
        "waste.measures", [{"kind": "electric_share", "start_date": "2025-01-08", "value": 1}]), days=14)
    assert np.asarray(planned["waste_emissions_tco2e"]).tobytes() == np.asarray(
        sim.result()["waste_emissions_tco2e"]).tobytes()


def test_measures_added_at_two_moments_keep_their_own_start_days(demo):
    sim = munisim.Simulation(demo, days=14)
    sim.step(7)
    sim.add_measure(kind="fleet_size", value=6)
    sim.step(3)
    sim.add_measure(kind="electric_share", value=1)
    sim.step(4)
    planned = munisim.run(munisim.Scenario.load(demo_dir() / "demo.yaml").set("waste.measures", [
        {"kind": "fleet_size", "start_date": "2025-01-08", "value": 6},
        {"kind": "electric_share", "start_date": "2025-01-11", "value": 1}]), days=14)
    for name in ["waste_truck_km", "waste_truck_diesel_l", "waste_collected_t"]:
        assert np.asarray(planned[name]).tobytes() == np.asarray(sim.result()[name]).tobytes()


def test_a_mobility_measure_added_mid_run_matches_the_same_plan_from_the_start(demo):
    sim = munisim.Simulation(demo, days=14)
    sim.step(7)
    sim.add_measure(kind="fare", value=2)
    sim.step(7)
    planned = munisim.run(munisim.Scenario.load(demo_dir() / "demo.yaml").set(
        "mobility.measures", [{"kind": "fare", "start_date": "2025-01-08", "value": 2}]), days=14)
    for name in ["mobility_trips", "transit_fare_revenue_soles", "road_speed_kmh"]:
        assert np.asarray(planned[name]).tobytes() == np.asarray(sim.result()[name]).tobytes()
    # A trunk line is a column of the transit series from day one: it cannot join mid-run.
    with pytest.raises(munisim.ScenarioError, match="trunk_line cannot be added"):
        sim.add_measure(kind="trunk_line", value=5, districts=["Norte", "Centro"])
    assert sim.scenario.get("mobility.measures")[-1]["kind"] == "fare"


def test_progress_bar_and_household_table(demo, capsys):
    result = munisim.run(demo, days=3, progress=True)  # tqdm draws on stderr
    assert result["waste_generated_t"].shape[0] == 3
    assert "3/3" in capsys.readouterr().err
    sim = munisim.Simulation(demo, days=1)
    households = sim.households
    assert set(households) >= {"district", "size", "income_group", "weight_households"}
    assert households["size"].min() >= 1 and not households["size"].flags.writeable
