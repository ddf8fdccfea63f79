#!/usr/bin/env bash
# `yarn test:reliability`: the DORA backend's fault, fuzz and security tests.
#   1. the Jest suites under plugins/dora-backend/src/reliability (also part
#      of `yarn test`): idempotency and order (fast-check), push semantics,
#      10,000 bad payloads, auth and permissions, secrets and body limits,
#      SQL bindings, migrations and parity on SQLite, PostgreSQL and MySQL,
#      webhook merges of two replicas on one database, plus the
#      database-unavailable (503) mapping;
#   2. the process-level tests (dev/reliability/run.ts): a private PostgreSQL
#      (initdb in a temp dir, its own port), real backend processes, SIGKILL
#      mid-batch, PostgreSQL crashed mid-ingest, two replicas on one database
#      (pushes, and conflicting signed webhook deliveries split between them).
# Each part prints its figures; a summary follows. Exits non-zero on failure.
# Needs the shared test databases of scripts/test.sh (for step 1) and the
# PostgreSQL 15 binaries (for step 2; run as root or as `postgres`).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT" || exit 1

# Node 22 and yarn from scripts/env.sh, unless the caller already has them.
if ! command -v yarn >/dev/null 2>&1 || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 22 ? 0 : 1)' 2>/dev/null; then
  . "$ROOT/scripts/env.sh" || exit 1
fi

export CI="${CI:-true}"
export BACKSTAGE_TEST_DISABLE_DOCKER="${BACKSTAGE_TEST_DISABLE_DOCKER:-1}"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
export BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING:-mysql://backstage_test:backstage_test@127.0.0.1:3306/backstage_test}"
DORA_RELIABILITY_REPORT="$(mktemp)"
export DORA_RELIABILITY_REPORT
trap 'rm -f "$DORA_RELIABILITY_REPORT"' EXIT

failed=()
cd "$ROOT/plugins/dora-backend" || exit 1

printf '\n==> Jest reliability suites\n'
yarn backstage-cli package test --watchAll=false src/reliability src/service/databaseErrors ||
  failed+=("jest reliability suites")

printf '\n==> process-level tests (private PostgreSQL, real backend processes)\n'
node --require @backstage/cli-node/config/nodeTransform.cjs dev/reliability/run.ts ||
  failed+=("process-level tests")

printf '\n==> reliability figures\n'
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean);
  for (const line of lines) {
    const { part, ...figures } = JSON.parse(line);
    console.log(`  ${part}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  }
' "$DORA_RELIABILITY_REPORT"

if [ "${#failed[@]}" -gt 0 ]; then
  echo "test:reliability: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test:reliability: all parts passed"
