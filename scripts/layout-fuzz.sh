#!/usr/bin/env bash
# The long layout fuzz run: N random specs from the widget catalog (default 2000), each laid out headless at phone
# 390x844, tablet 834x1112 and desktop 1280x800 and checked against the layout contract (siblings do not overlap,
# nothing leaves the screen horizontally, text is at least 8 characters wide or ellipsized, text stays inside its
# widget). Prints every failing seed with its size and first violation, then a summary per invariant and per widget
# type. The first failing case of each new kind (invariant + widget type not already covered) is minimized and
# saved into tests/data/layout_fuzz/SEED-WxH-INVARIANT-TYPE.json (at most KEEP per run), where every normal test run replays it.
# Usage: scripts/layout-fuzz.sh [N (default 2000)] [FIRST-SEED (default 1000000)] [KEEP (default 10)]
# Exit status: 0 when every case was clean, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-2000}"
first="${2:-1000000}"
keep="${3:-10}"
"$root/scripts/build.sh" "$root/build"
cd "$root"
LAYOUT_FUZZ_COUNT="$count" LAYOUT_FUZZ_FIRST="$first" LAYOUT_FUZZ_SAVE=1 LAYOUT_FUZZ_KEEP="$keep" \
  "$root/build/test_layout_fuzz" "[.layout-fuzz-long]"
