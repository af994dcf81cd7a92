#!/usr/bin/env python3
"""Runs a CI recipe from docs/examples/ locally, as far as it concerns
modelguard: parses the YAML, expands the shard matrix (GitHub Actions) or
`parallel:` (GitLab CI), runs each job's shell commands in a workspace with
the CI's variables set, and plays the parts of the CI's own actions
(checkout, cache, artifacts, SARIF upload, Code Quality report) on local
directories. Steps that install packages or configure the project's own
build are skipped by name and listed, so the test sees what ran.

usage: run_recipe.py github RECIPE.yml WORKSPACE [--skip STEP]... [--set VAR=VALUE]...
       run_recipe.py gitlab RECIPE.yml WORKSPACE [--skip-line REGEX]... [--set VAR=VALUE]...

Prints one line per step or command with its exit status, and the files each
artifact or report holds. Exits 1 if the recipe cannot be run as written
(an action this runner does not know, a missing artifact, an invalid SARIF
or Code Quality report).
"""
import argparse
import fnmatch
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                      "driver", "Inputs", "gitlab-code-quality.schema.json")


def fail(message):
    print("run_recipe: error: " + message)
    sys.exit(1)


def shell(command, cwd, env):
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail",
                             "-c", command], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    for line in result.stdout.splitlines():
        print("  | " + line)
    return result.returncode


def hash_files(workspace, patterns):
    digest = hashlib.sha256()
    found = False
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(workspace, pattern), recursive=True)):
            with open(path, "rb") as f:
                digest.update(hashlib.sha256(f.read()).digest())
            found = True
    return digest.hexdigest() if found else ""


def copy_into(sources, dest_dir):
    os.makedirs(dest_dir, exist_ok=True)
    for source in sources:
        shutil.copy2(source, os.path.join(dest_dir, os.path.basename(source)))


