#!/usr/bin/env python3
"""`make bench` (history part): hearth's history commands against the git CLI doing the nearest
thing, on a ten-year notebook written on three devices (generate-history.py: 3,650 days, about
11,000 commits, merges, resolved conflicts, renames; cached under .build/bench-history, so only
the first run builds it).

Each pair runs in the same round, alternating, after one warm-up each; the table gives the median
wall time of --runs rounds and the ratio. Goal (issue #13): no hearth command slower than 1.5x its
git counterpart, and none over 1 s."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

RATIO_GOAL = 1.5
SECONDS_GOAL = 1.0


def git(args, cwd, env):
    result = subprocess.run(["git"] + args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"git {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout.strip()


def run_checked(command, cwd, env):
    """Wall seconds and CPU seconds (user + system, the process and its children, from wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output = process.stdout.read().decode() + process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # grep and git log -S say "nothing found" with 1; anything else is a broken benchmark
        sys.exit(f"benchmark command failed ({code}): {' '.join(command)}\n{output[:2000]}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(sides, env, runs):
    """Median (wall, CPU) seconds of each side, a side being (commands, cwd) where commands(i)
    gives round i's command line (restore alternates between two versions) or is None; the sides
    run in turn in every round, after one warm-up each."""
    sides = [(commands, cwd) for commands, cwd in sides]
    for commands, cwd in sides:
        if commands:
            run_checked(commands(-1), cwd, env)
    times = [[] for _ in sides]
    for index in range(runs):
        for (commands, cwd), samples in zip(sides, times):
            if commands:
                samples.append(run_checked(commands(index), cwd, env))
    median = lambda samples: (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))
    return [median(samples) if samples else None for samples in times]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cache", default=os.path.join(os.path.dirname(HERE), ".build", "bench-history"),
                        help="where the generated history is kept between runs")
    parser.add_argument("--only", help="run only the rows whose hearth command contains this text")
    parser.add_argument("--git-gc-commit-graph", action="store_true",
                        help="keep the commit graph `git gc` wrote (generation numbers v2, which libgit2 1.5 ignores) "
                             "instead of one with generation numbers v1, as hearth's maintenance writes it")
    parser.add_argument("--before", help="another hearth binary (an older build) timed in the same rounds, for a "
                                         "before/after column")
    args = parser.parse_args()
    hearth = os.path.abspath(args.hearth)
    before = os.path.abspath(args.before) if args.before else None
    generated = subprocess.run([sys.executable, os.path.join(HERE, "generate-history.py"), args.cache, "--hearth", hearth,
                                "--days", str(args.days)], check=True, stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()[-1]
    with open(os.path.join(generated, "summary.txt")) as handle:
        summary = handle.read().strip()
    work = tempfile.mkdtemp(prefix="hearth-bench-history.")
    try:
        home = os.path.join(work, "home")
        shutil.copytree(os.path.join(generated, "home"), home)
        env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", LC_ALL="C", GIT_PAGER="cat", PAGER="cat")
        # Copies, so the cache never changes: one world for the read-only rows, status and sync,
        # and one clone each for hearth's and git's restore.
        shutil.copytree(os.path.join(generated, "remote.git"), os.path.join(work, "remote.git"), symlinks=True)
        # The --before binary reads its own copy: an index of another format (hearth's caches under
        # .git/hearth/) would otherwise be rebuilt by each binary in turn.
        clones = ("laptop", "restore-hearth", "restore-git") + (("restore-before", "laptop-before") if before else ())
        for name in clones:
            subprocess.run(["cp", "-a", os.path.join(generated, "laptop"), os.path.join(work, name)], check=True)
        laptop = os.path.join(work, "laptop")
        for name in clones[1:]:
            git(["remote", "set-url", "origin", "../remote.git"], os.path.join(work, name), env)
            git(["update-index", "-q", "--really-refresh"], os.path.join(work, name), env)
        if not args.git_gc_commit_graph:
            # A notebook hearth maintains has a commit graph libgit2 reads (maintenance writes one
            # after each full repack, generation numbers v1); git reads it too, and keeps its
            # changed-path Bloom filters here, so git's side loses nothing.
            for name in clones:
                git(["-c", "commitGraph.generationVersion=1", "commit-graph", "write", "--reachable", "--changed-paths"],
                    os.path.join(work, name), env)
        # cp gave every file a new inode and ctime; a device's index is fresh in real life.
        git(["update-index", "-q", "--really-refresh"], laptop, env)
        os.sync()

        note = "notes/reading/books-and-papers.md"          # renamed twice, edited for ten years
        old_note = "notes/reading/books.md"
        day = "days/2021/2021-06-15.md"
        # Two versions of the note from the middle years, for show and restore.
        revs = git(["log", "--format=%H", "--", old_note], laptop, env).split()
        rev_a, rev_b = revs[len(revs) // 3], revs[2 * len(revs) // 3]
        word = "kettle lantern harbour"  # in six entries now, more in history
        head_commits = git(["rev-list", "--count", "HEAD"], laptop, env)

        both = (laptop, laptop, os.path.join(work, "laptop-before"))
        restore = (os.path.join(work, "restore-hearth"), os.path.join(work, "restore-git"), os.path.join(work, "restore-before"))
        rows = [
            ("log ENTRY (a note renamed twice)", [hearth, "log", note], ["git", "log", "--follow", "--", note], both),
            ("log ENTRY (a day entry of 2021)", [hearth, "log", day], ["git", "log", "--follow", "--", day], both),
            ("log -n 50", [hearth, "log", "-n", "50"], ["git", "log", "-n", "50"], both),
            ("log -n 50 (git with --stat)", [hearth, "log", "-n", "50"], ["git", "log", "-n", "50", "--stat"], both),
            ("grep --history WORD", [hearth, "grep", "--history", word], ["git", "log", "-S", word, "--oneline"], both),
            ("show --at COMMIT ENTRY", [hearth, "show", note, "--at", rev_a[:12]], ["git", "show", f"{rev_a}:{old_note}"], both),
            ("show --at DAY ENTRY", [hearth, "show", note, "--at", "2021-03-01"], ["git", "show", f"{rev_a}:{old_note}"], both),
            ("restore ENTRY --at COMMIT", lambda i: [hearth, "restore", note, "--at", (rev_a if i % 2 else rev_b)[:12]],
             lambda i: ["git", "checkout", rev_a if i % 2 else rev_b, "--", old_note], restore),
            # What restore does, as plain git would: the old version under the name the note has
            # now, committed (restore also commits unsaved edits of that note first, which this
            # clone never has). git checkout writes the old path, so it is moved to the new name.
            ("restore ENTRY --at COMMIT (git commits too)", lambda i: [hearth, "restore", note, "--at", (rev_a if i % 2 else rev_b)[:12]],
             lambda i: ["sh", "-c", f"git checkout {rev_a if i % 2 else rev_b} -- {old_note} && git mv -f {old_note} {note} "
                                    f"&& git commit -q -m 'restore {note}' -- {note}"], restore),
            ("review --weeks 520", [hearth, "review", "--weeks", "520", "--until", "2026-11-24"], None, both),
            ("status", [hearth, "status"], ["git", "status"], both),
            # A sync first looks for local changes to commit (a status of the work tree), then
            # fetches, merges and pushes: git's nearest is `git add -A` before the fetch and push.
            # The row without it is kept, as earlier rounds measured it.
            ("sync, nothing new", [hearth, "sync"],
             ["sh", "-c", "git add -A && git fetch -q origin && git push -q origin main"], both),
            ("sync, nothing new (git not looking at the work tree)", [hearth, "sync"],
             ["sh", "-c", "git fetch -q origin && git push -q origin main"], both),
        ]
        results = []
        for name, hearth_command, git_command, cwd in rows:
            if args.only and args.only not in name:
                continue
            as_function = lambda c: c if c is None or callable(c) else (lambda i, c=c: c)
            hearth_commands, git_commands = as_function(hearth_command), as_function(git_command)
            # The older binary runs the same command lines with its own path.
            before_commands = (lambda i: [before] + hearth_commands(i)[1:]) if before else None
            h, g, b = measure([(hearth_commands, cwd[0]), (git_commands, cwd[1]), (before_commands, cwd[2])], env, args.runs)
            shown_h = hearth_commands(0)
            shown_g = git_commands(0) if git_commands else None
            results.append((name, shown_h, h, shown_g, g, b))
            print(f"  {name}: hearth {h[0] * 1000:.0f} ms ({h[1] * 1000:.0f} ms CPU)"
                  + (f", git {g[0] * 1000:.0f} ms ({g[1] * 1000:.0f} ms CPU)" if g else "")
                  + (f", before {b[0] * 1000:.0f} ms ({b[1] * 1000:.0f} ms CPU)" if b else ""), file=sys.stderr)

        def show(command):
            words = ["hearth" if w == hearth else w for w in command]
            return " ".join(f"'{w}'" if " " in w else w for w in words)

        print(f"\nHistory benchmark ({summary}; the laptop's clone at {head_commits} commits; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} at the end; median of {args.runs} runs after a warm-up, hearth and git "
              f"alternating{', and the --before binary' if before else ''}; wall time, and CPU time (user + system) in brackets; `make bench`):\n")
        print("| hearth command | median | git command | median | ratio (CPU) |" + (" before |" if before else "")
              + " goal: at most 1.5x, under 1 s |")
        print("|---|---:|---|---:|---:|" + ("---:|" if before else "") + "---|")
        failed = []
        for name, hearth_command, h, git_command, g, b in results:
            ratio = (h[0] / g[0], h[1] / max(g[1], 0.001)) if g else None
            ok = h[0] < SECONDS_GOAL and (ratio is None or ratio[0] <= RATIO_GOAL)
            if not ok:
                failed.append(name)
            print(f"| `{show(hearth_command)}` | {h[0] * 1000:.0f} ms ({h[1] * 1000:.0f}) | "
                  f"{'`' + show(git_command) + '`' if git_command else '(none)'} | "
                  f"{f'{g[0] * 1000:.0f} ms ({g[1] * 1000:.0f})' if g else '-'} | "
                  f"{f'{ratio[0]:.2f}x ({ratio[1]:.1f}x)' if ratio else '-'} | "
                  + (f"{b[0] * 1000:.0f} ms ({b[1] * 1000:.0f}) | " if b else "") + f"{'pass' if ok else 'FAIL'} |")
        print(f"\nMissed the goal: {', '.join(failed)}" if failed else "\nEvery hearth command met the goal.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
