#!/usr/bin/env python3
"""Compares modelguard-unchecked-nullable-field with clang-tidy's
bugprone-unchecked-optional-access on one file: which lines each reports.

A line that only the upstream check reports must carry an "upstream-only:"
comment that says why (a documented exception); the script fails otherwise.

usage: compare-nullable.py --clang-tidy BIN --load MODULE FILE [-p BUILD] [-- ARGS]
"""
import argparse
import re
import subprocess
import sys

OURS = "modelguard-unchecked-nullable-field"
UPSTREAM = "bugprone-unchecked-optional-access"
WARNING = re.compile(r"^(.*?):(\d+):\d+: warning: .* \[([a-z0-9-]+)\]$")


def findings(args, check, extra):
    command = [args.clang_tidy, "--quiet", "--load=" + args.load,
               "--checks=-*," + check, args.file] + extra
    output = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, errors="replace").stdout
    lines = set()
    for line in output.splitlines():
        match = WARNING.match(line)
        if match and match.group(3) == check:
            lines.add((match.group(1), int(match.group(2))))
    return lines


def main(argv):
    if "--" in argv:
        split = argv.index("--")
        own, compiler = argv[:split], argv[split:]
    else:
        own, compiler = argv, []
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", default="clang-tidy-22")
    parser.add_argument("--load", required=True)
    parser.add_argument("-p", dest="build", default=None)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("file")
    args = parser.parse_args(own)
    extra = (["-p", args.build] if args.build else []) + compiler

    ours = findings(args, OURS, extra)
    upstream = findings(args, UPSTREAM, extra)
    sources = {}

    def text(place):
        path, line = place
        if path not in sources:
            with open(path, errors="replace") as source:
                sources[path] = source.read().split("\n")
        return sources[path][line - 1] if line <= len(sources[path]) else ""

    only_upstream = sorted(upstream - ours)
    documented = [p for p in only_upstream if "upstream-only:" in text(p)]
    undocumented = [p for p in only_upstream if "upstream-only:" not in text(p)]
    print("upstream: %d lines, modelguard: %d lines, both: %d"
          % (len(upstream), len(ours), len(upstream & ours)))
    print("upstream-only, documented: %d" % len(documented))
    print("upstream-only, undocumented: %d" % len(undocumented))
    print("modelguard-only: %d" % len(ours - upstream))
    if args.verbose:
        for label, places in (("upstream-only", only_upstream),
                              ("modelguard-only", sorted(ours - upstream))):
            for path, line in places:
                print("  %s %s:%d: %s" % (label, path, line, text((path, line)).strip()))
    return 1 if undocumented else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
