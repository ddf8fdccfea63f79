#!/usr/bin/env bash
# Full check of the repository, as CI runs it (.ci/run):
#   1. yarn install --immutable (Node 22 is brought by scripts/env.sh)
#   2. PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306) are running,
#      started here if they are not, and usable by the tests
#   3. yarn tsc, API reports and publish metadata unchanged, yarn lint:all,
#      yarn test (non-watch)
# Exits non-zero if any step fails. The database tests never fall back to
# skipping: without both servers this script stops before running them.
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$REPO_ROOT" || exit 1

export CI="${CI:-true}"
DB_WAIT_SECONDS="${DB_WAIT_SECONDS:-30}"

step() { printf '\n==> %s\n' "$*"; }
fail() {
  echo "ERROR: $*" >&2
  exit 1
}

# --- 1. install ------------------------------------------------------------
step "yarn install --immutable (node $(node --version))"
install_deps || exit 1

# --- 2. databases ----------------------------------------------------------
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 -t 2 >/dev/null 2>&1; }
# `mysqladmin ping` succeeds whenever the server answers, even if access is denied.
my_up() { mysqladmin --connect-timeout=2 -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }

pg_start() {
  command -v pg_ctlcluster >/dev/null || fail "PostgreSQL is not installed (pg_ctlcluster not found)"
  local v
  v="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$v" ] || fail "PostgreSQL is not installed (/etc/postgresql is empty)"
  pg_ctlcluster --skip-systemctl-redirect "$v" main start
}
my_start() {
  [ -x /usr/sbin/mariadbd ] || fail "MariaDB is not installed (/usr/sbin/mariadbd not found)"
  # /run is a tmpfs: the socket directory may be gone after a reboot.
  if [ ! -d /run/mysqld ]; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  fi
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
}

ensure_db() { # name check-fn start-fn
  local name="$1" up="$2" start="$3" i
  if "$up"; then
    echo "  $name: running"
    return 0
  fi
  echo "  $name: not reachable, starting it"
  "$start" || echo "  $name: start command failed (exit $?); waiting anyway" >&2
  for ((i = 0; i < DB_WAIT_SECONDS; i++)); do
    if "$up"; then
      echo "  $name: started after ${i}s"
      return 0
    fi
    sleep 1
  done
  fail "$name is still unreachable after ${DB_WAIT_SECONDS}s; the database tests cannot run"
}

# TestDatabases only accepts a MySQL URL with a user AND a password, so the
# tests use their own user (root has an empty password here).
my_user() {
  local u p sql
  u="$(node -e 'const u=new URL(process.argv[1]);console.log(decodeURIComponent(u.username))' "$BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING")"
  p="$(node -e 'const u=new URL(process.argv[1]);console.log(decodeURIComponent(u.password))' "$BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING")"
  [ -n "$u" ] && [ "$u" != root ] || return 0
  # Already usable? Then leave the server alone.
  mysql --connect-timeout=5 -h 127.0.0.1 -P 3306 -u "$u" -p"$p" -e 'select 1' >/dev/null 2>&1 && return 0
  sql="CREATE USER IF NOT EXISTS '$u'@'localhost' IDENTIFIED BY '$p';
CREATE USER IF NOT EXISTS '$u'@'127.0.0.1' IDENTIFIED BY '$p';
CREATE USER IF NOT EXISTS '$u'@'%' IDENTIFIED BY '$p';
GRANT ALL PRIVILEGES ON *.* TO '$u'@'localhost';
GRANT ALL PRIVILEGES ON *.* TO '$u'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$u'@'%';"
  # As root over TCP (empty password) or, failing that, over the local socket.
  if mysql --connect-timeout=5 -h 127.0.0.1 -P 3306 -u root -e "$sql" 2>/dev/null ||
    mysql --connect-timeout=5 -u root -e "$sql"; then
    echo "  MariaDB: created test user '$u'"
  else
    fail "could not create MariaDB user '$u' as root"
  fi
}

step "databases"
ensure_db PostgreSQL pg_up pg_start
ensure_db MariaDB my_up my_start
my_user
node "$REPO_ROOT/scripts/check-databases.cjs" ||
  fail "a test database is not usable (see above); refusing to run tests that would skip it"

# --- 3. type check, lint, tests --------------------------------------------
failed=()
run() {
  step "yarn $*"
  local t=$SECONDS
  if yarn "$@"; then
    echo "--- yarn $*: OK ($((SECONDS - t))s)"
  else
    echo "--- yarn $*: FAILED ($((SECONDS - t))s)" >&2
    failed+=("yarn $*")
    return 1
  fi
}
run tsc
# Public APIs as committed in each package's report.api.md (from declarations
# it emits afresh: an incremental build can order inferred unions otherwise);
# `yarn api-reports` regenerates them.
run api-reports --ci
# Publish metadata (backstage.pluginPackages, ...) as `yarn fix --publish` writes it.
run backstage-cli repo fix --publish --check
run lint:all
mkdir -p "$REPO_ROOT/.tools/logs"
run test 2>&1 | tee "$REPO_ROOT/.tools/logs/test.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed+=("yarn test")

# Jest's summary as the plain closing line CI reads: "N passed, N failed".
summary=$(grep -E '^Tests: ' "$REPO_ROOT/.tools/logs/test.log" | tail -n 1)
passed=$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$summary")
failures=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$summary")

echo
echo "jest: ${passed:-0} passed, ${failures:-0} failed"
if [ -z "$passed" ]; then
  echo "test.sh: FAILED: no Jest summary found, so no test ran" >&2
  exit 1
fi
if [ "${#failed[@]}" -gt 0 ]; then
  echo "test.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test.sh: all steps succeeded (install, databases, tsc, API reports, publish metadata, lint:all, test)"
