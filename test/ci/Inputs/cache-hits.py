"""Sums the cache hits and misses of the shard reports in a directory.

usage: cache-hits.py DIRECTORY
"""
import glob
import json
import os
import sys

hits = misses = 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    with open(path, encoding="utf-8") as f:
        timings = json.load(f)["timings"]
    hits += timings["cacheHits"]
    misses += timings["cacheMisses"]
print("cache hits %d" % hits)
print("cache misses %d" % misses)
