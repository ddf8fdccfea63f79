import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { IncidentView } from '@dora-metrics/plugin-dora-common';
import { doraApiRef } from '../../api';
import { EventLink } from './EventLink';
import { PagedEventTable } from './PagedEventTable';
import { incidentsToCsv } from './exportData';
import { formatInstant } from './formatInstant';

const PAGE_SIZE = 25;

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
export function IncidentsTable(props: {
  entityRef: string;
  from: string;
  to: string;
}) {
  const { entityRef, from, to } = props;
  const api = useApi(doraApiRef);
  return (
    <PagedEventTable<IncidentView>
      noun="incidents"
      title="Incidents"
      resetKey={`${entityRef}|${from}|${to}`}
      load={cursor =>
        api.listIncidents({ entityRef, from, to, limit: PAGE_SIZE, cursor })
      }
      columns={columns}
      toCsv={incidentsToCsv}
      filename={`dora-${entityRef}-${from.slice(0, 10)}-${to.slice(0, 10)}`}
    />
  );
}
