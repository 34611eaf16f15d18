#!/usr/bin/env python3
"""Sums up the figures `make test-stress` collected (one line per test, see StressReport.swift)."""
import re
import sys


def main(path):
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        sys.exit(f"no stress report at {path}: did the tests run?")
    killed = lost = written = seeds = converged = saves = races = bad = 0
    for line in lines:
        if line.startswith("kills:"):
            killed += int(re.search(r"(\d+) syncs killed", line).group(1))
            written += int(re.search(r"(\d+) lines written", line).group(1))
            lost += int(re.search(r"(\d+) lost", line).group(1))
        elif line.startswith("property seed"):
            seeds += 1
            converged += "converged" in line
            written += int(re.search(r"(\d+) lines written", line).group(1))
        elif line.startswith("editor race"):
            races += 1
            saves += int(re.search(r"(\d+) saves", line).group(1))
            lost += int(re.search(r"(\d+) lost", line).group(1))
        elif line.startswith("bad input"):
            bad += 1
    print(f"kills survived: {killed}")
    print(f"seeds converged: {converged} of {seeds}")
    print(f"editor saves during syncs: {saves} in {races} runs")
    print(f"bad inputs tried: {bad}")
    print(f"lines written: {written}, lines lost: {lost}")
    if lost or converged != seeds:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".build/stress-report.txt")
