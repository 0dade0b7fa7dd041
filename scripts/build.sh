#!/usr/bin/env bash
# Configures and builds incrementally. Usage: scripts/build.sh [BUILD_DIR] [extra cmake -D options...]
# Configures when the folder has no build yet, and whenever options are given (so they reach an existing build too);
# a build with the web page (-DPT_WEB=ON, given or already in the folder) first gets what it needs (setup-web.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$root/build}"
shift || true
"$root/scripts/setup.sh"
if [[ " $* " == *" -DPT_WEB=ON "* ]] || grep -qs '^PT_WEB:BOOL=ON$' "$dir/CMakeCache.txt"; then
  "$root/scripts/setup-web.sh" >/dev/null
fi
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >&2
elif [ $# -gt 0 ]; then
  cmake -S "$root" -B "$dir" "$@" >&2
fi
cmake --build "$dir" -j"$(nproc)" >&2
