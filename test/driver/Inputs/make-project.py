"""Copies the driver's test project to a scratch directory and writes its
compile_commands.json there, so that tests can edit files freely.

usage: make-project.py SOURCE DEST [--command]   (--command: 'command'
strings instead of 'arguments' arrays)
"""
import json
import os
import shutil
import sys

source, dest = sys.argv[1], sys.argv[2]
use_command = "--command" in sys.argv[3:]
shutil.rmtree(dest, ignore_errors=True)
shutil.copytree(source, dest)
build = os.path.join(dest, "build")
os.makedirs(build, exist_ok=True)
entries = []
for name in sorted(os.listdir(os.path.join(dest, "src"))):
    args = ["clang++", "-std=c++17", "-I" + os.path.join(dest, "include"),
            "-c", os.path.join("..", "src", name), "-o", name + ".o"]
    entry = {"directory": build, "file": os.path.join("..", "src", name)}
    if use_command:
        entry["command"] = " ".join(args)
    else:
        entry["arguments"] = args
    entries.append(entry)
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=2)
