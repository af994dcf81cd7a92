#!/usr/bin/env python3
"""Runs the modelguard checks over real C++ projects and reports.

One command (see docs/evaluation.md):

    scripts/evaluate.py [--projects leveldb,poco] [--jobs 2] [--rounds 3]

1. Fetches and configures the corpus (scripts/fetch-corpus.sh: Debian source
   packages, each with a compile_commands.json).
2. Analyses every C++ translation unit with all the checks: the batch
   driver (build/.../modelguard) when it was built, clang-tidy-22 with the
   module otherwise. Counts findings per project and check, crashes, hangs
   (no result within --timeout) and compile errors, and names the slowest
   translation unit.
3. Times clang-tidy-22 with one cheap built-in check against the same run
   with the checks added (--timed-checks: all of them, or one), over the
   corpus (or a fixed sample of it), interleaved over rounds, and prints
   their overhead.

4. With --labels FILE (docs/evaluation-labels.json), scores the findings
   against the labelled truth: per check, findings, true and false positives,
   unlabelled findings and precision, and how many of the instances the
   file says a check should find (expected: true) it found. Exits non-zero
   when a finding has no label, so every new finding gets triaged. Labels
   are keyed by the batch driver's line-independent fingerprint, so this
   needs the driver.

Everything it prints is also written under --out (default
build/evaluation/): summary.md, findings.tsv (one finding a line), sample.tsv
(at most 50 findings per check, drawn with a fixed seed, for triage),
units.tsv (per translation unit time and status) and timing.tsv.
"""

import argparse
import collections
import json
import os
import random
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = [
    "modelguard-leaked-traceback",
    "modelguard-exception-type-confusion",
    "modelguard-unchecked-nullable-field",
    "modelguard-create-without-uniqueness",
    "modelguard-unlocked-read-modify-write",
    "modelguard-untracked-todo",
]
# The cheap built-in check of the timing runs: it only looks at namespace-
# scope declarations, so a run with it alone costs what parsing costs.
CHEAP_CHECK = "misc-definitions-in-headers"
CXX_SUFFIXES = (".cpp", ".cc", ".cxx", ".C")
# Triage covers every finding of a check, or this many drawn with a fixed
# seed when it has more.
TRIAGE_SAMPLE = 50
TRIAGE_SEED = 8
VERDICTS = ("true-positive", "false-positive")
# One finding: where, what, and the driver's fingerprint and flagged line
# (both empty when clang-tidy produced it).
Finding = collections.namedtuple(
    "Finding", "project check file line col message fingerprint snippet")
