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

import { DeploymentFact } from '../types';

/**
 * What identifies a deployment across the entities it is attributed to (the
 * entities of a monorepo): its key (`source:id`) in derived facts, its
 * database id as the store reads facts back. Pools count it once by this.
 */
export type DeploymentIdentity = string | number;

/**
 * A counted deployment as reports read it: without the commits it shipped,
 * which no report figure reads.
 */
export type PooledDeployment = Omit<
  DeploymentFact,
  'commits' | 'deploymentKey'
> & { deploymentKey: DeploymentIdentity };

export type StageName = keyof DeploymentFact['stages'];
export const STAGE_NAMES: readonly StageName[] = [
  'coding',
  'pickup',
  'review',
  'deploy',
];

/**
 * Samples of a run of deployments, end to end: deployment i's are
 * `values[ends[i - 1] .. ends[i])` (from 0 for the first).
 */
export type SampleColumn = { ends: Uint32Array; values: Float64Array };

export const FAILED = 1;
export const UNPLANNED = 2;
export const COMMITS_UNKNOWN = 4;

/**
 * The counted deployments of one entity, one typed array per field, sorted
 * by finish time. Reports pool hundreds of thousands of deployments: in
 * columns they cost a few dozen bytes each instead of several objects, and a
 * window is a contiguous range found by binary search, its samples a slice.
 */
export type DeploymentColumns = {
  entityRef: string;
  length: number;
  /** Each deployment's identity, to count it once in a pool. */
  keys: readonly DeploymentIdentity[];
  finishedAt: Float64Array;
  /** `FAILED | UNPLANNED | COMMITS_UNKNOWN` bits. */
  flags: Uint8Array;
  clockSkewed: Uint32Array;
  automatedExcluded: Uint32Array;
  leadTimes: SampleColumn;
  stages: Record<StageName, SampleColumn>;
};

