/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { Rng } from '@dora-metrics/plugin-dora-backend-module-demo';
import { Observations } from '../../ingest/observations';
import { noObservations } from '../../ingest/observations';

const MINUTE = 60_000;
const ROUND_START = Date.parse('2026-03-01T00:00:00Z');

const at = (ms: number) => new Date(ms).toISOString();

/** One webhook delivery: a single observation, as providers send them. */
const delivery = (fill: (o: Observations) => void): Observations => {
  const o = noObservations();
  fill(o);
  return o;
};

/**
 * The deliveries of one round: several provider events for each of a few
 * keys (deployments, incidents, pull requests and their merge commits), each
 * a delivery of its own, so that every key is merged many times and two
 * replicas applying them at once merge the same keys at the same moment.
 * Times are random but each key's events tell one consistent story, so the
 * merged result does not depend on the order they are applied in.
 */
export function conflictingDeliveries(round: number, rng: Rng) {
  const start = ROUND_START + round * 60 * MINUTE;
  const later = (from: number) => from + Math.floor(rng() * 20 * MINUTE) + 1;
  const out: Observations[] = [];

  for (let n = 0; n < 3; n++) {
    const id = `r${round}-d${n}`;
    const sha = `sha-r${round}-d${n}`;
    const t0 = later(start);
    const t1 = later(t0);
    const t2 = later(t1);
    // Providers repeat a deployment's own fields (start, sha) in each state.
    const base = {
      source: 'github',
      id,
      repository: 'acme/checkout',
      environment: 'production',
      sha,
      startedAt: at(t0),
    };
    out.push(
      delivery(o =>
        o.deployments.push({
          observedAt: at(t0),
          deployment: { ...base, status: 'running' },
        }),
      ),
      delivery(o =>
        o.deployments.push({
          observedAt: at(t1),
          deployment: {
            ...base,
            status: 'failure',
            url: `https://ci.example/${id}/1`,
          },
        }),
      ),
      delivery(o =>
        o.deployments.push({
          observedAt: at(t2),
          deployment: {
            ...base,
            status: 'success',
            url: `https://ci.example/${id}/2`,
          },
        }),
      ),
    );
  }

  for (let n = 0; n < 2; n++) {
    const base = {
      source: 'pagerduty',
      id: `r${round}-i${n}`,
      service: 'PCHK001',
    };
    const t0 = later(start);
    const t1 = later(t0);
    const t2 = later(t1);
    out.push(
      delivery(o =>
        o.incidents.push({
          observedAt: at(t0),
          incident: { ...base, title: 'checkout down', startedAt: at(t0) },
        }),
      ),
      delivery(o =>
        o.incidents.push({
          observedAt: at(t1),
          incident: {
            ...base,
            title: 'checkout down',
            severity: 'P2',
            startedAt: at(t0),
          },
        }),
      ),
      delivery(o =>
        o.incidents.push({
          observedAt: at(t2),
          incident: {
            ...base,
            title: 'resolved',
            startedAt: at(t0),
            resolvedAt: at(t2),
          },
        }),
      ),
    );
    // The second incident is reopened, then resolved again: the first
    // resolve, merged after the reopen, must not close it.
    if (n === 1) {
      const t3 = later(t2);
      const t4 = later(t3);
      out.push(
        delivery(o =>
          o.incidents.push({
            observedAt: at(t3),
            reopened: true,
            incident: { ...base, title: 'reopened', startedAt: at(t0) },
          }),
        ),
        delivery(o =>
          o.incidents.push({
            observedAt: at(t4),
            incident: {
              ...base,
              title: 'resolved again',
              startedAt: at(t0),
              resolvedAt: at(t4),
            },
          }),
        ),
      );
    }
  }

  for (let n = 0; n < 2; n++) {
    const number = round * 10 + n + 1;
    const pr = { source: 'github', repository: 'acme/checkout', number };
    const mergeSha = `merge-r${round}-p${n}`;
    const created = later(start);
    const reviewed = later(created);
    const merged = later(reviewed);
    out.push(
      delivery(o => o.pullRequests.push({ ...pr, createdAt: at(created) })),
      delivery(o =>
        o.pullRequests.push({
          ...pr,
          createdAt: at(created),
          reviewedAt: at(reviewed),
        }),
      ),
      delivery(o =>
        o.pullRequests.push({
          ...pr,
          createdAt: at(created),
          mergedAt: at(merged),
          mergeSha,
        }),
      ),
      // The push of the merge commit, which carries the commit's own fields.
      delivery(o =>
        o.changes.push({
          source: 'github',
          repository: 'acme/checkout',
          sha: mergeSha,
          committedAt: at(merged),
          authoredAt: at(created),
          parents: [`parent-r${round}-p${n}`],
        }),
      ),
    );
  }
  return out;
}

/** Fisher-Yates with the given generator. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
