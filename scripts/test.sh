#!/usr/bin/env bash
# Builds and runs the whole test suite: the normal build (with the browser page and the browser test), then the same
# suite under AddressSanitizer + UBSan, then the fuzz build (clang, libFuzzer): each target replays its regression
# inputs and fuzzes for a few seconds.
# Usage: scripts/test.sh            all three passes
#        scripts/test.sh --fast     normal build only
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs="$(nproc)"

"$root/scripts/build.sh" "$root/build" -DPT_WEB=ON  # with the browser page and its test
(cd "$root/build" && ctest --output-on-failure -j"$jobs")

if [ "${1:-}" != "--fast" ]; then
  "$root/scripts/build.sh" "$root/build-asan" -DPT_SANITIZE=ON -DPT_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  (cd "$root/build-asan" && ctest --output-on-failure -j"$jobs")

  "$root/scripts/build.sh" "$root/build-fuzz" -DPT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
  (cd "$root/build-fuzz" && ctest --output-on-failure -j"$jobs")
fi
