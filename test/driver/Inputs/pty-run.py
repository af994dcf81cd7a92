"""Runs a command with its standard error on a pseudo-terminal and prints
what it wrote there, with escape sequences and carriage returns visible.

usage: pty-run.py COMMAND [ARG...]
"""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 4096)
    except OSError:
        break
    if not data:
        break
    chunks.append(data)
proc.wait()
text = b"".join(chunks).decode("utf-8", "replace")
print(text.replace("\x1b", "<ESC>").replace("\r", "<CR>\n"))
print("exit status %d" % proc.returncode)
