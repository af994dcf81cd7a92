#!/usr/bin/env python3
"""Measures what modelguard-unchecked-nullable-field adds to a clang-tidy run,
next to bugprone-unchecked-optional-access, on real translation units.

Three configurations run on the same translation units, interleaved over
several rounds (the order rotates every round), each as one clang-tidy-22
process per project with the module loaded:
  (a) misc-definitions-in-headers only: the cost of parsing in clang-tidy;
  (b) modelguard-unchecked-nullable-field only;
  (c) bugprone-unchecked-optional-access only.
Time is the CPU time (user + system) of the clang-tidy processes, which is
less disturbed by other work on the machine than wall time. The script
prints the median of each configuration, the time (b) adds over (a) in
per cent, and how many times more time (c) adds than (b); the same from
clang-tidy's own per-check profile (--enable-check-profile, on in all
three configurations), which is not disturbed by the noise of a shared
machine; then the lines
each of (b) and (c) reported, and the comparison on optional members
(scripts/compare-nullable.py on the comparison test file).

With --instructions K, the first K translation units are also run under
valgrind's callgrind, which counts instructions exactly whatever else runs
on the machine: the instructions of the AST matching phase
(MatchFinder::matchAST, the traversal plus the checks' matchers and
callbacks) for (a), (b), (c) and (z), a run with no AST check at all
(llvm-header-guard only hooks the preprocessor), so that (b) - (z) and
(c) - (z) are what each check adds to the traversal. Each such run takes
about a minute. --rounds 0 skips the timed runs.

usage: scripts/bench-nullable.py [--rounds N] [--instructions K]
                                 [--module build/libModelGuard.so]
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.environ.get("MODELGUARD_CORPUS", "/work/corpus")

# Which translation units: per project, a path filter and how many (the
# first ones in path order, so every run measures the same files).
SELECTION = [
    ("leveldb", "", 20),
    ("soci", "", 10),
    ("libpqxx", "", 10),
    ("poco", "/Data/", 12),
    ("poco", "/Net/", 5),
]

CONFIGS = [
    ("a", "misc-definitions-in-headers"),
    ("b", "modelguard-unchecked-nullable-field"),
    ("c", "bugprone-unchecked-optional-access"),
]

WARNING = re.compile(r"^(.*?):(\d+):\d+: warning: .* \[([a-z0-9-]+)\]$")
# A row of --enable-check-profile's table: user, system, user+system, wall.
PROFILE = re.compile(r"^\s*([\d.]+) \(.*?\)\s+([\d.]+) \(.*?\)\s+([\d.]+) \(.*?\)"
                     r"\s+([\d.]+) \(.*?\)\s+([a-z0-9-]+)$")


def select_units():
    units = []
    for project, part, count in SELECTION:
        build = os.path.join(CORPUS, project, "build")
        database = os.path.join(build, "compile_commands.json")
        if not os.path.exists(database):
            sys.exit("missing %s: run scripts/fetch-corpus.sh first" % database)
        with open(database) as f:
            files = sorted({entry["file"] for entry in json.load(f)
                            if part in entry["file"]})
        units.append((build, files[:count]))
    return units


def run(clang_tidy, module, checks, units):
    """Runs one configuration over all units; returns (cpu seconds, the
    check's own cpu seconds as profiled, warnings)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    warnings = set()
    profiled = 0.0
    for build, files in units:
        command = [clang_tidy, "--quiet", "--load=" + module, "--checks=-*," + checks,
                   "--enable-check-profile", "-p", build] + files
        output = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, errors="replace").stdout
        for line in output.splitlines():
            match = WARNING.match(line)
            if match and match.group(3) == checks:
                warnings.add((match.group(1), int(match.group(2))))
            row = PROFILE.match(line)
            if row and row.group(5) == checks:
                profiled += float(row.group(3))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, profiled, warnings


def instructions(clang_tidy, module, checks, build, unit):
    """Instructions of the whole run and of the AST matching phase."""
    out = os.path.join(tempfile.mkdtemp(prefix="bench-nullable-"), "callgrind.out")
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                    clang_tidy, "--quiet", "--load=" + module, "--checks=-*," + checks,
                    "-p", build, unit], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                            stdout=subprocess.PIPE, universal_newlines=True,
                            errors="replace").stdout
    shutil.rmtree(os.path.dirname(out), ignore_errors=True)
    total = matching = 0
    for line in report.splitlines():
        count = line.strip().split(" ")[0].replace(",", "")
        if not count.isdigit():
            continue
        if "PROGRAM TOTALS" in line:
            total = int(count)
        elif "MatchFinder::matchAST" in line and not matching:
            matching = int(count)
    return total, matching


