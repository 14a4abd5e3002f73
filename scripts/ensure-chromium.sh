#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core; no browser is ever downloaded.
# Installs it with apt when missing (CI and fresh machines run as root).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing and this user cannot install it: run 'sudo apt-get install -y chromium'" >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
command -v chromium
