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
import { IncidentView } from '@dora-metrics/plugin-dora-common';
import { doraApiRef } from '../../api';
import { EventLink } from './EventLink';
import { EventWindow, PagedEventTable } from './PagedEventTable';
import { incidentsToCsv } from './exportData';
import { formatInstant } from './formatInstant';

const LINKED_BY: Record<NonNullable<IncidentView['linkedBy']>, string> = {
  cause: 'explicit cause',
  time: 'latest deployment before it',
};

const columns: TableColumn<IncidentView>[] = [
  {
    title: 'Incident',
    render: i => (
      <>
        {i.title ?? '(untitled)'}
        <div>
          <code>
            {i.source}:{i.id}
          </code>
        </div>
      </>
    ),
  },
  { title: 'Started', render: i => formatInstant(i.startedAt) },
  {
    title: 'Resolved',
    render: i => (i.resolvedAt ? formatInstant(i.resolvedAt) : 'open'),
  },
  { title: 'Severity', render: i => i.severity ?? '–' },
  {
    title: 'Linked deployment',
    render: i =>
      i.linkedDeployment
        ? `${i.linkedDeployment}${
            i.linkedBy ? ` (by ${LINKED_BY[i.linkedBy]})` : ''
          }`
        : 'not linked',
  },
  {
    title: 'Link',
    render: i => <EventLink url={i.url} label={`Open incident ${i.id}`} />,
  },
];

/** The incidents of an entity in a window, newest first, page by page. */
export function IncidentsTable(props: EventWindow) {
  const api = useApi(doraApiRef);
  return (
    <PagedEventTable<IncidentView>
      noun="incidents"
      title="Incidents"
      window={props}
      list={query => api.listIncidents(query)}
      columns={columns}
      toCsv={incidentsToCsv}
    />
  );
}
