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

import { MetricWindow } from '@dora-metrics/plugin-dora-common';

/** "9 Nov 2026": a day in the report's time zone (UTC if it is unknown here). */
export function formatDate(date: Date, timeZone = 'UTC'): string {
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(
      date,
    );
  } catch {
    return new Intl.DateTimeFormat('en-GB', {
      ...options,
      timeZone: 'UTC',
    }).format(date);
  }
}

/**
 * "2 Mar 2026 – 8 Mar 2026": the window as inclusive days in the report's
 * time zone. The API's `to` is exclusive, so the last day shown is the one
 * before it.
 */
export function formatWindow(window: MetricWindow, timeZone = 'UTC'): string {
  const lastInstant = new Date(new Date(window.to).getTime() - 1);
  return `${formatDate(new Date(window.from), timeZone)} – ${formatDate(
    lastInstant,
    timeZone,
  )}`;
}
