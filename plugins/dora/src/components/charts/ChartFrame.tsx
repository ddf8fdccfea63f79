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
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export const CHART_HEIGHT = 240;

/**
 * A titled chart. The plot itself is one `role="img"` element with a text
 * description, because an SVG of axes and paths means nothing to a screen
 * reader; the description carries the figures that matter.
 */
export function ChartFrame(props: {
  title: string;
  description: string;
  /** Shown under the plot: what the dashed lines are, what a gap means. */
  note?: ReactNode;
  /** When false, a "No data" line replaces the plot. */
  hasData: boolean;
  children: ReactElement;
}) {
  const { title, description, note, hasData, children } = props;
  return (
    <Paper variant="outlined" style={{ height: '100%' }}>
      <Box p={2}>
        <Typography variant="h6" component="h3" gutterBottom>
          {title}
        </Typography>
        <div
          role="img"
          aria-label={description}
          style={{ width: '100%', height: CHART_HEIGHT }}
        >
          {hasData ? (
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          ) : (
            <Box
              height="100%"
              display="flex"
              alignItems="center"
              justifyContent="center"
            >
              <Typography color="textSecondary">No data</Typography>
            </Box>
          )}
        </div>
        {note && (
          <Typography variant="caption" color="textSecondary" component="p">
            {note}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
