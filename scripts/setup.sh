#!/usr/bin/env bash
# Installs the Debian packages Promptotype needs, only those missing. Safe to run every time.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  clang libclang-rt-14-dev
  libimgui-dev libglfw3-dev libgl1-mesa-dev libgl1-mesa-dri
  nlohmann-json3-dev catch2 libstb-dev libbenchmark-dev
  libcurl4-openssl-dev libcpp-httplib-dev libqrencode-dev ca-certificates
  fonts-inter fonts-dejavu-core fonts-font-awesome
  xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
