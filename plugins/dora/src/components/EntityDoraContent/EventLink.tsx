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

import { Link } from '@backstage/core-components';

// Event URLs come from senders outside Backstage: only web links are made
// clickable (core-components' Link throws on a javascript: URL, which would
// take the whole table down).
const WEB_URL = /^https?:\/\//i;

/** A link out to the event at its source (CI run, incident), when it has one. */
export function EventLink(props: { url: string | null; label: string }) {
  if (!props.url) return <>–</>;
  if (!WEB_URL.test(props.url)) return <code>{props.url}</code>;
  return (
    <Link to={props.url} aria-label={props.label}>
      Open
    </Link>
  );
}
