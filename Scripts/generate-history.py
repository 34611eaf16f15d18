#!/usr/bin/env python3
"""Writes a ten-year notebook history for `make bench`: DAYS days (default 3,650) written on three
devices (laptop, desk, phone) that each sync at least daily, as `hearth sync` would have recorded
them: about 11,000 commits with snapshots, merges of concurrent edits, conflicts recorded under
.hearth/conflicts and resolved later, notes and experiments renamed.

Why not `hearth sync` itself: three devices syncing every session for ten years is ~10,000 real
syncs over a notebook that grows to thousands of entries (hours on two cores, and the loose
objects of that many syncs would need maintenance the benchmark is not about). So the devices are
simulated here and the commits are written in one `git fast-import` stream (seconds): each session
is a snapshot commit (`DEVICE: edit PATH (fields)` as hearth words it); a device whose remote moved
meanwhile makes a merge commit with parents [its own, the remote's] and hearth's message; two
devices that changed the same field write hearth's conflict record (same text, same id, newer side
kept, the canonical order of TreeMerger); a later session resolves it as `hearth resolve` does.

Real hearth checks the result (--verify N, default 12): N of the generated merges, the conflicts
among them, are redone by `hearth sync` in a scratch clone (local at the merge's first parent, the
remote at its second) and the tree hearth makes must be the generated merge's tree, byte for byte.
Then the last days are synced by the real `hearth sync` on the three devices (--real-days), so the
notebook the benchmark times is one hearth itself left behind.

The result is cached: OUT/history-<days>d-s<seed>-v<version>/ holds remote.git (bare) and the
three device clones; a second run with the same parameters only prints that folder."""
import argparse
import datetime
import os
import random
import shutil
import subprocess
import sys

VERSION = 1  # bump when the generated history changes shape, so old caches are not reused
DEVICES = ("laptop", "desk", "phone")
AUTHOR = "Sam Rivera <sam@example.com>"
CATEGORIES = ["ship", "learn", "read", "review", "help", "chore"]
TAGS = ["deadline", "travel", "conference", "sick", "weekend", "offsite", "launch"]
WORDS = ("model tokenizer paper draft review refactor dataset gpu cluster seminar walk family dinner "
         "friends run swim garden book notes meeting planning debug profile benchmark release "
         "kettle lantern harbour orchard violin meadow compiler sourdough").split()
DAY_KEYS = ["energy", "mood", "sleep_h", "sleep_q", "exhaustion", "cynicism", "efficacy", "work_h",
            "health_h", "family_h", "friends_h", "tags"]
DAY_SECTIONS = ["## Done", "## Grateful", "## Learned", "## Log", "## Notes"]
FAILURES = ["bug", "data", "instability", "no-effect", "underpowered", "infra", "eval", "scope", "other"]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


class Entry:
    """An entry as front-matter pairs and body sections, the parts hearth's merge works on."""
    __slots__ = ("fm", "head", "sections")

    def __init__(self, fm, head, sections):
        self.fm = tuple(fm)              # ((key, value text), ...)
        self.head = tuple(head)          # body lines before the first section
        self.sections = tuple(sections)  # ((heading, (line, ...)), ...)

    def render(self):
        lines = ["---"] + [f"{k}: {v}" if v != "" else f"{k}:" for k, v in self.fm] + ["---", ""]
        lines += list(self.head)
        blocks = ["\n".join((heading,) + body) for heading, body in self.sections]
        return "\n".join(lines) + "\n\n".join(blocks) + "\n"

    def get(self, key):
        return dict(self.fm).get(key, "")

    def with_fields(self, **values):
        return Entry([(k, str(values[k]) if k in values else v) for k, v in self.fm], self.head, self.sections)

    def appending(self, heading, *lines):
        return Entry(self.fm, self.head, [(h, body + tuple(lines)) if h == heading else (h, body) for h, body in self.sections])


def day_entry(date):
    return Entry([("kind", "day"), ("date", date.isoformat())] + [(k, "[]" if k == "tags" else "") for k in DAY_KEYS],
                 [], [(h, ()) for h in DAY_SECTIONS])


