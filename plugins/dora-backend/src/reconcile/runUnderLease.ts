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

import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { LeaseStore } from '../database/leases';

/** How long a lease lasts unless renewed, and how often its holder renews it. */
export type LeaseTiming = { ttlMs: number; renewEveryMs: number };

/**
 * A minute: a replica that crashed holding the lease blocks the work for at
 * most that long, and a live holder renews it three times in that minute,
 * so one slow renewal does not lose it.
 */
export const DEFAULT_LEASE_TIMING: LeaseTiming = {
  ttlMs: 60_000,
  renewEveryMs: 20_000,
};

/**
 * Runs `work` holding lease `name`, or not at all when another run (on this
 * replica or another) holds it: then answers `{ ran: false }` at once.
 * The lease is renewed while `work` runs, however long it takes, and
 * released in `finally`, whether `work` succeeded or threw.
 */
export async function runUnderLease<T>(
  deps: { leases: LeaseStore; logger: LoggerService },
  name: string,
  work: () => Promise<T>,
  timing: LeaseTiming = DEFAULT_LEASE_TIMING,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const { leases, logger } = deps;
  // Each run is its own holder, so two runs in one process exclude each
  // other as two replicas do.
  const holder = randomUUID();
  if (!(await leases.tryTake(name, holder, timing.ttlMs))) {
    return { ran: false };
  }
  const renewal = setInterval(() => {
    leases.renew(name, holder, timing.ttlMs).then(
      renewed => {
        if (!renewed) {
          logger.warn(
            `Lease ${name} expired before it was renewed; another replica may now run the same work`,
          );
        }
      },
      error => logger.warn(`Lease ${name}: renewal failed: ${String(error)}`),
    );
  }, timing.renewEveryMs);
  // A pending renewal must not keep a stopping process alive.
  renewal.unref();
  try {
    return { ran: true, result: await work() };
  } finally {
    clearInterval(renewal);
    await leases.release(name, holder).catch(error =>
      // It expires by itself within ttlMs.
      logger.warn(`Lease ${name}: release failed: ${String(error)}`),
    );
  }
}
