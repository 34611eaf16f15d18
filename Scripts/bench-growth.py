#!/usr/bin/env python3
"""`make bench` (growth part, issue #13): does a notebook's cost grow with the number of syncs?

Two devices on a generated notebook (default 2,000 day entries) with a folder remote: each round,
the laptop appends one line to an entry and runs `hearth sync`, then the desk does the same with
another entry. Every sync is timed; after each one the benchmark waits until any maintenance that
sync started in the background has finished (a real device syncs minutes apart, so the next sync
would not meet it), then counts packs and loose objects of both devices and of the remote.

At checkpoints (rounds 100, 800, 1,500, ... and the last) it prints the issue's table; at the end it
checks the goals and exits 1 when one is missed:
- the mean sync of the last 100 rounds at most 1.2x the mean of the first 100;
- the pack count of each device and of the remote never above the pack limit after a sync;
- each `.git` and the remote at most 1.5x the size of a `git clone --mirror` + `git gc --aggressive`
  copy of itself.
Sizes are disk usage (blocks, as `du` counts them). `--pack-limit` and `--loose-limit` set
`hearth.maintenance.packLimit` / `looseLimit` in the three repositories (default: git's 50 and
6,700, which hearth also uses)."""
import argparse
import csv
import importlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import timed  # noqa: E402  (the same child-process timer as the other benchmarks)
# The sync benchmark's helpers: `sh` runs a command and exits on failure, `day_files` lists entries.
sh, day_files = (getattr(importlib.import_module("bench-sync"), name) for name in ("sh", "day_files"))

GIT_PACK_LIMIT = 50
GIT_LOOSE_LIMIT = 6_700
SPEED_GOAL = 1.2
SIZE_GOAL = 1.5
WINDOW = 100


def objects_dir(repo):
    """The objects folder of a work tree's `.git` or of a bare repository."""
    dot_git = os.path.join(repo, ".git")
    return os.path.join(dot_git if os.path.isdir(dot_git) else repo, "objects")


def git_dir(repo):
    dot_git = os.path.join(repo, ".git")
    return dot_git if os.path.isdir(dot_git) else repo


def count_objects(repo):
    """Packs (a `.pack` with its `.idx`, kept ones included) and loose objects, read from the
    folders as `git count-objects -v` reads them, without starting a process each round."""
    objects = objects_dir(repo)
    pack_folder = os.path.join(objects, "pack")
    names = set(os.listdir(pack_folder)) if os.path.isdir(pack_folder) else set()
    packs = sum(1 for n in names if n.endswith(".pack") and n[:-5] + ".idx" in names)
    loose = 0
    for entry in os.scandir(objects):
        if len(entry.name) == 2 and entry.is_dir():
            loose += sum(1 for n in os.listdir(entry.path) if len(n) == 38)
    return packs, loose


def empty_object_folders(repo):
    """Fan-out folders (`objects/ab`) left empty: each still takes a block on disk (git's
    `prune-packed` removes them)."""
    objects = objects_dir(repo)
    return sum(1 for e in os.scandir(objects) if len(e.name) == 2 and e.is_dir() and not os.listdir(e.path))


def disk_usage(path):
    """Bytes on disk under `path`, as `du` counts them (hard links once)."""
    seen, total = set(), 0
    for folder, _, names in os.walk(path):
        for name in [None] + names:
            full = folder if name is None else os.path.join(folder, name)
            try:
                info = os.lstat(full)
            except FileNotFoundError:
                continue
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            total += info.st_blocks * 512
    return total


def processes_with_home(home):
    """Processes other than this one whose environment carries the benchmark's private HOME: a
    `hearth maintenance` that a sync left running in the background (or anything it started)."""
    needle = b"HOME=" + os.fsencode(home) + b"\0"
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as handle:
                environment = handle.read()
            with open(f"/proc/{name}/stat", "rb") as handle:
                state = handle.read().rsplit(b")", 1)[1].split()[0]
        except OSError:  # gone, or another user's
            continue
        if state != b"Z" and (environment.startswith(needle) or b"\0" + needle in environment):
            found.append(int(name))
    return found


def wait_for_background(home, limit=600):
    """Whether the last sync left work running in the background, and the seconds spent waiting
    for it to finish."""
    start, seen = time.perf_counter(), False
    while processes_with_home(home):
        seen = True
        if time.perf_counter() - start > limit:
            sys.exit(f"background work still running after {limit} s: {processes_with_home(home)}")
        time.sleep(0.02)
    return seen, (time.perf_counter() - start if seen else 0.0)


def mib(size):
    return f"{size / 1024 / 1024:.1f} MB"


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def aggressive_copy_size(repo, base, name, env):
    """Disk usage of a `git clone --mirror` of `repo` after `git gc --aggressive --prune=now`."""
    copy = os.path.join(base, f"gc-{name}.git")
    shutil.rmtree(copy, ignore_errors=True)
    sh(["git", "clone", "-q", "--mirror", "--no-local", repo, copy], base, env)
    sh(["git", "-C", copy, "gc", "-q", "--aggressive", "--prune=now"], base, env)
    size = disk_usage(copy)
    shutil.rmtree(copy, ignore_errors=True)
    return size


