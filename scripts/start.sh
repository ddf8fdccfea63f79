#!/usr/bin/env bash
# Installs dependencies (Node 22 is brought by scripts/env.sh) and starts the
# demo Backstage app with the DORA plugin:
#   app      http://localhost:3000
#   backend  http://localhost:7007
# Stop with Ctrl-C. Extra arguments go to `backstage-cli repo start`.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

echo "Installing dependencies (node $(node --version)) ..."
install_deps

echo "Starting Backstage: app http://localhost:3000, backend http://localhost:7007 (Ctrl-C to stop)"
exec yarn start "$@"
