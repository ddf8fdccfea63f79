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
  ResponseErrorPanel,
  Table,
  TableColumn,
  TableProps,
} from '@backstage/core-components';
import { Page } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { ExportButtons } from './ExportButtons';
import { toJson } from './exportData';
import { useCursorPage } from '../../hooks';

const PAGE_SIZE = 25;

/** Whose events, and when: what a table lists. */
export type EventWindow = { entityRef: string; from: string; to: string };

/** A request for one page of an entity's events, as the list endpoints take it. */
export type EventPageQuery = EventWindow & { limit: number; cursor?: string };

/**
 * One page of an entity's events in a window, newest first, with cursor
 * paging and export of the page shown. `noun` names the events
 * ("deployments") in titles, button names and the export file.
 */
export function PagedEventTable<T extends object>(props: {
  noun: string;
  title: string;
  window: EventWindow;
  list: (query: EventPageQuery) => Promise<Page<T>>;
  columns: TableColumn<T>[];
  toCsv: (items: T[]) => string;
  detailPanel?: TableProps<T>['detailPanel'];
}) {
  const { noun, list } = props;
  const { entityRef, from, to } = props.window;
  // Paging restarts when the entity or the window changes.
  const page = useCursorPage(
    cursor => list({ entityRef, from, to, limit: PAGE_SIZE, cursor }),
    `${entityRef}|${from}|${to}`,
  );
  const filename = `dora-${entityRef}-${from.slice(0, 10)}-${to.slice(0, 10)}`;
  const items = useMemo(() => page.value?.items ?? [], [page.value]);
  // material-table writes `tableData` (such as an open detail panel) into
  // the row objects it gets: copies keep that out of the items exported as
  // JSON, and memoising them keeps an open panel open across re-renders.
  const rows = useMemo(() => items.map(item => ({ ...item })), [items]);

  return (
    <Box>
      {page.error && <ResponseErrorPanel error={page.error} />}
      <Table<T>
        title={props.title}
        subtitle={`Page ${page.pageNumber}, newest first`}
        columns={props.columns}
        data={rows}
        isLoading={page.loading}
        detailPanel={props.detailPanel}
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          draggable: false,
          sorting: false,
        }}
        emptyContent={
          <Box p={2}>
            <Typography color="textSecondary">
              No {noun} in this window
            </Typography>
          </Box>
        }
      />
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        mt={1}
        style={{ gap: 8 }}
      >
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            size="small"
            disabled={!page.hasPrevious}
            onClick={page.first}
            aria-label={`First page of ${noun}`}
          >
            First page
          </Button>
          <Button
            size="small"
            disabled={!page.hasPrevious}
            onClick={page.previous}
            aria-label={`Previous page of ${noun}`}
          >
            Previous page
          </Button>
          <Button
            size="small"
            disabled={!page.hasNext}
            onClick={page.next}
            aria-label={`Next page of ${noun}`}
          >
            Next page
          </Button>
        </Box>
        <ExportButtons
          what={`this page of ${noun}`}
          filename={`${filename}-${noun}-page-${page.pageNumber}`}
          csv={() => props.toCsv(items)}
          json={() => toJson(items)}
          disabled={items.length === 0}
        />
      </Box>
    </Box>
  );
}
