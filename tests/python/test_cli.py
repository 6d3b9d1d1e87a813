"""The munisim command line end to end: exit codes, messages, outputs, Ctrl-C."""
import signal
import subprocess

import re

import h5py
import numpy as np
import pytest

import processes


def run(munisim_bin, *args, timeout=120):
    return processes.run([munisim_bin, *args], timeout=timeout)


@pytest.fixture
def demo(repo_root):
    return repo_root / "scenarios" / "demo.yaml"


def leftovers(directory):
    return [p.name for p in directory.iterdir() if ".tmp" in p.name]


def test_run_writes_output_and_prints_kpis(munisim_bin, demo, tmp_path):
    out = tmp_path / "demo.h5"
    result = run(munisim_bin, "run", demo, "--out", out, "--days", 3)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert "population_persons" in result.stdout and "persons" in result.stdout
    assert f"wrote {out}" in result.stdout
    assert leftovers(tmp_path) == []


def test_quiet_prints_nothing_and_logs_get_plain_progress_lines(munisim_bin, demo, tmp_path):
    quiet = run(munisim_bin, "run", demo, "--out", tmp_path / "q.h5", "--days", 2, "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    loud = run(munisim_bin, "run", demo, "--out", tmp_path / "l.h5", "--days", 2)
    assert "progress: day 2/2 (100%)" in loud.stderr  # not a terminal: plain lines, no bar


def test_timings_name_every_system_and_add_up(munisim_bin, demo, tmp_path):
    result = run(munisim_bin, "run", demo, "--out", tmp_path / "t.h5", "--days", 3, "--threads", 2, "--quiet",
                 "--timings")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "time by system (2 threads; CPU/wall: cores kept busy)"
    assert lines[1].split() == ["system", "days", "wall", "s", "share", "CPU", "s", "CPU/wall"]
    row = re.compile(r"^(.+?)\s+(\d+)?\s+(\d+\.\d{3})\s+(\d+\.\d)%\s+(\d+\.\d{3})\s+(\d+\.\d{2})$")
    rows = {}
    for line in lines[2:]:
        match = row.match(line)
        assert match, line
        rows[match[1]] = match.groups()[1:]
    assert list(rows)[0] == "(building the city)" and list(rows)[-2:] == ["(writing the output)", "total"]
    systems = {name: fields for name, fields in rows.items() if not name.startswith("(") and name != "total"}
    assert len(systems) >= 5
    assert all(int(fields[0]) <= 3 for fields in systems.values())  # the days of its cycle among the 3 run
    assert max(int(fields[0]) for fields in systems.values()) == 3  # daily systems ran every day
    parts = [fields for name, fields in rows.items() if name != "total"]
    total = rows["total"]
    assert total[0] is None  # the total has no day count
    assert float(total[1]) == pytest.approx(sum(float(p[1]) for p in parts), abs=0.0005 * len(parts))
    assert float(total[3]) == pytest.approx(sum(float(p[3]) for p in parts), abs=0.0005 * len(parts))
    assert sum(float(p[2]) for p in parts) == pytest.approx(100, abs=0.05 * len(parts))


def test_timings_are_refused_for_a_world(munisim_bin, repo_root, tmp_path):
    world = repo_root / "scenarios" / "peru-national.yaml"
    result = run(munisim_bin, "run", world, "--out", tmp_path / "w.h5", "--timings")
    assert result.returncode == 2
    assert "--timings times the systems of one city's run" in result.stderr


def test_threads_do_not_change_results(munisim_bin, demo, tmp_path):
    for threads in (1, 2, 4):
        assert run(munisim_bin, "run", demo, "--out", tmp_path / f"t{threads}.h5", "--days", 3,
                   "--threads", threads, "--quiet").returncode == 0
    with h5py.File(tmp_path / "t1.h5") as one:
        for threads in (2, 4):
            with h5py.File(tmp_path / f"t{threads}.h5") as other:
                assert set(one["series"]) == set(other["series"])
                for name in one["series"]:
                    a, b = one["series"][name][()], other["series"][name][()]
                    assert a.tobytes() == b.tobytes(), name


def test_seed_changes_results(munisim_bin, demo, tmp_path):
    for seed in (1, 2):
        assert run(munisim_bin, "run", demo, "--out", tmp_path / f"s{seed}.h5", "--days", 1, "--seed", seed,
                   "--quiet").returncode == 0
    with h5py.File(tmp_path / "s1.h5") as a, h5py.File(tmp_path / "s2.h5") as b:
        assert not np.array_equal(a["series/population_persons"][()], b["series/population_persons"][()])
        assert a["meta"].attrs["seed"] == 1 and b["meta"].attrs["seed"] == 2


def test_validate_accepts_shipped_scenarios(munisim_bin, repo_root):
    for name in ("demo", "trujillo", "arequipa"):
        result = run(munisim_bin, "validate", repo_root / "scenarios" / f"{name}.yaml")
        assert result.returncode == 0, result.stderr
        assert ": ok (" in result.stdout


def test_validate_print_gives_resolved_yaml_that_validates_again(munisim_bin, demo, tmp_path):
    result = run(munisim_bin, "validate", demo, "--print", "--set", "city.sampling=3")
    assert result.returncode == 0
    assert "sampling: 3" in result.stdout
    resolved = tmp_path / "resolved.yaml"
    resolved.write_text(result.stdout)
    again = run(munisim_bin, "validate", resolved, "--print")
    assert again.returncode == 0 and again.stdout == result.stdout


def test_bad_scenario_exits_2_with_location_and_writes_nothing(munisim_bin, tmp_path):
    scenario = tmp_path / "bad.yaml"
    scenario.write_text("name: bad\ncity:\n  name: X\n  samplng: 3\n  districts:\n    - {name: A, population: 10, area_km2: 1}\n")
    out = tmp_path / "bad.h5"
    result = run(munisim_bin, "run", scenario, "--out", out)
    assert result.returncode == 2
    assert f"{scenario}:4:3: city.samplng: unknown key" in result.stderr
    assert "did you mean 'sampling'" in result.stderr
    assert not out.exists() and leftovers(tmp_path) == []


def test_bad_set_and_bad_options_exit_2(munisim_bin, demo, tmp_path):
    bad_set = run(munisim_bin, "run", demo, "--out", tmp_path / "x.h5", "--set", "city.sampling=0")
    assert bad_set.returncode == 2 and "--set" in bad_set.stderr and "city.sampling" in bad_set.stderr
    assert run(munisim_bin, "run", demo, "--no-such-option").returncode == 2
    assert run(munisim_bin, "run", tmp_path / "missing.yaml").returncode == 2
    assert not (tmp_path / "x.h5").exists()


def test_unwritable_output_exits_2_before_running(munisim_bin, demo):
    result = run(munisim_bin, "run", demo, "--out", "/proc/munisim/out.h5")
    assert result.returncode == 2
    assert "cannot write" in result.stderr


def test_info_lists_series_and_kpis(munisim_bin, demo, tmp_path):
    out = tmp_path / "demo.h5"
    assert run(munisim_bin, "run", demo, "--out", out, "--days", 2, "--quiet").returncode == 0
    info = run(munisim_bin, "info", out)
    assert info.returncode == 0, info.stderr
    assert "population_persons" in info.stdout and "district[3] x gender[2] x age_group[5]" in info.stdout
    assert "KPI" in info.stdout and "on the last day" in info.stdout
    missing = run(munisim_bin, "info", tmp_path / "nothing.h5")
    assert missing.returncode == 2 and "nothing.h5" in missing.stderr


@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["sigint_default", "sigint_ignored"])
def test_ctrl_c_stops_cleanly_and_leaves_no_output(munisim_bin, demo, tmp_path, children, sigint_ignored):
    out = tmp_path / "long.h5"
    process = children.start([munisim_bin, "run", demo, "--out", out, "--days", 36500, "--threads", 1],
                             sigint_ignored=sigint_ignored, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    processes.line_starting(process.stderr, "progress:", timeout=60)  # the run is under way
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted: no output written" in stderr
    assert not out.exists() and leftovers(tmp_path) == []


def test_report_is_built_from_the_registry_and_matches_python(munisim_bin, demo_output, tmp_path):
    import sys

    html = tmp_path / "report.html"
    result = run(munisim_bin, "report", demo_output, "-o", html)
    assert result.returncode == 0, result.stderr
    text = html.read_text()
    with h5py.File(demo_output) as f:
        names = list(f["series"])
    assert all(f"<code>{name}</code>" in text for name in names), "every series appears, headline or other"
    assert "Villa Demo" in text and "<pre>" in text and '<h2>Headline indicators</h2>' in text
    shown = re.sub(r"<[^>]+>", " ", text.split("<pre>")[0])
    assert not re.search(r"\d[eE][+-]\d", shown), "no number in exponent notation"
    sys.path.insert(0, str(munisim_bin.parents[1] / "python"))
    import munisim

    assert munisim.report(demo_output, tmp_path / "py.html").read_text() == text
    compared = munisim.report(demo_output, tmp_path / "cmp.html", baseline=demo_output).read_text()
    assert "Compared with the baseline run <strong>demo</strong>" in compared and "= no change" in compared
    missing = run(munisim_bin, "report", tmp_path / "none.h5")
    assert missing.returncode == 2


def test_any_district_of_peru_from_the_national_tables(munisim_bin, repo_root, tmp_path):
    data = repo_root.parent / "shared" / "data"
    if not (data / "peru-districts").exists():
        pytest.skip(f"no data folder at {data}")
    scenario = repo_root / "scenarios" / "any-district.yaml"
    out = tmp_path / "huancayo.h5"
    result = run(munisim_bin, "run", scenario, "--data-dir", data, "--set", "city.ubigeo=120101", "--days", 2,
                 "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    with h5py.File(out) as f:
        assert [n.decode() for n in f["geometry/districts/ubigeo"][()]] == ["120101"]
        assert "INEI" in f["meta"].attrs["district_data"]
        # Its services came by rule (docs/provisioning.md), each use recorded, and it collects.
        rules = [r.decode() for r in f["meta/provisioning/rule"][()]]
        assert {"depot", "disposal_site", "fleet", "collection_days", "bus_lines", "transfers"} <= set(rules)
        assert set(r.decode() for r in f["meta/provisioning/status"][()]) == {"applied"}
        assert f["series/waste_collected_t"][()].sum() > 0
    bad = run(munisim_bin, "validate", scenario, "--data-dir", data, "--set", "city.ubigeo=999999")
    assert bad.returncode == 2 and "matches no district" in bad.stderr
    no_data = run(munisim_bin, "validate", scenario)
    assert no_data.returncode == 2 and "MUNISIM_DATA_DIR" in no_data.stderr
