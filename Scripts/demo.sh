#!/usr/bin/env bash
# `make demo`: hearth's everyday job on an embedded default, in a temporary folder that is
# removed afterwards. Every line it prints comes from the real binary.
set -euo pipefail
hearth="$1"
work="$(mktemp -d "${TMPDIR:-/tmp}/hearth-demo.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 HEARTH_TODAY=2026-11-22 GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
mkdir -p "$HOME"
git config --global user.name "Demo User" 2>/dev/null || true
git config --global user.email "demo@example.com" 2>/dev/null || true

run() { printf '\n$ hearth %s\n' "$*"; "$hearth" "$@"; }

cd "$work"
run init journal --device laptop
cd journal
run today --no-edit
run set today energy=2 mood=3 sleep_h=6.5 work_h=11 'tags=[deadline]'
run new day --date 2026-11-21 --no-edit --set energy=4 --set mood=4 --set sleep_h=7.5 --set work_h=8
run new day --date 2026-11-20 --no-edit --set energy=1 --set mood=2 --set sleep_h=5 --set work_h=12 --set 'tags=[deadline, travel]'
run new experiment --no-edit --title "Warmup ablation" --set predicted_failure=instability --set p_success=0.6
run list
run list --kind day --where 'energy<=2' --where 'work_h>=10'
run list --kind day --sort -work_h --json
run done ship "tokenizer fix merged"
run done learn "read the FlashAttention paper"
run done chore "expense report"
run jot "call with Ana about the deadline"
run grateful "a quiet morning run"
run show today
run experiments
run review --week
printf '\n# An entry with a broken list in its front-matter appears (a bad merge by another tool, say):\n$ hearth check\n'
printf -- '---\nkind: day\ndate: 2026-11-19\nenergy: [1, 2\n---\n' > days/2026/2026-11-19.md
"$hearth" check || printf '(exit %d: hearth reports the broken file and changes nothing)\n' "$?"
rm days/2026/2026-11-19.md

printf '\n# Two devices and a remote: the laptop sends its notebook, the desk clones it.\n'
git init -q --bare "$work/remote.git"
run remote add origin "$work/remote.git"
run sync
cd "$work"
run clone remote.git desk --device desk
cd "$work/journal"

printf '\n# Both edit today'"'"'s entry: different fields, the same field, the same section.\n'
run set today energy=3 mood=4
run done ship "review comments answered"
run -C ../desk set today sleep_h=7 mood=2
run -C ../desk done learn "pairing session on the parser"
run sync
printf '\n# The desk merges field by field and records the one real conflict (mood):\n'
run -C ../desk sync
run -C ../desk show today
run -C ../desk conflicts
id="$("$hearth" -C ../desk conflicts --json | sed -n 's/.*"id" *: *"\([0-9a-f]*\)".*/\1/p' | head -1)"
run -C ../desk resolve "$id" --keep laptop
run -C ../desk sync
run sync
run status
printf '\n# The same history in words, with no git knowledge needed:\n'
run log -n 4
run log today -p -n 1

printf '\n# Half a year of check-ins written in an editor (quietly), then the review as a picture:\n'
# Made-up but deterministic: energy sliding over the months, a week off work, friends at zero
# for the last month, a day in seven not logged.
categories=(ship learn read review help chore ship learn)
for n in $(seq 1 182); do
  day="$(date -u -d "2026-11-19 -$((n + 2)) days" +%F)"
  (( n % 7 == 3 )) && continue
  energy=$(( 1 + n * 7 % 3 + (n > 60 ? 1 : 0) + (n > 120 ? 1 : 0) )); mood=$(( (n * 3 % 4) + 2 )); hours=$(( 5 + (n * 5 % 8) ))
  (( n > 40 && n < 48 )) && hours=0
  file="days/${day:0:4}/$day.md"
  [[ -e "$file" ]] && continue
  mkdir -p "days/${day:0:4}"
  printf -- '---\nkind: day\ndate: %s\nenergy: %d\nmood: %d\nexhaustion: %d\ncynicism: %d\nefficacy: %d\nsleep_h: %s\nwork_h: %d\nfamily_h: %d\nfriends_h: %d\nhealth_h: %d\n---\n## Done\n- %s: item %d of the week\n- %s: another thing\n' \
    "$day" "$energy" "$mood" $(( n < 20 ? 3 : n % 3 )) $(( n < 20 ? 2 : n % 2 )) $(( n < 20 ? n % 2 : 2 + n % 2 )) \
    "$((6 + n % 3)).5" "$hours" $(( n % 3 )) $(( n < 30 ? 0 : n % 2 )) $(( (n + 1) % 2 )) \
    "${categories[n % 8]}" "$n" "${categories[(n + 3) % 8]}" > "$file"
done
mkdir -p weeks/2026 experiments/2026
for week in 40:18 43:15 46:11; do
  printf -- '---\nkind: week\nweek: 2026-W%s\nwho5: [%d, %d, %d, %d, %d]\n---\n' "${week%%:*}" \
    $(( ${week#*:} / 5 + 1 )) $(( ${week#*:} / 5 )) $(( ${week#*:} / 5 )) $(( ${week#*:} / 5 )) $(( ${week#*:} - 4 * (${week#*:} / 5) - 1 )) \
    > "weeks/2026/2026-W${week%%:*}.md"
done
for e in 1:0.7:success:bug:bug 2:0.6:failure:data:infra 3:0.8:success:eval:eval 4:0.3:failure:scope:scope; do
  IFS=: read -r i p outcome predicted actual <<< "$e"
  printf -- '---\nkind: experiment\ndate: 2026-0%d-01\np_success: %s\npredicted_failure: %s\noutcome: %s\nactual_failure: %s\n---\n' \
    "$((i + 5))" "$p" "$predicted" "$outcome" "$actual" > "experiments/2026/2026-0$((i + 5))-01-run-$i.md"
done
review="${HEARTH_DEMO_REVIEW:-${TMPDIR:-/tmp}/hearth-demo-review.html}"
run review --html "$review"
printf '\n# Open it in any browser (it loads nothing from the network): %s\n' "$review"
