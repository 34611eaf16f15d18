#!/usr/bin/env python3
"""`make bench` (growth part, issue #13): does a notebook's cost grow with the number of syncs?

Two devices on a generated notebook (default 2,000 day entries) with a folder remote: each round,
the laptop appends one line to an entry and runs `hearth sync`, then the desk does the same with
another entry. Every sync is timed (wall and CPU time, user + system, of the `hearth` process);
after each one the benchmark waits until any maintenance that sync started in the background has
finished (a real device syncs minutes apart, so the next sync would not meet it), then counts the
packs of both devices and of the remote (one folder listing each); loose objects and sizes are
measured every `--measure-every` rounds, so a round costs little beyond its two syncs.

Every 100 rounds it writes what it has so far to `--progress` (default
`.build/bench-growth/progress.md`, beside `--csv`), so a run stopped early still reports; every
`--gc-every` rounds that includes the size goals against fresh `git gc --aggressive` copies. At
checkpoints (rounds 100, 800, 1,500, ... and the last) it prints the issue's table; at the end it
checks the goals and exits 1 when one is missed:
- the mean sync of the last 100 rounds at most 1.2x the mean of the first 100, in CPU time (user +
  system of the `hearth sync` process: on a shared machine wall time says how busy it was);
- the same comparison made fair to a machine whose load changes over a long run: copies of the
  three repositories taken at round 100 and at the end replay `--replay` rounds (default 100)
  alternately, round by round, so both meet the same load, as the other benchmarks alternate the
  two commands they compare; a sync on the late copy at most 1.2x one on the early copy, CPU time;
- the pack count of each device and of the remote never above the pack limit after a sync;
- each `.git` and the remote at most 1.5x the size of a copy of itself (`cp -a`) after `git gc
  --aggressive --prune=now`: git keeps what a repository keeps besides its objects (reflogs, the
  index, hearth's cache), so the ratio measures how well the objects are packed. Also printed,
  not a goal: the ratio to a `git clone --mirror` packed the same way, which holds the objects
  alone (no reflogs: each sync adds about 0.9 KB of them to a device, which git expires after 90
  days and which a run of a few hours never ages).
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
# The sync benchmark's helpers: `sh` runs a command and exits on failure, `day_files` lists entries,
# `git_sandbox` gives git and hearth a HOME of their own.
sh, day_files, git_sandbox = (getattr(importlib.import_module("bench-sync"), name) for name in ("sh", "day_files", "git_sandbox"))

GIT_PACK_LIMIT = 50
GIT_LOOSE_LIMIT = 6_700
SPEED_GOAL = 1.2
SIZE_GOAL = 1.5
WINDOW = 100


def git_dir(repo):
    dot_git = os.path.join(repo, ".git")
    return dot_git if os.path.isdir(dot_git) else repo


def objects_dir(repo):
    """The objects folder of a work tree's `.git` or of a bare repository."""
    return os.path.join(git_dir(repo), "objects")


def count_packs(repo):
    """Packs (a `.pack` with its `.idx`, kept ones included), from one folder listing."""
    pack_folder = os.path.join(objects_dir(repo), "pack")
    names = set(os.listdir(pack_folder)) if os.path.isdir(pack_folder) else set()
    return sum(1 for n in names if n.endswith(".pack") and n[:-5] + ".idx" in names)


def count_loose(repo):
    """Loose objects, read from the fan-out folders as `git count-objects -v` reads them."""
    loose = 0
    for entry in os.scandir(objects_dir(repo)):
        if len(entry.name) == 2 and entry.is_dir():
            loose += sum(1 for n in os.listdir(entry.path) if len(n) == 38)
    return loose


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