/** Index of the first deployment finished at or after `ms` in `[lo, hi)`. */
export function firstAtOrAfter(
  finishedAt: Float64Array,
  ms: number,
  lo = 0,
  hi = finishedAt.length,
): number {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (finishedAt[mid] < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where deployment `i`'s samples start in `column.values`. */
export const samplesStart = (column: { ends: ArrayLike<number> }, i: number) =>
  i === 0 ? 0 : column.ends[i - 1];

/** The deployments `[lo, hi)` of one entity's columns. */
export type Run = { columns: DeploymentColumns; lo: number; hi: number };

/** The non-empty runs of deployments finished in `[from, to)`. */
export function runsIn(runs: readonly Run[], from: number, to: number): Run[] {
  const found: Run[] = [];
  for (const { columns, lo, hi } of runs) {
    const start = firstAtOrAfter(columns.finishedAt, from, lo, hi);
    const end = firstAtOrAfter(columns.finishedAt, to, start, hi);
    if (end > start) found.push({ columns, lo: start, hi: end });
  }
  return found;
}

export const countOf = (runs: readonly Run[]) =>
  runs.reduce((sum, r) => sum + r.hi - r.lo, 0);

export function countFlag(runs: readonly Run[], flag: number) {
  let count = 0;
  for (const { columns, lo, hi } of runs)
    for (let i = lo; i < hi; i++) if (columns.flags[i] & flag) count++;
  return count;
}

/**
 * Where one computation gathers samples. Gathered samples are selected over
 * and dropped at once, hundreds of thousands for a large pool: one buffer,
 * grown as needed, serves every gather of the computation.
 */
export class SampleBuffer {
  private buffer = new Float64Array(256);

  /**
   * The samples of every run, copied end to end. The array is a view of this
   * buffer that the next gather overwrites: use it before gathering again.
   */
  gather(
    runs: readonly Run[],
    column: (c: DeploymentColumns) => SampleColumn,
  ): Float64Array {
    let length = 0;
    for (const r of runs) {
      const c = column(r.columns);
      length += c.ends[r.hi - 1] - samplesStart(c, r.lo);
    }
    if (this.buffer.length < length)
      this.buffer = new Float64Array(Math.max(length, 2 * this.buffer.length));
    const all = this.buffer;
    let at = 0;
    for (const r of runs) {
      const c = column(r.columns);
      const end = c.ends[r.hi - 1];
      for (let k = samplesStart(c, r.lo); k < end; k++) all[at++] = c.values[k];
    }
    return all.subarray(0, length);
  }
}

class SampleBuilder {
  readonly ends: number[] = [];
  readonly values: number[] = [];
  add(samples: readonly number[]) {
    // Indexed: for-of over the frozen shared empty arrays is far slower.
    for (let i = 0; i < samples.length; i++) this.values.push(samples[i]);
    this.ends.push(this.values.length);
  }
  build(order: readonly number[] | null): SampleColumn {
    if (!order) {
      return {
        ends: new Uint32Array(this.ends),
        values: new Float64Array(this.values),
      };
    }
    const ends = new Uint32Array(order.length);
    const values = new Float64Array(this.values.length);
    let at = 0;
    order.forEach((from, i) => {
      for (let k = samplesStart(this, from); k < this.ends[from]; k++)
        values[at++] = this.values[k];
      ends[i] = at;
    });
    return { ends, values };
  }
}

/** Collects one entity's deployments in any order, then builds its columns. */
export class DeploymentColumnsBuilder {
  private readonly keys: DeploymentIdentity[] = [];
  private readonly finishedAt: number[] = [];
  private readonly flags: number[] = [];
  private readonly clockSkewed: number[] = [];
  private readonly automatedExcluded: number[] = [];
  private readonly leadTimes = new SampleBuilder();
  private readonly stages = {
    coding: new SampleBuilder(),
    pickup: new SampleBuilder(),
    review: new SampleBuilder(),
    deploy: new SampleBuilder(),
  };
  private sorted = true;

  constructor(readonly entityRef: string) {}

  add(d: Omit<PooledDeployment, 'entityRef'>) {
    const last = this.finishedAt[this.finishedAt.length - 1];
    if (last > d.finishedAt) this.sorted = false;
    this.keys.push(d.deploymentKey);
    this.finishedAt.push(d.finishedAt);
    this.flags.push(
      (d.failed ? FAILED : 0) |
        (d.unplanned ? UNPLANNED : 0) |
        (d.commitsUnknown ? COMMITS_UNKNOWN : 0),
    );
    this.clockSkewed.push(d.clockSkewed);
    this.automatedExcluded.push(d.automatedExcluded);
    this.leadTimes.add(d.leadTimes);
    for (const stage of STAGE_NAMES) this.stages[stage].add(d.stages[stage]);
  }

  build(): DeploymentColumns {
    // A stable sort: deployments finished at the same instant keep their order.
    const order = this.sorted
      ? null
      : this.finishedAt
          .map((_, i) => i)
          .sort((a, b) => this.finishedAt[a] - this.finishedAt[b]);
    const column = <T>(values: number[], Type: new (v: number[]) => T) =>
      new Type(order ? order.map(i => values[i]) : values);
    return {
      entityRef: this.entityRef,
      length: this.finishedAt.length,
      keys: order ? order.map(i => this.keys[i]) : this.keys,
      finishedAt: column(this.finishedAt, Float64Array),
      flags: column(this.flags, Uint8Array),
      clockSkewed: column(this.clockSkewed, Uint32Array),
      automatedExcluded: column(this.automatedExcluded, Uint32Array),
      leadTimes: this.leadTimes.build(order),
      stages: {
        coding: this.stages.coding.build(order),
        pickup: this.stages.pickup.build(order),
        review: this.stages.review.build(order),
        deploy: this.stages.deploy.build(order),
      },
    };
  }
}

/** Deployments of any entities, added in any order, in columns per entity. */
export class ColumnsByEntity {
  private readonly builders = new Map<string, DeploymentColumnsBuilder>();

  add(entityRef: string, deployment: Omit<PooledDeployment, 'entityRef'>) {
    let builder = this.builders.get(entityRef);
    if (!builder) {
      builder = new DeploymentColumnsBuilder(entityRef);
      this.builders.set(entityRef, builder);
    }
    builder.add(deployment);
  }

  /** One columns per entity, in the order entities were first seen. */
  build(): DeploymentColumns[] {
    return [...this.builders.values()].map(b => b.build());
  }
}

/** Bytes the typed arrays of `columns` hold. */
export function bytesOf(columns: DeploymentColumns): number {
  const ofSamples = (s: SampleColumn) =>
    s.ends.byteLength + s.values.byteLength;
  return (
    // One pointer per key: database ids are small integers, held inline.
    8 * columns.keys.length +
    columns.finishedAt.byteLength +
    columns.flags.byteLength +
    columns.clockSkewed.byteLength +
    columns.automatedExcluded.byteLength +
    ofSamples(columns.leadTimes) +
    STAGE_NAMES.reduce((sum, s) => sum + ofSamples(columns.stages[s]), 0)
  );
}

function selectSamples(
  column: SampleColumn,
  rows: readonly number[],
): SampleColumn {
  let length = 0;
  for (const r of rows) length += column.ends[r] - samplesStart(column, r);
  const ends = new Uint32Array(rows.length);
  const values = new Float64Array(length);
  let at = 0;
  rows.forEach((r, i) => {
    for (let k = samplesStart(column, r); k < column.ends[r]; k++)
      values[at++] = column.values[k];
    ends[i] = at;
  });
  return { ends, values };
}

/**
 * A copy of the deployments `rows` (ascending) of `columns`, with `flags`
 * (one per row of `columns`) in place of theirs. Columns may be shared (the
 * report cache holds them), so they are never changed in place.
 */
export function selectRows(
  columns: DeploymentColumns,
  rows: readonly number[],
  flags: ArrayLike<number>,
): DeploymentColumns {
  return {
    entityRef: columns.entityRef,
    length: rows.length,
    keys: rows.map(r => columns.keys[r]),
    finishedAt: Float64Array.from(rows, r => columns.finishedAt[r]),
    flags: Uint8Array.from(rows, r => flags[r]),
    clockSkewed: Uint32Array.from(rows, r => columns.clockSkewed[r]),
    automatedExcluded: Uint32Array.from(
      rows,
      r => columns.automatedExcluded[r],
    ),
    leadTimes: selectSamples(columns.leadTimes, rows),
    stages: {
      coding: selectSamples(columns.stages.coding, rows),
      pickup: selectSamples(columns.stages.pickup, rows),
      review: selectSamples(columns.stages.review, rows),
      deploy: selectSamples(columns.stages.deploy, rows),
    },
  };
}
