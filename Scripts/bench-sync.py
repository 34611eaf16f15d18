#!/usr/bin/env python3
"""`make bench` (sync part): times device B's `hearth sync` against the git CLI doing the same work
(`git add -A && git commit && git fetch && git merge && git push`), on fresh copies of one world per
run: a bare remote and two clones of a generated notebook.

Scenario (issue #3): device A changes `energy` in 100 entries and appends a line to 100 others, then
syncs. Device B changes `sleep_h` in 100 others and `mood` in 50 of A's energy-changed entries (the
line next to `energy`), adds 100 notes, then syncs: that sync is timed. The git CLI stops at the
merge with conflicts on the adjacent lines; hearth must finish with none."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import timed  # noqa: E402  (the same child-process timer as the other benchmarks)


def git_sandbox(base):
    """A HOME of its own under `base` with a git identity, and the environment git and hearth run
    with there: no system or user configuration leaks in, no colour, a fixed locale."""
    home = os.path.join(base, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", LC_ALL="C")
    sh(["git", "config", "--global", "user.name", "Bench"], base, env)
    sh(["git", "config", "--global", "user.email", "bench@example.com"], base, env)
    return env


def sh(command, cwd, env, check=True):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and result.returncode != 0:
        sys.exit(f"setup failed ({result.returncode}): {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result


def day_files(root):
    days = []
    for folder, _, names in os.walk(os.path.join(root, "days")):
        days += [os.path.join(folder, n) for n in names if n.endswith(".md")]
    return sorted(days)


def replace_field(path, key, new_value):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {new_value}", text, count=1)
    assert count == 1, (path, key)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def has_fields(path, *keys):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return all(re.search(rf"(?m)^{k}: ", text) for k in keys) and re.search(r"(?m)^energy: .*\nmood: ", text)


def pick(world):
    """The same entries every run: A's energy edits (with mood on the next line), A's appends,
    B's sleep edits, all disjoint."""
    days = day_files(os.path.join(world, "laptop"))
    rel = lambda p: os.path.relpath(p, os.path.join(world, "laptop"))
    eligible = [rel(p) for p in days if has_fields(p, "energy", "mood", "sleep_h")]
    energy, appends, sleep = eligible[0:100], eligible[100:200], eligible[200:300]
    return energy, appends, sleep


def edit_a(world, energy, appends):
    root = os.path.join(world, "laptop")
    for path in energy:
        full = os.path.join(root, path)
        with open(full, encoding="utf-8") as f:
            current = int(re.search(r"(?m)^energy: (\d)", f.read()).group(1))
        replace_field(full, "energy", 1 if current != 1 else 2)
    for path in appends:
        with open(os.path.join(root, path), "a", encoding="utf-8") as f:
            f.write("- appended on the laptop\n")


