#!/usr/bin/env python3
"""The speed-up from 1 to N threads of a `munisim run`, measured as a user measures it.

Each round runs the command once on 1 thread and once on N, in fresh processes, alternating which
goes first so that a drift of the host's speed falls on both alike. Per round it prints wall
seconds and CPU seconds (user + system) of each run, the cores kept busy at N threads (CPU / wall)
and the round's speed-up; then the medians, the speed-up of the best walls and the largest peak
memory of a run.

  /usr/bin/python3 benchmarks/speedup.py [--rounds 5] [--threads 2] [--munisim build/bin/munisim]
      [SCENARIO] [-- munisim run arguments]

Defaults: scenarios/trujillo.yaml with --set city.sampling=1, the 1:1 year of issue 14.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(command, timeout_s, log_path):
    """Wall s, CPU s (user + system) and peak resident KiB of one run of `command`."""
    start = time.monotonic()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    watchdog = threading.Timer(timeout_s, process.kill)
    watchdog.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)  # this child's own usage, unlike RUSAGE_CHILDREN
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        watchdog.cancel()
        if process.returncode is None:  # interrupted while waiting: never leave the run behind
            process.kill()
            process.wait()
    wall_s = time.monotonic() - start
    if process.returncode != 0:
        with open(log_path, errors="replace") as log:
            sys.exit(f"{' '.join(command)} ended with {process.returncode}:\n{log.read()}")
    return wall_s, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", nargs="?", default=os.path.join(ROOT, "scenarios", "trujillo.yaml"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--munisim", default=os.path.join(ROOT, "build", "bin", "munisim"))
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed for one run")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    run_arguments = argv[split + 1:] or ["--set", "city.sampling=1"]
    n = args.threads
    print(f"munisim run {os.path.relpath(args.scenario, ROOT)} {' '.join(run_arguments)}: 1 and {n} threads, "
          f"{args.rounds} rounds, each run a fresh process writing its output (then deleted)")
    print(f"{'round':>6} {'wall_1':>8} {'cpu_1':>8} {'wall_' + str(n):>8} {'cpu_' + str(n):>8} "
          f"{'busy_' + str(n):>8} {'speedup':>8}")
    rows, peak_kib = [], 0
    with tempfile.TemporaryDirectory(prefix="munisim-speedup-") as work:
        for index in range(args.rounds):
            taken = {}
            for threads in ((1, n) if index % 2 == 0 else (n, 1)):
                out = os.path.join(work, "run.h5")
                command = [args.munisim, "run", args.scenario, *run_arguments, "--threads", str(threads),
                           "--out", out, "--quiet"]
                taken[threads] = measure(command, args.timeout, os.path.join(work, "stderr.txt"))
                os.remove(out)
                peak_kib = max(peak_kib, taken[threads][2])
            (wall_1, cpu_1, _), (wall_n, cpu_n, _) = taken[1], taken[n]
            rows.append((wall_1, cpu_1, wall_n, cpu_n, cpu_n / wall_n, wall_1 / wall_n))
            print(f"{index + 1:6d} " + " ".join(f"{value:8.3f}" for value in rows[-1]), flush=True)
    columns = list(zip(*rows))
    print("median " + " ".join(f"{statistics.median(column):8.3f}" for column in columns))
    print(f"speed-up of the best walls: {min(columns[0]) / min(columns[2]):.2f}; largest peak of a run: "
          f"{peak_kib} KiB")


if __name__ == "__main__":
    main()
