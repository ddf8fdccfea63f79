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

import { readFileSync } from 'node:fs';

export const now = () => performance.now();

/** Interpolated percentile of `values` (ms), as PERCENTILE_CONT. */
export function pct(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  return s[lo] + (s[Math.ceil(rank)] - s[lo]) * (rank - lo);
}

/** Runs `fn` `n` times one after another (after `warmup` untimed runs); the durations in ms. */
export async function timeEach(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = 3,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn(i);
    out.push(now() - t);
  }
  return out;
}

/** Runs each of `fns` in turn, `n` rounds (after `warmup`); durations per fn. */
export async function timeInTurns(
  n: number,
  fns: ((i: number) => Promise<unknown>)[],
  warmup = 3,
): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let i = -warmup; i < n; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = now();
      await fn(Math.max(i, 0));
      if (i >= 0) out[k].push(now() - t);
    }
  }
  return out;
}

/** Peak resident set of a process so far (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * Milliseconds of a fixed pure-JavaScript workload (allocating, JSON and
 * selecting, the kinds of work a report does), the best of 5 runs: how fast
 * this machine runs Node right now, independent of the code measured.
 */
export function machineProbeMs(): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const t = now();
    let seed = 1;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      id: i,
      hours: [random() * 100, random() * 10],
    }));
    const parsed: { hours: number[] }[] = JSON.parse(JSON.stringify(rows));
    const samples = Float64Array.from(parsed.flatMap(r => r.hours)).sort();
    if (!(samples[0] >= 0)) throw new Error('machine probe: wrong result');
    best = Math.min(best, now() - t);
  }
  return best;
}