def build_world(base, hearth, days, env, pack_limit, loose_limit):
    laptop, desk, remote = (os.path.join(base, n) for n in ("laptop", "desk", "remote.git"))
    subprocess.run([sys.executable, os.path.join(HERE, "generate-notebook.py"), laptop, "--days", str(days)], check=True,
                   stdout=subprocess.DEVNULL)
    sh([hearth, "init", "--device", "laptop"], laptop, env)
    sh(["git", "init", "-q", "--bare", "--initial-branch=main", remote], base, env)
    sh([hearth, "remote", "add", "origin", remote], laptop, env)
    sh([hearth, "sync", "--quiet"], laptop, env)
    sh([hearth, "clone", "--quiet", "--device", "desk", remote, desk], base, env)
    for repo in (laptop, desk, remote):
        if pack_limit is not None:
            sh(["git", "-C", repo, "config", "hearth.maintenance.packLimit", str(pack_limit)], base, env)
        if loose_limit is not None:
            sh(["git", "-C", repo, "config", "hearth.maintenance.looseLimit", str(loose_limit)], base, env)
    wait_for_background(env["HOME"])
    return laptop, desk, remote


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--rounds", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=2_000, help="day entries in the notebook")
    parser.add_argument("--checkpoint-every", type=int, default=700, help="rounds between table rows after round 100")
    parser.add_argument("--pack-limit", type=int, help=f"hearth.maintenance.packLimit (default: unset, git's {GIT_PACK_LIMIT})")
    parser.add_argument("--loose-limit", type=int, help=f"hearth.maintenance.looseLimit (default: unset, git's {GIT_LOOSE_LIMIT})")
    parser.add_argument("--csv", help="write every round's figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's folder and print where it is")
    args = parser.parse_args()
    if args.rounds < 1:
        sys.exit("--rounds must be at least 1")
    hearth = os.path.abspath(args.hearth)
    pack_limit = args.pack_limit if args.pack_limit is not None else GIT_PACK_LIMIT
    base = tempfile.mkdtemp(prefix="hearth-bench-growth.")
    home = os.path.join(base, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", LC_ALL="C")
    sh(["git", "config", "--global", "user.name", "Bench"], base, env)
    sh(["git", "config", "--global", "user.email", "bench@example.com"], base, env)
    try:
        sys.exit(run(args, hearth, base, env, pack_limit))
    finally:
        if args.keep:
            print(f"\nkept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


def run(args, hearth, base, env, pack_limit):
    started = time.time()
    laptop, desk, remote = build_world(base, hearth, args.days, env, args.pack_limit, args.loose_limit)
    repos = {"laptop": laptop, "desk": desk, "remote": remote}
    entries = [os.path.relpath(path, laptop) for path in day_files(laptop)]
    checkpoints = {min(WINDOW, args.rounds), args.rounds}
    checkpoints.update(range(WINDOW + args.checkpoint_every, args.rounds, args.checkpoint_every))
    rows, table, background_runs, background_seconds = [], [], 0, 0.0
    max_counts = {name: (0, 0) for name in repos}
    writer = None
    if args.csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        csv_file = open(args.csv, "w", newline="")
        writer = csv.writer(csv_file)
        writer.writerow(["round", "device", "sync_ms", "background_ms"] +
                        [f"{n}_{what}" for n in repos for what in ("packs", "loose")])
    print(f"Growth benchmark: {args.days:,} day entries, {args.rounds:,} rounds, two devices and a folder remote, "
          f"pack limit {pack_limit}{'' if args.pack_limit is not None else ' (git default)'}\n", flush=True)
    for round_ in range(1, args.rounds + 1):
        times = []
        for index, (device, root) in enumerate((("laptop", laptop), ("desk", desk))):
            entry = entries[(2 * round_ + index) % len(entries)]
            with open(os.path.join(root, entry), "a", encoding="utf-8") as handle:
                handle.write(f"- round {round_} on the {device}\n")
            seconds, _, code, output = timed([hearth, "sync", "--quiet"], root, env)
            if code != 0:
                sys.exit(f"round {round_}: hearth sync on the {device} failed ({code}):\n{output}")
            seen, waited = wait_for_background(env["HOME"])
            if seen:
                background_runs += 1
                background_seconds += waited
            counts = {name: count_objects(path) for name, path in repos.items()}
            for name, (packs, loose) in counts.items():
                max_counts[name] = (max(max_counts[name][0], packs), max(max_counts[name][1], loose))
            times.append(seconds)
            if writer:
                writer.writerow([round_, device, round(seconds * 1000, 2), round(waited * 1000, 2)] +
                                [value for name in repos for value in counts[name]])
        rows.append(statistics.mean(times))
        if round_ in checkpoints:
            packs, loose = count_objects(laptop)
            window = rows[-WINDOW:]
            table.append((round_, statistics.mean(window), packs, loose, disk_usage(git_dir(laptop)), disk_usage(remote)))
            print(f"round {round_:,}: mean sync {ms(table[-1][1])} (last {len(window)} rounds), laptop {packs} packs, "
                  f"{loose:,} loose, .git {mib(table[-1][4])}, remote {mib(table[-1][5])}; "
                  f"background runs so far {background_runs} ({background_seconds:.1f} s); "
                  f"{(time.time() - started) / 60:.1f} min", flush=True)
    if writer:
        csv_file.close()
    return report(args, hearth, base, env, repos, rows, table, max_counts, pack_limit, background_runs, background_seconds)


def report(args, hearth, base, env, repos, rows, table, max_counts, pack_limit, background_runs, background_seconds):
    laptop, desk, remote = repos["laptop"], repos["desk"], repos["remote"]
    # The desk's last commit reaches the laptop, then both hold the same tree as the remote.
    sh([hearth, "sync", "--quiet"], laptop, env)
    wait_for_background(env["HOME"])
    trees = {name: sh(["git", "-C", path, "rev-parse", "main^{tree}"], base, env).stdout.strip() for name, path in repos.items()}
    appended = sh(["grep", "-rhc", "--include=*.md", "^- round [0-9]* on the ", os.path.join(laptop, "days")], base, env)
    lines = sum(int(n) for n in appended.stdout.split())
    fsck = {name: sh(["git", "-C", path, "fsck", "--strict", "--no-dangling", "--no-progress"], base, env, check=False)
            for name, path in repos.items()}
    sizes = {name: disk_usage(git_dir(path)) for name, path in repos.items()}
    gc_sizes = {name: aggressive_copy_size(path, base, name, env) for name, path in repos.items()}

    print(f"\nGrowth ({args.days:,} day entries, two devices syncing in turn, folder remote; sync mean over the "
          f"{min(WINDOW, len(rows))} rounds up to each row, laptop's `.git`):\n")
    print("| rounds | mean `hearth sync` | packs in `.git` | loose objects | `.git` size | remote size |")
    print("|---:|---:|---:|---:|---:|---:|")
    for round_, mean, packs, loose, size, remote_size in table:
        print(f"| {round_:,} | {ms(mean)} | {packs} | {loose:,} | {mib(size)} | {mib(remote_size)} |")
    print(f"| `git gc --aggressive` copy | | 1 | 0 | {mib(gc_sizes['laptop'])} | {mib(gc_sizes['remote'])} |")
    print(f"\nBackground maintenance: {background_runs} runs waited for, {background_seconds:.1f} s in all.")
    print(f"Most packs / loose objects after a sync: " +
          ", ".join(f"{name} {packs} / {loose:,}" for name, (packs, loose) in max_counts.items()))

    first, last = statistics.mean(rows[:WINDOW]), statistics.mean(rows[-WINDOW:])
    goals = [
        (f"mean sync of the last {min(WINDOW, len(rows))} rounds / first {min(WINDOW, len(rows))}: "
         f"{ms(last)} / {ms(first)} = {last / first:.2f}x (goal: at most {SPEED_GOAL}x)", last <= SPEED_GOAL * first),
    ]
    for name in repos:
        goals.append((f"{name}: at most {max_counts[name][0]} packs after a sync (goal: at most {pack_limit})",
                      max_counts[name][0] <= pack_limit))
    for name in repos:
        ratio = sizes[name] / gc_sizes[name]
        empty = empty_object_folders(repos[name])
        goals.append((f"{name}: {mib(sizes[name])} against {mib(gc_sizes[name])} for a `git gc --aggressive` copy = "
                      f"{ratio:.2f}x (goal: at most {SIZE_GOAL}x)" + (f"; {empty} empty object folders" if empty else ""),
                      ratio <= SIZE_GOAL))
    goals.append((f"the laptop, the desk and the remote hold the same tree: {len(set(trees.values())) == 1}",
                  len(set(trees.values())) == 1))
    goals.append((f"appended lines present on the laptop: {lines:,} of {2 * len(rows):,}", lines == 2 * len(rows)))
    for name, result in fsck.items():
        goals.append((f"{name}: `git fsck --strict` {'clean' if result.returncode == 0 else 'FAILED: ' + (result.stdout + result.stderr).strip()[:300]}",
                      result.returncode == 0))
    print("\nGoals:")
    for text, met in goals:
        print(f"  {'ok  ' if met else 'MISS'} {text}")
    missed = sum(1 for _, met in goals if not met)
    print(f"\n{'All goals met.' if not missed else f'{missed} goal(s) missed.'}")
    return 1 if missed else 0


if __name__ == "__main__":
    main()
