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

import { Table, TableColumn } from '@backstage/core-components';
import { TemplateReportRow } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { MouseEvent, useMemo } from 'react';
import { metricColumns } from '../shared';
import { templateLabel } from './templateLabel';

/** Which template row is open in the drill-down; `null` is "No template". */
export type TemplateSelection = { templateRef: string | null };

function templateColumn(
  onSelect: (selection: TemplateSelection) => void,
): TableColumn<TemplateReportRow> {
  return {
    title: 'Template',
    field: 'title',
    highlight: true,
    // "No template" stays at the end in both directions: it is the baseline,
    // not a template. (material-table passes the direction as a 4th argument.)
    customSort: ((
      a: TemplateReportRow,
      b: TemplateReportRow,
      _type: string,
      direction?: string,
    ) => {
      const last = direction === 'desc' ? -1 : 1;
      if (a.templateRef === null) return last;
      if (b.templateRef === null) return -last;
      return templateLabel(a).localeCompare(templateLabel(b));
    }) as TableColumn<TemplateReportRow>['customSort'],
    customFilterAndSearch: (filter: string, row) =>
      `${templateLabel(row)} ${row.templateRef ?? ''}`
        .toLocaleLowerCase('en-US')
        .includes(String(filter).toLocaleLowerCase('en-US')),
    render: row => (
      <Box>
        {/* A button, not only a clickable row, so that the drill-down can be
            reached with the keyboard. */}
        <MuiLink
          component="button"
          variant="body2"
          onClick={(event: MouseEvent) => {
            event.stopPropagation();
            onSelect({ templateRef: row.templateRef });
          }}
        >
          {templateLabel(row)}
        </MuiLink>
        {row.templateRef && row.title && (
          <Typography variant="caption" color="textSecondary" display="block">
            {row.templateRef}
          </Typography>
        )}
      </Box>
    ),
  };
}

const servicesColumn: TableColumn<TemplateReportRow> = {
  title: 'Services',
  field: 'entityCount',
  type: 'numeric',
  searchable: false,
  render: row => (
    <Box>
      {row.entityCount}
      {row.hiddenEntityCount > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          {row.hiddenEntityCount} hidden
        </Typography>
      )}
    </Box>
  ),
};

/**
 * One row per template (and one for services made from none): how many
 * services, and the five metrics pooled over them. Selecting a row opens its
 * services below the table.
 */
export function TemplateReportTable(props: {
  rows: TemplateReportRow[];
  selected?: TemplateSelection;
  onSelect: (selection: TemplateSelection) => void;
}) {
  const { rows, selected, onSelect } = props;
  const theme = useTheme();
  const columns = useMemo(
    () => [
      templateColumn(onSelect),
      servicesColumn,
      ...metricColumns<TemplateReportRow>(),
    ],
    [onSelect],
  );
  // material-table writes its bookkeeping into the row objects.
  const data = useMemo(() => rows.map(row => ({ ...row })), [rows]);
  return (
    <Table<TemplateReportRow>
      title="Templates"
      columns={columns}
      data={data}
      onRowClick={(_event, row) =>
        row && onSelect({ templateRef: row.templateRef })
      }
      options={{
        padding: 'dense',
        search: data.length > 5,
        paging: false,
        sorting: true,
        // Reordering columns adds a second button per header and no insight.
        draggable: false,
        rowStyle: row =>
          selected && row.templateRef === selected.templateRef
            ? { backgroundColor: theme.palette.action.selected }
            : {},
      }}
    />
  );
}
