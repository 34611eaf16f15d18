#!/usr/bin/env python3
"""Sums up the figures `make test-stress` collected (one line per test, see StressReport.swift)."""
import argparse
import re
import sys


def main(path, expected_seeds, expected_kills):
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        sys.exit(f"no stress report at {path}: did the tests run?")
    killed = lost = written = seeds = converged = saves = races = bad = 0
    together = together_failed = replaced = 0
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
        elif line.startswith("three devices"):
            together += int(re.search(r"(\d+) simultaneous syncs", line).group(1))
            together_failed += int(re.search(r"(\d+) failed", line).group(1))
            replaced += int(re.search(r"(\d+) pushes replaced", line).group(1))
    print(f"kills survived: {killed}")
    print(f"seeds converged: {converged} of {seeds}")
    print(f"editor saves during syncs: {saves} in {races} runs")
    print(f"bad inputs tried: {bad}")
    print(f"simultaneous syncs by three devices: {together}, failed: {together_failed}, pushes replaced: {replaced}")
    print(f"lines written: {written}, lines lost: {lost}")
    # A test that stopped early writes no line: compare with what was asked for, not found.
    problems = []
    if lost:
        problems.append(f"{lost} lines lost")
    if together_failed or replaced:
        problems.append(f"{together_failed} simultaneous syncs failed, {replaced} pushes replaced")
    if converged != expected_seeds:
        problems.append(f"{converged} of {expected_seeds} seeds converged")
    if killed < expected_kills:
        problems.append(f"{killed} of {expected_kills} kills survived")
    if problems:
        sys.exit("stress run incomplete: " + ", ".join(problems))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", nargs="?", default=".build/stress-report.txt")
    parser.add_argument("--seeds", type=int, required=True, help="seeds the property test was asked to run")
    parser.add_argument("--kills", type=int, required=True, help="kills the stress test was asked for")
    arguments = parser.parse_args()
    main(arguments.report, arguments.seeds, arguments.kills)
