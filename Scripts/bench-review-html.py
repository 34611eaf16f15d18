#!/usr/bin/env python3
"""`make bench` (HTML review part, issue #17): `hearth review --html FILE` over ten years of daily
entries (generate-notebook.py: 3,653 days, kept under .build/bench-review-html between runs), for
the whole ten years (`--since` ten years before the pinned today) and for the default last 52
weeks, next to the terminal review of the same ranges.

The notebook is a git repository, as hearth makes them, so the query cache (.git/hearth) is used.
Each command runs once cold (no query cache yet, files in the page cache), then --runs rounds with
the commands in turn, after one warm-up each; the table gives the cold time, the median warm wall
time and CPU time (user + system: what a busy machine's waiting leaves out), the peak memory (largest max RSS of any run, from wait4) and the size of what was written.
Goal: the ten-year HTML review in under 1 s (warm median); the script exits 1 when it is missed."""
import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = datetime.date(2026, 11, 22)  # generate-notebook.py's last day
SECONDS_GOAL = 1.0


def timed(command, cwd, env):
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one run; exits when the
    command fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output = process.stdout.read() + process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"benchmark command failed ({code}): {' '.join(command)}\n{output.decode(errors='replace')[:2000]}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def make_repository(root):
    """Commits the notebook with the git CLI, as a real notebook is (the query cache lives in .git)."""
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@hearth.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@hearth.invalid", GIT_CONFIG_NOSYSTEM="1")
    for command in (["git", "init", "-q", "--initial-branch=main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "bench"]):
        subprocess.run(command, cwd=root, env=env, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hearth", required=True, help="the hearth binary to time (the release build)")
    parser.add_argument("--days", type=int, default=3653, help="daily entries, ending on %s" % TODAY)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cache", default=os.path.join(os.path.dirname(HERE), ".build", "bench-review-html"),
                        help="where the generated notebook is kept between runs")
    args = parser.parse_args()
    hearth = os.path.abspath(args.hearth)

    notebook = os.path.join(args.cache, f"notebook-{args.days}d")
    if not os.path.exists(os.path.join(notebook, ".git")):
        shutil.rmtree(notebook, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate-notebook.py"), notebook, "--days", str(args.days)], check=True)
        make_repository(notebook)
    cache = os.path.join(notebook, ".git", "hearth", "frontmatter.cache")

    since = (TODAY - datetime.timedelta(days=args.days - 1)).isoformat()
    home = tempfile.mkdtemp(prefix="hearth-bench-review-html-")
    output = os.path.join(home, "out")
    os.makedirs(output)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "HEARTH_TODAY": TODAY.isoformat(),
           "NO_COLOR": "1", "LC_ALL": "C.UTF-8"}
    rows = [
        (f"hearth review --html FILE --since {since} ({args.days} days)", ["review", "--html", os.path.join(output, "years.html"), "--since", since],
         os.path.join(output, "years.html")),
        ("hearth review --html FILE (last 52 weeks)", ["review", "--html", os.path.join(output, "weeks.html")],
         os.path.join(output, "weeks.html")),
        (f"hearth review --since {since} (terminal, for comparison)", ["review", "--since", since], None),
        ("hearth review --weeks 52 (terminal)", ["review", "--weeks", "52"], None),
    ]
    try:
        cold = []
        for _, command, _ in rows:
            # No query cache for a cold run (hearth rebuilds it then).
            if os.path.exists(cache):
                os.remove(cache)
            cold.append(timed([hearth] + command, notebook, env))
        for _, command, _ in rows:
            timed([hearth] + command, notebook, env)
        samples = [[] for _ in rows]
        for _ in range(args.runs):
            for index, (_, command, _) in enumerate(rows):
                samples[index].append(timed([hearth] + command, notebook, env))
        print(f"Review of {args.days} daily entries ({since} to {TODAY}), {args.runs} warm runs each, {hearth}")
        print()
        print("| command | cold | median warm | median CPU | peak memory | written |")
        print("|---|---:|---:|---:|---:|---:|")
        missed = []
        for (name, _, written), first, runs in zip(rows, cold, samples):
            median = statistics.median(run[0] for run in runs)
            cpu = statistics.median(run[2] for run in runs)
            peak = max([first[1]] + [run[1] for run in runs])
            size = f"{os.path.getsize(written) / 1024:.0f} KiB" if written else ""
            print(f"| `{name}` | {first[0]:.3f} s | {median:.3f} s | {cpu:.3f} s | {peak / 1024:.1f} MiB | {size} |")
            if written and median >= SECONDS_GOAL:
                missed.append(name)
        print()
        if missed:
            print(f"Goal missed (under {SECONDS_GOAL:.0f} s warm): " + "; ".join(missed))
            return 1
        print(f"Goal met: every HTML review under {SECONDS_GOAL:.0f} s warm.")
        return 0
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