def count_instructions(args, units, k):
    print()
    print("instructions (callgrind) on %d translation unit(s):" % k)
    configs = [("z", "llvm-header-guard")] + CONFIGS
    # The first unit of each group, heaviest projects first.
    picked = [(build, files[0]) for build, files in reversed(units) if files][:k]
    sums = {name: [0, 0] for name, _ in configs}
    for build, unit in picked:
        for name, checks in configs:
            total, matching = instructions(args.clang_tidy, args.module, checks, build, unit)
            sums[name][0] += total
            sums[name][1] += matching
            print("  %s (%s) %-40s total %14d  matching %12d"
                  % (os.path.basename(unit), name, checks, total, matching), flush=True)
    z = sums["z"][1]
    added_b, added_c = sums["b"][1] - z, sums["c"][1] - z
    print("(b) adds %d instructions to the matching phase = %.2f%% of (a)'s whole run"
          % (added_b, 100.0 * added_b / sums["a"][0]))
    print("(c) adds %d instructions = %.2f%% of (a)'s whole run"
          % (added_c, 100.0 * added_c / sums["a"][0]))
    if added_b > 0:
        print("(c)'s added instructions / (b)'s added instructions: %.1fx"
              % (added_c / added_b))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--instructions", type=int, default=0, metavar="K")
    parser.add_argument("--module", default=os.path.join(ROOT, "build", "libModelGuard.so"))
    parser.add_argument("--clang-tidy", default="clang-tidy-22")
    args = parser.parse_args()

    units = select_units()
    count = sum(len(files) for _, files in units)
    print("%d translation units: %s" % (count, ", ".join(
        "%s %d" % (os.path.basename(os.path.dirname(build)), len(files))
        for build, files in units)))
    times = {name: [] for name, _ in CONFIGS}
    own = {name: [] for name, _ in CONFIGS}
    found = {}
    start = time.time()
    for round_index in range(args.rounds):
        order = CONFIGS[round_index % 3:] + CONFIGS[:round_index % 3]
        for name, checks in order:
            cpu, profiled, warnings = run(args.clang_tidy, args.module, checks, units)
            times[name].append(cpu)
            own[name].append(profiled)
            found[name] = warnings
            print("round %d  (%s) %-40s %7.2f s cpu, of which the check %6.3f s"
                  % (round_index + 1, name, checks, cpu, profiled), flush=True)

    if args.rounds == 0:
        if args.instructions:
            count_instructions(args, units, args.instructions)
        return 0
    a, b, c = (statistics.median(times[name]) for name in "abc")
    added_b, added_c = b - a, c - a
    print()
    print("median cpu time over %d rounds: (a) %.2f s  (b) %.2f s  (c) %.2f s"
          % (args.rounds, a, b, c))
    print("(b) adds %+.2f s = %+.1f%% over (a)" % (added_b, 100.0 * added_b / a))
    print("(c) adds %+.2f s = %+.1f%% over (a)" % (added_c, 100.0 * added_c / a))
    if added_b > 0:
        print("(c)'s added time / (b)'s added time: %.1fx" % (added_c / added_b))
    else:
        print("(c)'s added time / (b)'s added time: (b) adds nothing measurable")
    pa, pb, pc = (statistics.median(own[name]) for name in "abc")
    print("profiled time of the check itself (--enable-check-profile, median): "
          "(a) %.3f s  (b) %.3f s  (c) %.3f s" % (pa, pb, pc))
    print("profiled: (b)'s check costs %.2f%% of (a)'s run; (c)'s check costs %.1fx (b)'s"
          % (100.0 * pb / a, pc / pb if pb else float("inf")))
    print("findings in the main files: (b) %d lines, (c) %d lines, both %d"
          % (len(found["b"]), len(found["c"]), len(found["b"] & found["c"])))
    for path, line in sorted(found["c"] - found["b"]):
        print("  only (c): %s:%d" % (path, line))
    print("wall time of the benchmark: %.0f s" % (time.time() - start))
    if args.instructions:
        count_instructions(args, units, args.instructions)
    print()
    print("on optional members (test/checkers/unchecked-nullable-field/upstream-comparison.cpp):")
    sys.stdout.flush()
    return subprocess.call([sys.executable, os.path.join(HERE, "compare-nullable.py"),
                            "--clang-tidy", args.clang_tidy, "--load", args.module,
                            os.path.join(ROOT, "test", "checkers", "unchecked-nullable-field",
                                         "upstream-comparison.cpp"), "--", "-std=c++17"])


if __name__ == "__main__":
    sys.exit(main())
