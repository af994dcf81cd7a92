"""Loads an HTML report in headless Chromium: the page's script must run to
the end with no error on the console, the findings table must hold the
expected number of rows, and a screenshot of it is written.

usage: browser-check.py CHROMIUM REPORT.html SCRATCH_DIR EXPECTED_ROWS
"""
import os
import re
import shutil
import struct
import subprocess
import sys

chromium, report, scratch, expected_rows = sys.argv[1:5]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]
url = "file://" + os.path.abspath(report)


def run(extra, profile):
    return subprocess.run(
        [chromium] + flags + ["--user-data-dir=" + os.path.join(scratch, profile)]
        + extra + [url], capture_output=True, text=True, timeout=120)


dom = run(["--dump-dom"], "profile-dom")
shot_path = os.path.join(scratch, "report.png")
shot = run(["--window-size=1280,1400", "--screenshot=" + shot_path], "profile-shot")

failed = False
for name, result in (("dump-dom", dom), ("screenshot", shot)):
    for line in result.stderr.splitlines():
        if "CONSOLE" in line or "Uncaught" in line:
            print("script error (%s): %s" % (name, line))
            failed = True
if 'data-modelguard-ready="yes"' not in dom.stdout:
    print("the page's script did not run to the end")
    failed = True
table = re.search(r'<table id="findings">.*?<tbody>(.*?)</tbody>', dom.stdout, re.S)
rows = len(re.findall(r"<tr ", table.group(1))) if table else -1
print("findings rows: %d" % rows)
if rows != int(expected_rows):
    failed = True
if not os.path.exists(shot_path):
    print("no screenshot")
    failed = True
else:
    with open(shot_path, "rb") as f:
        head = f.read(24)
    width, height = struct.unpack(">II", head[16:24])
    print("screenshot: %dx%d png, %d bytes" % (width, height, os.path.getsize(shot_path)))
    if head[:8] != b"\x89PNG\r\n\x1a\n" or os.path.getsize(shot_path) < 10000:
        failed = True
sys.exit(1 if failed else 0)
