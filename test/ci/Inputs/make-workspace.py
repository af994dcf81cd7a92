"""Makes a CI workspace from the reference model: a git repository holding a
copy of test/reference-model with build/compile_commands.json for its
flawed and remediated translation units, one commit.

usage: make-workspace.py REPO_ROOT DEST
"""
import json
import os
import shutil
import subprocess
import sys

repo_root, dest = sys.argv[1], os.path.abspath(sys.argv[2])
shutil.rmtree(dest, ignore_errors=True)
shutil.copytree(os.path.join(repo_root, "test", "reference-model"), dest,
                ignore=shutil.ignore_patterns("*.test", "lit.local.cfg"))
os.makedirs(os.path.join(dest, "build"))
entries = [{
    "directory": os.path.join(dest, variant),
    "file": os.path.join(dest, variant, "instance_action.cpp"),
    "arguments": ["clang++", "-std=c++17", "-I" + dest, "-c", "instance_action.cpp"],
} for variant in ("flawed", "remediated")]
with open(os.path.join(dest, "build", "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=2)
with open(os.path.join(dest, ".gitignore"), "w") as f:
    f.write("build/\n")
git = ["git", "-C", dest, "-c", "user.name=modelguard",
       "-c", "user.email=test@example.invalid"]
subprocess.check_call(["git", "init", "-q", dest])
subprocess.check_call(git + ["add", "-A"])
subprocess.check_call(git + ["commit", "-qm", "reference model"])