def yaml_quoted(text):
    out = ['"']
    for ch in text:
        out.append({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch, ch))
    return "".join(out) + '"'


def fnv1a_hex(data, digits=12):
    value = 0xcbf29ce484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return format(value & ((1 << (digits * 4)) - 1), f"0{digits}x")


def utc(ts):
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def conflict_record(path, field, first, second):
    """MergeKit's ConflictRecord text and path for a field both sides changed: (device, time, value)."""
    body = [f"path: {yaml_quoted(path)}", "kind: field", f"field: {yaml_quoted(field)}", f"kept: {yaml_quoted(second[0])}"]
    for prefix, (device, time, value) in (("first", first), ("second", second)):
        body += [f"{prefix}_device: {yaml_quoted(device)}", f"{prefix}_time: {utc(time)}",
                 f"{prefix}_deleted: false", f"{prefix}_value: {yaml_quoted(value)}"]
    body = "\n".join(body) + "\n"
    rid = fnv1a_hex(body.encode())
    text = (f"# hearth conflict {rid}: list with `hearth conflicts`, settle with "
            f"`hearth resolve {rid} --keep DEVICE | --both | --edit`\n") + body
    return rid, f".hearth/conflicts/{rid}.yaml", text


class Conflict(Exception):
    pass


def merge_entries(base, first, second, path, first_side, second_side, conflicts):
    """Three-way merge of one entry the way hearth's EntryMerger does it for the edits this
    generator makes: key by key (the newer side wins a scalar both changed, recorded), section by
    section (a section only one side changed takes that side's lines)."""
    if not (isinstance(base, Entry) and isinstance(first, Entry) and isinstance(second, Entry)):
        raise Conflict(f"{path}: both sides changed a file that is not an entry")
    b, f, s = dict(base.fm), dict(first.fm), dict(second.fm)
    if [k for k, _ in base.fm] != [k for k, _ in first.fm] or [k for k, _ in base.fm] != [k for k, _ in second.fm]:
        raise Conflict(f"{path}: keys added or removed on both sides")
    fm = []
    for key, _ in base.fm:
        if f[key] == s[key] or f[key] == b[key]:
            fm.append((key, s[key]))
        elif s[key] == b[key]:
            fm.append((key, f[key]))
        elif f[key] == "":
            fm.append((key, s[key]))
        elif s[key] == "":
            fm.append((key, f[key]))
        else:
            conflicts.append(conflict_record(path, key, (first_side[0], first_side[1], f[key]),
                                             (second_side[0], second_side[1], s[key])))
            fm.append((key, s[key]))
    if base.head != first.head or base.head != second.head:
        raise Conflict(f"{path}: preamble changed")
    sections = []
    for (heading, lb), (_, l1), (_, l2) in zip(base.sections, first.sections, second.sections):
        if l1 == l2 or l1 == lb:
            sections.append((heading, l2))
        elif l2 == lb:
            sections.append((heading, l1))
        else:
            raise Conflict(f"{path}: both sides changed {heading}")
    return Entry(fm, base.head, sections)


class History:
    """The simulation: the remote's tip and each device's clone, written as a fast-import stream."""

    def __init__(self, stream, init_files):
        self.stream = stream
        self.mark = 0
        self.times = {}      # mark -> commit time
        self.devices = {}    # mark -> device label of the commit (CommitLabel)
        self.merges = []     # (mark, first parent, second parent, had conflict)
        self.commits = 0
        self.remote_tip = None
        self.remote_state = {}
        self.remote_changes = []  # per push: set of paths changed
        self.clones = {}
        init = dict(init_files)
        self.commit("laptop", 0, None, None, {p: t for p, t in init.items()}, [], "laptop: init notebook (0 entries)\n")

    def write_blob(self, content):
        data = (content.render() if isinstance(content, Entry) else content).encode()
        self.stream.write(b"data %d\n" % len(data))
        self.stream.write(data)
        self.stream.write(b"\n")

    def commit(self, device, ts, first, second, changed, deleted, message):
        """One commit on refs/heads/main: `changed` maps paths to new content relative to `first`."""
        self.mark += 1
        self.commits += 1
        mark = self.mark
        w = self.stream.write
        w(b"commit refs/heads/main\nmark :%d\n" % mark)
        w(f"author {AUTHOR} {ts} +0000\ncommitter {AUTHOR} {ts} +0000\n".encode())
        data = message.encode()
        w(b"data %d\n" % len(data) + data + b"\n")
        if first is not None:
            w(b"from :%d\n" % first)
        if second is not None:
            w(b"merge :%d\n" % second)
        for path in deleted:
            w(f"D {path}\n".encode())
        for path in sorted(changed):
            w(f"M 100644 inline {path}\n".encode())
            self.write_blob(changed[path])
        w(b"\n")
        self.times[mark] = ts
        self.devices[mark] = device
        return mark

    def add_clone(self, device):
        self.clones[device] = Clone(device, self)


