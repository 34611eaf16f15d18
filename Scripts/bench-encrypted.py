#!/usr/bin/env python3
"""`make bench` (encrypted remotes, issue #15): the same `hearth sync` through an encrypted folder
remote and through a plain one, measured alternately in one run, on fresh copies of one world per
kind: the sync benchmark's scenario (issue #3, see bench-sync.py), device B's sync timed. Also the
first push of the whole notebook (`hearth sync` to an empty remote) and `hearth clone` of it, for
both kinds alternately. Wall time is the median; peak memory is the child's max RSS from wait4.

The clone of an encrypted remote includes one scrypt derivation of the passphrase (the key is
then kept on the device); the first push does not (`hearth remote add --encrypt` made the key)."""
import argparse
import importlib
import os
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import timed  # noqa: E402  (the same child-process timer as the other benchmarks)

bench_sync = importlib.import_module("bench-sync")
sh = bench_sync.sh

KINDS = ("plain", "encrypted")
PASSPHRASE = "bench passphrase, not a secret"


def generate(base, hearth, days, env):
    """A generated notebook, initialised, with no remote: the source of every first push."""
    laptop = os.path.join(base, "source", "laptop")
    bench_sync.subprocess.run([sys.executable, os.path.join(HERE, "generate-notebook.py"), laptop, "--days", str(days)],
                              check=True, stdout=bench_sync.subprocess.DEVNULL)
    sh([hearth, "init", "--device", "laptop"], laptop, env)
    return os.path.join(base, "source")


def point_at(device, kind, env):
    """A relative remote URL, so that copies of the world use their own remote."""
    url = "../remote.git" if kind == "plain" else "hearth-encrypted::../remote.git"
    sh(["git", "config", "remote.origin.url", url], device, env)


def first_push_and_clone(source, base, hearth, env, kind, run):
    """A world of `kind`: a copy of the source pushed to an empty remote (timed), and the desk a
    `hearth clone` of that remote (timed). Returns the world and both (seconds, KiB) figures."""
    world = os.path.join(base, f"{kind}-seed-{run}")
    sh(["cp", "-a", source, world], base, None)
    laptop = os.path.join(world, "laptop")
    sh(["git", "init", "-q", "--bare", "--initial-branch=main", os.path.join(world, "remote.git")], world, env)
    sh([hearth, "remote", "add", "origin", "../remote.git"] + (["--encrypt"] if kind == "encrypted" else []), laptop, env)
    point_at(laptop, kind, env)
    os.sync()
    push_seconds, push_rss, code, output = timed([hearth, "sync", "--quiet"], laptop, env)
    if code != 0:
        sys.exit(f"first push ({kind}) failed ({code}):\n{output}")
    os.sync()
    clone_seconds, clone_rss, code, output = timed([hearth, "clone", os.path.join(world, "remote.git"), "desk", "--device", "desk"],
                                                  world, env)
    if code != 0:
        sys.exit(f"hearth clone ({kind}) failed ({code}):\n{output}")
    desk = os.path.join(world, "desk")
    point_at(desk, kind, env)
    heads = {sh(["git", "rev-parse", "HEAD"], os.path.join(world, d), env).stdout for d in ("laptop", "desk")}
    if len(heads) != 1:
        sys.exit(f"the clone ({kind}) does not hold the laptop's commit")
    return world, (push_seconds, push_rss), (clone_seconds, clone_rss)


def row(label, figures):
    """A table row: median wall time and peak memory per kind, and the encrypted/plain ratio."""
    medians = {kind: statistics.median(s for s, _ in figures[kind]) for kind in KINDS}
    peaks = {kind: max(r for _, r in figures[kind]) / 1024 for kind in KINDS}
    cells = " | ".join(f"{medians[k] * 1000:.0f} ms | {peaks[k]:.1f} MiB" for k in KINDS)
    print(f"| {label} | {cells} | {medians['encrypted'] / medians['plain']:.2f}x |")
    return medians["encrypted"] / medians["plain"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hearth", required=True)
    parser.add_argument("--days", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7, help="timed syncs per kind")
    parser.add_argument("--push-runs", type=int, default=3, help="timed first pushes and clones per kind")
    args = parser.parse_args()
    hearth = os.path.abspath(args.hearth)
    base = tempfile.mkdtemp(prefix="hearth-bench-encrypted.")
    env = bench_sync.git_sandbox(base)
    env["HEARTH_PASSPHRASE"] = PASSPHRASE
    try:
        source = generate(base, hearth, args.days, env)
        pushes = {kind: [] for kind in KINDS}
        clones = {kind: [] for kind in KINDS}
        seeds = {}
        for run in range(args.push_runs):
            for kind in KINDS:
                world, push, clone = first_push_and_clone(source, base, hearth, env, kind, run)
                pushes[kind].append(push)
                clones[kind].append(clone)
                seeds.setdefault(kind, world)
        picks = bench_sync.pick(seeds["plain"])
        syncs = {kind: [] for kind in KINDS}
        for run in range(args.runs):
            for kind in KINDS:
                seconds, rss, conflicts = bench_sync.run_hearth(seeds[kind], base, hearth, env, picks, f"{kind}-{run}")
                if conflicts:
                    sys.exit(f"hearth sync ({kind}) left {conflicts} conflicts")
                syncs[kind].append((seconds, rss))
        print(f"\nEncrypted remote benchmark ({args.days:,} day entries, {os.cpu_count()} cores, fresh copies, "
              f"plain and encrypted alternating; medians of {args.runs} syncs and {args.push_runs} first pushes and clones):\n")
        print("| | plain remote | peak memory | encrypted remote | peak memory | encrypted / plain |")
        print("|---|---:|---:|---:|---:|---:|")
        ratio = row("device B's `hearth sync` (issue-3 scenario)", syncs)
        row("first push of the notebook (`hearth sync`)", pushes)
        row("`hearth clone` (encrypted: one scrypt derivation included)", clones)
        print(f"\nencrypted / plain sync: {ratio:.2f}x (goal: at most 1.5x)")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
