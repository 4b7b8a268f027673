#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need, when any is missing.
# Qt runtime libraries, CJK fonts, a real Secret Service for the keyring test,
# Xvfb for screenshots, poppler for checking PDFs; the desktop-file and AppStream validators
# and zsh and fish, so the suite checks the desktop metadata and the completion scripts;
# chromium, the phone's browser for the wallet page (tests skip without it); PostgreSQL,
# whose server the store tests start in a temporary folder (tests/pg_server.py).
set -euo pipefail
PKGS=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
      libx11-6 fonts-dejavu-core fonts-wqy-microhei
      dbus dbus-x11 gnome-keyring libsecret-tools
      xvfb xauth imagemagick libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0
      libx11-xcb1 poppler-utils desktop-file-utils appstream zsh fish chromium
      postgresql)
# CASHIER_SYSTEM_PKGS (space-separated) replaces the list; --missing prints what is missing
# and installs nothing (tests/install/test_system_deps.py).
if [ -n "${CASHIER_SYSTEM_PKGS:-}" ]; then read -r -a PKGS <<<"$CASHIER_SYSTEM_PKGS"; fi
command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian system; install Qt 6 runtime libraries yourself" >&2; exit 0; }
# One dpkg-query for all of them (one per package took about half a second of every
# `make run` before the window could open); unknown packages print nothing (exit 1).
installed=$(dpkg-query -W -f='${Package}\t${Status}\n' "${PKGS[@]}" 2>/dev/null |
            awk -F'\t' '$2 ~ /install ok installed/ {print $1}' || true)
missing=()
for p in "${PKGS[@]}"; do
  grep -qxF "$p" <<<"$installed" || missing+=("$p")
done
if [ "${1:-}" = "--missing" ]; then
  [ ${#missing[@]} -eq 0 ] || printf '%s\n' "${missing[@]}"
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "system-deps: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
