#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the real-browser tests, PostgreSQL's
# server for the shared-catalogue tests (started by the tests themselves, as user postgres).
# Idempotent; uses the distribution's packages, never a browser downloaded by a test tool.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig fonts-dejavu-core)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: already present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup_system.sh: need root (or sudo) to install: ${need[*]}" >&2
    echo "Install them yourself, or run the browser-free suite with: .venv/bin/pytest -m 'not browser'" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
