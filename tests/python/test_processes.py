"""The child-process helpers keep their promise: nothing a test starts outlives it, grandchildren
included, whether the child finishes, times out or is still running at teardown."""
import os
import subprocess
import sys
import time

import pytest

import processes

# A child that starts a sleeping grandchild, prints its pid and then waits for it.
FAMILY = ("import subprocess, sys; g = subprocess.Popen(['sleep', '300']); "
          "print('grandchild', g.pid, flush=True); g.wait()")


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie waits for its parent to reap it: it is gone
        return stat.read().split(") ", 1)[1][0] != "Z"


def gone_soon(pid, seconds=5):
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


def test_run_returns_output_and_exit_code():
    result = processes.run([sys.executable, "-c", "import sys; print('out'); sys.exit(3)"], timeout=30)
    assert result.returncode == 3 and result.stdout == "out\n"


def test_run_kills_the_whole_group_on_timeout(tmp_path):
    pid_file = tmp_path / "grandchild.pid"
    family = ("import subprocess; g = subprocess.Popen(['sleep', '300']); "
              f"open({str(pid_file)!r}, 'w').write(str(g.pid)); g.wait()")
    with pytest.raises(subprocess.TimeoutExpired):
        processes.run([sys.executable, "-c", family], timeout=3)
    grandchild = int(pid_file.read_text())
    assert gone_soon(grandchild)


def test_end_all_kills_children_and_grandchildren():
    children = processes.Children()
    child = children.start([sys.executable, "-c", FAMILY], stdout=subprocess.PIPE, text=True)
    try:
        grandchild = int(processes.line_starting(child.stdout, "grandchild", timeout=30).split()[1])
        assert alive(grandchild)
    finally:
        children.end_all()
    assert child.returncode is not None
    assert gone_soon(grandchild)


def test_line_starting_times_out_with_a_message():
    children = processes.Children()
    child = children.start([sys.executable, "-c", "import time; time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        with pytest.raises(TimeoutError, match="no line starting with 'ready'"):
            processes.line_starting(child.stdout, "ready", timeout=0.5)
    finally:
        children.end_all()
