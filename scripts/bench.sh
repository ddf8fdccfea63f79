#!/usr/bin/env bash
# `yarn bench [--size small|large] [--seed N] [--db pg,sqlite]`:
#   1. the frontend bundle size (scripts/bundle-size.cjs);
#   2. the DORA backend performance benchmark (plugins/dora-backend/dev/bench):
#      a generated organisation loaded through the push API into a real
#      backend on a private PostgreSQL (and SQLite for small), one table of
#      figures against their references and goals. Default size: small.
# Exits non-zero if a number differs from the straightforward algorithm or a
# figure misses its goal by more than 2x.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
if ! command -v yarn >/dev/null 2>&1 || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 22 ? 0 : 1)' 2>/dev/null; then
  . "$ROOT/scripts/env.sh"
fi
args=("$@")
[[ " ${args[*]-} " == *" --size "* ]] || args=(--size small "${args[@]}")

printf '==> bundle size\n'
# The package build packs the declarations that `yarn tsc` writes.
yarn tsc
node scripts/bundle-size.cjs

printf '\n==> backend performance (%s)\n' "${args[*]}"
cd plugins/dora-backend
LOG_LEVEL="${LOG_LEVEL:-warn}" node --require @backstage/cli-node/config/nodeTransform.cjs dev/bench/run.ts "${args[@]}"
