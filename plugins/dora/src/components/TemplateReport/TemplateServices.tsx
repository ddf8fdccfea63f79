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
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import Close from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import { WindowQuery } from '../../api';
import { EntityMetricsTable, hiddenServicesNote } from '../shared';
import { NO_TEMPLATE_LABEL } from './templateLabel';
import { isNotFound } from '../../lib/isNotFound';
import { useTemplateMetrics } from '../../hooks';

/**
 * The drill-down of one template row: its services, each with its own
 * figures and a link to its DORA tab.
 */
export function TemplateServices(props: {
  templateRef: string | null;
  label: string;
  window: WindowQuery;
  onClose: () => void;
}) {
  const { templateRef, label, window, onClose } = props;
  const { value, loading, error } = useTemplateMetrics(templateRef, window);
  const heading =
    templateRef === null
      ? `Services made from no template`
      : `Services made from ${label}`;

  let body;
  if (error && isNotFound(error)) {
    body = (
      <EmptyState
        missing="data"
        title={
          templateRef === null
            ? 'Every service was made from a template'
            : 'No service made from this template yet'
        }
      />
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading || !value) {
    body = <Progress />;
  } else {
    body = (
      <>
        {value.hiddenEntityCount > 0 && (
          <Box mb={2}>
            <Alert severity="info">
              {hiddenServicesNote(value.hiddenEntityCount)}
            </Alert>
          </Box>
        )}
        <EntityMetricsTable
          title={`${heading} (${value.entityCount})`}
          entities={value.entities}
        />
      </>
    );
  }

  return (
    <Box component="section" aria-label={heading}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="h6" component="h2">
          {templateRef === null ? NO_TEMPLATE_LABEL : label}: services
        </Typography>
        <IconButton aria-label="Close services list" onClick={onClose}>
          <Close />
        </IconButton>
      </Box>
      {body}
    </Box>
  );
}
