#!/usr/bin/env bash
# The long fuzz run: every libFuzzer target of tests/fuzz/ (or those named) for SECONDS each, one after the
# other, in libFuzzer's fork mode so a crash is recorded and fuzzing goes on. Prints executions, executions per
# second and findings per target, and copies every finding (crash, timeout, out-of-memory, leak) into
# tests/fuzz/regressions/TARGET/, where each is replayed by every ctest run of the fuzz build from then on.
# The corpus grows across runs in build-fuzz/fuzz-long/TARGET/corpus (seeded like the bounded runs).
# Usage: scripts/fuzz.sh [SECONDS-PER-TARGET (default 600)] [TARGET...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(spec_loader lenient_json expr sse play_steps json_lines)
build="$root/build-fuzz"

"$root/scripts/build.sh" "$build" -DPT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

found_any=0
summary=()
for target in "${targets[@]}"; do
  exe="$build/tests/fuzz/fuzz_$target"
  [ -x "$exe" ] || { echo "fuzz: no target '$target' ($exe)" >&2; exit 2; }
  work="$build/fuzz-long/$target"
  corpus="$work/corpus"
  artifacts="$work/artifacts"
  regressions="$root/tests/fuzz/regressions/$target"
  if [ ! -d "$corpus" ]; then
    cmake -DFUZZ_TARGET="$target" -DSOURCE_DIR="$root" -DSHARED_DIR="$root/../shared/corpus" -DOUT="$corpus" \
          -P "$root/tests/fuzz/seed_corpus.cmake" >&2
  fi
  rm -rf "$artifacts" && mkdir -p "$artifacts"
  mapfile -t options < "$exe.options"
  dirs=("$corpus")
  [ -d "$regressions" ] && dirs+=("$regressions")

  echo "fuzz: $target for ${seconds}s (log: $work/log)" >&2
  "$exe" "${options[@]}" -artifact_prefix="$artifacts/" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
         -max_total_time="$seconds" "${dirs[@]}" > "$work/log" 2>&1 || true

  # Fork mode reports "#EXECS: cov: .. exec/s N ..." as it goes; the last one holds the totals.
  last="$(grep -E '^#[0-9]+' "$work/log" | tail -1 || true)"
  execs="$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")"
  rate="$(sed -nE 's/.*exec\/s:? ([0-9]+).*/\1/p' <<<"$last")"
  findings=()
  for f in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    [ -e "$f" ] && findings+=("$f")
  done
  if [ ${#findings[@]} -gt 0 ]; then
    found_any=1
    mkdir -p "$regressions"
    cp "${findings[@]}" "$regressions/"
    printf "fuzz: $target found tests/fuzz/regressions/$target/%s\n" "${findings[@]##*/}" >&2
  fi
  summary+=("$(printf '%-14s %12s execs %8s exec/s %4d findings' "$target" "${execs:-?}" "${rate:-?}" "${#findings[@]}")")
done

printf '%s\n' "${summary[@]}"
if [ $found_any -eq 1 ]; then
  echo "fuzz: findings copied into tests/fuzz/regressions/ (keep one input per distinct cause; the logs are in $build/fuzz-long/)" >&2
  exit 1
fi
