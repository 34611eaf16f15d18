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
    so that a noisy moment on the machine hits all of them alike (after one warm-up each). `cwd`
    is one folder for all, or a list with each command's own."""
    cwds = cwd if isinstance(cwd, list) else [cwd] * len(commands)
    for command, folder in zip(commands, cwds):
        run_once(command, folder)
    samples = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            samples[index].append(run_once(command, cwds[index]))
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


def query_cache_rows(root, hearth, runs, before=None):
    """The query cache's goal (issue 13): `hearth list --kind day --where 'energy<=1' --json` with a
    warm cache against `grep -rl '^energy: 1'` over the same entries, alternating run by run; the
    cold run (no cache yet, files in the page cache) and peak memory besides. The notebook gets a
    `.git` folder (the cache lives in `.git/hearth/`); grep is told to skip it, so both read the
    same files."""
    subprocess.run(["git", "init", "-q", root], check=True)
    shutil.rmtree(os.path.join(root, ".git", "hearth"), ignore_errors=True)
    grep = ["grep", "-rl", "--exclude-dir=.git", "^energy: 1", "."]
    query = [hearth, "list", "--kind", "day", "--where", "energy<=1", "--json"]
    # The files in the page cache for both, then hearth's first run, which finds no cache.
    run_once(grep, root)
    cold_seconds, cold_rss, code, output = timed(query, root)
    if code != 0:
        sys.exit(f"benchmark command failed ({code}): {' '.join(query)}\n{output[:2000]}")
    # Like with like: grep lists exactly the files whose entries hearth returns.
    _, _, _, listed = timed(grep, root)
    rows = output.count('"path"')
    if rows != len(listed.splitlines()):
        sys.exit(f"hearth list returned {rows} entries, grep {len(listed.splitlines())} files")
    # --before: an older build timed in the same rounds, on its own copy of the notebook: a build
    # of another cache format would otherwise rewrite the cache the other one reads, every run.
    folders = [root, root]
    if before:
        copy = root + "-before"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy, symlinks=True)
        shutil.rmtree(os.path.join(copy, ".git", "hearth"), ignore_errors=True)
        folders.append(copy)
        os.sync()
    measured = measure_interleaved([grep, query] + ([[before] + query[1:]] if before else []), folders, runs)
    (grep_time, grep_rss), (warm_time, warm_rss) = measured[:2]
    return {"grep": (grep_time, grep_rss), "warm": (warm_time, warm_rss), "cold": (cold_seconds, cold_rss),
            "cache": os.path.getsize(os.path.join(root, ".git", "hearth", "frontmatter.cache")),
            "before": measured[2] if before else None}


def print_query_cache(sizes):
    print("\nQuery cache (`hearth list --kind day --where 'energy<=1' --json`, warm cache, against "
          "`grep -rl --exclude-dir=.git '^energy: 1' .`, alternating run by run; goal at most 1.0x, stretch 0.5x):\n")
    before = any(result["before"] for _, result in sizes)
    print("| entries | grep | hearth list, warm cache | ratio |" + (" --before binary, warm | its ratio |" if before else "")
          + " hearth list, cold (first run) | peak memory warm / cold | cache file |")
    print("|---:|---:|---:|---:|" + ("---:|---:|" if before else "") + "---:|---:|---:|")
    for days, result in sizes:
        grep, warm, cold, old = result["grep"], result["warm"], result["cold"], result["before"]
        print(f"| {days:,} | {grep[0] * 1000:.0f} ms | {warm[0] * 1000:.0f} ms | {warm[0] / grep[0]:.2f}x | "
              + (f"{old[0] * 1000:.0f} ms | {old[0] / grep[0]:.2f}x | " if old else "")
              + f"{cold[0] * 1000:.0f} ms | {warm[1] / 1024:.1f} / {cold[1] / 1024:.1f} MiB | {result['cache'] / 1048576:.1f} MiB |")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--days", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--cache-days", type=int, nargs="*", default=[100_000],
                        help="further notebook sizes for the query cache's rows (the --days notebook is always one)")
    parser.add_argument("--only-query-cache", action="store_true", help="run the query cache's rows alone")
    parser.add_argument("--before", help="another hearth binary (an older build) timed in the query cache's rounds too")
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
        before = os.path.abspath(args.before) if args.before else None
        cache_sizes = [(args.days, query_cache_rows(root, hearth, args.runs, before))]
        for days in args.cache_days:
            larger = os.path.join(work, f"notebook-{days}")
            subprocess.run([sys.executable, os.path.join(HERE, "generate-notebook.py"), larger, "--days", str(days)], check=True)
            os.sync()
            cache_sizes.append((days, query_cache_rows(larger, hearth, max(5, args.runs // 3), before)))
        if args.only_query_cache:
            print_query_cache(cache_sizes)
            return
        # The rows below run without the cache, as before it (and as a notebook without .git does).
        shutil.rmtree(os.path.join(root, ".git"))
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
        print_query_cache(cache_sizes)
        print(f"\nhearth list / grep, uncached: {query[0] / grep[0]:.2f}x (goal: at most 3x)")
        print(f"hearth review --weeks 52: {review[0] * 1000:.0f} ms (goal: under 500 ms)")
        print(f"hearth grep / git grep: {hearth_grep[0] / git_grep[0]:.2f}x (goal: at most 2x); "
              f"grep -rn: {grep_rn[0] / git_grep[0]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
