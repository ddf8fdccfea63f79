#!/usr/bin/env bash
# Pushes the worked example of docs/metrics.md into a running backend
# (./scripts/start.sh) with the local-development token, reads the metrics
# back and fails unless they are the spec's figures.
set -euo pipefail
BASE="${DORA_BASE_URL:-http://localhost:7007/api/dora}"
TOKEN="${DORA_TOKEN:-dora-local-dev-token}"
ENTITY=component:default/checkout

post() {
  curl -sfS -X POST "$BASE/v1/$1" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$2"
  echo
}

deployment() { # id finishedAt sha commits [extra]
  printf '{"source":"github-actions","id":"%s","entityRef":"%s","environment":"production","status":"success","finishedAt":"%s","sha":"%s","commits":[%s]%s}' \
    "$1" "$ENTITY" "$2" "$3" "$4" "${5:-}"
}
commit() { printf '{"sha":"%s","committedAt":"%s"}' "$1" "$2"; }

post deployments "{\"deployments\":[
$(deployment d0 2026-02-27T10:00:00Z a0 ''),
$(deployment d1 2026-03-02T12:00:00Z a1 "$(commit c1 2026-03-02T08:00:00Z),$(commit c2 2026-03-01T12:00:00Z)"),
$(deployment d2 2026-03-03T09:00:00Z a2 "$(commit c3 2026-03-03T08:30:00Z)"),
$(deployment d3 2026-03-05T16:00:00Z a3 "$(commit c4 2026-03-04T16:00:00Z),$(commit c5 2026-03-05T17:00:00Z)"),
$(deployment d4 2026-03-05T18:00:00Z a4 '' ',"kind":"rollback","rollbackOf":"d3"')]}"
post incidents "{\"incidents\":[{\"source\":\"incident-bot\",\"id\":\"i1\",\"entityRef\":\"$ENTITY\",\"startedAt\":\"2026-03-03T10:00:00Z\",\"resolvedAt\":\"2026-03-03T12:30:00Z\"}]}"

curl -sfS -H "Authorization: Bearer $TOKEN" \
  "$BASE/v1/metrics?entityRef=$ENTITY&from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z" |
  node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const f = m.deploymentFrequency, l = m.leadTime, c = m.changeFailureRate, r = m.recoveryTime, w = m.reworkRate;
    console.log(`deploymentFrequency count ${f.count}, deploymentDays ${f.deploymentDays}, band ${f.band}`);
    console.log(`leadTime median ${l.medianHours} h, p90 ${l.p90Hours} h, band ${l.band}`);
    console.log(`changeFailureRate ${c.failed}/${c.total} = ${c.rate}, band ${c.band}`);
    console.log(`recoveryTime median ${r.medianHours} h, band ${r.band}; time to restore ${r.timeToRestoreMedianHours} h`);
    console.log(`reworkRate ${w.unplanned}/${w.total} = ${w.rate}`);
    const ok = f.count === 4 && f.deploymentDays === 3 && f.medianDeploymentDaysPerWeek === 3 && f.band === "high" &&
      l.medianHours === 14 && l.band === "elite" && c.failed === 2 && c.total === 4 && c.band === "low" &&
      r.medianHours === 2.75 && r.band === "high" && r.timeToRestoreMedianHours === 2.5 && w.rate === 0.25 &&
      m.dataQuality.clockSkewedChanges === 1;
    if (!ok) { console.error("FAILED: not the figures of the worked example"); process.exit(1); }
    console.log("OK: the worked example reproduces");'
