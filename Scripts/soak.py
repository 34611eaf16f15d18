#!/usr/bin/env python3
"""`make soak` (issue #16): three devices running the real `hearth watch` against one bare remote for
SOAK_MINUTES, while a writer per device saves files the way editors do, and a ledger records every
line written and every line deliberately removed.

The writers (one thread per device, each with its own seeded random stream) pick, every few
seconds, one of: append a line to one of the shared day entries (every device appends to them, so
syncs merge), append or insert a line in one of its own entries, rewrite one of its own lines, add
a new entry, rename one of its entries, delete one of its entries. Each save is written one of three
ways: temp file + rename (atomic savers, vim with `backupcopy=no`); vim's backup dance (the file
renamed to `name~`, a new file written, the backup removed; a swap file `.name.swp` and the `4913`
write test around it); or in place, truncating and rewriting the file as nano does. Between
reading the file and saving it the "user" types for a moment, so a sync can land in between and
the save is stale: hearth must keep the lines such a save drops.

At the end the writers stop, the watchers are given time to settle (every device at the remote's
commit, nothing left to commit), stopped with SIGTERM, and each device runs a final `hearth sync`.
Then it checks, and exits 1 when one fails:
- every device and the remote hold the same tree, and no device has anything uncommitted;
- every ledger line written and not deliberately removed is in the final notebook, on every device;
- no conflict markers in any file and no conflict recorded (`hearth conflicts --json`): the writers
  never make edits that genuinely conflict;
- `git fsck --strict` is clean on each device and on the remote;
- each watcher ran to the end, stopped on SIGTERM with exit 0, and went no longer than
  --stall-limit seconds without a logged sync (it runs with --verbose, so every sync is logged);
- each watcher's resident memory (VmRSS, sampled every --sample-every seconds) stays bounded: it
  gains at most --leak-allowance MB per sync (the slope of RSS against syncs done, after the first
  quarter; libgit2 1.5 leaks 0.5 to 1.5 MB per sync, which watch answers by restarting itself once
  it has grown by --restart-after MB), and never passes its first-quarter median plus that
  threshold plus 64 MB; with --rss-factor, also the last-quarter median at most that many times
  the first-quarter median (no growth at all).
It reports syncs per minute (by trigger), failures with their reasons, the RSS curve as a table,
and the ledger's figures. The ledger, the watchers' logs, the RSS samples and the report go to
--out (default .build/soak); the devices themselves to --out/world, kept for a look afterwards."""
import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

DEVICES = ("laptop", "desk", "phone")
SHARED = ("days/2026/12/2026-12-01.md", "days/2026/12/2026-12-02.md", "days/2026/12/2026-12-03.md")
WORDS = ("walk swim tea paper draft review notes garden bike train call dinner friends book run "
         "sleep coffee plan debug release music rain sun letter").split()
# Things a file can hold that say a merge gave up: hearth's own markers and git's.
CONFLICT_MARKER = re.compile(r"hearth:conflict|^<<<<<<< |^>>>>>>> ", re.MULTILINE)


def sh(command, cwd, env, check=True, timeout=600):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise SystemExit(f"soak: setup failed ({result.returncode}): {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result


class Ledger:
    """Every line written and every line deliberately removed, in memory and in `ledger.tsv`
    (time, device, action, path, line), flushed as it goes so a crashed run still has it. Each
    edit's save has a row too (action `save`, the method and when the buffer was read in the
    line column), to tell a stale save when tracing a lost line."""

    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "w", encoding="utf-8")
        self.file.write("time\tdevice\taction\tpath\tline\n")
        self.written, self.removed = set(), set()
        self.counts = {}

    def record(self, device, action, path, line=""):
        with self.lock:
            if action == "write":
                self.written.add(line)
            elif action == "remove":
                self.removed.add(line)
            self.counts[action] = self.counts.get(action, 0) + 1
            self.file.write(f"{time.time():.3f}\t{device}\t{action}\t{path}\t{line}\n")
            self.file.flush()

    def live(self):
        with self.lock:
            return self.written - self.removed

    def close(self):
        self.file.close()


