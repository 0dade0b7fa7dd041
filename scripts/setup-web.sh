#!/usr/bin/env bash
# Installs what the web build (cmake -DPT_WEB=ON) needs from Debian, only what is missing, the browser test's driver
# (puppeteer-core from npm, into tests/browser/node_modules; it drives Debian's chromium, so no browser is downloaded),
# and fetches Dear ImGui's source (the runtime's own 1.86, from Debian's source package) into a cache, since Debian
# ships ImGui to emscripten as no library. Safe to run every time; prints the ImGui source directory on its last line.
#
#   scripts/setup-web.sh [IMGUI_CACHE_DIR]   (default: ${XDG_CACHE_HOME:-~/.cache}/promptotype/imgui-src)
set -euo pipefail

cache=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/promptotype/imgui-src}
packages=(emscripten chromium dpkg-dev)  # dpkg-dev: apt-get source unpacks with dpkg-source
command -v npm >/dev/null || packages+=(npm)  # a node from elsewhere brings its own npm

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
updated=false
apt_update() { $updated || { $sudo apt-get update -qq; updated=true; }; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-web: installing ${missing[*]}" >&2
  apt_update
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The browser test's driver, again when package.json or its lock changed since the last install.
browser="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
if [ ! -d "$browser/node_modules" ] || [ "$browser/package-lock.json" -nt "$browser/node_modules/.package-lock.json" ] ||
   [ "$browser/package.json" -nt "$browser/node_modules/.package-lock.json" ]; then
  echo "setup-web: installing the browser test's driver (npm ci in tests/browser)" >&2
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix "$browser" --no-audit --no-fund >&2
fi

# The source of the installed libimgui-dev's version, so the browser runs the ImGui the desktop runs.
version=$(dpkg-query -W -f='${source:Version}' libimgui-dev 2>/dev/null || true)
stamp="$cache/.version"
if [ -n "$version" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ] && [ -f "$cache/imgui.cpp" ]; then
  echo "$cache"
  exit 0
fi

# apt-get source needs deb-src lines: one for every suite the machine installs binaries from (deb822 or one-line lists).
srclist=/etc/apt/sources.list.d/promptotype-src.sources
if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "setup-web: adding deb-src entries ($srclist)" >&2
  entries=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # Each deb822 stanza of Debian's archive, with Types: deb-src.
    entries+=$(awk 'BEGIN{RS=""; ORS="\n\n"} /URIs:[^\n]*debian/ && /Types:[^\n]*deb/ {sub(/Types:[^\n]*/, "Types: deb-src"); print}' "$f")$'\n'
  done
  if [ -f /etc/apt/sources.list ]; then  # one-line entries: deb [options] URI SUITE COMPONENTS...
    while read -r uri suite comps; do
      entries+=$'\n'"Types: deb-src"$'\n'"URIs: $uri"$'\n'"Suites: $suite"$'\n'"Components: $comps"$'\n'
    done < <(grep -E '^deb\s.*debian' /etc/apt/sources.list | sed -E 's/^deb\s+(\[[^]]*\]\s+)?//' || true)
  fi
  printf '%s\n' "$entries" | $sudo tee "$srclist" >/dev/null
  updated=false
fi

apt_update
work=$(mktemp -d)
[ "$(id -u)" -eq 0 ] && chown _apt "$work"  # root's apt downloads as _apt
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source -qq "imgui${version:+=$version}" >&2)
src=$(find "$work" -maxdepth 1 -mindepth 1 -type d -name 'imgui-*' | head -n1)
[ -n "$src" ] && [ -f "$src/imgui.cpp" ] || { echo "setup-web: apt-get source imgui gave no imgui.cpp" >&2; exit 1; }
rm -rf "$cache"
mkdir -p "$(dirname "$cache")"
mv "$src" "$cache"
echo "${version:-unknown}" >"$stamp"
echo "$cache"
