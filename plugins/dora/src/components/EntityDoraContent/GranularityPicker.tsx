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

import { GRANULARITIES, Granularity } from '@dora-metrics/plugin-dora-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

const LABELS: Record<Granularity, string> = {
  day: 'By day',
  week: 'By week',
  month: 'By month',
};

/** Bucket size of the trend charts: day, ISO week or calendar month. */
export function GranularityPicker(props: {
  value: Granularity;
  onChange: (value: Granularity) => void;
}) {
  return (
    <TextField
      select
      // The id links the label to the select, so its accessible name is
      // "Granularity …" and not only the chosen value.
      id="dora-granularity"
      size="small"
      variant="outlined"
      label="Granularity"
      value={props.value}
      inputProps={{ 'data-testid': 'dora-granularity' }}
      onChange={e => props.onChange(e.target.value as Granularity)}
    >
      {GRANULARITIES.map(g => (
        <MenuItem key={g} value={g}>
          {LABELS[g]}
        </MenuItem>
      ))}
    </TextField>
  );
}
