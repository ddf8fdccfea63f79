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

import { InfoCard } from '@backstage/core-components';
import { MetricsDataQuality } from '@dora-metrics/plugin-dora-common';
import Typography from '@material-ui/core/Typography';
import { FindingView } from './FindingView';
import { windowFindings } from './findings';

/**
 * The data-quality counts of a pool's window (a team's services): changes
 * left out of lead time, deployments whose commits are unknown, clock skew,
 * unlinked incidents. Entity pages show the fuller {@link DataQualityPanel}.
 */
export function WindowDataQuality(props: {
  dataQuality: MetricsDataQuality;
  subheader: string;
}) {
  const findings = windowFindings(props.dataQuality);
  return (
    <InfoCard title="Data quality" subheader={props.subheader}>
      {findings.map(finding => (
        <FindingView key={finding.kind} finding={finding} />
      ))}
      {findings.length === 0 && (
        <Typography color="textSecondary">No data-quality findings</Typography>
      )}
    </InfoCard>
  );
}
