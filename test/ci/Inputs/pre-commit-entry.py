"""Prints the command of the modelguard hook of a pre-commit framework
configuration, with the driver's path in place of 'modelguard'.

usage: pre-commit-entry.py CONFIG.yaml DRIVER
"""
import shlex
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as f:
    config = yaml.safe_load(f)
hook = next(h for repo in config["repos"] for h in repo["hooks"]
            if h["id"] == "modelguard")
assert hook["language"] == "system" and hook["pass_filenames"] is False
words = shlex.split(hook["entry"])
assert words[0] == "modelguard"
print(" ".join(shlex.quote(w) for w in [sys.argv[2]] + words[1:]))
