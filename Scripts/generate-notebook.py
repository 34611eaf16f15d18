#!/usr/bin/env python3
"""Writes a deterministic benchmark notebook: N day entries (default 10,000) shaped like real
check-ins (journal.md), plus a few notes. The same seed always gives byte-identical files, so
benchmark runs compare like with like."""
import argparse
import datetime
import os
import random

CATEGORIES = ["ship", "learn", "read", "review", "help", "chore"]
TAGS = ["deadline", "travel", "conference", "sick", "weekend", "offsite", "launch"]
WORDS = ("model tokenizer paper draft review refactor dataset gpu cluster seminar walk family dinner "
         "friends run swim garden book notes meeting planning debug profile benchmark release").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def day_entry(rng, date):
    lines = ["---", "kind: day", f"date: {date.isoformat()}"]
    fields = [
        ("energy", lambda: rng.randint(1, 5)),
        ("mood", lambda: rng.randint(1, 5)),
        ("exhaustion", lambda: rng.randint(0, 4)),
        ("cynicism", lambda: rng.randint(0, 4)),
        ("efficacy", lambda: rng.randint(0, 4)),
        ("sleep_h", lambda: round(rng.uniform(4.5, 9.0), 1)),
        ("sleep_q", lambda: rng.randint(1, 5)),
        ("work_h", lambda: round(rng.uniform(0, 13), 1)),
        ("deep_h", lambda: round(rng.uniform(0, 5), 1)),
        ("family_h", lambda: round(rng.uniform(0, 4), 1)),
        ("friends_h", lambda: round(rng.uniform(0, 3), 1)),
        ("health_h", lambda: round(rng.uniform(0, 2), 1)),
    ]
    for key, value in fields:
        # Real logs have gaps: a missing key means "not recorded".
        if rng.random() < 0.9:
            lines.append(f"{key}: {value()}")
    if rng.random() < 0.3:
        lines.append("bedtime: \"%02d:%02d\"" % (rng.choice([22, 23, 0, 1]), rng.choice([0, 15, 30, 45])))
    tags = sorted(set(rng.choice(TAGS) for _ in range(rng.randint(0, 3))))
    lines.append("tags: [" + ", ".join(tags) + "]")
    lines.append("---")
    lines.append("")
    lines.append("## Done")
    for _ in range(rng.randint(1, 5)):
        lines.append(f"- {rng.choice(CATEGORIES)}: {sentence(rng, rng.randint(3, 9))}")
    lines.append("")
    lines.append("## Grateful")
    lines.append(f"- {sentence(rng, rng.randint(3, 8))}")
    lines.append("")
    lines.append("## Log")
    for _ in range(rng.randint(0, 4)):
        lines.append("- %02d:%02d %s" % (rng.randint(7, 22), rng.randint(0, 59), sentence(rng, rng.randint(4, 12))))
    lines.append("")
    lines.append("## Notes")
    lines.append(sentence(rng, rng.randint(10, 40)))
    lines.append("")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root")
    parser.add_argument("--days", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.root, exist_ok=True)
    # hearth.yaml makes the folder a notebook: hearth looks for it as git looks for .git.
    with open(os.path.join(args.root, "hearth.yaml"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("version: 1\nwork_target_h: 40\n")
    end = datetime.date(2026, 11, 22)
    start = end - datetime.timedelta(days=args.days - 1)
    for offset in range(args.days):
        date = start + datetime.timedelta(days=offset)
        folder = os.path.join(args.root, "days", str(date.year))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{date.isoformat()}.md"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(day_entry(rng, date))
    os.makedirs(os.path.join(args.root, "notes"), exist_ok=True)
    for index in range(20):
        with open(os.path.join(args.root, "notes", f"note-{index:02d}.md"), "w", encoding="utf-8") as handle:
            handle.write(f"---\nkind: note\ntitle: Note {index}\ntags: [{rng.choice(TAGS)}]\n---\n\n{sentence(rng, 30)}\n")


if __name__ == "__main__":
    main()