WARNING = re.compile(r"^(?P<file>/[^:]+):(?P<line>\d+):(?P<col>\d+): warning: "
                     r"(?P<message>.*) \[(?P<check>modelguard-[a-z-]+)\]$")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--projects", default="",
                   help="comma-separated subset of the corpus (default: all)")
    p.add_argument("--jobs", "-j", type=int, default=2)
    p.add_argument("--timeout", type=int, default=600,
                   help="seconds one translation unit may take before it counts as a hang")
    p.add_argument("--rounds", type=int, default=3, help="timing rounds (0: no timing)")
    p.add_argument("--timing-sample", type=int, default=0,
                   help="time only this many translation units per project, drawn "
                        "with a fixed seed (0: all)")
    p.add_argument("--source-filter", default="",
                   help="analyse only translation units whose path matches this "
                        "regular expression (e.g. one project's server directory)")
    p.add_argument("--limit", type=int, default=0,
                   help="analyse only this many translation units per project (0: all)")
    p.add_argument("--timed-checks", default="modelguard-*",
                   help="the checks the timing adds to the cheap one (default: all)")
    p.add_argument("--timing-only", action="store_true",
                   help="skip the analysis and only time the checks")
    p.add_argument("--reuse", action="store_true",
                   help="report the analysis saved in --out/analysis.json by an "
                        "earlier run instead of analysing again")
    p.add_argument("--no-fetch", action="store_true",
                   help="use the corpus as it is instead of running fetch-corpus.sh")
    p.add_argument("--profiles-cost", action="store_true",
                   help="time the five checks with the library profiles against the five "
                        "checks with every profile turned off (Profiles: '-*'), instead of "
                        "against the cheap baseline check")
    p.add_argument("--corpus", default=os.environ.get("MODELGUARD_CORPUS", "/work/corpus"))
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--compare-build", default="",
                   help="also time the five checks of the module in this build directory "
                        "(\"before\"), in the same interleaved rounds")
    p.add_argument("--clang-tidy", default="/usr/lib/llvm-22/bin/clang-tidy")
    p.add_argument("--driver", default="auto",
                   help="the modelguard batch driver: 'auto' (use it when built), "
                        "'none', or a path")
    p.add_argument("--out", default="")
    p.add_argument("--labels", default="",
                   help="score the findings against this labels file "
                        "(docs/evaluation-labels.json); exit non-zero on an "
                        "unlabelled finding")
    return p.parse_args()


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def fetch_corpus(args, wanted):
    """Returns {project: build dir} for every project that configured."""
    projects = {}
    if not args.no_fetch:
        env = dict(os.environ, MODELGUARD_CORPUS=args.corpus)
        proc = subprocess.run([os.path.join(ROOT, "scripts", "fetch-corpus.sh")] + wanted,
                              stdout=subprocess.PIPE, text=True, env=env)
        for line in proc.stdout.splitlines():
            name, build = line.split(None, 1)
            projects[name] = build
    else:
        for name in sorted(os.listdir(args.corpus)):
            build = os.path.join(args.corpus, name, "build")
            if os.path.isfile(os.path.join(build, "compile_commands.json")):
                projects[name] = build
    if wanted:
        projects = {n: b for n, b in projects.items() if n in wanted}
    return projects


def translation_units(build):
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    files = []
    for e in entries:
        path = e["file"]
        if not os.path.isabs(path):
            path = os.path.normpath(os.path.join(e["directory"], path))
        if path.endswith(CXX_SUFFIXES) and path not in files:
            files.append(path)
    return files