def check_sarif(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    if log.get("version") != "2.1.0" or len(log.get("runs", [])) != 1:
        fail("%s is not a SARIF 2.1.0 log with one run" % path)
    return len(log["runs"][0].get("results", []))


def check_code_quality(path):
    import jsonschema
    with open(path, encoding="utf-8") as f:
        issues = json.load(f)
    with open(SCHEMA, encoding="utf-8") as f:
        jsonschema.validate(issues, json.load(f))
    return len(issues)


# --- GitHub Actions -----------------------------------------------------------

class GitHubRunner:
    EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

    def __init__(self, workflow, workspace, skip, overrides, state):
        self.workflow = workflow
        self.workspace = workspace
        self.skip = set(skip)
        self.overrides = overrides
        self.state = state
        self.skipped_used = set()

    def evaluate(self, text, context):
        def one(match):
            expr = match.group(1)
            call = re.fullmatch(r"hashFiles\((.*)\)", expr)
            if call:
                patterns = [p.strip().strip("'\"") for p in call.group(1).split(",")]
                return hash_files(self.workspace, patterns)
            if expr in context:
                return str(context[expr])
            fail("unknown expression '%s'" % expr)
        return self.EXPRESSION.sub(one, str(text))

    def job_order(self):
        jobs, done, order = self.workflow["jobs"], set(), []
        while len(order) < len(jobs):
            ready = [name for name, job in jobs.items() if name not in done and
                     set(as_list(job.get("needs", []))) <= done]
            if not ready:
                fail("the jobs' needs form a cycle")
            for name in ready:
                done.add(name)
                order.append(name)
        return order

    def run(self):
        for name in self.job_order():
            job = self.workflow["jobs"][name]
            matrix = job.get("strategy", {}).get("matrix", {})
            combos = expand_matrix(matrix)
            for combo in combos:
                context = {"matrix." + k: v for k, v in combo.items()}
                context["strategy.job-total"] = len(combos)
                context["github.sha"] = "0" * 40
                context["runner.os"] = "Linux"
                label = name + "".join(" %s=%s" % kv for kv in sorted(combo.items()))
                self.run_job(label, job, context)
        unused = self.skip - self.skipped_used
        if unused:
            fail("no step called %s" % ", ".join(sorted(unused)))

    def run_job(self, label, job, context):
        print("job %s" % label)
        env = dict(os.environ)
        for source in (self.workflow.get("env", {}), job.get("env", {})):
            env.update({k: self.evaluate(v, context) for k, v in source.items()})
        env.update(self.overrides)
        env["CI"] = "true"
        failed = False
        caches = []
        for step in job["steps"]:
            condition = str(step.get("if", ""))
            if failed and "always()" not in condition:
                print("step %s: not run (an earlier step failed)" % step_name(step))
                continue
            status = self.run_step(step, context, env, caches)
            failed = failed or status != 0
        for path, key in caches:
            store = os.path.join(self.state, "cache", key)
            shutil.rmtree(store, ignore_errors=True)
            if os.path.isdir(os.path.join(self.workspace, path)):
                shutil.copytree(os.path.join(self.workspace, path), store)
                print("cache saved: %s (%d entries)" % (path, count_files(store)))

    def run_step(self, step, context, env, caches):
        name = step_name(step)
        if "run" in step:
            if name in self.skip:
                self.skipped_used.add(name)
                print("step %s: skipped (machine set-up)" % name)
                return 0
            status = shell(self.evaluate(step["run"], context), self.workspace, env)
            print("step %s: status %d" % (name, status))
            return status
        uses = step["uses"].split("@")[0]
        inputs = {k: self.evaluate(v, context) for k, v in step.get("with", {}).items()}
        if uses == "actions/checkout":
            print("step checkout: the workspace")
        elif uses == "actions/cache":
            key = inputs["key"]
            restore = [key] + [k for k in inputs.get("restore-keys", "").splitlines() if k]
            stored = sorted(os.listdir(os.path.join(self.state, "cache"))) \
                if os.path.isdir(os.path.join(self.state, "cache")) else []
            hit = next((s for prefix in restore for s in reversed(stored)
                        if s == prefix or s.startswith(prefix)), None)
            target = os.path.join(self.workspace, inputs["path"])
            shutil.rmtree(target, ignore_errors=True)
            if hit:
                shutil.copytree(os.path.join(self.state, "cache", hit), target)
            print("step cache: %s" % ("restored" if hit else "miss"))
            caches.append((inputs["path"], key))
        elif uses == "actions/upload-artifact":
            files = [f for line in inputs["path"].splitlines() if line.strip()
                     for f in glob.glob(os.path.join(self.workspace, line.strip()))]
            if not files:
                fail("artifact %s: no file matches %s" % (inputs["name"], inputs["path"]))
            copy_into(files, os.path.join(self.state, "artifacts", inputs["name"]))
            print("step upload-artifact %s: %s" % (
                inputs["name"], " ".join(sorted(os.path.basename(f) for f in files))))
        elif uses == "actions/download-artifact":
            names = [n for n in sorted(os.listdir(os.path.join(self.state, "artifacts")))
                     if fnmatch.fnmatch(n, inputs.get("pattern", inputs.get("name", "*")))]
            if not names:
                fail("no artifact matches %s" % inputs.get("pattern"))
            for n in names:
                source = os.path.join(self.state, "artifacts", n)
                dest = os.path.join(self.workspace, inputs.get("path", "."))
                if str(inputs.get("merge-multiple", "false")).lower() != "true":
                    dest = os.path.join(dest, n)
                copy_into([os.path.join(source, f) for f in os.listdir(source)], dest)
            print("step download-artifact: %s" % " ".join(names))
        elif uses == "github/codeql-action/upload-sarif":
            path = os.path.join(self.workspace, inputs["sarif_file"])
            if not os.path.exists(path):
                fail("upload-sarif: %s does not exist" % inputs["sarif_file"])
            print("step upload-sarif %s: %d results" % (inputs["sarif_file"], check_sarif(path)))
        else:
            fail("unknown action %s" % uses)
        return 0


def step_name(step):
    return step.get("name") or step.get("uses", "").split("@")[0].split("/")[-1]


def as_list(value):
    return value if isinstance(value, list) else [value]


def expand_matrix(matrix):
    combos = [{}]
    for key, values in matrix.items():
        combos = [dict(c, **{key: v}) for c in combos for v in values]
    return combos


def count_files(directory):
    return sum(len(files) for _, _, files in os.walk(directory))


# --- GitLab CI ----------------------------------------------------------------

RESERVED = {"stages", "variables", "default", "include", "workflow", "image",
            "services", "cache", "before_script", "after_script"}


def run_gitlab(pipeline, workspace, skip_lines, overrides, state):
    stages = pipeline.get("stages", ["build", "test", "deploy"])
    jobs = {name: job for name, job in pipeline.items()
            if name not in RESERVED and not name.startswith(".") and isinstance(job, dict)}
    artifacts = {}
    used_patterns = set()
    for stage in stages:
        for name, job in jobs.items():
            if job.get("stage", "test") != stage:
                continue
            total = int(job.get("parallel", 1))
            for index in range(1, total + 1):
                run_gitlab_job(name, job, index, total, pipeline, workspace, skip_lines,
                               used_patterns, overrides, state, artifacts)
    unused = set(skip_lines) - used_patterns
    if unused:
        fail("no script line matches %s" % ", ".join(sorted(unused)))


def run_gitlab_job(name, job, index, total, pipeline, workspace, skip_lines,
                   used_patterns, overrides, state, artifacts):
    label = name + (" %d/%d" % (index, total) if total > 1 else "")
    print("job %s" % label)
    env = dict(os.environ)
    env.update({k: str(v) for k, v in pipeline.get("variables", {}).items()})
    env.update({k: str(v) for k, v in job.get("variables", {}).items()})
    env.update(overrides)
    env.update({"CI": "true", "CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(total)})
    if total == 1:
        env.pop("CI_NODE_INDEX")
        env.pop("CI_NODE_TOTAL")
    # Artifacts of the jobs this one needs (or of every earlier job).
    for needed in as_list(job.get("needs", list(artifacts))):
        for path in artifacts.get(needed, []):
            shutil.copy2(path, os.path.join(workspace, os.path.basename(path)))
    cache = job.get("cache")
    cache_dir = None
    if cache:
        key = cache["key"]
        if isinstance(key, dict):
            prefix = key.get("prefix", "").replace("$CI_NODE_INDEX",
                                                   env.get("CI_NODE_INDEX", ""))
            key = prefix + "-" + hash_files(workspace, key.get("files", []))[:16]
        cache_dir = os.path.join(state, "cache", key)
        for path in cache.get("paths", []):
            target = os.path.join(workspace, path)
            shutil.rmtree(target, ignore_errors=True)
            if os.path.isdir(os.path.join(cache_dir, path)):
                shutil.copytree(os.path.join(cache_dir, path), target)
                print("cache restored: %s" % path)
    # Each GitLab job starts from a fresh checkout: what earlier jobs left in
    # the shared workspace is not this job's to upload.
    written_before = file_stamps(workspace)
    print("before_script: skipped (machine set-up, %d commands)" % len(job.get("before_script", [])))
    status = 0
    for line in job["script"]:
        pattern = next((p for p in skip_lines if re.search(p, line)), None)
        if pattern:
            used_patterns.add(pattern)
            print("script: skipped %s" % line.split()[0])
            continue
        status = shell(line, workspace, env)
        print("script: status %d" % status)
        if status != 0:
            break
    allowed = job.get("allow_failure", {})
    if status != 0 and isinstance(allowed, dict) and status in allowed.get("exit_codes", []):
        print("job %s: allowed to fail with %d" % (label, status))
    elif status != 0:
        print("job %s: failed with %d" % (label, status))
    if cache_dir:
        for path in cache.get("paths", []):
            source = os.path.join(workspace, path)
            if os.path.isdir(source):
                shutil.rmtree(os.path.join(cache_dir, path), ignore_errors=True)
                shutil.copytree(source, os.path.join(cache_dir, path))
                print("cache saved: %s (%d entries)" % (path, count_files(source)))
    spec = job.get("artifacts", {})
    when = spec.get("when", "on_success")
    if status != 0 and when == "on_success" and not isinstance(allowed, dict):
        return
    kept = []
    for pattern in spec.get("paths", []):
        matched = [p for p in glob.glob(os.path.join(workspace, pattern))
                   if written_before.get(p) != os.stat(p).st_mtime_ns]
        if not matched:
            fail("job %s: artifact path %s matches nothing" % (label, pattern))
        kept += matched
    artifacts.setdefault(name, []).extend(
        shutil.copy2(p, os.path.join(state_dir(state, "artifacts", label), os.path.basename(p)))
        for p in kept)
    print("artifacts: %s" % " ".join(sorted(os.path.basename(p) for p in kept)))
    for path in as_list(spec.get("reports", {}).get("codequality", [])):
        print("codequality report %s: %d issues, valid" % (
            path, check_code_quality(os.path.join(workspace, path))))


def file_stamps(workspace):
    """Modification times of the files at the top of `workspace`."""
    return {p: os.stat(p).st_mtime_ns for p in glob.glob(os.path.join(workspace, "*"))
            if os.path.isfile(p)}


def state_dir(state, *parts):
    path = os.path.join(state, *[p.replace("/", "-").replace(" ", "-") for p in parts])
    os.makedirs(path, exist_ok=True)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["github", "gitlab"])
    parser.add_argument("recipe")
    parser.add_argument("workspace")
    parser.add_argument("--skip", action="append", default=[])
    parser.add_argument("--skip-line", action="append", default=[])
    parser.add_argument("--set", action="append", default=[])
    args = parser.parse_args()
    overrides = dict(item.split("=", 1) for item in args.set)
    with open(args.recipe, encoding="utf-8") as f:
        recipe = yaml.safe_load(f)
    workspace = os.path.abspath(args.workspace)
    # The CI's storage: artifacts live for one run, caches across runs.
    state = workspace + ".ci"
    shutil.rmtree(os.path.join(state, "artifacts"), ignore_errors=True)
    os.makedirs(os.path.join(state, "artifacts"))
    if args.kind == "github":
        # YAML 1.1 reads the key "on" as true.
        if "jobs" not in recipe or not (recipe.get("on") or recipe.get(True)):
            fail("not a GitHub Actions workflow")
        GitHubRunner(recipe, workspace, args.skip, overrides, state).run()
    else:
        run_gitlab(recipe, workspace, args.skip_line, overrides, state)


if __name__ == "__main__":
    main()