class Clone:
    """A device's clone: its files, its head and the remote tip it last synced with."""

    def __init__(self, device, history):
        self.device = device
        self.history = history
        self.state = dict(history.remote_state)
        self.head = history.remote_tip
        self.synced = len(history.remote_changes)  # how many pushes it has seen
        self.dirty = {}      # path -> description verb, since the last snapshot
        self.fields = {}     # path -> changed keys, for the message
        self.renamed = []    # (old, new)
        self.pending = False  # snapshots not yet pushed

    def put(self, path, content, fields=None):
        verb = "edit" if path in self.state else "add"
        if path in self.dirty and self.dirty[path] == "add":
            verb = "add"
        self.state[path] = content
        self.dirty[path] = verb
        if fields:
            known = self.fields.setdefault(path, [])
            known += [f for f in fields if f not in known]

    def remove(self, path):
        del self.state[path]
        self.dirty[path] = "delete"

    def rename(self, old, new, content=None):
        """A rename is a delete and an add in the tree; git and libgit2 find it by similarity."""
        self.state[new] = self.state.pop(old) if content is None else content
        self.state.pop(old, None)
        self.renamed.append((old, new))

    def snapshot(self, ts):
        if not self.dirty and not self.renamed:
            return False
        lines = []
        for old, new in self.renamed:
            lines.append(f"rename {old} -> {new}")
        for path in sorted(self.dirty):
            fields = self.fields.get(path, [])
            verb = self.dirty[path]
            if verb == "edit" and fields:
                lines.append(f"edit {path} ({', '.join(fields)})")
            else:
                lines.append(f"{verb} {path}")
        if len(lines) == 1:
            message = f"{self.device}: {lines[0]}\n"
        else:
            counts = {}
            for line in lines:
                counts[line.split(" ", 1)[0]] = counts.get(line.split(" ", 1)[0], 0) + 1
            summary = ", ".join(f"{v} {counts[v]}" for v in ("edit", "add", "delete", "rename") if v in counts)
            message = f"{self.device}: {len(lines)} files ({summary})\n\n" + "\n".join(lines) + "\n"
        changed = {p: self.state[p] for p, v in self.dirty.items() if v != "delete"}
        deleted = [p for p, v in self.dirty.items() if v == "delete"]
        for old, new in self.renamed:
            if new in self.state:
                changed[new] = self.state[new]
            if old not in self.state:
                deleted.append(old)
        self.head = self.history.commit(self.device, ts, self.head, None, changed, deleted, message)
        self.touched = getattr(self, "touched", set()) | set(self.dirty) | {p for r in self.renamed for p in r}
        self.dirty, self.fields, self.renamed = {}, {}, []
        self.pending = True
        return True

    def sync(self, ts, online=True):
        """hearth sync: snapshot, then fast-forward, push, or merge and push."""
        history = self.history
        if self.snapshot(ts):
            ts += 1
        if not online:
            return
        incoming = set()
        for changes in history.remote_changes[self.synced:]:
            incoming |= changes
        local = getattr(self, "touched", set())
        if not self.pending:
            self.state = dict(history.remote_state)
            self.head = history.remote_tip
        elif history.remote_tip == self.base_tip():
            history.remote_tip = self.head
            history.remote_state = dict(self.state)
            history.remote_changes.append(set(local))
        else:
            self.merge(ts, incoming, local)
        self.synced = len(history.remote_changes)
        self.synced_tip = history.remote_tip
        self.touched = set()
        self.pending = False

    def base_tip(self):
        return getattr(self, "synced_tip", None)

    def merge(self, ts, incoming, local):
        history = self.history
        base = self.base_state
        remote = history.remote_state
        local_tip, remote_tip = self.head, history.remote_tip
        tips = sorted([(history.times[local_tip], local_tip), (history.times[remote_tip], remote_tip)])
        # Ties: hearth orders by commit id, unknown here; sessions never share a second.
        assert tips[0][0] != tips[1][0]
        first_mark, second_mark = tips[0][1], tips[1][1]
        first_side = (history.devices[first_mark], history.times[first_mark])
        second_side = (history.devices[second_mark], history.times[second_mark])
        merged = dict(remote)
        changed = {}
        merged_paths = []
        conflicts = []
        for path in local:
            mine = self.state.get(path)
            if path in incoming and mine is not None and remote.get(path) is not None and mine != remote[path]:
                first, second = (mine, remote[path]) if first_mark == local_tip else (remote[path], mine)
                result = merge_entries(base[path], first, second, path, first_side, second_side, conflicts)
                merged[path] = result
                merged_paths.append(path)
                changed[path] = result
            elif path in incoming and (mine is None) != (remote.get(path) is None):
                raise Conflict(f"{path}: deleted on one side, changed on the other")
            elif mine is None:
                merged.pop(path, None)
            else:
                merged[path] = mine
        for path in incoming - local:
            if path in remote:
                changed[path] = remote[path]
        deleted = [p for p in incoming - local if p not in remote and p in self.state]
        for rid, record_path, text in conflicts:
            merged[record_path] = text
            changed[record_path] = text
        merged_paths.sort()
        other = history.devices[remote_tip]
        message = (f"{self.device}: merge {other} ({len(merged_paths)} {'entry' if len(merged_paths) == 1 else 'entries'} merged, "
                   f"{len(conflicts)} {'conflict' if len(conflicts) == 1 else 'conflicts'})\n")
        lines = [f"merge {p}" for p in merged_paths]
        for rid, _, _ in conflicts:
            lines.append(f"conflict field {self.conflict_line(rid, conflicts)}")
        if lines:
            message += "\n" + "\n".join(lines) + "\n"
        mark = history.commit(self.device, ts, local_tip, remote_tip, changed, deleted, message)
        history.merges.append((mark, local_tip, remote_tip, bool(conflicts), self.device))
        self.head = mark
        self.state = merged
        history.remote_tip = mark
        history.remote_state = dict(merged)
        history.remote_changes.append(set(local) | set(changed) | set(deleted))
        self.opened = [(rid, path) for rid, path, _ in conflicts]

    @staticmethod
    def conflict_line(rid, conflicts):
        for r, _, text in conflicts:
            if r == rid:
                fields = dict(line.split(": ", 1) for line in text.splitlines()[1:])
                unq = lambda v: v[1:-1]
                return (f"{unq(fields['path'])} {unq(fields['field'])}: {unq(fields['first_device'])} vs "
                        f"{unq(fields['second_device'])}, kept {unq(fields['kept'])} [{rid}]")
        return ""


