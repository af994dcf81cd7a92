#!/usr/bin/env python3
"""Measures what the two flow analyses (modelguard-leaked-traceback and
modelguard-unchecked-nullable-field) add to a clang-tidy run on real
translation units.

Two configurations run on the same translation units, interleaved over
several rounds, each as one clang-tidy-22 process per project with the
module loaded:
  (a) misc-definitions-in-headers only: the cost of parsing in clang-tidy;
  (b) the same plus the two modelguard checks.
It prints the CPU time (user + system) of each configuration, median over
the rounds, and, from clang-tidy's own per-check profile
(--enable-check-profile), the time of each modelguard check as a share of
(a)'s CPU time: the profile is not disturbed by other work on a shared
machine the way end-to-end times are.

usage: scripts/bench-flow.py [--rounds N] [--units N] [--module build/libModelGuard.so]
"""
import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.environ.get("MODELGUARD_CORPUS", "/work/corpus")
CHECKS = ["modelguard-leaked-traceback", "modelguard-unchecked-nullable-field"]
BASELINE = "misc-definitions-in-headers"
# A row of --enable-check-profile's table: user, system, user+system, wall.
PROFILE = re.compile(r"^\s*([\d.]+) \(.*?\)\s+([\d.]+) \(.*?\)\s+([\d.]+) \(.*?\)"
                     r"\s+([\d.]+) \(.*?\)\s+([a-z0-9-]+)$")


def select_units(count):
    """The first `count` C++ units, in path order, of each corpus project
    that has a compilation database."""
    units = []
    for project in sorted(os.listdir(CORPUS)) if os.path.isdir(CORPUS) else []:
        database = os.path.join(CORPUS, project, "build", "compile_commands.json")
        if not os.path.exists(database):
            continue
        with open(database) as f:
            files = sorted({entry["file"] for entry in json.load(f)
                            if entry["file"].endswith((".cc", ".cpp", ".cxx"))})
        if files:
            units.append((project, os.path.dirname(database), files[:count]))
    if not units:
        sys.exit("no compilation database under %s: run scripts/fetch-corpus.sh" % CORPUS)
    return units


def run(module, checks, units):
    """Runs one configuration over all units: (cpu seconds, profiled seconds
    per check)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    profiled = {}
    for _, build, files in units:
        command = ["clang-tidy-22", "--quiet", "--load=" + module, "--checks=-*," + checks,
                   "--enable-check-profile", "-p", build] + files
        output = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True, errors="replace").stdout
        for line in output.splitlines():
            row = PROFILE.match(line)
            if row:
                profiled[row.group(5)] = profiled.get(row.group(5), 0.0) + float(row.group(3))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, profiled


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--units", type=int, default=20, help="per project")
    parser.add_argument("--module", default=os.path.join(ROOT, "build", "libModelGuard.so"))
    args = parser.parse_args()
    units = select_units(args.units)
    print("units: " + ", ".join("%s %d" % (name, len(files)) for name, _, files in units))
    configs = [("a", BASELINE), ("b", ",".join([BASELINE] + CHECKS))]
    cpu = {name: [] for name, _ in configs}
    profiled = {check: [] for check in CHECKS}
    for round_ in range(args.rounds):
        order = configs if round_ % 2 == 0 else list(reversed(configs))
        for name, checks in order:
            seconds, per_check = run(args.module, checks, units)
            cpu[name].append(seconds)
            if name == "b":
                for check in CHECKS:
                    profiled[check].append(per_check.get(check, 0.0))
        print("round %d: (a) %.2f s  (b) %.2f s" % (round_ + 1, cpu["a"][-1], cpu["b"][-1]))
    a = statistics.median(cpu["a"])
    b = statistics.median(cpu["b"])
    print("median cpu time: (a) %.2f s  (b) %.2f s  (b) adds %+.1f%% over (a)"
          % (a, b, 100.0 * (b - a) / a))
    total = 0.0
    for check in CHECKS:
        seconds = statistics.median(profiled[check])
        total += seconds
        print("profiled %s: %.3f s = %.2f%% of (a)" % (check, seconds, 100.0 * seconds / a))
    print("profiled, both checks: %.3f s = %.2f%% of (a)" % (total, 100.0 * total / a))


if __name__ == "__main__":
    main()
