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

import { Knex } from 'knex';

/** Every attribution with the key of its event, not the event's database id. */
export function attributionRows(knex: Knex) {
  return knex('dora_attributions as a')
    .leftJoin('dora_deployments as d', function on() {
      this.on('d.id', 'a.event_id').andOnVal('a.event_type', 'deployment');
    })
    .leftJoin('dora_incidents as i', function on() {
      this.on('i.id', 'a.event_id').andOnVal('a.event_type', 'incident');
    })
    .select('a.event_type', 'a.entity_ref', 'a.owner_chain')
    .select({
      key: knex.raw('coalesce(??, ??)', ['d.event_key', 'i.event_key']),
    });
}

/** Each table's rows by key, without database ids and arrival times. */
export async function rowsByKey(knex: Knex) {
  const table = async (name: string, key: (r: any) => string) => {
    const rows = await knex(name).select();
    const byKey = new Map<string, string[]>();
    for (const { id: _id, received_at: _r, updated_at: _u, ...rest } of rows) {
      const k = `${name} ${key(rest)}`;
      byKey.set(k, [...(byKey.get(k) ?? []), JSON.stringify(rest)]);
    }
    return [...byKey];
  };
  const attributions = await attributionRows(knex);
  const attributed = new Map<string, string[]>();
  for (const a of attributions) {
    const k = `attribution ${a.key} ${a.entity_ref}`;
    attributed.set(k, [...(attributed.get(k) ?? []), JSON.stringify(a)]);
  }
  return new Map([
    ...(await table('dora_deployments', r => r.event_key)),
    ...(await table('dora_incidents', r => r.event_key)),
    ...(await table('dora_changes', r => `${r.repository} ${r.sha}`)),
    ...(await table(
      'dora_pull_requests',
      r => `${r.source} ${r.repository} ${r.number}`,
    )),
    ...attributed,
  ]);
}

/**
 * What a store built by replicas (`actual`) lost or doubled against one a
 * single backend built from the same input (`expected`): a key missing or
 * with other content is lost (an update overwritten), a key with more rows,
 * or one the single backend does not have, is doubled.
 */
export function compareStoredKeys(
  expected: Map<string, string[]>,
  actual: Map<string, string[]>,
) {
  const differing = [...expected]
    .filter(
      ([k, rows]) =>
        actual.has(k) && JSON.stringify(actual.get(k)) !== JSON.stringify(rows),
    )
    .map(([k, rows]) => ({ key: k, expected: rows, actual: actual.get(k)! }));
  const lost =
    [...expected.keys()].filter(k => !actual.has(k)).length +
    differing.filter(d => d.actual.length <= 1).length;
  const doubled =
    [...actual.keys()].filter(k => !expected.has(k)).length +
    [...actual.values()].filter(rows => rows.length > 1).length;
  return { expected, actual, differing, lost, doubled };
}
