#!/usr/bin/env python3
"""Latency the modelguard checks add to clangd, per file.

Runs `modelguard-clangd --check=FILE --check-tidy-time=modelguard-*` on each
file. For every check, clangd rebuilds the file's AST (reusing the preamble,
as it does while editing) five times with only that check and five times
with no check, and compares the medians of the user CPU times. clangd's own
summary rounds to whole percent of the baseline; with --log=verbose it also
logs every single build, and this script takes the medians from those so the
result is in milliseconds.

A loaded machine moves single figures by several milliseconds either way;
--repeat N runs clangd N times per file and reports, for each check, the
median of the N differences.

Usage: measure_latency.py --clangd BIN [--compile-commands-dir DIR]
                          [--repeat N] FILE...
Prints one line per file and check, then the per-file sums.

       measure_latency.py --clang-tidy-profiles DIR
sums, per file, the check times that `clang-tidy --enable-check-profile
--store-check-profile=DIR` stored (time spent inside the checks' callbacks,
over the whole translation unit except system headers).
"""

import argparse
import json
import pathlib
import re
import statistics
import subprocess
import sys

MEASURED = re.compile(r"Measured (\S+) ==> ([0-9.]+) ?(ns|us|ms|s)\b")
SCALE = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def measure(clangd, path, cdb_dir, checks):
    command = [clangd, "--check=" + path, "--check-locations=false",
               "--check-tidy-time=" + checks, "--log=verbose"]
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


def summarise_profiles(directory):
    for path in sorted(pathlib.Path(directory).glob("*.json")):
        stored = json.loads(path.read_text())
        checks = {}
        for key, seconds in stored["profile"].items():
            check, _, kind = key[len("time.clang-tidy."):].rpartition(".")
            if kind in ("user", "sys"):
                checks[check] = checks.get(check, 0.0) + seconds * 1e3
        slowest = max(checks, key=checks.get)
        print("%s\tall modelguard checks\t%.1f ms\t(slowest: %s %.1f ms)" %
              (stored["file"], sum(checks.values()), slowest,
               checks[slowest]))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clangd")
    parser.add_argument("--clang-tidy-profiles", metavar="DIR")
    parser.add_argument("--compile-commands-dir")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--checks", default="modelguard-*",
                        help="glob of the checks to time (default: "
                        "modelguard-*); a check that does nothing on the "
                        "file shows the noise of the measurement")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    if args.clang_tidy_profiles:
        return summarise_profiles(args.clang_tidy_profiles)
    if not args.clangd or not args.files:
        parser.error("--clangd and at least one file are required")
    totals = []
    for path in args.files:
        runs = []
        for _ in range(args.repeat):
            status, results, baseline = measure(
                args.clangd, path, args.compile_commands_dir, args.checks)
            if status != 0 or not results:
                break
            runs.append(results)
        if len(runs) != args.repeat:
            print("%s: clangd --check failed (status %d)" % (path, status))
            continue
        checks = [check for check in runs[0]
                  if all(check in run for run in runs)]
        results = {
            check: (statistics.median(run[check][0] for run in runs),
                    statistics.median(run[check][1] for run in runs))
            for check in checks}
        baseline = statistics.median(base for _, base in results.values())
        for check in sorted(checks):
            added, base = results[check]
            single = [run[check][0] for run in runs]
            print("%s\t%s\t%+.1f ms\t(baseline %.1f ms; single runs "
                  "%+.1f to %+.1f ms)" % (path, check, added, base,
                                          min(single), max(single)))
        total = sum(added for added, _ in results.values())
        totals.append((path, total, baseline))
        sys.stdout.flush()
    print()
    for path, total, baseline in totals:
        print("%s\tall of %s\t%+.1f ms\t(AST build %.1f ms)" %
              (path, args.checks, total, baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
