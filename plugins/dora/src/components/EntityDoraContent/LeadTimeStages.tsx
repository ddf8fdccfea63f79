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

import { LeadTimeStages as Stages } from '@dora-metrics/plugin-dora-common';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { formatHours } from '../shared';

const STAGES: { key: keyof Stages; title: string; span: string }[] = [
  {
    key: 'codingHours',
    title: 'Coding',
    span: 'first commit → pull request opened',
  },
  {
    key: 'pickupHours',
    title: 'Pickup',
    span: 'opened → first review by someone else',
  },
  { key: 'reviewHours', title: 'Review', span: 'first review → merged' },
  {
    key: 'deployHours',
    title: 'Deploy',
    span: 'merged → running in production',
  },
];

/** Whether any stage has a figure (only with pull-request data). */
export function hasStages(stages: Stages): boolean {
  return STAGES.some(s => stages[s.key] !== null);
}

/**
 * Where lead time goes, stage by stage. Each is a median of its own samples,
 * so the four need not add up to the overall median.
 */
export function LeadTimeStages(props: { stages: Stages }) {
  const { stages } = props;
  if (!hasStages(stages)) return null;
  return (
    <section aria-label="Lead time by stage">
      <Typography variant="h6" component="h3" gutterBottom>
        Lead time by stage (medians)
      </Typography>
      <Grid container spacing={2}>
        {STAGES.map(stage => (
          <Grid item xs={12} sm={6} md={3} key={stage.key}>
            <Paper variant="outlined">
              <Box p={2} data-testid={`dora-stage-${stage.key}`}>
                <Typography variant="subtitle2">{stage.title}</Typography>
                <Typography variant="h6" component="p">
                  {stages[stage.key] === null
                    ? 'No data'
                    : formatHours(stages[stage.key])}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {stage.span}
                </Typography>
              </Box>
            </Paper>
          </Grid>
        ))}
      </Grid>
      <Typography variant="caption" color="textSecondary">
        Each stage is a median of its own samples; the stages need not add up to
        the overall median.
      </Typography>
    </section>
  );
}
