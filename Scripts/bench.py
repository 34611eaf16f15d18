#!/usr/bin/env python3
"""`make bench`: times hearth against grep on the same generated notebook in the same run and
prints a Markdown table for README. Wall time is the median of several runs after a warm-up (the
page cache is warm for every tool alike); peak memory is the child's max RSS from wait4."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, cwd, env=None):
    """Wall seconds, peak RSS (KiB, from wait4: the process or its largest child), exit code and
    output of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read before waiting, so a chatty child cannot block on a full pipe.
    output = process.stdout.read().decode() + process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status), output


def run_once(command, cwd):
    """Wall seconds and peak RSS (KiB) of one run."""
    elapsed, rss, code, output = timed(command, cwd)
    if code not in (0, 1):  # grep exits 1 for "no match"; anything else is a broken benchmark
        sys.exit(f"benchmark command failed ({code}): {' '.join(command)}\n{output}")
    return elapsed, rss


def measure_interleaved(commands, cwd, runs):
    """Median wall seconds and max peak RSS per command, running the commands in turn each round
    so that a noisy moment on the machine hits all of them alike (after one warm-up each)."""
    for command in commands:
        run_once(command, cwd)
    samples = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            samples[index].append(run_once(command, cwd))
    return [(statistics.median(s[0] for s in runs_), max(s[1] for s in runs_)) for runs_ in samples]


def measure(command, cwd, runs):
    """Median wall seconds and max peak RSS (KiB) over `runs` runs after one warm-up."""
    return measure_interleaved([command], cwd, runs)[0]


def make_repository(root):
    """Commits the notebook with the git CLI (only the benchmark does this; hearth never runs git)."""
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@hearth.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@hearth.invalid", GIT_CONFIG_NOSYSTEM="1")
    for command in (["git", "init", "-q", "--initial-branch=main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "bench"]):
        subprocess.run(command, cwd=root, env=env, check=True)
    os.sync()


def check_same_matches(commands, cwd):
    """The grep rows compare like with like only if every tool finds the same lines."""
    counts = []
    for command in commands:
        _, _, code, output = timed(command, cwd)
        if code != 0:
            sys.exit(f"benchmark command found nothing or failed ({code}): {' '.join(command)}\n{output[:2000]}")
        counts.append(len(output.splitlines()))
    if len(set(counts)) != 1:
        sys.exit(f"the grep rows disagree on the number of matching lines: {counts}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--days", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    hearth = os.path.abspath(args.hearth)
    work = tempfile.mkdtemp(prefix="hearth-bench.")
    try:
        root = os.path.join(work, "notebook")
        subprocess.run([sys.executable, os.path.join(HERE, "generate-notebook.py"), root, "--days", str(args.days)], check=True)
        env_note = f"{args.days:,} day entries, {os.cpu_count()} cores, median of {args.runs} runs after a warm-up; grep and hearth list alternate run by run, as do git grep, grep -rn and hearth grep"
        rows = []
        # Freshly written files may still be going to disk; let writeback finish first.
        os.sync()
        grep, query = measure_interleaved([
            ["grep", "-rl", "^energy: 1", "."],
            [hearth, "list", "--kind", "day", "--where", "energy<=1", "--json"],
        ], root, args.runs)
        check = measure([hearth, "check"], root, max(3, args.runs // 3))
        review = measure([hearth, "review", "--weeks", "52", "--until", "2026-11-22"], root, max(3, args.runs // 3))
        rows.append(("`grep -rl '^energy: 1' .`", grep))
        rows.append(("`hearth list --kind day --where 'energy<=1' --json`", query))
        rows.append(("`hearth check`", check))
        rows.append(("`hearth review --weeks 52`", review))
        # `git grep` needs a repository; made after the rows above so that their grep never
        # walks .git. grep -r skips .git, so all three read the same files.
        make_repository(root)
        pattern = "gpu cluster"
        grep_commands = [
            ["git", "grep", "-n", "-E", pattern],
            ["grep", "-rn", "-E", "--exclude-dir=.git", pattern, "."],
            [hearth, "grep", pattern],
        ]
        check_same_matches(grep_commands, root)
        git_grep, grep_rn, hearth_grep = measure_interleaved(grep_commands, root, args.runs)
        rows.append((f"`git grep -n -E '{pattern}'`", git_grep))
        rows.append((f"`grep -rn -E '{pattern}' .`", grep_rn))
        rows.append((f"`hearth grep '{pattern}'`", hearth_grep))
        print(f"\nBenchmarks ({env_note}; `make bench`):\n")
        print("| command | median wall time | peak memory |")
        print("|---|---:|---:|")
        for name, (seconds, rss) in rows:
            print(f"| {name} | {seconds * 1000:.0f} ms | {rss / 1024:.1f} MiB |")
        print(f"\nhearth list / grep: {query[0] / grep[0]:.2f}x (goal: at most 3x)")
        print(f"hearth review --weeks 52: {review[0] * 1000:.0f} ms (goal: under 500 ms)")
        print(f"hearth grep / git grep: {hearth_grep[0] / git_grep[0]:.2f}x (goal: at most 2x); "
              f"grep -rn: {grep_rn[0] / git_grep[0]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
