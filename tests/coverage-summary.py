#!/usr/bin/env python3
"""Line and branch coverage per directory of src/, from gcovr's JSON summary.

usage: coverage-summary.py SUMMARY.json
"""
import collections
import json
import os
import sys


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    tot = collections.defaultdict(lambda: [0, 0, 0, 0])
    for fi in data["files"]:
        name = fi["filename"]
        if not name.startswith("src/"):
            continue
        d = os.path.dirname(name)
        t = tot[d]
        t[0] += fi["line_covered"]
        t[1] += fi["line_total"]
        t[2] += fi["branch_covered"]
        t[3] += fi["branch_total"]
    print("%-14s %16s %18s" % ("DIRECTORY", "LINES", "BRANCHES"))
    all_ = [0, 0, 0, 0]
    for d in sorted(tot):
        t = tot[d]
        all_ = [a + b for a, b in zip(all_, t)]
        print("%-14s %6.1f%% %4d/%-4d %6.1f%% %5d/%-5d" % (
            d + "/", 100.0 * t[0] / max(t[1], 1), t[0], t[1],
            100.0 * t[2] / max(t[3], 1), t[2], t[3]))
    t = all_
    print("%-14s %6.1f%% %4d/%-4d %6.1f%% %5d/%-5d" % (
        "total", 100.0 * t[0] / max(t[1], 1), t[0], t[1],
        100.0 * t[2] / max(t[3], 1), t[2], t[3]))


if __name__ == "__main__":
    main()
