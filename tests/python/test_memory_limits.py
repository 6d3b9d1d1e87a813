"""`run` and `validate` estimate the memory a run needs and refuse, before allocating, a run that
does not fit the memory available, the cgroup limit or the address-space limit."""
import os
import re
import shutil

import pytest

import processes

UNITS = {"B": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}


def estimate_bytes(stderr):
    found = re.search(r"memory: about ([0-9.]+) (B|KiB|MiB|GiB|TiB) for", stderr)
    assert found, stderr
    return float(found.group(1)) * UNITS[found.group(2)]


def populations(total):
    """--set options giving the demo's three districts `total` residents in its proportions."""
    shares = (20000, 12000, 6000)
    counts = [total * share // sum(shares) for share in shares]
    counts[0] += total - sum(counts)
    return [option for district, count in enumerate(counts)
            for option in ("--set", f"city.districts[{district}].population={count}")]


@pytest.mark.measures_memory
@pytest.mark.skipif(shutil.which("prlimit") is None, reason="prlimit (util-linux) is not installed")
@pytest.mark.parametrize("command", ["run", "validate"])
def test_a_billion_citizens_is_refused_with_the_estimate(munisim_bin, repo_root, tmp_path, command):
    demo = repo_root / "scenarios" / "demo.yaml"
    out = ["--out", tmp_path / "big.h5"] if command == "run" else []
    result = processes.run(["prlimit", "--as=1000000000", munisim_bin, command, demo, *out,
                            *populations(10**9)], timeout=60)
    assert result.returncode == 2, result.stderr
    assert "the run needs about" in result.stderr and "for 1000000000 citizen agents" in result.stderr
    assert "address-space limit" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.measures_memory
@pytest.mark.skipif(not os.path.exists("/usr/bin/time"), reason="GNU time (/usr/bin/time) is not installed")
def test_estimate_is_within_a_quarter_of_the_peak_at_1e5_citizens(munisim_bin, repo_root, tmp_path):
    # A check of the estimator's coefficients against what a real run holds at its peak.
    result = processes.run(["/usr/bin/time", "-f", "peak_kb=%M", munisim_bin, "run",
                            repo_root / "scenarios" / "demo.yaml", "--out", tmp_path / "run.h5", "--days", 30,
                            "--threads", 2, *populations(10**5)], timeout=600)
    assert result.returncode == 0, result.stderr
    assert "for 100000 citizen agents" in result.stderr
    peak = int(re.search(r"peak_kb=(\d+)", result.stderr).group(1)) * 1024
    estimate = estimate_bytes(result.stderr)
    assert 0.75 * peak <= estimate <= 1.25 * peak, (estimate, peak)


@pytest.mark.measures_memory
@pytest.mark.skipif(not os.path.exists("/usr/bin/time"), reason="GNU time (/usr/bin/time) is not installed")
def test_estimate_is_within_a_quarter_of_the_peak_for_lima_at_1e5_citizens(munisim_bin, repo_root, tmp_path):
    # Lima province from the national tables: 43 districts, 696 generated bus routes and mobility's
    # tables per district pair and hour, which the demo's coefficients alone miss by a factor of 4.
    data = repo_root.parent / "shared" / "data"
    if not (data / "peru-districts").exists():
        pytest.skip(f"no data folder at {data} (the shared data is not in this checkout)")
    result = processes.run(["/usr/bin/time", "-f", "peak_kb=%M", munisim_bin, "run",
                            repo_root / "scenarios" / "any-district.yaml", "--data-dir", data,
                            "--set", "city.ubigeo=1501", "--set", "city.sampling=100",
                            "--set", "mobility.enabled=true", "--out", tmp_path / "lima.h5", "--days", 30,
                            "--threads", 2], timeout=600)
    assert result.returncode == 0, result.stderr
    assert "for 104321 citizen agents" in result.stderr
    peak = int(re.search(r"peak_kb=(\d+)", result.stderr).group(1)) * 1024
    estimate = estimate_bytes(result.stderr)
    assert 0.75 * peak <= estimate <= 1.25 * peak, (estimate, peak)


def test_validate_prints_the_estimate(munisim_bin, repo_root):
    result = processes.run([munisim_bin, "validate", repo_root / "scenarios" / "demo.yaml"], timeout=60)
    assert result.returncode == 0
    assert "memory: about" in result.stdout and "38000 citizen agents" in result.stdout
