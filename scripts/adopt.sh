#!/usr/bin/env bash
# Adopts the DORA plugin into a stock Backstage app, as a newcomer would, and
# checks in a browser that it shows the metric spec's worked example:
#   1. packs every publishable package under plugins/ (scripts/pack-plugins.sh)
#   2. creates an app with @backstage/create-app 0.9.2 (Backstage 1.55) in a
#      temporary folder
#   3. applies this machine's adjustments (printed): the dependency pins of the
#      root package.json, and an age gate standing in for create-app's seed
#      lockfile, which cannot be downloaded here
#   4. runs the install steps of plugins/dora-backend/README.md and
#      plugins/dora/README.md (the blocks marked <!-- adopt:step -->), so the
#      READMEs and this test cannot drift
#   5. checks that the packages add no second copy of a @backstage package
#   6. adds the worked example's catalog entities and starts the app (SQLite,
#      create-app's default) on ADOPT_FRONTEND_PORT / ADOPT_BACKEND_PORT
#   7. pushes the worked example (e2e-tests/worked-example.sh) with the static
#      token of the README (DORA_PUSH_TOKEN)
#   8. Chromium checks the entity card and tab, the team's tab and the
#      golden-path report (e2e-tests/adopt/browser.cjs); screenshots go to
#      e2e-tests/adopt/screenshots/
# and stops the app. Prints each step's duration. Works in ADOPT_DIR (a new
# folder under /tmp by default, about 2 GB); a folder it made is removed
# after a success unless ADOPT_KEEP=1, and kept after a failure for a look.
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$REPO_ROOT" || exit 1

FRONTEND_PORT="${ADOPT_FRONTEND_PORT:-3100}"
BACKEND_PORT="${ADOPT_BACKEND_PORT:-7100}"
# A folder given as ADOPT_DIR is never removed; one made here is, after a success.
OWN_DIR=0
[ -n "${ADOPT_DIR:-}" ] || { ADOPT_DIR="$(mktemp -d /tmp/dora-adopt.XXXXXX)" && OWN_DIR=1; }
SCREENSHOTS="$REPO_ROOT/e2e-tests/adopt/screenshots"
CREATE_APP="@backstage/create-app@0.9.2"
APP="$ADOPT_DIR/app"
PACKS="$ADOPT_DIR/packs"
LOGS="$ADOPT_DIR/logs"
BACKEND_URL="http://localhost:$BACKEND_PORT"
FRONTEND_URL="http://localhost:$FRONTEND_PORT"
# A fresh random token unless one is given: the README's config reads it from
# the environment.
export DORA_PUSH_TOKEN="${DORA_PUSH_TOKEN:-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

