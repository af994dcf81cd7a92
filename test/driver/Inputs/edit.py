"""Inserts a line into a file after a given line (0: at the top).

usage: edit.py FILE LINE TEXT
"""
import sys

path, after, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines(True)
lines.insert(after, text + "\n")
with open(path, "w", encoding="utf-8") as f:
    f.writelines(lines)