def simulate(args, stream, init_files):
    rng = random.Random(args.seed)
    end = datetime.date(2026, 11, 21)
    start = end - datetime.timedelta(days=args.days - 1)
    midnight = lambda d: int(datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.timezone.utc).timestamp())
    history = History(stream, init_files)
    # The init commit was written with time 0; fast-import allows that, but a real notebook began
    # on its first day: rewrite it by making init the first thing of the stream with that time.
    history.times[1] = midnight(start) + 6 * 3600
    history.remote_tip = 1
    history.remote_state = dict(init_files)
    for device in DEVICES:
        history.add_clone(device)
        history.clones[device].synced_tip = 1
        history.clones[device].base_state = dict(init_files)
    clones = history.clones
    open_conflicts = []  # (rid, record path, entry path, field)
    reading = "notes/reading-list.md"
    reading_renames = {int(args.days * 0.3): "notes/reading/books.md", int(args.days * 0.7): "notes/reading/books-and-papers.md"}
    notes = []
    experiments = []

    def last_day_entry(clone, before):
        for back in range(0, 4):
            d = before - datetime.timedelta(days=back)
            path = f"days/{d.year}/{d.isoformat()}.md"
            if path in clone.state:
                return path
        return None

    for index in range(args.days):
        day = start + datetime.timedelta(days=index)
        t0 = midnight(day)
        weekend = day.weekday() >= 5
        sessions = []  # (time, device, online, pull_first, action)
        creator = rng.choices(DEVICES, weights=(1, 1, 3) if weekend else (5, 3, 2))[0]
        sessions.append((t0 + 7 * 3600 + rng.randint(0, 7200), creator, True, "create"))
        if rng.random() < 0.8:
            evening = rng.choice(("phone", "laptop")) if weekend else rng.choices(("laptop", "desk"), weights=(2, 1))[0]
            sessions.append((t0 + 19 * 3600 + rng.randint(0, 7200), evening, True, "evening"))
        if rng.random() < 0.65:
            online = rng.random() < 0.5
            sessions.append((t0 + 12 * 3600 + rng.randint(0, 14400), "phone", online, "log"))
        if rng.random() < 0.018:
            # The same field of the last entry changed on two devices before either synced.
            sessions.append((t0 + 16 * 3600 + rng.randint(0, 600), "phone", False, "conflict-phone"))
            sessions.append((t0 + 17 * 3600 + rng.randint(0, 600), "laptop", True, "conflict-laptop"))
        if rng.random() < 0.2 or index in reading_renames or index == 1:
            sessions.append((t0 + 21 * 3600 + rng.randint(0, 3000), "laptop", True, "notes"))
        if day.weekday() == 6:
            sessions.append((t0 + 20 * 3600 + rng.randint(0, 3000), rng.choice(("laptop", "desk")), True, "week"))
        if open_conflicts and rng.random() < 0.5:
            sessions.append((t0 + 22 * 3600 + rng.randint(0, 1800), "laptop", True, "resolve"))
        sessions.sort()
        for ts, device, online, action in sessions:
            clone = clones[device]
            if online and clone.synced < len(history.remote_changes) and not clone.pending:
                clone.sync(ts - 30)  # the session starts with a sync (fast-forward)
                clone.base_state = dict(clone.state)
            path = f"days/{day.year}/{day.isoformat()}.md"
            if action == "create":
                if path not in clone.state:
                    entry = day_entry(day).with_fields(
                        energy=rng.randint(1, 5), mood=rng.randint(1, 5), sleep_h=round(rng.uniform(4.5, 9.0), 1),
                        sleep_q=rng.randint(1, 5),
                        tags="[" + ", ".join(sorted(set(rng.choice(TAGS) for _ in range(rng.randint(0, 2))))) + "]")
                    clone.put(path, entry)
            elif action == "evening":
                if path in clone.state:
                    entry = clone.state[path].with_fields(
                        exhaustion=rng.randint(0, 4), cynicism=rng.randint(0, 4), efficacy=rng.randint(0, 4),
                        work_h=round(rng.uniform(0, 12), 1), health_h=round(rng.uniform(0, 2), 1),
                        family_h=round(rng.uniform(0, 4), 1), friends_h=round(rng.uniform(0, 3), 1))
                    entry = entry.appending("## Done", *[f"- {rng.choice(CATEGORIES)}: {sentence(rng, rng.randint(3, 9))}"
                                                         for _ in range(rng.randint(1, 5))])
                    entry = entry.appending("## Grateful", f"- {sentence(rng, rng.randint(3, 8))}")
                    if rng.random() < 0.4:
                        entry = entry.appending("## Learned", f"- {sentence(rng, rng.randint(5, 10))}")
                    entry = entry.appending("## Notes", sentence(rng, rng.randint(10, 40)))
                    clone.put(path, entry, ["exhaustion", "cynicism", "efficacy", "work_h", "health_h", "family_h",
                                            "friends_h", "body"])
            elif action == "log":
                target = last_day_entry(clone, day)
                if target:
                    clone.put(target, clone.state[target].appending(
                        "## Log", "- %02d:%02d %s" % (12 + rng.randint(0, 9), rng.randint(0, 59), sentence(rng, rng.randint(4, 12)))),
                        ["body"])
            elif action in ("conflict-phone", "conflict-laptop"):
                target = last_day_entry(clones["phone"], day)
                if target and target in clone.state and clone.state[target].get("energy") != "":
                    value = int(clone.state[target].get("energy"))
                    new = (value % 5) + 1 if action == "conflict-phone" else ((value + 1) % 5) + 1
                    clone.put(target, clone.state[target].with_fields(energy=new), ["energy"])
            elif action == "notes":
                if index in reading_renames:
                    old = reading
                    new = reading_renames[index]
                    entry = clone.state[old]
                    title = {"notes/reading/books.md": "Books", "notes/reading/books-and-papers.md": "Books and papers"}[new]
                    clone.rename(old, new, Entry([(k, title if k == "title" else v) for k, v in entry.fm], entry.head, entry.sections))
                    reading = new
                elif index == 1:
                    clone.put(reading, Entry([("kind", "note"), ("date", day.isoformat()), ("title", "Reading list"), ("tags", "[reading]")],
                                             ["# Reading list", ""], [("## Books", ()), ("## Papers", ())]))
                roll = rng.random()
                if reading in clone.state and roll < 0.5:
                    heading = rng.choice(("## Books", "## Papers"))
                    clone.put(reading, clone.state[reading].appending(heading, f"- {sentence(rng, rng.randint(2, 5)).title()} ({day.year})"), ["body"])
                elif roll < 0.75:
                    slug = "-".join(rng.choice(WORDS) for _ in range(2)) + f"-{index}"
                    note = f"notes/{slug}.md"
                    clone.put(note, Entry([("kind", "note"), ("date", day.isoformat()), ("title", slug.replace("-", " ").capitalize()),
                                           ("tags", f"[{rng.choice(TAGS)}]")], [f"# {slug}", ""], [("## Notes", (sentence(rng, 30),))]))
                    notes.append(note)
                elif roll < 0.85 and notes:
                    old = notes.pop(rng.randrange(len(notes)))
                    if old in clone.state and old.count("/") == 1:
                        new = f"notes/{day.year}/{os.path.basename(old)}"
                        clone.rename(old, new)
                        notes.append(new)
                elif roll < 0.95:
                    path = f"experiments/{day.year}/{day.isoformat()}-experiment.md"
                    if path not in clone.state:
                        clone.put(path, Entry([("kind", "experiment"), ("date", day.isoformat()), ("title", "Experiment"),
                                               ("hypothesis", sentence(rng, 8)), ("predicted_failure", rng.choice(FAILURES)),
                                               ("p_success", round(rng.uniform(0.1, 0.9), 2)), ("status", "planned"),
                                               ("timebox_h", rng.randint(2, 40)), ("tags", "[]")],
                                              ["# Experiment", ""], [("## Plan", (sentence(rng, 20),)), ("## Log", ()), ("## Result", ())]))
                        experiments.append(path)
                elif experiments:
                    old = experiments.pop(0)
                    if old in clone.state:
                        slug = "-".join(rng.choice(WORDS) for _ in range(2))
                        new = old.replace("-experiment.md", f"-{slug}.md")
                        entry = clone.state[old]
                        entry = Entry([(k, {"title": slug.replace("-", " ").capitalize(), "status": "done"}.get(k, v)) for k, v in entry.fm],
                                      entry.head, entry.sections).appending("## Result", sentence(rng, 15))
                        clone.rename(old, new, entry)
            elif action == "week":
                year, week, _ = day.isocalendar()
                name = f"{year}-W{week:02d}"
                clone.put(f"weeks/{year}/{name}.md", Entry(
                    [("kind", "week"), ("week", name), ("date", day.isoformat()),
                     ("who5", "[" + ", ".join(str(rng.randint(1, 5)) for _ in range(5)) + "]"), ("work_target_h", 40)],
                    [f"# Week {name}", ""],
                    [("## What went well", (f"- {sentence(rng, 8)}",)), ("## What was hard", (f"- {sentence(rng, 8)}",)),
                     ("## Next week", (f"- {sentence(rng, 6)}",))]))
            elif action == "resolve":
                still = [c for c in open_conflicts if c[1] in clone.state]
                if still:
                    rid, record, entry_path, field, kept = still[0]
                    open_conflicts.remove(still[0])
                    clone.remove(record)
                    clone.dirty.pop(record)
                    history_message = f"laptop: resolve {entry_path} ({field}) kept {kept}\n\nresolved [{rid}]\n"
                    clone.head = history.commit("laptop", ts, clone.head, None, {}, [record], history_message)
                    clone.touched = getattr(clone, "touched", set()) | {record}
                    clone.pending = True
            clone.sync(ts + 5, online)
            if online:
                clone.base_state = dict(clone.state)
                for rid, record in getattr(clone, "opened", []):
                    text = history.remote_state[record]
                    fields = dict(line.split(": ", 1) for line in text.splitlines()[1:])
                    open_conflicts.append((rid, record, fields["path"][1:-1], fields["field"][1:-1], fields["kept"][1:-1]))
                clone.opened = []
    # Every device ends in step with the remote.
    last = midnight(end) + 23 * 3600
    for offset, device in enumerate(DEVICES):
        clones[device].sync(last + offset * 60)
        clones[device].base_state = dict(clones[device].state)
    for device in DEVICES:
        clones[device].sync(last + 600)
    return history


