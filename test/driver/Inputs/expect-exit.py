"""Runs a command and succeeds only if it exits with the expected status.

usage: expect-exit.py STATUS COMMAND [ARG...]
Standard output and error pass through, so FileCheck can read them.
"""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != expected:
    sys.stderr.write("expect-exit: '%s' exited with %d, expected %d\n"
                     % (" ".join(sys.argv[2:]), status, expected))
    sys.exit(1)
