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

/**
 * Errors a transaction can hit only because another one ran at the same
 * time: two replicas inserting the same new key (the loser sees a unique
 * violation once the winner commits), deadlocks and serialization failures.
 * Re-running the whole transaction is correct for all of them: it starts
 * over and sees the winner's rows, so a repeat becomes a duplicate.
 */
const CONFLICT_CODES = new Set([
  '23505', // PostgreSQL unique_violation
  '40001', // PostgreSQL serialization_failure
  '40P01', // PostgreSQL deadlock_detected
  'ER_DUP_ENTRY', // MySQL
  'ER_LOCK_DEADLOCK', // MySQL
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_BUSY',
  // WAL mode: another connection committed since this transaction's read.
  'SQLITE_BUSY_SNAPSHOT',
]);

export function isConcurrencyConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CONFLICT_CODES.has(code);
}

const ATTEMPTS = 5;

/** Runs `transaction` again (with a short random pause) when it lost a race. */
export async function retryOnConflict<T>(
  transaction: () => Promise<T>,
  attempts: number = ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isConcurrencyConflict(error)) throw error;
      // Jitter, so that two replicas that collided do not collide again.
      await new Promise(r => setTimeout(r, Math.random() * 50 * attempt));
    }
  }
}
