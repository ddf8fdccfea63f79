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

import { DEFAULT_AUTOMATED_AUTHORS } from '../config';

/**
 * Tells whether an author login is a bot's, by `dora.automatedAuthors`.
 * Called at ingestion; only the answer is kept, never the login.
 */
export type IsAutomatedAuthor = (login: string | undefined) => boolean;

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** `*` matches any characters; case-insensitive, like provider logins. */
export function automatedAuthorMatcher(
  patterns: readonly string[] = DEFAULT_AUTOMATED_AUTHORS,
): IsAutomatedAuthor {
  const regexes = patterns.map(
    p => new RegExp(`^${p.split('*').map(escape).join('.*')}$`, 'i'),
  );
  return login => !!login && regexes.some(r => r.test(login));
}