def run_limited(cmd, timeout):
    """Runs cmd; returns (status, wall s, cpu s, stdout, stderr). status is
    the exit code, -signal for a crash, or None when it timed out."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, wait_status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(wait_status)
        wall = time.monotonic() - start
        cpu = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    status = None if timed_out.is_set() else proc.returncode
    return status, wall, cpu, stdout, stderr


def tidy_command(args, build, file, checks, header_filter, load=True, module_build=None,
                 config=None):
    cmd = [args.clang_tidy, "-p", build, "--quiet", "--checks=-*," + checks]
    if load:
        cmd.append("--load=" + os.path.join(module_build or args.build, "libModelGuard.so"))
    if config:
        cmd.append("--config=" + config)
    if header_filter:
        cmd.append("--header-filter=" + header_filter)
    return cmd + [file]


def find_driver(args):
    if args.driver == "none":
        return None
    if args.driver != "auto":
        return args.driver
    for candidate in ("driver/batch/modelguard", "modelguard", "bin/modelguard"):
        path = os.path.join(args.build, candidate)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


class Unit:
    def __init__(self, project, file):
        self.project = project
        self.file = file
        self.status = "analysed"   # analysed, compile-error, crash, hang
        self.seconds = 0.0
        self.detail = ""


def analyse_with_tidy(args, project, build, files, findings):
    src = os.path.realpath(os.path.join(build, "..", "src"))
    header_filter = "^" + re.escape(src) + "/"

    def one(file):
        unit = Unit(project, file)
        cmd = tidy_command(args, build, file, "modelguard-*", header_filter)
        status, wall, _, stdout, stderr = run_limited(cmd, args.timeout)
        unit.seconds = wall
        text = stdout + stderr
        if status is None:
            unit.status, unit.detail = "hang", "no result after %d s" % args.timeout
        elif status < 0 or "Stack dump:" in text or "PLEASE submit a bug report" in text:
            unit.status, unit.detail = "crash", "exit %s" % status
        elif "error: " in text and status != 0:
            unit.status = "compile-error"
            unit.detail = next((l for l in text.splitlines() if "error: " in l), "")[:200]
        found = []
        for line in stdout.splitlines():
            m = WARNING.match(line)
            if m:
                found.append(Finding(project, m["check"], m["file"], int(m["line"]),
                                     int(m["col"]), m["message"], "", ""))
        return unit, found

    units = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for n, (unit, found) in enumerate(pool.map(one, files), 1):
            units.append(unit)
            findings.update(found)
            if n % 25 == 0 or n == len(files):
                log("  %s: %d/%d translation units" % (project, n, len(files)))
    return units


def analyse_with_driver(args, driver, project, build, files, findings):
    src = os.path.realpath(os.path.join(build, "..", "src"))
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        cmd = [driver, "-p", build, "-j%d" % args.jobs, "--timeout", str(args.timeout),
               "--no-cache", "--checks=-*,modelguard-*", "--format", "json",
               "--output", report, "--header-filter", "^" + re.escape(src) + "/",
               # Fingerprints name files relative to the corpus, so they do
               # not depend on where the corpus is.
               "--root", os.path.realpath(args.corpus)]
        cmd += ["--"] + files if args.limit or args.source_filter else []
        subprocess.run(cmd, stdout=subprocess.DEVNULL)
        with open(report) as f:
            data = json.load(f)
    units = {}
    for tu in data.get("translationUnits", []):
        unit = Unit(project, tu["file"])
        unit.seconds = tu.get("seconds", 0.0)
        units[tu["file"]] = unit
    for error in data.get("toolErrors", []):
        unit = units.setdefault(error["file"], Unit(project, error["file"]))
        unit.status = {"crash": "crash", "timeout": "hang"}.get(error["kind"], "compile-error")
        unit.detail = error.get("message", "")[:200]
    for f in data.get("findings", []):
        loc = f["location"]
        file = loc["file"]
        if not os.path.isabs(file):
            file = os.path.join(os.path.realpath(args.corpus), file)
        findings.add(Finding(project, f["check"], file, loc["line"], loc["column"],
                             f["message"], f.get("fingerprint", ""),
                             f.get("snippet", "")))
    return list(units.values())


PROFILE_ROW = re.compile(r"^\s*[\d.]+ \(\s*[\d.]+%\)\s+[\d.]+ \(\s*[\d.]+%\)\s+"
                         r"([\d.]+) \(\s*[\d.]+%\)\s+[\d.]+ \(\s*[\d.]+%\)\s+modelguard-",
                         re.M)


def modelguard_profile_seconds(stderr):
    """The user+system seconds clang-tidy's --enable-check-profile table
    gives the modelguard checks: their own work, which the other processes
    of a shared machine disturb far less than the whole run's CPU time."""
    return sum(float(m.group(1)) for m in PROFILE_ROW.finditer(stderr))


def time_configs(args, projects, sample):
    """Interleaved rounds of the baseline and the five checks over `sample`
    ((project, build, file) triples). Returns rows of (round, config, wall s,
    cpu s)."""
    src_of = {p: os.path.realpath(os.path.join(b, "..", "src")) for p, b in projects.items()}
    configs = {
        "baseline": (CHEAP_CHECK, False, None),
        "five": (CHEAP_CHECK + "," + args.timed_checks, True, None),
    }
    if args.compare_build:
        # Absolute: clang-tidy runs in each project's build directory.
        configs["before"] = (CHEAP_CHECK + "," + args.timed_checks, True,
                             os.path.abspath(args.compare_build))
    if args.profiles_cost:
        # The same checks with every library profile turned off.
        configs["baseline"] = (CHEAP_CHECK + "," + args.timed_checks, True, None,
                               "{CheckOptions: {Profiles: '-*'}}")
    rows = []
    for r in range(1, args.rounds + 1):
        order = sorted(configs)
        order = order if r % 2 else order[::-1]
        for name in order:
            checks, load, module_build, *config = configs[name]

            def one(item):
                project, build, file = item
                cmd = tidy_command(args, build, file, checks,
                                   "^" + re.escape(src_of[project]) + "/", load,
                                   module_build, config[0] if config else None)
                status, wall, cpu, _, err = run_limited(cmd + ["--enable-check-profile"],
                                                        args.timeout)
                return wall, cpu, modelguard_profile_seconds(err)

            start = time.monotonic()
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                results = list(pool.map(one, sample))
            wall = time.monotonic() - start
            cpu = sum(c for _, c, _ in results)
            own = sum(o for _, _, o in results)
            rows.append((r, name, wall, cpu, own))
            log("  timing round %d %-8s wall %7.1f s  cpu %7.1f s  modelguard's own %6.2f s"
                % (r, name, wall, cpu, own))
    return rows


