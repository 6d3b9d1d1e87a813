"""The measuring tools of benchmarks/: the serial-stretch profile counts what it says on a
hand-made profile, and the speed-up command measures real runs and reports them."""
import re
import subprocess
import sys

import processes

SERIAL_STRETCHES = "benchmarks/serial_stretches.py"


def perf_sample(thread, time_s, *frames):
    """One sample as `perf script -F tid,time,ip,sym` prints it: a header, then a frame per line."""
    return f" {thread} {time_s:.6f}: \n" + "".join(f"\t{0x1000 + i:x} {frame}\n" for i, frame in enumerate(frames)) + "\n"


def test_serial_stretches_counts_the_samples_of_windows_with_one_thread(repo_root):
    # Windows of 1 ms: [0, 1) both threads, [1, 2) thread 7 alone (two samples), [3, 4) thread 8 alone.
    profile = "".join([
        perf_sample(7, 10.0000, "munisim::TripSampler::day", "munisim::MobilityService::travel"),
        perf_sample(8, 10.0005, "munisim::HouseholdGeneration::run"),
        perf_sample(7, 10.0012, "munisim::TicketOffice::handle_day", "munisim::GovernanceService::answer"),
        perf_sample(7, 10.0018, "munisim::TicketOffice::handle_day", "munisim::GovernanceService::answer"),
        perf_sample(8, 10.0031, "munisim::for_each_chunk<lambda>", "munisim::CitizenOpinion::update_week"),
    ])
    result = subprocess.run([sys.executable, SERIAL_STRETCHES, "0.001"], input=profile, capture_output=True,
                            text=True, cwd=repo_root, timeout=60, check=True)
    lines = result.stdout.splitlines()
    assert lines[0] == "5 samples, 3 serial; 4 windows of 1 ms: 2 with one thread, 1 empty"
    rows = {label: (int(serial), int(every)) for serial, every, label in (line.split(None, 2) for line in lines[2:])}
    assert rows["TicketOffice::handle_day < GovernanceService::answer"] == (2, 2)
    assert rows["CitizenOpinion::update_week"] == (1, 1)  # the loop helper's frame is skipped
    assert "TripSampler::day < MobilityService::travel" not in rows  # it shared its window


def test_serial_stretches_refuses_an_empty_profile(repo_root):
    result = subprocess.run([sys.executable, SERIAL_STRETCHES], input="", capture_output=True, text=True,
                            cwd=repo_root, timeout=60)
    assert result.returncode != 0
    assert "no samples" in result.stderr


def test_speedup_runs_both_thread_counts_in_fresh_processes_and_reports_each_round(repo_root, munisim_bin):
    result = processes.run([sys.executable, repo_root / "benchmarks" / "speedup.py", "--rounds", "2",
                            "--munisim", munisim_bin, repo_root / "scenarios" / "demo.yaml", "--", "--days", "3"],
                           timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("munisim run scenarios/demo.yaml --days 3: 1 and 2 threads, 2 rounds")
    rounds = [line.split() for line in lines[2:4]]
    for expected_index, row in enumerate(rounds, start=1):
        assert int(row[0]) == expected_index
        wall_1, cpu_1, wall_2, cpu_2, busy_2, speedup = map(float, row[1:])
        assert wall_1 > 0 and cpu_1 > 0 and wall_2 > 0 and cpu_2 > 0
        assert 0 < busy_2 < 2.5
        # The printed values are rounded to thousandths, so the ratios agree only to a few per cent.
        assert abs(busy_2 - cpu_2 / wall_2) <= 0.05 * busy_2
        assert abs(speedup - wall_1 / wall_2) <= 0.05 * speedup
    assert lines[4].startswith("median ")
    assert re.match(r"speed-up of the best walls: \d+\.\d\d; largest peak of a run: \d+ KiB", lines[5])


def test_speedup_stops_with_the_runs_error(repo_root, munisim_bin, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ndays: [\n")
    result = processes.run([sys.executable, repo_root / "benchmarks" / "speedup.py", "--rounds", "1",
                            "--munisim", munisim_bin, bad], timeout=120)
    assert result.returncode != 0
    assert "ended with 2" in result.stderr
    assert "bad.yaml" in result.stderr
