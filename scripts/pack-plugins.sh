#!/usr/bin/env bash
# Builds and packs every publishable package under plugins/ (each one whose
# package.json is not "private") into OUT_DIR, as the registry would receive
# it: `yarn pack` runs the package's prepack (`backstage-cli package prepack`),
# which points main/types/exports at dist/, so dist/ must be built first.
#
# usage: scripts/pack-plugins.sh OUT_DIR
#   OUT_DIR/<scope>-<name>.tgz, e.g. dora-metrics-plugin-dora-backend.tgz
#   (the name npm gives a scoped package's tarball, without the version, so
#   install steps can name the files).
# Packages that merge later (plugin-dora-node, a demo module) are picked up
# without a change here.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/env.sh" || exit 1
cd "$REPO_ROOT"

OUT="${1:?usage: scripts/pack-plugins.sh OUT_DIR}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd -P)"
LOG="$REPO_ROOT/.tools/logs/pack-plugins.log"
: >"$LOG"

# "dir name" of each publishable plugin package, one a line.
mapfile -t PACKAGES < <(node -e '
  const fs = require("fs");
  for (const dir of fs.readdirSync("plugins").sort()) {
    const file = `plugins/${dir}/package.json`;
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!pkg.private) console.log(`plugins/${dir} ${pkg.name}`);
  }')
[ "${#PACKAGES[@]}" -gt 0 ] || { echo "ERROR: no publishable package under plugins/" >&2; exit 1; }

run() { # description command...
  local t=$SECONDS
  if ! "${@:2}" >>"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    echo "ERROR: $1 failed (log: $LOG)" >&2
    exit 1
  fi
  echo "  $1 ($((SECONDS - t))s)"
}

# Type declarations: package build bundles them from dist-types/, which tsc emits.
run "yarn tsc" yarn tsc
for entry in "${PACKAGES[@]}"; do
  dir="${entry%% *}"
  name="${entry#* }"
  run "build $name" bash -c "cd '$dir' && yarn backstage-cli package build"
  file="$(echo "${name#@}" | tr / -).tgz"
  run "pack $name -> $OUT/$file" yarn workspace "$name" pack --out "$OUT/$file"
done
