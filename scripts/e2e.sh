#!/usr/bin/env bash
# Browser tests of the demo app, as a newcomer would run them:
#   1. Debian's Chromium (installed with apt-get when missing)
#   2. the app started with ./scripts/start.sh (unless one already answers)
#   3. e2e-tests/ with Playwright driving that Chromium; screenshots go to
#      e2e-tests/screenshots/
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$REPO_ROOT" || exit 1
export CI="${CI:-true}"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH
mkdir -p "$REPO_ROOT/.tools/logs"

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "==> installing Debian's chromium"
  if [ "$(id -u)" -ne 0 ]; then
    echo "ERROR: $CHROMIUM_PATH is missing; install Debian's chromium (apt-get install chromium)" >&2
    exit 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core) \
    >"$REPO_ROOT/.tools/logs/apt-chromium.log" 2>&1 ||
    { echo "ERROR: apt-get install chromium failed (see .tools/logs/apt-chromium.log)" >&2; exit 1; }
fi

up() { curl -sf -o /dev/null "$1"; }
started=""
if up http://localhost:7007/api/dora/health && up http://localhost:3000; then
  echo "==> using the app already running on :3000 / :7007"
else
  echo "==> starting the app (log: .tools/logs/e2e-app.log)"
  setsid "$REPO_ROOT/scripts/start.sh" >"$REPO_ROOT/.tools/logs/e2e-app.log" 2>&1 &
  started=$!
  trap '[ -n "$started" ] && kill -TERM -- "-$started" 2>/dev/null; sleep 2; kill -KILL -- "-$started" 2>/dev/null' EXIT
  for ((i = 0; i < 600; i += 5)); do
    up http://localhost:7007/api/dora/health && up http://localhost:3000 && break
    if ! kill -0 "$started" 2>/dev/null; then
      echo "ERROR: the app stopped while starting:" >&2
      tail -n 40 "$REPO_ROOT/.tools/logs/e2e-app.log" >&2
      exit 1
    fi
    sleep 5
  done
  up http://localhost:3000 || { echo "ERROR: the app did not answer within 10 minutes" >&2; exit 1; }
fi

echo "==> playwright (chromium: $CHROMIUM_PATH)"
yarn playwright test "$@"
