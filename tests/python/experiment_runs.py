"""Running an experiment, or starting one and interrupting it once some runs are stored: what the resume tests of
city and world experiments share."""
import signal
import time

import processes


def run_experiment(munisim_bin, spec, out, *extra, timeout=300):
    return processes.run([munisim_bin, "experiment", spec, "--out", out, *extra], timeout=timeout)


def interrupt_after_runs(children, command, work, runs, timeout=120):
    """Starts `command`, sends SIGINT once `work` holds `runs` run files, and returns (exit code,
    stderr, run files kept)."""
    child = children.start(command, stdout=processes.subprocess.PIPE, stderr=processes.subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while not (work.exists() and len(list(work.glob("run-*.h5"))) >= runs):
        assert child.poll() is None and time.monotonic() < deadline, "no run finished before the deadline"
        time.sleep(0.005)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=timeout)
    return child.returncode, stderr, len(list(work.glob("run-*.h5")))


def whole_and_interrupted(children, munisim_bin, spec, tmp_path):
    """Runs `spec` whole into whole.h5, then into out.h5 on one job, interrupted once two runs are
    stored; returns (whole, out, exit code, stderr, run files kept)."""
    whole = tmp_path / "whole.h5"
    assert run_experiment(munisim_bin, spec, whole, "--jobs", "2", "--quiet").returncode == 0
    out = tmp_path / "out.h5"
    returncode, stderr, kept = interrupt_after_runs(
        children, [munisim_bin, "experiment", spec, "--out", out, "--jobs", "1", "--threads", "1"],
        tmp_path / "out.h5.work", 2)
    return whole, out, returncode, stderr, kept
