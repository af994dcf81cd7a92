"""Interrupts a driver run while a worker hangs, then reports what it left.

usage: interrupt.py INT|TERM MODELGUARD ARGS... --output BASE
The run's --output BASE.{json,sarif,html} must exist beforehand; they must
be unchanged afterwards.
"""
import glob
import os
import signal
import subprocess
import sys
import time

sig = getattr(signal, "SIG" + sys.argv[1])
command = sys.argv[2:]
base = command[command.index("--output") + 1]
reports = [base + ext for ext in (".json", ".sarif", ".html")]
before = {p: open(p, "rb").read() for p in reports}
env = dict(os.environ, MODELGUARD_TEST_HANG_ON=".cpp",
           TMPDIR=base + ".tmpdir")
os.makedirs(env["TMPDIR"], exist_ok=True)
proc = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)


def workers():
    found = []
    for status in glob.glob("/proc/[0-9]*/status"):
        try:
            with open(status) as f:
                fields = dict(l.split(":\t", 1) for l in f if ":\t" in l)
            if fields.get("PPid", "").strip() == str(proc.pid):
                found.append(status)
        except OSError:
            pass
    return found


deadline = time.time() + 30
while not workers() and time.time() < deadline:
    time.sleep(0.1)
time.sleep(0.5)
proc.send_signal(sig)
_, err = proc.communicate(timeout=30)
print("exit status %d" % proc.returncode)
for line in err.splitlines():
    print("stderr: " + line)
print("workers left: %d" % len(workers()))
print("reports unchanged: %d" % sum(open(p, "rb").read() == before[p] for p in reports))
print("temporary files left: %d" % len(os.listdir(env["TMPDIR"])))