mkdir -p "$LOGS" "$SCREENSHOTS" || exit 1
rm -f "$SCREENSHOTS"/*.png

SUMMARY=()
STEP_NAME=""
STEP_START=0
step() {
  end_step
  STEP_NAME="$1"
  STEP_START=$SECONDS
  printf '\n==> %s\n' "$STEP_NAME"
}
end_step() {
  if [ -n "$STEP_NAME" ]; then
    SUMMARY+=("$(printf '%5ss  %s' "$((SECONDS - STEP_START))" "$STEP_NAME")")
    STEP_NAME=""
  fi
}
summary() {
  end_step
  echo
  echo "Step durations:"
  printf '  %s\n' "${SUMMARY[@]}"
  echo "  total $SECONDS s (folder: $ADOPT_DIR)"
}
fail() { # message [log file]
  echo "ERROR: $1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    echo "--- relevant lines of $2:" >&2
    # Errors and warnings first; without any, the end of the log.
    if grep -qiE 'error|fail|YN0001|YN0028|YN0082' "$2"; then
      grep -iE 'error|fail|YN0001|YN0028|YN0082' "$2" | grep -v 'YN0000' | tail -n 30 | cut -c1-600 >&2
    else
      tail -n 30 "$2" | cut -c1-600 >&2
    fi
  fi
  summary
  exit 1
}

APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ]; then
    kill -TERM -- "-$APP_PID" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$APP_PID" 2>/dev/null
    APP_PID=""
  fi
}
trap stop_app EXIT

up() { curl -sf -o /dev/null "$1"; }
for url in "$FRONTEND_URL" "$BACKEND_URL"; do
  up "$url" && fail "$url already answers: stop it or choose ADOPT_FRONTEND_PORT / ADOPT_BACKEND_PORT"
done
echo "folder $ADOPT_DIR, app on $FRONTEND_URL, backend on $BACKEND_URL"

# --- 1. pack -----------------------------------------------------------------
step "build and pack the plugin packages"
./scripts/pack-plugins.sh "$PACKS" || fail "packing failed" "$REPO_ROOT/.tools/logs/pack-plugins.log"
ls "$PACKS"

# --- 2. stock app ------------------------------------------------------------
step "create a stock app with $CREATE_APP"
# BACKSTAGE_APP_NAME answers create-app's only question; --skip-install
# because the README's steps below install everything in one go.
(cd "$ADOPT_DIR" && BACKSTAGE_APP_NAME=adopter npx --yes "$CREATE_APP" --path app --skip-install) \
  >"$LOGS/create-app.log" 2>&1 || fail "create-app failed" "$LOGS/create-app.log"
grep -q 'packages: all' "$APP/app-config.yaml" ||
  fail "the stock app no longer discovers packages (app.packages: all); the README's zero-line frontend install assumes it"

# --- 3. this machine ---------------------------------------------------------
step "apply this machine's adjustments (not an adopter's)"
# create-app downloads a seed yarn.lock that holds the app at its release's
# versions; without internet it cannot, and the registry here already has
# later Backstage releases (a 1.55 backend with 1.56 plugins does not start).
# A Yarn age gate on @backstage packages at the release date plus two weeks
# stands in for the seed. The root package.json's pins replace platform
# binaries this registry lacks (README "Dependency pins").
node - "$APP" "$REPO_ROOT/package.json" "$CREATE_APP" <<'EOF' || fail "could not adjust the app"
const fs = require('fs');
const { execFileSync } = require('child_process');
const [app, ourPackageJson, createApp] = process.argv.slice(2);
const pins = Object.entries(JSON.parse(fs.readFileSync(ourPackageJson, 'utf8')).resolutions)
  .filter(([name]) => !name.startsWith('@types/'));
const pkgFile = `${app}/package.json`;
const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
pkg.resolutions = pkg.resolutions || {};
for (const [name, range] of pins) {
  pkg.resolutions[name] = range;
  console.log(`  pin ${name}@${range} (this machine's registry)`);
}
fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');

const [name, version] = [createApp.slice(0, createApp.lastIndexOf('@')), createApp.slice(createApp.lastIndexOf('@') + 1)];
const released = JSON.parse(execFileSync('npm', ['view', name, 'time', '--json'], { encoding: 'utf8' }))[version];
const cutoff = new Date(released).getTime() + 14 * 86_400_000;
const days = Math.ceil((Date.now() - cutoff) / 86_400_000);
const rcFile = `${app}/.yarnrc.yml`;
let rc = fs.readFileSync(rcFile, 'utf8');
rc = rc.replace(/^npmMinimalAgeGate:.*\n/m, '').replace(/^npmPreapprovedPackages:\n(  - .*\n)*/m, '');
// Only @backstage packages are held back (as the seed lockfile holds them):
// every unscoped package and every other scope is exempt, pins included.
rc += `npmMinimalAgeGate: ${days}d\nnpmPreapprovedPackages:\n  - '*'\n  - '@!(backstage)/*'\n`;
fs.writeFileSync(rcFile, rc);
console.log(`  npmMinimalAgeGate ${days}d: @backstage versions published before ${new Date(cutoff).toISOString().slice(0, 10)} (${name}@${version} released ${released.slice(0, 10)})`);
EOF

# --- 4. the READMEs' install steps ------------------------------------------
step "install following plugins/dora-backend/README.md and plugins/dora/README.md"
DORA_PACKS="$PACKS" node scripts/readme-steps.cjs "$APP" \
  plugins/dora-backend/README.md plugins/dora/README.md >"$LOGS/install.log" 2>&1 ||
  fail "the README's install steps failed" "$LOGS/install.log"