def report_findings(args, out, say, files_of, findings, units, crashes):
    """Prints the tables and writes findings.tsv, sample.tsv and units.tsv."""
    by = collections.Counter((f.project, f.check) for f in findings)
    tus = collections.Counter(u.project for u in units)
    status = collections.Counter((u.project, u.status) for u in units)
    short = [c[len("modelguard-"):] for c in CHECKS]
    say("## Findings per project and check")
    say()
    say("| project | TUs | compile errors | crashes | hangs | " + " | ".join(short) + " |")
    say("|---|" + "---:|" * (4 + len(CHECKS)))
    for project in sorted(files_of):
        say("| %s | %d | %d | %d | %d | %s |" % (
            project, tus[project], status[(project, "compile-error")],
            status[(project, "crash")], status[(project, "hang")],
            " | ".join(str(by[(project, c)]) for c in CHECKS)))
    say("| **total** | %d | %d | %d | %d | %s |" % (
        len(units), sum(u.status == "compile-error" for u in units),
        sum(u.status == "crash" for u in units), sum(u.status == "hang" for u in units),
        " | ".join(str(sum(by[(p, c)] for p in files_of)) for c in CHECKS)))
    say()
    say("Crashes and hangs: %d" % len(crashes))
    for u in crashes:
        say("- %s %s: %s" % (u.status, u.file, u.detail))
    if units:
        slowest = max(units, key=lambda u: u.seconds)
        total = sum(u.seconds for u in units)
        say("Slowest translation unit: `%s` (%s), %.1f s; all %d took %.1f s of "
            "worker time (median %.2f s)" % (
                os.path.relpath(slowest.file, args.corpus), slowest.project,
                slowest.seconds, len(units), total,
                statistics.median(u.seconds for u in units)))
    say()

    with open(os.path.join(out, "units.tsv"), "w") as f:
        for u in sorted(units, key=lambda u: -u.seconds):
            f.write("%s\t%s\t%.2f\t%s\t%s\n" % (u.project, u.status, u.seconds, u.file, u.detail))
    ordered = sorted(findings, key=lambda f: (f.check, f.project, f.file, f.line, f.col))
    with open(os.path.join(out, "findings.tsv"), "w") as f:
        for x in ordered:
            f.write("%s\t%s\t%s:%d:%d\t%s\t%s\n" % (
                x.project, x.check, os.path.relpath(x.file, args.corpus), x.line, x.col,
                x.message, x.fingerprint))
    with open(os.path.join(out, "sample.tsv"), "w") as f:
        for c in CHECKS:
            for x in triage_sample([x for x in ordered if x.check == c]):
                f.write("%s\t%s\t%s:%d:%d\t%s\t%s\n" % (
                    c, x.project, os.path.relpath(x.file, args.corpus), x.line, x.col,
                    x.message, x.fingerprint))