def run(command, cwd, env=None, stdin=None):
    result = subprocess.run(command, cwd=cwd, env=env, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout.decode()}{result.stderr.decode()}")
    return result.stdout.decode()


def verify(hearth, folder, merges, count, env):
    """Redoes `count` generated merges with the real `hearth sync` and compares the trees."""
    if count <= 0 or not merges:
        return 0
    check = os.path.join(folder, "verify")
    remote = os.path.join(folder, "verify.git")
    run(["git", "clone", "-q", "--bare", os.path.join(folder, "remote.git"), remote], folder, env)
    run(["git", "clone", "-q", remote, check], folder, env)
    conflicted = [m for m in merges if m[3]]
    plain = [m for m in merges if not m[3]]
    step = max(1, len(plain) // max(1, count - min(len(conflicted), count // 2)))
    chosen = conflicted[: count // 2] + plain[::step]
    chosen = chosen[:count]
    marks = dict(line.split() for line in open(os.path.join(folder, "marks")).read().splitlines())
    for mark, first, second, _, device in chosen:
        commit, first_id, second_id = marks[f":{mark}"], marks[f":{first}"], marks[f":{second}"]
        run(["git", "update-ref", "refs/heads/main", second_id], remote, env)
        run(["git", "checkout", "-q", "-f", "-B", "main", first_id], check, env)
        run(["git", "clean", "-qfdx"], check, env)
        run(["git", "config", "hearth.device", device], check, env)
        run([hearth, "sync", "--quiet"], check, env)
        made = run(["git", "rev-parse", "HEAD^{tree}"], check, env).strip()
        want = run(["git", "rev-parse", commit + "^{tree}"], check, env).strip()
        if made != want:
            diff = run(["git", "diff", "--stat", commit, "HEAD"], check, env)
            sys.exit(f"hearth sync merged {first_id[:8]} and {second_id[:8]} into another tree than the generated merge {commit[:8]}:\n{diff}")
    shutil.rmtree(check)
    shutil.rmtree(remote)
    return len(chosen)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="the cache folder; the history goes into a subfolder named after the parameters")
    parser.add_argument("--hearth", required=True, help="the hearth binary (init, the checks and the last days' syncs)")
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verify", type=int, default=12, help="generated merges redone by hearth sync and compared")
    parser.add_argument("--real-days", type=int, default=3, help="days at the end synced by the real hearth sync")
    args = parser.parse_args()
    hearth = os.path.abspath(args.hearth)
    folder = os.path.join(os.path.abspath(args.out), f"history-{args.days}d-s{args.seed}-r{args.real_days}-v{VERSION}")
    if os.path.exists(os.path.join(folder, "done")):
        print(folder)
        return
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    home = os.path.join(folder, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", LC_ALL="C")
    run(["git", "config", "--global", "user.name", "Sam Rivera"], folder, env)
    run(["git", "config", "--global", "user.email", "sam@example.com"], folder, env)
    # The files `hearth init` writes, so the history starts as a real notebook does.
    scratch = os.path.join(folder, "init")
    os.makedirs(scratch)
    run([hearth, "init", "--device", "laptop"], scratch, env)
    init_files = {name: open(os.path.join(scratch, name), encoding="utf-8").read()
                  for name in run(["git", "ls-files"], scratch, env).split()}
    shutil.rmtree(scratch)

    remote = os.path.join(folder, "remote.git")
    run(["git", "init", "-q", "--bare", "--initial-branch=main", remote], folder, env)
    importer = subprocess.Popen(["git", "fast-import", "--quiet", f"--export-marks={os.path.join(folder, 'marks')}"],
                                cwd=remote, env=env, stdin=subprocess.PIPE)
    history = simulate(args, _InitTimeFix(importer.stdin, args), init_files)
    importer.stdin.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    run(["git", "gc", "-q"], remote, env)
    checked = verify(hearth, folder, history.merges, args.verify, env)
    for device in DEVICES:
        run(["git", "clone", "-q", "remote.git", device], folder, env)
        run(["git", "config", "hearth.device", device], os.path.join(folder, device), env)
        run(["git", "remote", "set-url", "origin", "../remote.git"], os.path.join(folder, device), env)
    real_commits = real_days(hearth, folder, args, env)
    commits = int(run(["git", "rev-list", "--count", "main"], remote, env))
    merges = int(run(["git", "rev-list", "--count", "--merges", "main"], remote, env))
    with open(os.path.join(folder, "summary.txt"), "w") as handle:
        handle.write(f"{args.days} days, {commits} commits ({merges} merges), {checked} merges checked against hearth sync, "
                     f"last {args.real_days} days by hearth sync ({real_commits} commits)\n")
    open(os.path.join(folder, "done"), "w").close()
    print(folder)


def real_days(hearth, folder, args, env):
    """The last days written and synced by hearth itself on the three devices."""
    before = int(run(["git", "rev-list", "--count", "main"], os.path.join(folder, "remote.git"), env))
    rng = random.Random(args.seed + 1)
    end = datetime.date(2026, 11, 21)
    for offset in range(1, args.real_days + 1):
        day = end + datetime.timedelta(days=offset)
        path = f"days/{day.year}/{day.isoformat()}.md"
        device_env = dict(env, HEARTH_TODAY=day.isoformat())
        order = ["phone", "laptop", "desk"]
        for device in order:
            root = os.path.join(folder, device)
            full = os.path.join(root, path)
            run([hearth, "sync", "--quiet"], root, device_env)
            if device == "phone":
                os.makedirs(os.path.dirname(full), exist_ok=True)
                entry = day_entry(day).with_fields(energy=rng.randint(1, 5), mood=rng.randint(1, 5), sleep_h=7.5, sleep_q=4)
                with open(full, "w", encoding="utf-8") as handle:
                    handle.write(entry.render())
            elif os.path.exists(full):
                with open(full, encoding="utf-8") as handle:
                    text = handle.read()
                with open(full, "w", encoding="utf-8") as handle:
                    handle.write(text + f"- {sentence(rng, 8)}\n")
            run([hearth, "sync", "--quiet"], root, device_env)
    for device in ("phone", "laptop", "desk"):
        run([hearth, "sync", "--quiet"], os.path.join(folder, device), env)
    return int(run(["git", "rev-list", "--count", "main"], os.path.join(folder, "remote.git"), env)) - before


class _InitTimeFix:
    """Gives the init commit (written first, before the start time is known) the first day's time."""

    def __init__(self, stream, args):
        self.stream = stream
        end = datetime.date(2026, 11, 21)
        start = end - datetime.timedelta(days=args.days - 1)
        self.init_ts = int(datetime.datetime(start.year, start.month, start.day, 6, tzinfo=datetime.timezone.utc).timestamp())
        self.first = True

    def write(self, data):
        if self.first and data.startswith(b"author "):
            data = data.replace(b" 0 +0000", b" %d +0000" % self.init_ts)
            self.first = False
        self.stream.write(data)


if __name__ == "__main__":
    main()
