#!/usr/bin/env bash
# Installs what CollapseCheck needs beyond Swift, when it is missing:
# GSL (libgsl-dev, with pkg-config to find it) and gnuplot for figures.
# Debian or Ubuntu; runs apt-get as root, or through sudo.
set -euo pipefail

missing=()
pkg-config --exists gsl 2>/dev/null || missing+=(libgsl-dev pkg-config)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v gnuplot >/dev/null 2>&1 || missing+=(gnuplot-nox)
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "installing: ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq \
  --no-install-recommends "${missing[@]}" >/dev/null