def triage_sample(of_check):
    """Every finding of one check, or TRIAGE_SAMPLE of them drawn with a
    fixed seed from the findings in fingerprint order (so the draw does not
    depend on the order the analysis produced them in)."""
    if len(of_check) <= TRIAGE_SAMPLE:
        return list(of_check)
    ordered = sorted(of_check, key=lambda x: (x.fingerprint, x.file, x.line, x.col))
    return random.Random(TRIAGE_SEED).sample(ordered, TRIAGE_SAMPLE)


def load_labels(path):
    """Reads a labels file: {"labels": [...]} where each entry is a triaged
    finding ({fingerprint, check, verdict, reason}) or an instance a check
    should find ({expected: true, check, file, snippet, reason}); an entry
    may be both. Raises ValueError on a malformed entry."""
    with open(path) as f:
        data = json.load(f)
    verdicts, expected = {}, []
    for n, entry in enumerate(data.get("labels", []), 1):
        check = entry.get("check", "")
        if check not in CHECKS:
            raise ValueError("entry %d: unknown check '%s'" % (n, check))
        if not entry.get("reason"):
            raise ValueError("entry %d: no reason" % n)
        if "fingerprint" in entry:
            if entry.get("verdict") not in VERDICTS:
                raise ValueError("entry %d: verdict must be one of %s" % (n, ", ".join(VERDICTS)))
            if entry["fingerprint"] in verdicts:
                raise ValueError("entry %d: fingerprint %s labelled twice" % (n, entry["fingerprint"]))
            verdicts[entry["fingerprint"]] = entry
        if entry.get("expected") is True:
            if not entry.get("file") or not entry.get("snippet"):
                raise ValueError("entry %d: an expected instance needs 'file' and 'snippet'" % n)
            expected.append(entry)
        elif "fingerprint" not in entry:
            raise ValueError("entry %d: neither a fingerprint nor expected: true" % n)
    return verdicts, expected


def normalised(text):
    return " ".join(text.split())


def finds_expected(args, findings, entry):
    """Whether some finding of the entry's check is on the line the entry
    names: in its file (relative to the corpus), with the entry's snippet in
    the flagged line (white space collapsed), so that no line number is
    needed."""
    want = normalised(entry["snippet"])
    return any(f.check == entry["check"]
               and os.path.relpath(f.file, args.corpus) == entry["file"]
               and want in normalised(f.snippet) for f in findings)