class Writer(threading.Thread):
    """One device's user: editor-style saves at random until `stop` is set."""

    OPERATIONS = (("append-shared", 30), ("append-own", 15), ("insert-own", 8), ("rewrite-own", 15),
                  ("new-entry", 10), ("rename-entry", 5), ("delete-entry", 4))
    METHODS = (("rename", 45), ("vim-backup", 20), ("in-place", 35))

    def __init__(self, device, root, ledger, seed, mean_gap, stop):
        super().__init__(name=f"writer-{device}", daemon=True)
        self.device, self.root, self.ledger, self.stop = device, root, ledger, stop
        self.rng = random.Random(seed)
        self.mean_gap = mean_gap
        self.sequence = 0
        self.entries = {}  # own entries: path -> number of renames so far (for the next name)
        self.next_entry = 0
        self.saves = {name: 0 for name, _ in self.METHODS}
        self.operations = {name: 0 for name, _ in self.OPERATIONS}
        self.errors = []

    def pick(self, weighted):
        names, weights = zip(*weighted)
        return self.rng.choices(names, weights)[0]

    def new_line(self):
        self.sequence += 1
        words = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(2, 7)))
        return f"- {self.device} {self.sequence:06d} {words}"

    def run(self):
        while not self.stop.is_set():
            # Mostly a human's pace, sometimes a burst of saves in quick succession.
            gap = self.rng.uniform(0.05, 0.3) if self.rng.random() < 0.15 else self.rng.expovariate(1 / self.mean_gap)
            if self.stop.wait(min(gap, 4 * self.mean_gap)):
                break
            operation = self.pick(self.OPERATIONS)
            if not self.entries and operation in ("append-own", "insert-own", "rewrite-own", "rename-entry", "delete-entry"):
                operation = "new-entry"
            try:
                getattr(self, operation.replace("-", "_"))()
                self.operations[operation] += 1
            except OSError as error:  # reported, and the run fails: the writer only touches what it owns
                self.errors.append(f"{operation}: {error}")

    # --- operations

    def append_shared(self):
        self.append(self.rng.choice(SHARED))

    def append_own(self):
        self.append(self.rng.choice(sorted(self.entries)))

    def append(self, path):
        line = self.new_line()
        self.edit(path, lambda lines: lines[:-1] + [line, ""] if lines and lines[-1] == "" else lines + [line], [line])

    def insert_own(self):
        path = self.rng.choice(sorted(self.entries))
        line = self.new_line()

        def change(lines):
            mine = [i for i, text in enumerate(lines) if text.startswith(f"- {self.device} ")]
            at = self.rng.choice(mine) if mine else len(lines) - 1
            return lines[:at] + [line] + lines[at:]
        self.edit(path, change, [line])

    def rewrite_own(self):
        path = self.rng.choice(sorted(self.entries))
        line = self.new_line()
        removed = []

        def change(lines):
            mine = [i for i, text in enumerate(lines) if text.startswith(f"- {self.device} ")]
            if not mine:
                return lines[:-1] + [line, ""]
            at = self.rng.choice(mine)
            removed.append(lines[at])
            return lines[:at] + [line] + lines[at + 1:]
        self.edit(path, change, [line], removed)

    def new_entry(self):
        self.next_entry += 1
        path = f"notes/soak/{self.device}-{self.next_entry:04d}.md"
        lines = [self.new_line() for _ in range(self.rng.randint(1, 4))]
        text = "\n".join(["---", f"title: {self.device} note {self.next_entry}", "tags: [soak]", "---", "",
                          "## Log"] + lines + [""])
        os.makedirs(os.path.join(self.root, os.path.dirname(path)), exist_ok=True)
        self.save(path, text)
        self.entries[path] = 0
        for line in lines:
            self.ledger.record(self.device, "write", path, line)

    def rename_entry(self):
        old = self.rng.choice(sorted(self.entries))
        renames = self.entries.pop(old) + 1
        stem = re.sub(r"(-r\d+)?\.md$", "", os.path.basename(old))
        folder = "notes/soak" if self.rng.random() < 0.6 else f"notes/soak/{self.device}"
        new = f"{folder}/{stem}-r{renames}.md"
        os.makedirs(os.path.join(self.root, folder), exist_ok=True)
        os.rename(os.path.join(self.root, old), os.path.join(self.root, new))
        self.entries[new] = renames
        self.ledger.record(self.device, "rename", f"{old} -> {new}")

    def delete_entry(self):
        path = self.rng.choice(sorted(self.entries))
        full = os.path.join(self.root, path)
        with open(full, encoding="utf-8") as handle:
            text = handle.read()
        os.remove(full)
        del self.entries[path]
        self.ledger.record(self.device, "delete", path)
        for line in text.split("\n"):
            if line.startswith(f"- {self.device} "):
                self.ledger.record(self.device, "remove", path, line)

    # --- saving like an editor

    def edit(self, path, change, written, removed=()):
        """Reads `path`, "types" for a moment, then saves `change(lines)`: a sync may land in
        between, so the save can be stale. The ledger learns of the lines once they are on disk."""
        full = os.path.join(self.root, path)
        loaded = time.time()
        with open(full, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        method = self.pick(self.METHODS)
        swap = os.path.join(os.path.dirname(full), f".{os.path.basename(full)}.swp")
        if method != "in-place":
            with open(swap, "wb") as handle:
                handle.write(b"b0VIM 9.0 soak\n")
        if self.rng.random() < 0.5:
            time.sleep(self.rng.uniform(0, 1.5))
        new = change(lines)
        self.save(path, "\n".join(new), method)
        if method != "in-place":
            os.remove(swap)
        # How and from which buffer: a lost line's trail starts with the save that dropped it.
        self.ledger.record(self.device, "save", path, f"{method}, buffer read at {loaded:.3f}")
        for line in written:
            self.ledger.record(self.device, "write", path, line)
        for line in removed:
            self.ledger.record(self.device, "remove", path, line)

    def save(self, path, text, method=None):
        method = method or self.pick(self.METHODS)
        self.saves[method] += 1
        full = os.path.join(self.root, path)
        data = text.encode("utf-8")
        folder, name = os.path.split(full)
        if method == "rename":
            temporary = os.path.join(folder, f".{name}.{os.getpid()}~")
            with open(temporary, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.rename(temporary, full)
        elif method == "vim-backup":
            probe = os.path.join(folder, "4913")
            with open(probe, "wb"):
                pass
            os.remove(probe)
            backup = full + "~"
            existed = os.path.exists(full)
            if existed:
                os.rename(full, backup)
            with open(full, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if existed:
                os.remove(backup)
        else:
            with open(full, "wb") as handle:
                handle.write(data)


class RSSSampler(threading.Thread):
    """Samples VmRSS of each watcher every `every` seconds into `rss.csv` and memory."""

    def __init__(self, processes, path, every, stop, started):
        super().__init__(name="rss", daemon=True)
        self.processes, self.every, self.stop, self.started = processes, every, stop, started
        self.samples = []  # (seconds since start, {device: kB or None})
        self.file = open(path, "w", encoding="utf-8")
        self.file.write("seconds," + ",".join(f"{d}_rss_kb" for d in DEVICES) + "\n")

    @staticmethod
    def rss(pid):
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return None

    def sample(self):
        values = {device: self.rss(process.pid) if process.poll() is None else None for device, process in self.processes.items()}
        seconds = time.time() - self.started
        self.samples.append((seconds, values))
        self.file.write(f"{seconds:.1f}," + ",".join("" if values[d] is None else str(values[d]) for d in DEVICES) + "\n")
        self.file.flush()

    def run(self):
        while True:
            self.sample()
            if self.stop.wait(self.every):
                break
        self.sample()
        self.file.close()


LOG_LINE = re.compile(r"^(\S+) (.*)$")
SYNC_LINE = re.compile(r"^sync \((\w+)\)(:| failed:) ?(.*)$")


def parse_log(path):
    """The watcher's log: syncs (by trigger, what they did), failures (by reason), the other
    events that matter (skips, restarts, maintenance), and the longest gap between syncs."""
    figures = {"syncs": 0, "by_trigger": {}, "committed": 0, "sent": 0, "received": 0, "merged": 0,
               "failures": 0, "failure_reasons": {}, "skipped": 0, "restarts": 0, "maintenance": 0,
               "kept_for_next": 0, "nothing_to_commit": 0, "new_conflicts": 0, "sync_times": [], "other": []}
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return figures
    for raw in text.split("\n"):
        match = LOG_LINE.match(raw)
        if not match:
            continue
        stamp, rest = match.groups()
        sync = SYNC_LINE.match(rest)
        if sync:
            trigger, kind, detail = sync.groups()
            figures["sync_times"].append(stamp)
            if kind == ":":
                figures["syncs"] += 1
                figures["by_trigger"][trigger] = figures["by_trigger"].get(trigger, 0) + 1
                figures["committed"] += "committed \"" in detail
                figures["sent"] += " sent " in f" {detail}"
                figures["received"] += "received " in detail
                figures["merged"] += " merged " in detail
                figures["kept_for_next"] += "kept for the next one" in detail
                figures["new_conflicts"] += "new conflict" in detail
                figures["maintenance"] += "maintenance:" in detail
            else:
                figures["failures"] += 1
                reason = re.sub(r"; retrying in .*$", "", detail)
                reason = re.sub(r"\d+", "N", reason)[:160]
                figures["failure_reasons"][reason] = figures["failure_reasons"].get(reason, 0) + 1
        elif rest.startswith("skipped:"):
            figures["skipped"] += 1
        elif rest.startswith("restarting to give back memory"):
            figures["restarts"] += 1
            figures["other"].append(rest)
        elif rest.startswith("maintenance:"):
            figures["maintenance"] += 1
        elif rest.startswith("files changed, nothing left to commit"):
            figures["nothing_to_commit"] += 1
        elif not rest.startswith(("watching ", "the other sync has ended", "stopping", "stopped")):
            figures["other"].append(rest)
    return figures


def stamp_seconds(stamp):
    """Seconds since the epoch of a log timestamp (ISO 8601 with an offset)."""
    from datetime import datetime
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def notebook_lines(root):
    """Every line of every `.md` file under `root` (outside `.git`), and the files with conflict markers."""
    lines, marked = set(), []
    for folder, folders, names in os.walk(root):
        folders[:] = [f for f in folders if f != ".git"]
        for name in names:
            if not name.endswith(".md"):
                continue
            full = os.path.join(folder, name)
            with open(full, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
            lines.update(text.split("\n"))
            if CONFLICT_MARKER.search(text):
                marked.append(os.path.relpath(full, root))
    return lines, marked


def converged(roots, remote, env):
    """Whether every device is at the remote's commit with nothing left to commit."""
    remote_head = sh(["git", "-C", remote, "rev-parse", "-q", "--verify", "main"], remote, env, check=False).stdout.strip()
    for root in roots.values():
        head = sh(["git", "-C", root, "rev-parse", "HEAD"], root, env, check=False).stdout.strip()
        status = sh(["git", "-C", root, "status", "--porcelain"], root, env, check=False).stdout
        if head != remote_head or status:
            return False
    return True


def build_world(world, hearth, env):
    remote = os.path.join(world, "remote.git")
    roots = {device: os.path.join(world, device) for device in DEVICES}
    laptop = roots["laptop"]
    os.makedirs(laptop)
    sh([hearth, "init", "--device", "laptop"], laptop, env)
    for index, path in enumerate(SHARED):
        full = os.path.join(laptop, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(f"---\nkind: day\ndate: 2026-12-0{index + 1}\nenergy: 3\n---\n\n## Log\n- the day begins\n")
    sh(["git", "init", "-q", "--bare", "--initial-branch=main", remote], world, env)
    sh([hearth, "remote", "add", "origin", remote], laptop, env)
    sh([hearth, "sync", "--quiet"], laptop, env)
    for device in DEVICES[1:]:
        sh([hearth, "clone", "--quiet", "--device", device, remote, roots[device]], world, env)
    return roots, remote


def mb(kb):
    return "-" if kb is None else f"{kb / 1024:.1f}"


def rss_table(samples, rows=8):
    """The RSS curve: the median of each device's samples in `rows` equal slices of the run."""
    if not samples:
        return ["(no samples)"], {}
    end = samples[-1][0] or 1
    out = ["| minutes | " + " | ".join(f"{d} RSS (MB)" for d in DEVICES) + " |", "|---:|" + "---:|" * len(DEVICES)]
    for row in range(rows):
        low, high = end * row / rows, end * (row + 1) / rows
        chunk = [values for seconds, values in samples if low <= seconds <= high]
        cells = []
        for device in DEVICES:
            values = [v[device] for v in chunk if v[device] is not None]
            cells.append(mb(statistics.median(values)) if values else "-")
        out.append(f"| {low / 60:.1f}-{high / 60:.1f} | " + " | ".join(cells) + " |")
    quarters = {}
    for device in DEVICES:
        values = [(s, v[device]) for s, v in samples if v[device] is not None]
        first = [v for s, v in values if s <= end / 4]
        last = [v for s, v in values if s >= end * 3 / 4]
        quarters[device] = (statistics.median(first) if first else None, statistics.median(last) if last else None,
                            max((v for _, v in values), default=None))
    return out, quarters


def growth_per_sync(samples, sync_seconds, device):
    """MB of resident memory gained per sync by `device`'s watcher: the least-squares slope of RSS
    against the number of syncs logged so far, over the samples after the first quarter of the run
    (start-up allocations excluded). A self-restart (RSS falling by a third or more) starts a new
    segment; the segments' slopes are averaged, weighted by the syncs each spans. None when the
    samples span too few syncs to tell."""
    if not samples:
        return None
    end = samples[-1][0]
    points = [(sum(1 for t in sync_seconds if t <= s), v[device]) for s, v in samples if s >= end / 4 and v[device]]
    segments, current = [], []
    for syncs, rss in points:
        if current and rss < current[-1][1] * 2 / 3:
            segments.append(current)
            current = []
        current.append((syncs, rss))
    segments.append(current)
    weighted, span = 0.0, 0
    for segment in segments:
        xs = [x for x, _ in segment]
        if len(segment) < 4 or max(xs) - min(xs) < 5:
            continue
        mean_x, mean_y = statistics.mean(xs), statistics.mean(y for _, y in segment)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in segment) / sum((x - mean_x) ** 2 for x in xs)
        weighted += slope / 1024 * (max(xs) - min(xs))
        span += max(xs) - min(xs)
    return weighted / span if span else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("SOAK_MINUTES", "20")),
                        help="how long the writers write (default: SOAK_MINUTES, else 20)")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "soak"))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("SOAK_SEED", "16")))
    parser.add_argument("--interval", type=float, default=10, help="watch --interval (default 10 s)")
    parser.add_argument("--quiet", type=float, default=2, help="watch --quiet (default 2 s)")
    parser.add_argument("--mean-gap", type=float, default=3, help="mean seconds between a writer's saves (default 3)")
    parser.add_argument("--sample-every", type=float, default=5, help="seconds between RSS samples (default 5)")
    parser.add_argument("--settle", type=float, default=180, help="most seconds to wait for the watchers to converge (default 180)")
    parser.add_argument("--stall-limit", type=float, default=180,
                        help="most seconds a watcher may go without a logged sync while running (default 180)")
    parser.add_argument("--leak-allowance", type=float, default=2,
                        help="most MB of resident memory a watcher may gain per sync (default 2: libgit2 1.5 leaks "
                             "about 0.5 MB per sync that only fetches and 1.4 MB per sync that merges and pushes, "
                             "see Sources/hearth/Watch/ResidentMemory.swift)")
    parser.add_argument("--rss-factor", type=float,
                        help="also require the last-quarter median RSS at most this times the first-quarter median")
    parser.add_argument("--restart-after", type=float, default=256,
                        help="watch's self-restart threshold in MB (its default 256): a watcher's RSS must stay below "
                             "its first-quarter median plus this plus 64 MB")
    args = parser.parse_args()
    if args.minutes <= 0:
        sys.exit("soak: --minutes must be positive")
    hearth = os.path.abspath(args.hearth)
    out = os.path.abspath(args.out)
    world = os.path.join(out, "world")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(world)
    home = os.path.join(out, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", LC_ALL="C.UTF-8", TZ="UTC")
    for key in ("HEARTH_SYNC_TRACE", "HEARTH_SYNC_ABORT_AT", "HEARTH_WATCH_HOLD_AT", "GIT_DIR", "GIT_WORK_TREE"):
        env.pop(key, None)
    sh(["git", "config", "--global", "user.name", "Soak"], out, env)
    sh(["git", "config", "--global", "user.email", "soak@example.com"], out, env)
    sys.exit(run(args, hearth, out, world, env))


def run(args, hearth, out, world, env):
    roots, remote = build_world(world, hearth, env)
    print(f"Soak: {len(DEVICES)} devices running `hearth watch --quiet {args.quiet:g} --interval {args.interval:g}` "
          f"against one folder remote for {args.minutes:g} min (seed {args.seed}); writing to {out}", flush=True)
    logs = {device: os.path.join(out, f"watch-{device}.log") for device in DEVICES}
    watches = {}
    for device in DEVICES:
        log = open(logs[device], "ab")
        watches[device] = subprocess.Popen(
            [hearth, "-C", roots[device], "watch", "--verbose", "--quiet", f"{args.quiet:g}", "--interval", f"{args.interval:g}",
             "--restart-after", f"{args.restart_after:g}"],
            cwd=world, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        log.close()
    started = time.time()
    sampler_stop, writers_stop = threading.Event(), threading.Event()
    sampler = RSSSampler(watches, os.path.join(out, "rss.csv"), args.sample_every, sampler_stop, started)
    sampler.start()
    ledger = Ledger(os.path.join(out, "ledger.tsv"))
    writers = [Writer(device, roots[device], ledger, args.seed * 100 + index, args.mean_gap, writers_stop)
               for index, device in enumerate(DEVICES)]
    violations = []
    try:
        for writer in writers:
            writer.start()
        deadline = started + args.minutes * 60
        next_progress = started + 60
        while time.time() < deadline:
            time.sleep(min(1, max(0, deadline - time.time())))
            dead = [d for d, p in watches.items() if p.poll() is not None]
            if dead:
                violations.append("watch ended while the writers wrote: " +
                                  ", ".join(f"{d} (exit {watches[d].returncode})" for d in dead))
                break
            if time.time() >= next_progress:
                next_progress += 60
                rss = sampler.samples[-1][1] if sampler.samples else {}
                print(f"  {(time.time() - started) / 60:.0f} min: {len(ledger.written):,} lines written; RSS "
                      + ", ".join(f"{d} {mb(rss.get(d))} MB" for d in DEVICES), flush=True)
        writers_stop.set()
        for writer in writers:
            writer.join()
        wrote_until = time.time()

        # Let the watchers bring every device to the remote's commit on their own.
        settle_start = time.time()
        settled = False
        while time.time() - settle_start < args.settle:
            if all(p.poll() is None for p in watches.values()) and converged(roots, remote, env):
                settled = True
                break
            time.sleep(2)
        settle_seconds = time.time() - settle_start
        if not settled:
            violations.append(f"the watchers did not bring the devices together within {args.settle:g} s of the last save")
    finally:
        writers_stop.set()
        sampler_stop.set()
        sampler.join()
        exits = {}
        for device, process in watches.items():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for device, process in watches.items():
            try:
                exits[device] = process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                exits[device] = "did not stop within 120 s of SIGTERM (killed)"
        ledger.close()
    ran = wrote_until - started
    for device, code in exits.items():
        if code != 0:
            violations.append(f"{device}: watch ended with {code} (expected exit 0 on SIGTERM)")
    for writer in writers:
        for error in writer.errors:
            violations.append(f"{writer.device}'s writer: {error}")

    # A final `hearth sync` on each device, twice round so the last device's commit reaches all.
    final_syncs = []
    for _ in range(2):
        for device in DEVICES:
            result = sh([hearth, "sync", "--quiet"], roots[device], env, check=False)
            final_syncs.append((device, result.returncode, (result.stdout + result.stderr).strip()))
    for device, code, output in final_syncs:
        if code != 0:
            violations.append(f"{device}: final `hearth sync` failed ({code}): {output[:300]}")

    # Convergence.
    trees = {name: sh(["git", "-C", path, "rev-parse", "main^{tree}"], path, env, check=False).stdout.strip()
             for name, path in list(roots.items()) + [("remote", remote)]}
    if len(set(trees.values())) != 1:
        violations.append("the devices do not hold the same tree: " + ", ".join(f"{n} {t[:12]}" for n, t in trees.items()))
    for device, root in roots.items():
        status = sh(["git", "-C", root, "status", "--porcelain"], root, env, check=False).stdout
        if status:
            violations.append(f"{device}: uncommitted after the final sync: {status.strip()[:300]}")

    # The ledger against the notebooks.
    live = ledger.live()
    lost_by_device, present_removed = {}, 0
    for device, root in roots.items():
        lines, marked = notebook_lines(root)
        lost = sorted(live - lines)
        lost_by_device[device] = lost
        if lost:
            violations.append(f"{device}: {len(lost)} ledger lines lost, e.g. " + "; ".join(lost[:5]))
        if marked:
            violations.append(f"{device}: conflict markers in {', '.join(marked[:10])}")
        if device == "laptop":
            present_removed = len(ledger.removed & lines)
        conflicts = sh([hearth, "conflicts", "--json"], root, env, check=False)
        try:
            recorded = json.loads(conflicts.stdout)
        except ValueError:
            recorded = [conflicts.stdout]
        if conflicts.returncode != 0 or recorded:
            violations.append(f"{device}: `hearth conflicts` lists {len(recorded)} (exit {conflicts.returncode}): "
                              f"{(conflicts.stdout + conflicts.stderr).strip()[:300]}")

    # fsck.
    fsck = {}
    for name, path in list(roots.items()) + [("remote", remote)]:
        result = sh(["git", "-C", path, "fsck", "--strict", "--no-dangling", "--no-progress"], path, env, check=False)
        fsck[name] = result
        if result.returncode != 0:
            violations.append(f"{name}: `git fsck --strict` failed: {(result.stdout + result.stderr).strip()[:300]}")

    # The watchers' logs.
    figures = {device: parse_log(logs[device]) for device in DEVICES}
    for device, f in figures.items():
        times = [t for t in (stamp_seconds(s) for s in f["sync_times"]) if t is not None]
        times = [t for t in times if t <= wrote_until + settle_seconds]
        gaps = [b - a for a, b in zip([started] + times, times + [wrote_until + settle_seconds])]
        f["longest_gap"] = max(gaps) if gaps else None
        if f["longest_gap"] is not None and f["longest_gap"] > args.stall_limit:
            violations.append(f"{device}: watch logged no sync for {f['longest_gap']:.0f} s (limit {args.stall_limit:g} s)")
        f["sync_seconds"] = [t - started for t in times]

    # Memory.
    table, quarters = rss_table(sampler.samples)
    growth = {device: growth_per_sync(sampler.samples, figures[device]["sync_seconds"], device) for device in DEVICES}
    for device, (first, last, peak) in quarters.items():
        if first is None or last is None:
            violations.append(f"{device}: too few RSS samples to judge memory")
            continue
        if growth[device] is not None and growth[device] > args.leak_allowance:
            violations.append(f"{device}: resident memory grew {growth[device]:.2f} MB per sync "
                              f"(allowance {args.leak_allowance:g} MB for libgit2 1.5's leak)")
        if peak > first + (args.restart_after + 64) * 1024:
            violations.append(f"{device}: resident memory peaked at {mb(peak)} MB, beyond the first-quarter median "
                              f"{mb(first)} MB + {args.restart_after:g} MB (watch's restart threshold) + 64 MB")
        if args.rss_factor is not None and last > args.rss_factor * first:
            violations.append(f"{device}: resident memory grew: last-quarter median {mb(last)} MB > "
                              f"{args.rss_factor:g} x first-quarter median {mb(first)} MB")

    # The report.
    minutes = ran / 60
    report = []
    say = report.append
    say(f"Soak: {minutes:.1f} min of writing, {len(DEVICES)} devices, `hearth watch --quiet {args.quiet:g} "
        f"--interval {args.interval:g} --verbose`, folder remote, seed {args.seed}; settled in {settle_seconds:.0f} s")
    counts = ledger.counts
    entries_made = sum(w.operations["new-entry"] for w in writers)
    say(f"Ledger: {len(ledger.written):,} lines written, {len(ledger.removed):,} deliberately removed "
        f"({counts.get('delete', 0)} entries deleted, {sum(w.operations['rewrite-own'] for w in writers)} lines rewritten), "
        f"{entries_made} entries created, {counts.get('rename', 0)} renamed; {len(live):,} lines expected at the end")
    say("Saves: " + ", ".join(f"{d}: " + ", ".join(f"{m} {n}" for m, n in w.saves.items()) for d, w in zip(DEVICES, writers)))
    say(f"Lines lost: " + ", ".join(f"{d} {len(lost)}" for d, lost in lost_by_device.items())
        + f"; deliberately removed lines still present: {present_removed}")
    say("")
    say("| device | syncs | per minute | change / interval / retry / start | committed | sent | received | merged | failures | skipped | restarts | longest gap |")
    say("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    total_span = (wrote_until + settle_seconds - started) / 60
    for device, f in figures.items():
        t = f["by_trigger"]
        say(f"| {device} | {f['syncs']} | {f['syncs'] / total_span:.1f} | {t.get('change', 0)} / {t.get('interval', 0)} / "
            f"{t.get('retry', 0)} / {t.get('start', 0)} | {f['committed']} | {f['sent']} | {f['received']} | {f['merged']} | "
            f"{f['failures']} | {f['skipped']} | {f['restarts']} | "
            f"{'-' if f['longest_gap'] is None else '%.0f s' % f['longest_gap']} |")
    reasons = {}
    for f in figures.values():
        for reason, n in f["failure_reasons"].items():
            reasons[reason] = reasons.get(reason, 0) + n
    if reasons:
        say("")
        say("Sync failures by reason (numbers as N):")
        for reason, n in sorted(reasons.items(), key=lambda item: -item[1]):
            say(f"  {n} x {reason}")
    other = [(d, line) for d, f in figures.items() for line in f["other"]]
    if other:
        say("")
        say(f"Other log lines ({len(other)}):")
        for device, line in other[:15]:
            say(f"  {device}: {line[:200]}")
    say("")
    say(f"Resident memory of each watcher (VmRSS every {args.sample_every:g} s, median per slice):")
    say("")
    report.extend(table)
    say("")
    for device, (first, last, peak) in quarters.items():
        ratio = f"{last / first:.2f}x" if first and last else "-"
        limit = f"; limit {args.rss_factor:g}x" if args.rss_factor is not None else ""
        per_sync = "-" if growth[device] is None else f"{growth[device]:.2f} MB"
        say(f"  {device}: first-quarter median {mb(first)} MB, last-quarter median {mb(last)} MB ({ratio}{limit}), "
            f"peak {mb(peak)} MB; {per_sync} gained per sync (allowance {args.leak_allowance:g} MB); "
            f"{figures[device]['restarts']} self-restarts")
    say("")
    say("Final `hearth sync`: " + ", ".join(f"{d} exit {c}" for d, c, _ in final_syncs))
    say("Trees: " + ("all " + next(iter(trees.values()))[:12] if len(set(trees.values())) == 1 else
                     ", ".join(f"{n} {t[:12]}" for n, t in trees.items())))
    say("git fsck --strict: " + ", ".join(f"{n} {'clean' if r.returncode == 0 else 'FAILED'}" for n, r in fsck.items()))
    say("Watch exits on SIGTERM: " + ", ".join(f"{d} {c}" for d, c in exits.items()))
    say("")
    if violations:
        say(f"FAILED: {len(violations)} violation(s):")
        for violation in violations:
            say(f"  - {violation}")
    else:
        say("Passed: the devices converged, no ledger line lost, no conflict, fsck clean, every watcher ran to the end, memory bounded.")
    text = "\n".join(report) + "\n"
    with open(os.path.join(out, "report.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
    with open(os.path.join(out, "figures.json"), "w", encoding="utf-8") as handle:
        json.dump({"minutes": minutes, "lines_written": len(ledger.written), "lines_removed": len(ledger.removed),
                   "entries_created": entries_made, "lost": {d: len(l) for d, l in lost_by_device.items()},
                   "devices": {d: {k: v for k, v in f.items() if k not in ("sync_times", "sync_seconds", "other")} for d, f in figures.items()},
                   "rss_quarters_kb": quarters, "mb_per_sync": growth, "violations": violations}, handle, indent=2)
    print("\n" + text, flush=True)
    return 1 if violations else 0


if __name__ == "__main__":
    main()