def edit_b(world, energy, sleep):
    root = os.path.join(world, "desk")
    for path in sleep:
        replace_field(os.path.join(root, path), "sleep_h", "7.7")
    for path in energy[:50]:
        full = os.path.join(root, path)
        with open(full, encoding="utf-8") as f:
            current = int(re.search(r"(?m)^mood: (\d)", f.read()).group(1))
        replace_field(full, "mood", 1 if current != 1 else 2)
    os.makedirs(os.path.join(root, "notes"), exist_ok=True)
    for i in range(100):
        with open(os.path.join(root, "notes", f"bench-note-{i:03}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: Bench note {i}\ntags: [bench]\n---\nA note written on the desk.\n")


def build_seed(base, hearth, days, env):
    seed = os.path.join(base, "seed")
    laptop = os.path.join(seed, "laptop")
    subprocess.run([sys.executable, os.path.join(HERE, "generate-notebook.py"), laptop, "--days", str(days)], check=True,
                   stdout=subprocess.DEVNULL)
    sh([hearth, "init", "--device", "laptop"], laptop, env)
    sh(["git", "init", "-q", "--bare", "--initial-branch=main", os.path.join(seed, "remote.git")], seed, env)
    # Relative URLs, so that copies of the world point at their own remote.
    sh(["git", "remote", "add", "origin", "../remote.git"], laptop, env)
    sh([hearth, "sync", "--quiet"], laptop, env)
    sh(["git", "clone", "-q", "remote.git", "desk"], seed, env)
    sh(["git", "config", "hearth.device", "desk"], os.path.join(seed, "desk"), env)
    sh(["git", "remote", "set-url", "origin", "../remote.git"], os.path.join(seed, "desk"), env)
    return seed


def fresh(seed, base, name):
    """A new copy of the seed world, kept until the end of the benchmark: deleting tens of
    thousands of files right before a timed run makes ext4's inode allocator slow for every new
    file (its recently-deleted check), which would measure the benchmark, not the tools.

    Copying changes every file's inode and ctime, which makes git and libgit2 alike re-read all
    files once; a device's index is fresh in real life, so both devices' indexes are refreshed
    (untimed, the same for both tools) before the run."""
    world = os.path.join(base, name)
    sh(["cp", "-a", seed, world], base, None)
    for device in ("laptop", "desk"):
        sh(["git", "update-index", "-q", "--really-refresh"], os.path.join(world, device), None, check=False)
    os.sync()
    time.sleep(1.1)  # past the index's timestamp, so no file is "racily clean" and rehashed
    return world


def run_hearth(seed, base, hearth, env, picks, run):
    world = fresh(seed, base, f"hearth-world-{run}")
    energy, appends, sleep = picks
    edit_a(world, energy, appends)
    sh([hearth, "sync", "--quiet"], os.path.join(world, "laptop"), env)
    edit_b(world, energy, sleep)
    os.sync()
    seconds, rss, code, output = timed([hearth, "sync", "--quiet"], os.path.join(world, "desk"), env)
    if code != 0:
        sys.exit(f"hearth sync failed ({code}):\n{output}")
    conflicts = sh([hearth, "conflicts", "--json"], os.path.join(world, "desk"), env).stdout.strip()
    open_conflicts = 0 if conflicts == "[]" else conflicts.count('"id"')
    return seconds, rss, open_conflicts


def run_git(seed, base, env, picks, run):
    world = fresh(seed, base, f"git-world-{run}")
    energy, appends, sleep = picks
    edit_a(world, energy, appends)
    laptop = os.path.join(world, "laptop")
    sh(["sh", "-c", "git add -A && git commit -qm a && git push -q origin main"], laptop, env)
    edit_b(world, energy, sleep)
    os.sync()
    command = "git add -A && git commit -qm b && git fetch -q origin && git merge -q --no-edit origin/main && git push -q origin main"
    seconds, rss, code, _ = timed(["sh", "-c", command], os.path.join(world, "desk"), env)
    unmerged = sh(["git", "diff", "--name-only", "--diff-filter=U"], os.path.join(world, "desk"), env).stdout.split()
    return seconds, rss, len(unmerged), code


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--days", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    hearth = os.path.abspath(args.hearth)
    base = tempfile.mkdtemp(prefix="hearth-bench-sync.")
    env = git_sandbox(base)
    try:
        seed = build_seed(base, hearth, args.days, env)
        picks = pick(seed)
        hearth_runs, git_runs = [], []
        for run in range(args.runs):
            hearth_runs.append(run_hearth(seed, base, hearth, env, picks, run))
            git_runs.append(run_git(seed, base, env, picks, run))
        h = statistics.median(r[0] for r in hearth_runs)
        g = statistics.median(r[0] for r in git_runs)
        print(f"\nSync benchmark ({args.days:,} day entries, {os.cpu_count()} cores, fresh copies, median of {args.runs} runs, hearth and git alternating):\n")
        print("| device B's sync | median wall time | peak memory | conflicts left |")
        print("|---|---:|---:|---:|")
        print(f"| `hearth sync` | {h * 1000:.0f} ms | {max(r[1] for r in hearth_runs) / 1024:.1f} MiB | {max(r[2] for r in hearth_runs)} |")
        print(f"| `git add -A && git commit && git fetch && git merge && git push` | {g * 1000:.0f} ms | {max(r[1] for r in git_runs) / 1024:.1f} MiB | {max(r[2] for r in git_runs)} (merge stopped: exit {git_runs[0][3]}) |")
        print(f"\nhearth sync / git CLI: {h / g:.2f}x (goal: at most 1.0x)")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
