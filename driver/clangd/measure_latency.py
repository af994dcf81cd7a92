#!/usr/bin/env python3
"""Latency the modelguard checks add to clangd, per file.

Runs `modelguard-clangd --check=FILE --check-tidy-time=modelguard-*` on each
file. For every check, clangd rebuilds the file's AST (reusing the preamble,
as it does while editing) five times with only that check and five times
with no check, and compares the medians of the user CPU times. clangd's own
summary rounds to whole percent of the baseline; with --log=verbose it also
logs every single build, and this script takes the medians from those so the
result is in milliseconds.

Usage: measure_latency.py --clangd BIN [--compile-commands-dir DIR] FILE...
Prints one line per file and check, then the per-file sums.
"""

import argparse
import re
import statistics
import subprocess
import sys

MEASURED = re.compile(r"Measured (\S+) ==> ([0-9.]+) ?(ns|us|ms|s)\b")
SCALE = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def measure(clangd, path, cdb_dir):
    command = [clangd, "--check=" + path, "--check-locations=false",
               "--check-tidy-time=modelguard-*", "--log=verbose"]
    if cdb_dir:
        command.append("--compile-commands-dir=" + cdb_dir)
    run = subprocess.run(command, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, errors="replace")
    # Builds come in groups of five: a check's five, then five baselines.
    # Pair each check's median with the baselines measured right after it,
    # as clangd does (it discards a pair whose baseline moved by over 3%).
    builds = [(m.group(1), float(m.group(2)) * SCALE[m.group(3)])
              for m in MEASURED.finditer(run.stderr)]
    groups = [builds[i:i + 5] for i in range(0, len(builds), 5)]
    baseline = None
    results = {}
    for group, following in zip(groups, groups[1:] + [None]):
        checks = group[0][0]
        median = statistics.median(t for _, t in group)
        if checks == "-*":
            baseline = median
            continue
        if following is None or following[0][0] != "-*":
            continue
        after = statistics.median(t for _, t in following)
        results[checks[len("-*,"):]] = (median - after, after)
    return run.returncode, results, baseline


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--compile-commands-dir")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    totals = []
    for path in args.files:
        status, results, baseline = measure(args.clangd, path,
                                            args.compile_commands_dir)
        if status != 0 or not results:
            print("%s: clangd --check failed (status %d)" % (path, status))
            continue
        for check, (added, base) in sorted(results.items()):
            print("%s\t%s\t%+.1f ms\t(baseline %.1f ms)" %
                  (path, check, added, base))
        total = sum(added for added, _ in results.values())
        totals.append((path, total, baseline))
        sys.stdout.flush()
    print()
    for path, total, baseline in totals:
        print("%s\tall modelguard checks\t%+.1f ms\t(AST build %.1f ms)" %
              (path, total, baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
