"""Vehicle traces (output.traces.days): recorded only on the chosen days, the same for any thread
count, consistent with the street network, and without any effect on the series."""
import h5py
import numpy as np
import pytest

import processes


@pytest.fixture(scope="module")
def runs(munisim_bin, repo_root, tmp_path_factory):
    folder = tmp_path_factory.mktemp("traces")
    outputs = {}
    for name, threads, traces in [("one", 1, "[1, 3]"), ("two", 2, "[1, 3]"), ("none", 2, None)]:
        out = folder / f"{name}.h5"
        args = [munisim_bin, "run", repo_root / "scenarios" / "demo.yaml", "--out", out, "--days", 4, "--threads",
                threads, "--quiet"] + (["--set", f"output.traces.days={traces}"] if traces else [])
        result = processes.run(args, timeout=300)
        assert result.returncode == 0, result.stderr
        outputs[name] = out
    return outputs


def test_series_are_the_same_with_and_without_traces(runs):
    with h5py.File(runs["two"]) as traced, h5py.File(runs["none"]) as plain:
        assert "events" not in plain
        for name in plain["series"]:
            assert np.array_equal(traced["series"][name][...], plain["series"][name][...]), name


def test_traces_are_the_same_for_any_thread_count(runs):
    with h5py.File(runs["one"]) as one, h5py.File(runs["two"]) as two:
        assert sorted(one["events"]) == ["day_1", "day_3", "vehicles"]
        for day in ["day_1", "day_3"]:
            for column in one["events"][day]:
                assert np.array_equal(one["events"][day][column][...], two["events"][day][column][...]), (day, column)


def test_trucks_drive_connected_streets_forward_in_time(runs):
    with h5py.File(runs["one"]) as f:
        edges_from = f["geometry/network_edges/from"][...]
        edges_to = f["geometry/network_edges/to"][...]
        kinds = np.array(list(f["events/vehicles/kind"].asstr()))
        assert set(kinds) == {"waste_truck", "combi"}  # demo: generated lines run combis, the default
        day = f["events/day_1"]
        trucks = kinds[day["vehicle"][...]] == "waste_truck"
        vehicle, edge = day["vehicle"][...][trucks], day["edge"][...][trucks]
        enter, exit_, load = day["enter_s"][...][trucks], day["exit_s"][...][trucks], day["load"][...][trucks]
        assert len(vehicle) > 0
        assert np.all(np.diff(vehicle) >= 0)
        assert np.all(exit_ >= enter) and np.all(enter >= 6 * 3600) and np.all(load >= 0)
        for v in np.unique(vehicle):
            rows = np.flatnonzero(vehicle == v)
            assert np.all(enter[rows][1:] >= exit_[rows][:-1] - 1e-3), v
            # Within one drive each street starts where the last ended.
            for a, b in zip(rows[:-1], rows[1:]):
                if abs(enter[b] - exit_[a]) < 1e-3:
                    assert edges_to[edge[a]] == edges_from[edge[b]], (v, a, b)
        capacity = 6.0 + 1e-6  # scenarios/demo.yaml: waste.fleet.capacity_t: 6
        assert load.max() <= capacity


def test_combis_run_their_lines_on_the_headway_schedule(runs):
    with h5py.File(runs["one"]) as f:
        edges_from = f["geometry/network_edges/from"][...]
        edges_to = f["geometry/network_edges/to"][...]
        names = list(f["events/vehicles/name"].asstr())
        kinds = list(f["events/vehicles/kind"].asstr())
        units = list(f["events/vehicles/load_unit"].asstr())
        day = f["events/day_1"]
        vehicle, edge = day["vehicle"][...], day["edge"][...]
        enter, exit_, load = day["enter_s"][...], day["exit_s"][...], day["load"][...]
        departures = {}  # line name -> departure seconds
        for v in np.unique(vehicle):
            if kinds[v] != "combi":
                continue
            assert units[v] == "passengers"
            rows = np.flatnonzero(vehicle == v)
            line, at = names[v].rsplit(" ", 1)
            hours, minutes, seconds = (int(part) for part in at.split(":"))
            start = hours * 3600 + minutes * 60 + seconds
            assert abs(enter[rows[0]] - start) < 0.5, names[v]
            # One run: consecutive streets, no pause, one load within a combi's 20 places.
            assert np.all(edges_to[edge[rows[:-1]]] == edges_from[edge[rows[1:]]]), names[v]
            assert np.allclose(enter[rows[1:]], exit_[rows[:-1]], atol=0.05), names[v]
            assert np.all(exit_[rows] > enter[rows])
            assert np.all(load[rows] == load[rows[0]]) and 0 <= load[rows[0]] <= 20 + 1e-6
            departures.setdefault(line, []).append(start)
        assert len(departures) >= 2
        for line, times in departures.items():
            times = np.sort(times)
            night, day_ = np.diff(times[times < 6 * 3600]), np.diff(times[times >= 6 * 3600])
            # Generated lines: one headway all day, three times as long at night, from midnight and 06:00.
            assert times[0] == 0 and 6 * 3600 in times, line
            assert np.all(day_ == day_[0]) and np.all(night == 3 * day_[0]), line


def test_trace_days_beyond_the_run_are_refused(munisim_bin, repo_root, tmp_path):
    result = processes.run([munisim_bin, "validate", repo_root / "scenarios" / "demo.yaml", "--set",
                            "output.traces.days=[1.5]"], timeout=60)
    assert result.returncode == 2
    assert "output.traces.days[0]" in result.stderr and "whole day number" in result.stderr
