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

import { BackendProcess, call, HttpAnswer, sleep } from './backendProcess';

const T0 = Date.parse('2026-01-05T00:00:00Z');
const ENTITIES = [
  'component:default/checkout',
  'component:default/billing',
  'component:default/ledger',
];

/** `n` successful production deployments, ids `${tag}-0...`, each listing three commits. */
export function deploymentBatch(tag: string, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const finishedAt = T0 + (i * 7 + tag.length) * 60_000;
    return {
      source: 'reliability',
      id: `${tag}-${i}`,
      entityRef: ENTITIES[i % ENTITIES.length],
      environment: 'production',
      status: 'success',
      finishedAt: new Date(finishedAt).toISOString(),
      sha: `${tag}-sha-${i}`,
      commits: [1, 2, 3].map(c => ({
        sha: `${tag}-c${c}-${i}`,
        committedAt: new Date(finishedAt - c * 3_600_000).toISOString(),
      })),
      url: `https://ci.example.com/${tag}/${i}`,
    };
  });
}

/**
 * Pushes like a well-behaved client: on a dropped connection or a 503 it
 * waits and sends the same batch again, until a 200 or `attempts` run out.
 */
export async function pushUntilAccepted(
  backend: () => BackendProcess,
  kind: string,
  items: unknown[],
  attempts = 40,
): Promise<{ final: HttpAnswer; statuses: number[] }> {
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i++) {
    const answer = await call(backend().url, 'POST', `/v1/${kind}`, {
      [kind]: items,
    });
    statuses.push(answer.status);
    if (answer.status === 200) return { final: answer, statuses };
    if (answer.status !== 0 && answer.status !== 503) {
      throw new Error(
        `push answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
    await sleep(500);
  }
  throw new Error(
    `push not accepted after ${attempts} attempts: ${statuses.join(',')}`,
  );
}

/** Polls `condition` every 20 ms until true or `timeoutMs`. */
export async function waitFor(
  condition: () => Promise<boolean>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(20);
  }
  return false;
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`check failed: ${message}`);
}