grep -E '^--- ' "$LOGS/install.log"

# --- 5. one copy of each @backstage package ---------------------------------
step "check that the packages share the app's @backstage packages"
node e2e-tests/adopt/check-copies.cjs "$APP/yarn.lock" || fail "the plugin packages pull their own copies"

# --- 6. start ----------------------------------------------------------------
step "start the app (yarn start)"
cp e2e-tests/adopt/entities.yaml "$APP/examples/dora.yaml"
# Ports and the worked example's entities. Config arrays replace each other,
# so the stock catalog locations are repeated with the new one.
cat >"$APP/app-config.adopt.yaml" <<EOF
app:
  baseUrl: $FRONTEND_URL
backend:
  baseUrl: $BACKEND_URL
  listen:
    port: $BACKEND_PORT
  cors:
    origin: $FRONTEND_URL
catalog:
  locations:
    - type: file
      target: ../../examples/entities.yaml
    - type: file
      target: ../../examples/template/template.yaml
      rules:
        - allow: [Template]
    - type: file
      target: ../../examples/org.yaml
      rules:
        - allow: [User, Group]
    - type: file
      target: ../../examples/dora.yaml
      rules:
        - allow: [Group, Component, Template]
EOF
# repo start resolves --config paths from each package's folder: absolute ones.
(cd "$APP" && exec setsid yarn start --config "$APP/app-config.yaml" \
  --config "$APP/app-config.local.yaml" --config "$APP/app-config.adopt.yaml") \
  >"$LOGS/app.log" 2>&1 &
APP_PID=$!
# Ready when the frontend answers and the catalog has the worked example's
# service (the read API answers 404 until then).
metrics="$BACKEND_URL/api/dora/v1/metrics?entityRef=component:default/checkout"
for ((i = 0; i < 600; i += 3)); do
  kill -0 "$APP_PID" 2>/dev/null || fail "the app stopped while starting" "$LOGS/app.log"
  up "$FRONTEND_URL" && curl -sf -o /dev/null -H "Authorization: Bearer $DORA_PUSH_TOKEN" "$metrics" && break
  sleep 3
done
up "$FRONTEND_URL" || fail "the frontend did not answer on $FRONTEND_URL within 10 minutes" "$LOGS/app.log"
curl -sf -o /dev/null -H "Authorization: Bearer $DORA_PUSH_TOKEN" "$metrics" ||
  fail "the DORA API does not see component:default/checkout within 10 minutes" "$LOGS/app.log"
if grep -q 'startup failed' "$LOGS/app.log"; then
  fail "a backend plugin failed to start" "$LOGS/app.log"
fi

# --- 7. push -------------------------------------------------------------------
step "push the worked example (e2e-tests/worked-example.sh)"
DORA_BASE_URL="$BACKEND_URL/api/dora" DORA_TOKEN="$DORA_PUSH_TOKEN" \
  bash e2e-tests/worked-example.sh >"$LOGS/push.log" 2>&1 ||
  fail "pushing or reading the worked example failed" "$LOGS/push.log"
grep -vE '^\s*[{}"]|^\s*\]' "$LOGS/push.log"

# --- 8. browser ------------------------------------------------------------------
step "check the views in Chromium"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "  $CHROMIUM_PATH is missing: installing Debian's chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core) \
    >"$LOGS/apt-chromium.log" 2>&1 || fail "apt-get install chromium failed" "$LOGS/apt-chromium.log"
fi
node e2e-tests/adopt/browser.cjs "$FRONTEND_URL" "$SCREENSHOTS" ||
  fail "the views do not show the worked example (screenshots: $SCREENSHOTS)" "$LOGS/app.log"

step "stop the app"
stop_app
summary
echo "OK: a stock $CREATE_APP app shows the worked example with the DORA plugin"
if [ "$OWN_DIR" = 1 ] && [ "${ADOPT_KEEP:-0}" != 1 ]; then
  rm -rf "$ADOPT_DIR" && echo "removed $ADOPT_DIR (ADOPT_KEEP=1 keeps it)"
fi
