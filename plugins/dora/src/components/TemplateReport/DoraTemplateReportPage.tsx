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
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { useCallback, useState } from 'react';
import { WindowQuery } from '../../api';
import { useTemplateReport } from '../../hooks';
import {
  DataQualityPanel,
  formatWindow,
  TimeRangePicker,
  useTimeRange,
} from '../shared';
import { TemplateComparisonChart } from './TemplateComparisonChart';
import { templateLabel } from './templateLabel';
import { TemplateReportTable, TemplateSelection } from './TemplateReportTable';
import { TemplateServices } from './TemplateServices';

function TemplateReport(props: { window: WindowQuery }) {
  const { value, loading, error } = useTemplateReport(props.window);
  const [selected, setSelected] = useState<TemplateSelection>();
  const select = useCallback(
    (selection: TemplateSelection) => setSelected(selection),
    [],
  );

  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return <Progress />;
  if (value.templates.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No services yet"
        description="The catalog has no service that DORA events could be recorded for."
      />
    );
  }
  const selectedRow =
    selected &&
    value.templates.find(row => row.templateRef === selected.templateRef);

  return (
    <Grid container spacing={3}>
      {loading && (
        <Grid item xs={12}>
          <LinearProgress aria-label="Loading" />
        </Grid>
      )}
      <Grid item xs={12}>
        <TemplateReportTable
          rows={value.templates}
          selected={selected}
          onSelect={select}
        />
      </Grid>
      {selected && (
        <Grid item xs={12}>
          <TemplateServices
            // A new template is a new list: drop the old table's sort and page.
            key={selected.templateRef ?? ''}
            templateRef={selected.templateRef}
            label={
              selectedRow
                ? templateLabel(selectedRow)
                : templateLabel({ ...selected, title: null })
            }
            window={props.window}
            onClose={() => setSelected(undefined)}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard
          title="Templates compared"
          subheader={`Pooled over each template's services · ${formatWindow(
            value.window,
          )}`}
        >
          <TemplateComparisonChart rows={value.templates} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The golden-path report: do services made from a template deliver better
 * than the others? One row per template, a chart, the services behind a row,
 * and what keeps the numbers from being right.
 */
export function DoraTemplateReportPage() {
  const { range, setRange, query } = useTimeRange();
  return (
    <Page themeId="tool">
      <Header
        title="Golden paths"
        subtitle="DORA metrics of services by the software template they were made from"
      />
      <Content>
        <ContentHeader title="Services by template">
          <TimeRangePicker value={range} onChange={setRange} />
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <TemplateReport window={query} />
          </Grid>
          <Grid item xs={12}>
            <DataQualityPanel />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
