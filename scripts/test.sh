#!/usr/bin/env bash
# Builds and runs the whole test suite: the normal build, then the same suite under AddressSanitizer + UBSan.
# Usage: scripts/test.sh            both passes
#        scripts/test.sh --fast     normal build only
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs="$(nproc)"

"$root/scripts/build.sh" "$root/build"
(cd "$root/build" && ctest --output-on-failure -j"$jobs")

if [ "${1:-}" != "--fast" ]; then
  "$root/scripts/build.sh" "$root/build-asan" -DPT_SANITIZE=ON -DPT_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  (cd "$root/build-asan" && ctest --output-on-failure -j"$jobs")
fi
