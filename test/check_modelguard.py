#!/usr/bin/env python3
"""Runs clang-tidy with the modelguard module on one test file and verifies
its diagnostics and fixes against the file's own expectations.

Expectations are comments in the test file:
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ... [modelguard-...]
      every warning and error must be matched by one; any other warning or
      error fails the test (notes are ignored);
  // CHECK-NOTES: ...
      like CHECK-MESSAGES but notes count too, so every note must be matched;
  // CHECK-FIXES: text
      the file after clang-tidy applied its fixes must contain the text.
With --check-suffix S the prefixes become CHECK-MESSAGES-S and so on, so one
file can hold expectations for several configurations. A file with no
CHECK-MESSAGES or CHECK-NOTES expects no warning at all.

usage: check_modelguard.py [options] INPUT CHECKS TEMP -- [compiler args]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

EXPECTATION_COMMENT = re.compile(r"//\s*CHECK-(MESSAGES|NOTES|FIXES)[A-Z0-9-]*:.*$")


def parse_arguments(argv):
    if "--" in argv:
        split = argv.index("--")
        own, compiler = argv[:split], argv[split + 1:]
    else:
        own, compiler = argv, []
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--load", action="append", default=[])
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("--config", default=None,
                        help="a -config value (YAML) passed to clang-tidy")
    parser.add_argument("--header-filter", default=None)
    parser.add_argument("--extra-arg", action="append", default=[],
                        help="passed to clang-tidy as-is")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("temp")
    args = parser.parse_args(own)
    args.compiler_args = compiler or ["-std=c++17"]
    return args


def prefix(kind, suffix):
    return "CHECK-" + kind + ("-" + suffix if suffix else "")


def has_prefix(text, name):
    return re.search(r"\b" + re.escape(name) + r":", text) is not None


def run(command, **kwargs):
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, errors="replace", **kwargs)


def filecheck(args, input_file, check_prefix, implicit_not, extra=()):
    command = [args.filecheck, "-input-file=" + input_file, args.input,
               "-check-prefix=" + check_prefix, "-dump-input=fail"]
    if implicit_not:
        command.append("-implicit-check-not=" + implicit_not)
    command.extend(extra)
    result = run(command)
    if result.returncode != 0:
        sys.stderr.write("FileCheck %s failed:\n%s\n" % (check_prefix, result.stdout))
        return False
    return True


def main(argv):
    args = parse_arguments(argv)
    with open(args.input, encoding="utf-8", errors="surrogateescape") as source:
        text = source.read()

    messages = prefix("MESSAGES", args.check_suffix)
    notes = prefix("NOTES", args.check_suffix)
    fixes = prefix("FIXES", args.check_suffix)
    expects_messages = has_prefix(text, messages)
    expects_notes = has_prefix(text, notes)
    expects_fixes = has_prefix(text, fixes)
    if expects_messages and expects_notes:
        sys.exit("error: use %s or %s, not both" % (messages, notes))

    # The copy keeps every line (so [[@LINE]] still matches) but loses the
    # expectation comments, which fixes must not be checked against.
    os.makedirs(os.path.dirname(os.path.abspath(args.temp)) or ".", exist_ok=True)
    extension = os.path.splitext(args.input)[1] or ".cpp"
    work_file = args.temp + extension
    with open(work_file, "w", encoding="utf-8", errors="surrogateescape") as copy:
        copy.write("\n".join(EXPECTATION_COMMENT.sub("", line)
                             for line in text.split("\n")))

    command = [args.clang_tidy, work_file, "--checks=-*," + args.checks,
               "--quiet"]
    command += ["--load=" + module for module in args.load]
    if expects_fixes:
        command.append("--fix")
    if args.config is not None:
        command.append("--config=" + args.config)
    if args.header_filter is not None:
        command.append("--header-filter=" + args.header_filter)
    command += args.extra_arg
    command += ["--", "-I" + os.path.dirname(os.path.abspath(args.input))]
    command += args.compiler_args
    result = run(command)
    output = result.stdout
    sys.stdout.write("command: %s\n%s\n" % (" ".join(command), output))
    if result.returncode != 0 and "error:" not in output:
        sys.exit("clang-tidy failed with exit code %d" % result.returncode)

    diagnostic = re.compile(r":\d+:\d+: (warning|error|note): ")
    lines = [line for line in output.splitlines() if diagnostic.search(line)]
    with open(args.temp + ".messages", "w") as out:
        out.write("\n".join(l for l in lines if " note: " not in l) + "\n")
    with open(args.temp + ".notes", "w") as out:
        out.write("\n".join(lines) + "\n")

    ok = True
    if expects_notes:
        ok &= filecheck(args, args.temp + ".notes", notes,
                        "{{note|warning|error}}:")
    elif expects_messages:
        ok &= filecheck(args, args.temp + ".messages", messages,
                        "{{warning|error}}:")
    elif any(" warning: " in l or " error: " in l for l in lines):
        sys.stderr.write("expected no warnings, got:\n%s\n" % "\n".join(lines))
        ok = False
    if expects_fixes:
        ok &= filecheck(args, work_file, fixes, None, ["-strict-whitespace"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
