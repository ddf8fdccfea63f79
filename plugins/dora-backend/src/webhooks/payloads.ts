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

/*
 * Small helpers for reading provider payloads defensively: webhook bodies
 * come from outside, so a missing or mistyped field yields "unknown", never
 * an exception.
 */

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;

export const idOf = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : str(v);

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A repository path as the annotations hold it: `owner/name`, lower case. */
export const repositoryPath = (v: unknown): string | undefined =>
  str(v)?.toLocaleLowerCase('en-US');

/** Drops keys whose value is undefined, so inputs stay minimal. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * First parents of pushed commits, from their order: a push payload lists
 * the commits it added oldest first without their parents, each on top of
 * the previous one and the first on `before`. A merge commit's branch commits
 * are put on the chain too, so they count as shipped by the deployment that
 * shipped the merge, which is what lead time wants.
 */
export function chainParents(
  shas: string[],
  before: string | undefined,
): string[][] {
  return shas.map((_, i) => {
    if (i > 0) return [shas[i - 1]];
    return before ? [before] : [];
  });
}

const ZERO_SHA = /^0+$/;

/** `before` of a push, or undefined when the branch was just created. */
export const pushBase = (before: unknown) => {
  const sha = str(before);
  return sha && !ZERO_SHA.test(sha) ? sha : undefined;
};
