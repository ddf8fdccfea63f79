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

import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { DeploymentView } from '@dora-metrics/plugin-dora-common';
import { doraApiRef } from '../../api';
import { formatHours } from '../shared';
import { CommitsCell, DeploymentCommitList } from './DeploymentCommits';
import { EventLink } from './EventLink';
import { EventWindow, PagedEventTable } from './PagedEventTable';
import { deploymentsToCsv } from './exportData';
import { formatInstant } from './formatInstant';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

const columns: TableColumn<DeploymentView>[] = [
  {
    title: 'Deployment',
    render: d => (
      <>
        {d.id}
        {d.sha ? (
          <div>
            <code>{d.sha.slice(0, 7)}</code>
          </div>
        ) : null}
      </>
    ),
  },
  { title: 'Finished', render: d => formatInstant(d.finishedAt) },
  { title: 'Environment', field: 'environment' },
  { title: 'Status', field: 'status' },
  {
    title: 'Kind',
    render: d => (d.rollbackOf ? `${d.kind} of ${d.rollbackOf}` : d.kind),
  },
  // Only successful production deployments count; the rest are listed so
  // that a deployment missing from the figures can be found and explained.
  { title: 'Counted', render: d => yesNo(d.counted) },
  { title: 'Failed', render: d => (d.counted ? yesNo(d.failed) : '–') },
  {
    title: 'Linked incidents',
    render: d =>
      d.linkedIncidents.length ? d.linkedIncidents.join(', ') : '–',
  },
  { title: 'Lead time', render: d => formatHours(d.leadTimeHours) },
  { title: 'Commits', render: d => <CommitsCell deployment={d} /> },
  {
    title: 'Link',
    render: d => <EventLink url={d.url} label={`Open deployment ${d.id}`} />,
  },
];

/** The deployments of an entity in a window, newest first, page by page. */
export function DeploymentsTable(props: EventWindow) {
  const api = useApi(doraApiRef);
  return (
    <PagedEventTable<DeploymentView>
      noun="deployments"
      title="Deployments"
      window={props}
      list={query => api.listDeployments(query)}
      columns={columns}
      toCsv={deploymentsToCsv}
      // One panel function (not an array of per-row panels): material-table's
      // detail panel cannot render array entries given as functions.
      detailPanel={({ rowData }) => (
        <DeploymentCommitList deployment={rowData} />
      )}
    />
  );
}
