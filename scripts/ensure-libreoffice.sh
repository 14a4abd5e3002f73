#!/usr/bin/env bash
# Report tests check that generated Word and Excel files open cleanly in LibreOffice by converting
# them headless. Installs Debian's LibreOffice (without GUI) when missing.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "LibreOffice is missing and this user cannot install it: run 'sudo apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui'" >&2
  exit 1
fi
echo "Installing Debian's LibreOffice (no GUI) for the report tests…"
export DEBIAN_FRONTEND=noninteractive
[ -n "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ] || apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
command -v soffice