def report_labels(args, say, findings):
    """Prints precision and recall per check; returns the number of findings
    that need a label and have none."""
    verdicts, expected = load_labels(args.labels)
    if any(not f.fingerprint for f in findings):
        raise ValueError("findings without a fingerprint: --labels needs the batch driver")
    say("## Precision and recall against `%s`" % os.path.relpath(args.labels, ROOT))
    say()
    say("| check | findings | triaged | true positives | false positives | unlabelled "
        "| precision | expected instances found |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    missing = []
    seen = set()
    for check in CHECKS:
        of_check = [f for f in findings if f.check == check]
        triaged = triage_sample(of_check)
        count = collections.Counter()
        for f in triaged:
            label = verdicts.get(f.fingerprint)
            seen.add(f.fingerprint)
            if label is None:
                missing.append(f)
                count["unlabelled"] += 1
            elif label["check"] != check:
                raise ValueError("fingerprint %s is labelled as %s but found by %s" % (
                    f.fingerprint, label["check"], check))
            else:
                count[label["verdict"]] += 1
        judged = count["true-positive"] + count["false-positive"]
        wanted = [e for e in expected if e["check"] == check]
        found = sum(finds_expected(args, findings, e) for e in wanted)
        say("| %s | %d | %s | %d | %d | %d | %s | %d of %d |" % (
            check[len("modelguard-"):], len(of_check),
            "%d (sample)" % len(triaged) if len(triaged) < len(of_check) else len(triaged),
            count["true-positive"], count["false-positive"], count["unlabelled"],
            "%.0f%%" % (100.0 * count["true-positive"] / judged) if judged else "-",
            found, len(wanted)))
    say()
    for f in missing:
        say("- unlabelled: %s %s `%s:%d:%d` %s" % (
            f.fingerprint, f.check, os.path.relpath(f.file, args.corpus), f.line, f.col,
            f.message))
    for e in expected:
        if not finds_expected(args, findings, e):
            say("- expected, not found: %s `%s` (%s)" % (e["check"], e["file"], e["snippet"]))
    stale = sorted(set(verdicts) - {f.fingerprint for f in findings})
    if stale:
        say("- %d labels match no finding of this run (fixed, or outside --projects): %s"
            % (len(stale), ", ".join(stale)))
    say()
    return len(missing)


def main():
    args = parse_args()
    out = args.out or os.path.join(args.build, "evaluation")
    os.makedirs(out, exist_ok=True)
    wanted = [p for p in args.projects.split(",") if p]
    # A report of a saved analysis needs the corpus only for timing it.
    projects = fetch_corpus(args, wanted) if not args.reuse or args.rounds else {}
    if not projects and not (args.reuse and not args.rounds):
        log("evaluate: no project could be fetched and configured")
        return 1
    driver = find_driver(args)
    head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                          stdout=subprocess.PIPE, text=True).stdout.strip()
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    say("# modelguard evaluation")
    say()
    say("- commit: `%s`; analyser: %s" % (
        head, "the analysis saved in `%s`" % os.path.join(out, "analysis.json")
        if args.reuse else "`%s`" % driver if driver else "`%s` with `%s`" % (
            args.clang_tidy, os.path.join(args.build, "libModelGuard.so"))))
    say("- command: `scripts/evaluate.py %s`" % " ".join(shlex.quote(a) for a in sys.argv[1:]))
    say()

    findings = set()
    units = []
    files_of = {}
    for project, build in sorted(projects.items()):
        files = translation_units(build)
        if args.source_filter:
            files = [f for f in files if re.search(args.source_filter, f)]
        if args.limit:
            files = files[:args.limit]
        files_of[project] = (build, files)
        if args.timing_only or args.reuse:
            continue
        log("analysing %s: %d translation units" % (project, len(files)))
        if driver:
            units += analyse_with_driver(args, driver, project, build, files, findings)
        else:
            units += analyse_with_tidy(args, project, build, files, findings)
    saved = os.path.join(out, "analysis.json")
    if args.reuse:
        with open(saved) as f:
            data = json.load(f)
        findings = {Finding(*(list(x) + ["", ""])[:len(Finding._fields)])
                    for x in data["findings"]}
        for u in data["units"]:
            unit = Unit(u["project"], u["file"])
            unit.status, unit.seconds, unit.detail = u["status"], u["seconds"], u["detail"]
            units.append(unit)
            if unit.project not in projects:
                files_of.setdefault(unit.project, ("", []))[1].append(unit.file)
        if wanted:
            findings = {f for f in findings if f.project in wanted}
            units = [u for u in units if u.project in wanted]
            files_of = {p: v for p, v in files_of.items() if p in wanted}
    elif not args.timing_only:
        with open(saved, "w") as f:
            json.dump({"findings": sorted(findings),
                       "units": [vars(u) for u in units]}, f)

    crashes = [u for u in units if u.status in ("crash", "hang")]
    if not args.timing_only:
        report_findings(args, out, say, files_of, findings, units, crashes)
    unlabelled = 0
    if args.labels and not args.timing_only:
        try:
            unlabelled = report_labels(args, say, findings)
        except (OSError, ValueError) as error:
            log("evaluate: %s: %s" % (args.labels, error))
            return 2
        if unlabelled:
            log("evaluate: %d findings have no label in %s" % (unlabelled, args.labels))

    if args.rounds:
        sample = []
        rng = random.Random(8)
        for project, (build, files) in sorted(files_of.items()):
            chosen = files if not args.timing_sample or len(files) <= args.timing_sample \
                else rng.sample(files, args.timing_sample)
            sample += [(project, build, f) for f in chosen]
        log("timing %d translation units, %d rounds" % (len(sample), args.rounds))
        rows = time_configs(args, projects, sample)
        with open(os.path.join(out, "timing.tsv"), "w") as f:
            for row in rows:
                f.write("%d\t%s\t%.2f\t%.2f\t%.3f\n" % row)
        if args.profiles_cost:
            say("## Cost of the library profiles")
            say()
            say("clang-tidy-22 with `%s` and `%s`, with every library profile turned off "
                "(baseline, `Profiles: '-*'`) and with all of them (checks), over %d "
                "translation units, -j%d, %d interleaved rounds. CPU is the user+system "
                "time of the clang-tidy processes." % (
                    CHEAP_CHECK, args.timed_checks, len(sample), args.jobs, args.rounds))
        else:
            say("## Cost of `%s`" % args.timed_checks)
            say()
            say("clang-tidy-22 with `%s` alone (baseline) and with `%s` added, "
                "over %d translation units, -j%d, %d interleaved rounds. CPU is the "
                "user+system time of the clang-tidy processes (less sensitive than wall "
                "time to the other work on the machine)." % (
                    CHEAP_CHECK, args.timed_checks, len(sample), args.jobs, args.rounds))
        say()
        say("| round | baseline wall s | checks wall s | baseline CPU s | checks CPU s | CPU overhead |")
        say("|---:|---:|---:|---:|---:|---:|")
        overheads = []
        for r in range(1, args.rounds + 1):
            b = next(x for x in rows if x[0] == r and x[1] == "baseline")
            v = next(x for x in rows if x[0] == r and x[1] == "five")
            overheads.append(100.0 * (v[3] - b[3]) / b[3])
            say("| %d | %.1f | %.1f | %.1f | %.1f | %+.1f%% |" % (r, b[2], v[2], b[3], v[3],
                                                              overheads[-1]))
        base_cpu = sum(x[3] for x in rows if x[1] == "baseline")
        five_cpu = sum(x[3] for x in rows if x[1] == "five")
        say()
        say("Overall: `%s` adds %+.1f%% CPU time (median of rounds %+.1f%%)." % (
            args.timed_checks, 100.0 * (five_cpu - base_cpu) / base_cpu,
            statistics.median(overheads)))
        say()
        if args.compare_build:
            say("The five checks of `%s` (before) and of `%s` (after), same rounds:"
                % (args.compare_build, args.build))
            say()
            say("| round | before CPU s | after CPU s | change | before checks' own s | "
                "after checks' own s | change |")
            say("|---:|---:|---:|---:|---:|---:|---:|")
            for r in range(1, args.rounds + 1):
                a = next(x for x in rows if x[0] == r and x[1] == "before")
                v = next(x for x in rows if x[0] == r and x[1] == "five")
                say("| %d | %.1f | %.1f | %+.1f%% | %.2f | %.2f | %+.1f%% |" % (
                    r, a[3], v[3], 100.0 * (v[3] - a[3]) / a[3], a[4], v[4],
                    100.0 * (v[4] - a[4]) / a[4] if a[4] else 0.0))
            before_cpu = sum(x[3] for x in rows if x[1] == "before")
            before_own = sum(x[4] for x in rows if x[1] == "before")
            after_own = sum(x[4] for x in rows if x[1] == "five")
            say()
            say("The checks' own time (clang-tidy's --enable-check-profile, user+system, "
                "summed over the units and rounds): before %.2f s, after %.2f s (%+.1f%%)."
                % (before_own, after_own,
                   100.0 * (after_own - before_own) / before_own if before_own else 0.0))
            say()
            say("Overall, after vs before: %+.1f%% CPU time; over the baseline: before "
                "%+.1f%%, after %+.1f%%." % (100.0 * (five_cpu - before_cpu) / before_cpu,
                                            100.0 * (before_cpu - base_cpu) / base_cpu,
                                            100.0 * (five_cpu - base_cpu) / base_cpu))
            say()
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    log("evaluate: wrote %s" % out)
    return 1 if crashes or unlabelled else 0


if __name__ == "__main__":
    sys.exit(main())
