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

import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowUpward from '@material-ui/icons/ArrowUpward';
import { MetricDefinition } from './metricDefinitions';

/**
 * The change against the previous period, with an arrow and a colour that
 * know whether up is good for this metric. Nothing when either side is empty.
 */
export function Delta(props: {
  metric: MetricDefinition;
  current: number | null;
  previous: number | null;
}) {
  const { metric, current, previous } = props;
  const theme = useTheme();
  // Figures that look the same once formatted are no change to the reader.
  const same =
    current !== null &&
    previous !== null &&
    metric.format(current) === metric.format(previous);
  if (current === null || previous === null || same) {
    let text = 'no previous figure';
    if (same) text = 'no change';
    else if (previous !== null)
      text = `previous period: ${metric.format(previous)}`;
    return (
      <Typography variant="caption" color="textSecondary">
        {text}
      </Typography>
    );
  }
  const up = current > previous;
  const better = up === metric.higherIsBetter;
  const Arrow = up ? ArrowUpward : ArrowDownward;
  // Theme colours keep the contrast readable in light and dark themes.
  const colour = better ? theme.palette.success.main : theme.palette.error.main;
  const text = `${up ? 'up' : 'down'} from ${metric.format(previous)}`;
  return (
    <Typography
      variant="caption"
      style={{ color: colour, display: 'inline-flex', alignItems: 'center' }}
      aria-label={`${text}, ${better ? 'better' : 'worse'}`}
    >
      <Arrow fontSize="inherit" aria-hidden />
      {text}
    </Typography>
  );
}
