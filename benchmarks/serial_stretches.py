#!/usr/bin/env python3
"""Where a run leaves a core idle: the code that ran while the other thread had nothing to do.

Reads `perf script -F tid,time,ip,sym` (samples with call stacks) from standard input, cuts the
run into windows of WINDOW seconds and counts a sample as serial when its window holds samples of
one thread only. Each sample is named by its first three munisim frames outside the loop helpers.
Prints the serial samples and all samples per name, most serial first.

  perf record -g -F 4000 -o /tmp/run.perf build/bin/munisim run scenarios/trujillo.yaml \\
      --set city.sampling=1 --threads 2 --out /tmp/p.h5 --quiet
  perf script -i /tmp/run.perf -F tid,time,ip,sym | python3 benchmarks/serial_stretches.py 0.0005

A window should hold about two samples per busy thread (0.5 ms at 4000 Hz): shorter windows call
busy stretches serial by chance, longer ones hide short serial stretches.
"""
import collections
import re
import sys

HEADER = re.compile(r"\s*(\d+)\s+([\d.]+):")
LOOP_HELPERS = ("run_chunk", "for_each", "lambda")


def samples(lines):
    """(time s, thread id, frames innermost first) for each sample."""
    current = None
    for line in lines:
        if line.startswith("\t"):
            if current is not None:
                parts = line.split(None, 1)
                current[2].append(parts[1].strip() if len(parts) > 1 else parts[0])
            continue
        if current is not None:
            yield current
            current = None
        header = HEADER.match(line)
        if header:
            current = (float(header.group(2)), int(header.group(1)), [])
    if current is not None:
        yield current


def name(frames):
    kept = [f for f in frames if "munisim::" in f and not any(h in f for h in LOOP_HELPERS)]
    names = [re.sub(r"\(.*", "", f.split(" (")[0]).replace("munisim::", "") for f in kept[:3]]
    return " < ".join(names) if names else (frames[0] if frames else "?")


def main():
    window_s = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0005
    taken = list(samples(sys.stdin))
    if not taken:
        sys.exit("no samples on standard input (perf script -F tid,time,ip,sym)")
    start = taken[0][0]
    threads_in = collections.defaultdict(set)
    for time_s, thread, _ in taken:
        threads_in[int((time_s - start) / window_s)].add(thread)
    serial, total = collections.Counter(), collections.Counter()
    for time_s, thread, frames in taken:
        label = name(frames)
        total[label] += 1
        if len(threads_in[int((time_s - start) / window_s)]) == 1:
            serial[label] += 1
    windows = max(threads_in) + 1
    print(f"{len(taken)} samples, {sum(serial.values())} serial; {windows} windows of {window_s * 1e3:g} ms: "
          f"{sum(1 for t in threads_in.values() if len(t) == 1)} with one thread, {windows - len(threads_in)} empty")
    print(f"{'serial':>7} {'all':>7}  code")
    for label, count in serial.most_common(40):
        print(f"{count:7d} {total[label]:7d}  {label[:160]}")


if __name__ == "__main__":
    main()
