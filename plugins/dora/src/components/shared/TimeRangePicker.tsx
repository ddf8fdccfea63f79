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

import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useMemo, useState } from 'react';

const DAY_MS = 86_400_000;

export type TimeRange =
  | { kind: 'last'; days: 30 | 90 | 180 }
  | { kind: 'custom'; from: string; to: string };

/** The `from` / `to` of a range as the API takes them (dates for custom ranges). */
export function rangeQuery(range: TimeRange, now = Date.now()) {
  if (range.kind === 'custom') return { from: range.from, to: range.to };
  // Whole days, so that repeated renders ask for the same window.
  const to = new Date(Math.ceil(now / DAY_MS) * DAY_MS);
  return {
    from: new Date(to.getTime() - range.days * DAY_MS).toISOString(),
    to: to.toISOString(),
  };
}

/** A range in component state and its API query, stable between renders. */
export function useTimeRange(initial: TimeRange = { kind: 'last', days: 90 }) {
  const [range, setRange] = useState<TimeRange>(initial);
  const query = useMemo(() => rangeQuery(range), [range]);
  return { range, setRange, query };
}

/** 30, 90 or 180 days, or a custom pair of dates. */
export function TimeRangePicker(props: {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
}) {
  const { value, onChange } = props;
  const selected = value.kind === 'last' ? String(value.days) : 'custom';
  // `to` is exclusive: a custom range ending "today" must end tomorrow to
  // include today, as the preset ranges do.
  const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
  return (
    <Box display="flex" style={{ gap: 8 }} alignItems="center">
      <TextField
        select
        id="dora-time-range"
        size="small"
        variant="outlined"
        label="Time range"
        value={selected}
        inputProps={{ 'data-testid': 'dora-time-range' }}
        onChange={e => {
          const v = e.target.value;
          if (v === 'custom') {
            const from = new Date(Date.now() - 30 * DAY_MS)
              .toISOString()
              .slice(0, 10);
            onChange({ kind: 'custom', from, to: tomorrow });
          } else {
            onChange({ kind: 'last', days: Number(v) as 30 | 90 | 180 });
          }
        }}
      >
        <MenuItem value="30">Last 30 days</MenuItem>
        <MenuItem value="90">Last 90 days</MenuItem>
        <MenuItem value="180">Last 180 days</MenuItem>
        <MenuItem value="custom">Custom</MenuItem>
      </TextField>
      {value.kind === 'custom' && (
        <>
          <TextField
            type="date"
            size="small"
            variant="outlined"
            label="From"
            InputLabelProps={{ shrink: true }}
            value={value.from}
            onChange={e => onChange({ ...value, from: e.target.value })}
          />
          <TextField
            type="date"
            size="small"
            variant="outlined"
            label="To (exclusive)"
            InputLabelProps={{ shrink: true }}
            value={value.to}
            onChange={e => onChange({ ...value, to: e.target.value })}
          />
        </>
      )}
    </Box>
  );
}
