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

/** A source of uniform numbers in [0, 1). @public */
export type Rng = () => number;

/**
 * mulberry32: a tiny seeded generator. Demo data must be reproducible from a
 * seed, which `Math.random` cannot give; it is not meant for anything secret.
 *
 * @public
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a. Seeding each service from its own name keeps its history the same
 * when other services are added or reordered.
 *
 * @public
 */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function between(rng: Rng, range: readonly [number, number]): number {
  return range[0] + (range[1] - range[0]) * rng();
}

/** An integer from `min` to `max`, both included. @public */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

/** One of `items`, each as likely. @public */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** A git-like 40 hex digit sha. */
export function hexSha(rng: Rng): string {
  let sha = '';
  for (let i = 0; i < 5; i++) {
    sha += Math.floor(rng() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  }
  return sha;
}
