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

import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { EntityMetricsSummary } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { useEntityDoraPath } from '../../hooks';
import { metricColumns } from './metricColumns';

const PAGE_SIZE = 20;

/** What a service row is called: its title, else its ref without defaults. */
export function entityDisplayName(entity: {
  entityRef: string;
  title: string | null;
}): string {
  return (
    entity.title ??
    humanizeEntityRef(parseEntityRef(entity.entityRef), {
      defaultKind: 'component',
    })
  );
}

function serviceColumn(
  doraPath: (entityRef: string) => string,
): TableColumn<EntityMetricsSummary> {
  return {
    title: 'Service',
    field: 'title',
    highlight: true,
    customSort: (a, b) =>
      entityDisplayName(a).localeCompare(entityDisplayName(b)),
    customFilterAndSearch: (filter: string, row) =>
      `${entityDisplayName(row)} ${row.entityRef}`
        .toLocaleLowerCase('en-US')
        .includes(String(filter).toLocaleLowerCase('en-US')),
    render: row => (
      <Box>
        <Link to={doraPath(row.entityRef)}>{entityDisplayName(row)}</Link>
        {row.title && (
          <Typography variant="caption" color="textSecondary" display="block">
            {row.entityRef}
          </Typography>
        )}
      </Box>
    ),
  };
}

/**
 * Services with their own five metrics, each linking to its DORA tab. Used
 * for a team's services and for the services made from one template.
 */
export function EntityMetricsTable(props: {
  title: string;
  entities: EntityMetricsSummary[];
}) {
  const doraPath = useEntityDoraPath();
  const columns = useMemo(
    () => [serviceColumn(doraPath), ...metricColumns<EntityMetricsSummary>()],
    [doraPath],
  );
  // material-table writes its bookkeeping into the row objects; copies keep
  // the API response untouched.
  const data = useMemo(
    () => props.entities.map(entity => ({ ...entity })),
    [props.entities],
  );
  return (
    <Table<EntityMetricsSummary>
      title={props.title}
      columns={columns}
      data={data}
      options={{
        padding: 'dense',
        search: data.length > 5,
        paging: data.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
        sorting: true,
        // Reordering columns adds a second button per header and no insight.
        draggable: false,
      }}
      emptyContent={
        <Box p={2}>
          <Typography color="textSecondary">No services.</Typography>
        </Box>
      }
    />
  );
}