def timed_sync(hearth, root, env):
    """Wall seconds, CPU seconds (user + system, from wait4: the process and the children it
    waited for, not the maintenance it left running detached), exit code and output of one
    `hearth sync`."""
    start = time.perf_counter()
    process = subprocess.Popen([hearth, "sync", "--quiet"], cwd=root, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    output = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, process.returncode, output


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


def thousands(cpus):
    """The mean and median CPU time per sync of each thousand rounds (the last one perhaps short)."""
    parts = []
    for start in range(0, len(cpus), 1000):
        chunk = cpus[start:start + 1000]
        parts.append(f"{start + 1:,}-{start + len(chunk):,} {ms(statistics.mean(chunk))} (median {ms(statistics.median(chunk))})")
    return "; ".join(parts)


def aggressive_copy_size(repo, base, name, env, mirror=False):
    """Disk usage of a copy of `repo`'s git folder (`cp -a`; with `mirror`, a `git clone --mirror`,
    objects and references alone) after `git gc --aggressive --prune=now`."""
    copy = os.path.join(base, f"gc-{name}.git")
    shutil.rmtree(copy, ignore_errors=True)
    if mirror:
        sh(["git", "clone", "-q", "--mirror", "--no-local", repo, copy], base, env)
    else:
        shutil.copytree(git_dir(repo), copy, symlinks=True)
    sh(["git", "--git-dir", copy, "gc", "-q", "--aggressive", "--prune=now"], base, env)
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
    parser.add_argument("--measure-every", type=int, default=10, help="rounds between counts of loose objects and sizes")
    parser.add_argument("--gc-every", type=int, default=1_000,
                        help="rounds between size goals measured against `git gc --aggressive` copies in the progress file")
    parser.add_argument("--pack-limit", type=int, help=f"hearth.maintenance.packLimit (default: unset, git's {GIT_PACK_LIMIT})")
    parser.add_argument("--loose-limit", type=int, help=f"hearth.maintenance.looseLimit (default: unset, git's {GIT_LOOSE_LIMIT})")
    parser.add_argument("--csv", help="write each measured round's figures to this file")
    parser.add_argument("--progress", default=os.path.join(os.path.dirname(HERE), ".build", "bench-growth", "progress.md"),
                        help="rewritten every 100 rounds with the figures so far (default: %(default)s)")
    parser.add_argument("--replay", type=int, default=WINDOW,
                        help=f"rounds replayed at the end on copies of round {WINDOW} and of the last round, alternating "
                             "(0: none)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's folder and print where it is")
    args = parser.parse_args()
    if args.rounds < 1 or args.measure_every < 1 or args.gc_every < 1:
        sys.exit("--rounds, --measure-every and --gc-every must be at least 1")
    hearth = os.path.abspath(args.hearth)
    pack_limit = args.pack_limit if args.pack_limit is not None else GIT_PACK_LIMIT
    base = tempfile.mkdtemp(prefix="hearth-bench-growth.")
    env = git_sandbox(base)
    try:
        sys.exit(run(args, hearth, base, env, pack_limit))
    finally:
        if args.keep:
            print(f"\nkept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


class Progress:
    """What the run has measured so far, rewritten to a Markdown file every 100 rounds."""

    def __init__(self, path, args, pack_limit, started):
        self.path, self.args, self.pack_limit, self.started = path, args, pack_limit, started
        self.rows, self.size_rows = [], []
        if path:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)

    def write(self, round_, walls, cpus, max_counts, background):
        if not self.path:
            return
        lines = [f"# Growth benchmark, in progress: round {round_:,} of {self.args.rounds:,}",
                 "",
                 f"{self.args.days:,} day entries, two devices and a folder remote, pack limit {self.pack_limit}; "
                 f"{(time.time() - self.started) / 60:.1f} min so far, load average {os.getloadavg()[0]:.1f} now; "
                 f"background maintenance runs {background[0]} ({background[1]:.1f} s). Sync times are the mean "
                 f"over the 100 rounds up to each row (wall, and CPU time user + system of the `hearth sync` process).",
                 "",
                 "| rounds | mean sync (wall) | mean sync (CPU) | laptop packs | loose | laptop `.git` | desk `.git` | remote | load |",
                 "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for row in self.rows:
            lines.append("| {:,} | {} | {} | {} | {:,} | {} | {} | {} | {:.1f} |".format(
                row[0], ms(row[1]), ms(row[2]), row[3], row[4], mib(row[5]), mib(row[6]), mib(row[7]), row[8]))
        first_wall, last_wall = statistics.mean(walls[:WINDOW]), statistics.mean(walls[-WINDOW:])
        first_cpu, last_cpu = statistics.mean(cpus[:WINDOW]), statistics.mean(cpus[-WINDOW:])
        lines += ["", f"Last 100 rounds / first 100: wall {last_wall / first_wall:.2f}x, CPU {last_cpu / first_cpu:.2f}x "
                      f"(goal on CPU time: at most {SPEED_GOAL}x).",
                  "Mean CPU per sync by thousand rounds: " + thousands(cpus) + ".",
                  "Most packs after a sync so far: " + ", ".join(f"{n} {p}" for n, p in max_counts.items()) +
                  f" (limit {self.pack_limit})."]
        if self.size_rows:
            lines += ["", "Sizes against `git gc --aggressive --prune=now` of a `cp -a` copy (goal: at most "
                          f"{SIZE_GOAL}x) and of a `git clone --mirror` (objects alone):", "",
                      "| rounds | repository | size | gc'd copy | ratio | gc'd mirror | ratio |", "|---:|---|---:|---:|---:|---:|---:|"]
            for round_at, name, size, copy, mirror in self.size_rows:
                lines.append(f"| {round_at:,} | {name} | {mib(size)} | {mib(copy)} | {size / copy:.2f}x | "
                             f"{mib(mirror)} | {size / mirror:.2f}x |")
        temporary = self.path + ".tmp"
        with open(temporary, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        os.replace(temporary, self.path)


def measure_sizes(repos, base, env, mirror_of=("remote",)):
    """Each repository's size with the sizes of its gc'd copy and (for `mirror_of`, all three at the
    end) its gc'd mirror; the devices' mirrors hold the remote's objects, so one stands for all
    between checkpoints."""
    sizes = {name: disk_usage(git_dir(path)) for name, path in repos.items()}
    copies = {name: aggressive_copy_size(path, base, name, env) for name, path in repos.items()}
    mirrors = {name: aggressive_copy_size(repos[name], base, name, env, mirror=True) for name in mirror_of}
    return [(name, sizes[name], copies[name], mirrors.get(name, mirrors[mirror_of[0]])) for name in repos]


def update_max_counts(max_counts, repos):
    for name, path in repos.items():
        max_counts[name] = max(max_counts[name], count_packs(path))


def one_round(hearth, round_, devices, entries, env, after_sync=lambda: None):
    """One round: each device appends a line to an entry of its own and syncs, then the benchmark waits
    for any maintenance the sync left in the background. The walls and CPU times of the syncs, the
    seconds spent waiting and how many syncs left background work."""
    wall, cpu, waited, seen_count = [], [], 0.0, 0
    for index, (device, root) in enumerate(devices):
        entry = entries[(2 * round_ + index) % len(entries)]
        with open(os.path.join(root, entry), "a", encoding="utf-8") as handle:
            handle.write(f"- round {round_} on the {device}\n")
        seconds, cpu_seconds, code, output = timed_sync(hearth, root, env)
        if code != 0:
            sys.exit(f"round {round_}: hearth sync on the {device} ({root}) failed ({code}):\n{output}")
        seen, waited_now = wait_for_background(env["HOME"])
        seen_count += seen
        waited += waited_now
        after_sync()
        wall.append(seconds)
        cpu.append(cpu_seconds)
    return wall, cpu, waited, seen_count


def copy_world(repos, target, env):
    """A copy of the two devices and the remote (`cp -a`), the devices' remote pointed at the copied
    one, to replay rounds on later."""
    os.makedirs(target)
    for name, path in repos.items():
        shutil.copytree(path, os.path.join(target, os.path.basename(path)), symlinks=True)
    remote = os.path.join(target, os.path.basename(repos["remote"]))
    for name in ("laptop", "desk"):
        sh(["git", "-C", os.path.join(target, os.path.basename(repos[name])), "remote", "set-url", "origin", remote],
           target, env)


def replay(args, hearth, base, entries, env):
    """`--replay` rounds on the copy taken at round 100 ("early") and on the copy of the end ("late"),
    alternating round by round (which goes first alternates too), so both meet the same load: the
    growth of a sync's cost, measured the way the other benchmarks compare two commands. Mean wall and
    CPU per sync for each."""
    worlds = {name: (("laptop", os.path.join(base, name, "laptop")), ("desk", os.path.join(base, name, "desk")))
              for name in ("early", "late")}
    figures = {name: ([], []) for name in worlds}
    print(f"\nReplaying {args.replay} rounds alternately on copies of round {WINDOW} and round {args.rounds:,}...",
          flush=True)
    for index in range(args.replay):
        order = ("early", "late") if index % 2 == 0 else ("late", "early")
        for name in order:
            wall, cpu, _, _ = one_round(hearth, args.rounds + 1 + index, worlds[name], entries, env)
            figures[name][0].extend(wall)
            figures[name][1].extend(cpu)
    return {name: (statistics.mean(walls), statistics.mean(cpus)) for name, (walls, cpus) in figures.items()}


def run(args, hearth, base, env, pack_limit):
    started = time.time()
    laptop, desk, remote = build_world(base, hearth, args.days, env, args.pack_limit, args.loose_limit)
    repos = {"laptop": laptop, "desk": desk, "remote": remote}
    entries = [os.path.relpath(path, laptop) for path in day_files(laptop)]
    checkpoints = {min(WINDOW, args.rounds), args.rounds}
    checkpoints.update(range(WINDOW + args.checkpoint_every, args.rounds, args.checkpoint_every))
    walls, cpus, max_walls, max_cpus, table, background, last_row = [], [], [], [], [], [0, 0.0], 0
    max_counts = {name: 0 for name in repos}
    progress = Progress(args.progress, args, pack_limit, started)
    writer = None
    if args.csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        csv_file = open(args.csv, "w", newline="")
        writer = csv.writer(csv_file)
        writer.writerow(["round", "sync_ms_laptop", "cpu_ms_laptop", "sync_ms_desk", "cpu_ms_desk", "background_ms",
                         "max_sync_ms_since_last_row", "max_cpu_ms_since_last_row"] +
                        [f"{n}_{what}" for n in repos for what in ("packs", "loose", "bytes")])
    print(f"Growth benchmark: {args.days:,} day entries, {args.rounds:,} rounds, two devices and a folder remote, "
          f"pack limit {pack_limit}{'' if args.pack_limit is not None else ' (git default)'}; progress in {args.progress}\n",
          flush=True)
    for round_ in range(1, args.rounds + 1):
        wall, cpu, waited, seen = one_round(hearth, round_, (("laptop", laptop), ("desk", desk)), entries, env,
                                            after_sync=lambda: update_max_counts(max_counts, repos))
        background[0] += seen
        background[1] += waited
        walls.append(statistics.mean(wall))
        cpus.append(statistics.mean(cpu))
        max_walls.append(max(wall))
        max_cpus.append(max(cpu))
        if writer and (round_ % args.measure_every == 0 or round_ in checkpoints):
            since = slice(-(round_ - last_row), None)
            last_row = round_
            writer.writerow([round_] + [round(x * 1000, 2) for pair in zip(wall, cpu) for x in pair] + [round(waited * 1000, 2)] +
                            [round(max(seq[since]) * 1000, 2) for seq in (max_walls, max_cpus)] +
                            [value for path in repos.values()
                             for value in (count_packs(path), count_loose(path), disk_usage(git_dir(path)))])
            csv_file.flush()
        if round_ % WINDOW == 0 or round_ == args.rounds:
            sizes = [disk_usage(git_dir(path)) for path in repos.values()]
            progress.rows.append((round_, statistics.mean(walls[-WINDOW:]), statistics.mean(cpus[-WINDOW:]),
                                  count_packs(laptop), count_loose(laptop), *sizes, os.getloadavg()[0]))
            if round_ % args.gc_every == 0 and round_ != args.rounds:
                progress.size_rows += [(round_, *row) for row in measure_sizes(repos, base, env)]
            progress.write(round_, walls, cpus, max_counts, background)
        if round_ == WINDOW and args.replay and args.rounds > WINDOW:
            copy_world(repos, os.path.join(base, "early"), env)
        if round_ in checkpoints:
            packs, loose = count_packs(laptop), count_loose(laptop)
            window = walls[-WINDOW:]
            table.append((round_, statistics.mean(window), statistics.mean(cpus[-WINDOW:]), packs, loose,
                          disk_usage(git_dir(laptop)), disk_usage(remote)))
            print(f"round {round_:,}: mean sync {ms(table[-1][1])} wall, {ms(table[-1][2])} CPU (last {len(window)} rounds), "
                  f"laptop {packs} packs, {loose:,} loose, .git {mib(table[-1][5])}, remote {mib(table[-1][6])}; "
                  f"background runs so far {background[0]} ({background[1]:.1f} s); load {os.getloadavg()[0]:.1f}; "
                  f"{(time.time() - started) / 60:.1f} min", flush=True)
    if writer:
        csv_file.close()
    replayed = None
    if args.replay and args.rounds > WINDOW:
        copy_world(repos, os.path.join(base, "late"), env)
        replayed = replay(args, hearth, base, entries, env)
    return report(args, hearth, base, env, repos, walls, cpus, table, max_counts, pack_limit, background, progress,
                  replayed)


def report(args, hearth, base, env, repos, walls, cpus, table, max_counts, pack_limit, background, progress,
           replayed=None):
    laptop = repos["laptop"]
    # The desk's last commit reaches the laptop, then both hold the same tree as the remote.
    sh([hearth, "sync", "--quiet"], laptop, env)
    wait_for_background(env["HOME"])
    trees = {name: sh(["git", "-C", path, "rev-parse", "main^{tree}"], base, env).stdout.strip() for name, path in repos.items()}
    appended = sh(["grep", "-rhc", "--include=*.md", "^- round [0-9]* on the ", os.path.join(laptop, "days")], base, env)
    lines = sum(int(n) for n in appended.stdout.split())
    fsck = {name: sh(["git", "-C", path, "fsck", "--strict", "--no-dangling", "--no-progress"], base, env, check=False)
            for name, path in repos.items()}
    sizes = measure_sizes(repos, base, env, mirror_of=tuple(repos))
    progress.size_rows += [(len(walls), *row) for row in sizes]
    progress.write(len(walls), walls, cpus, max_counts, background)
    gc_copy = {name: copy for name, _, copy, _ in sizes}

    print(f"\nGrowth ({args.days:,} day entries, two devices syncing in turn, folder remote; sync mean over the "
          f"{min(WINDOW, len(walls))} rounds up to each row, wall and CPU time; laptop's `.git`):\n")
    print("| rounds | mean `hearth sync` | CPU per sync | packs in `.git` | loose objects | `.git` size | remote size |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for round_, mean, cpu, packs, loose, size, remote_size in table:
        print(f"| {round_:,} | {ms(mean)} | {ms(cpu)} | {packs} | {loose:,} | {mib(size)} | {mib(remote_size)} |")
    print(f"| `git gc --aggressive` copy | | | 1 | 0 | {mib(gc_copy['laptop'])} | {mib(gc_copy['remote'])} |")
    print(f"\nMean CPU per sync by thousand rounds: {thousands(cpus)}.")
    print(f"Background maintenance: {background[0]} runs waited for, {background[1]:.1f} s in all.")
    print("Most packs after a sync: " + ", ".join(f"{name} {packs}" for name, packs in max_counts.items()))

    window = min(WINDOW, len(walls))
    first, last = statistics.mean(walls[:WINDOW]), statistics.mean(walls[-WINDOW:])
    first_cpu, last_cpu = statistics.mean(cpus[:WINDOW]), statistics.mean(cpus[-WINDOW:])
    goals = [
        (f"mean sync of the last {window} rounds / first {window} in CPU time: {ms(last_cpu)} / {ms(first_cpu)} = "
         f"{last_cpu / first_cpu:.2f}x (goal: at most {SPEED_GOAL}x; wall {ms(last)} / {ms(first)} = {last / first:.2f}x)",
         last_cpu <= SPEED_GOAL * first_cpu),
    ]
    if replayed:
        (early_wall, early_cpu), (late_wall, late_cpu) = replayed["early"], replayed["late"]
        goals.append((f"replayed alternately, {args.replay} rounds each: a sync on the round-{len(walls):,} copy / on the "
                      f"round-{WINDOW} copy in CPU time: {ms(late_cpu)} / {ms(early_cpu)} = {late_cpu / early_cpu:.2f}x "
                      f"(goal: at most {SPEED_GOAL}x; wall {ms(late_wall)} / {ms(early_wall)} = {late_wall / early_wall:.2f}x)",
                      late_cpu <= SPEED_GOAL * early_cpu))
    for name in repos:
        goals.append((f"{name}: at most {max_counts[name]} packs after a sync (goal: at most {pack_limit})",
                      max_counts[name] <= pack_limit))
    for name, size, copy, mirror in sizes:
        empty = empty_object_folders(repos[name])
        goals.append((f"{name}: {mib(size)} against {mib(copy)} for a `git gc --aggressive` copy = {size / copy:.2f}x "
                      f"(goal: at most {SIZE_GOAL}x; {size / mirror:.2f}x a gc'd mirror of {mib(mirror)})"
                      + (f"; {empty} empty object folders" if empty else ""), size <= SIZE_GOAL * copy))
    goals.append((f"the laptop, the desk and the remote hold the same tree: {len(set(trees.values())) == 1}",
                  len(set(trees.values())) == 1))
    goals.append((f"appended lines present on the laptop: {lines:,} of {2 * len(walls):,}", lines == 2 * len(walls)))
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
