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

// Compared without case, so that `GitHub` cannot pass for a new source.
const key = (source: string) => source.trim().toLocaleLowerCase('en-US');

/**
 * Which sources a push-API caller may write. The plugin's own writers
 * (webhooks, backfill, modules' backfill sources) own their sources: a push
 * token writing `github:<id>` would overwrite or forge what the signed
 * webhook reported. So those sources are refused on the push API unless
 * `dora.ingest.principals` grants them to the caller's subject; a subject
 * listed there may write only its listed sources.
 */
export class SourceWritePolicy {
  private readonly reserved: ReadonlySet<string>;
  private readonly grants: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(options: {
    /** Sources the plugin's webhooks, backfill and modules write. */
    reservedSources: Iterable<string>;
    /** `dora.ingest.principals`: a subject and the sources it may write. */
    principals: readonly { subject: string; sources: readonly string[] }[];
  }) {
    this.reserved = new Set([...options.reservedSources].map(key));
    this.grants = new Map(
      options.principals.map(p => [p.subject, new Set(p.sources.map(key))]),
    );
  }

  /** Why `subject` may not write `source` (an item's reason), or null. */
  refusal(subject: string, source: string): string | null {
    const granted = this.grants.get(subject);
    if (granted) {
      if (granted.has(key(source))) return null;
      return `source: '${source}' is not among the sources dora.ingest.principals grants to this caller`;
    }
    if (this.reserved.has(key(source))) {
      return `source: '${source}' is written by the plugin's webhooks and backfill; grant it to this caller in dora.ingest.principals to push it`;
    }
    return null;
  }
}

/** The sources the built-in webhooks and backfill write. */
export const BUILT_IN_SOURCES = ['github', 'gitlab', 'pagerduty'];
