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

import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { MetricsDataQuality } from '@dora-metrics/plugin-dora-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { doraApiRef } from '../../../api';
import { FindingView } from './FindingView';
import { collectFindings } from './findings';
import { useOptionalEntity } from './useOptionalEntity';

export type DataQualityPanelProps = {
  /** Scope the findings to one entity; without it the whole store is shown. */
  entityRef?: string;
  /** The `dataQuality` of that entity's metrics response (window counts). */
  dataQuality?: MetricsDataQuality;
};

/**
 * Why a DORA figure is missing, zero or doubtful, and what to change: missing
 * annotations, events no entity claims, clock skew, incidents that link to
 * nothing, deployments with unknown commits, incidents left open.
 */
export function DataQualityPanel(props: DataQualityPanelProps) {
  const { entityRef, dataQuality } = props;
  const api = useApi(doraApiRef);
  const entity = useOptionalEntity();
  const report = useAsync(() => api.getDataQuality(), [api]);
  const findings = collectFindings({
    entityRef,
    entity,
    dataQuality,
    report: report.value,
  });

  return (
    <InfoCard
      title="Data quality"
      subheader={
        entityRef
          ? `Why a figure for ${entityRef} may be missing, zero or doubtful`
          : 'What keeps DORA figures from being complete, across all entities'
      }
    >
      {report.error && <ResponseErrorPanel error={report.error} />}
      {findings.map(finding => (
        <FindingView key={finding.kind} finding={finding} />
      ))}
      {report.loading && <Progress />}
      {!report.loading && !report.error && findings.length === 0 && (
        <Typography color="textSecondary">No data-quality findings</Typography>
      )}
    </InfoCard>
  );
}
