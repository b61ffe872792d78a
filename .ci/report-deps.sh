#!/usr/bin/env bash
# Chromium for the report's browser test (tests/report/test_browser.py). Idempotent: does nothing when present.
# The test drives Debian's /usr/bin/chromium through Playwright; `playwright install` is never needed.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
