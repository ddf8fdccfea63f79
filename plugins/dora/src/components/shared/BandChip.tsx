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

import { Band } from '@dora-metrics/plugin-dora-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

// Fixed hues with white text keep contrast in light and dark themes; the
// word is always shown so that colour is never the only signal.
const COLOURS: Record<Band, string> = {
  elite: '#1b5e20',
  high: '#2e7d32',
  medium: '#b26a00',
  low: '#b71c1c',
};

const useStyles = makeStyles({
  chip: { color: '#fff', fontWeight: 600, textTransform: 'capitalize' },
});

/** A band as colour and word; "no band" when there is none. */
export function BandChip(props: {
  band: Band | null;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  if (!props.band) {
    return (
      <Chip size={props.size ?? 'small'} label="no band" variant="outlined" />
    );
  }
  return (
    <Chip
      size={props.size ?? 'small'}
      className={classes.chip}
      style={{ backgroundColor: COLOURS[props.band] }}
      label={props.band}
      aria-label={`band: ${props.band}`}
    />
  );
}

export const BAND_COLOURS = COLOURS;
