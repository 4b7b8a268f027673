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
command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian system; install Qt 6 runtime libraries yourself" >&2; exit 0; }
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "system-deps: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
