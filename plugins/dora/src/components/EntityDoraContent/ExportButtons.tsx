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

import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import GetApp from '@material-ui/icons/GetApp';
import { downloadText, fileSafe } from './download';

/**
 * CSV and JSON download of what is shown. The content is built on click, not
 * on render, since a page of events can be large and is rarely exported.
 */
export function ExportButtons(props: {
  /** What is exported, for the accessible names: "metrics", "deployments". */
  what: string;
  /** File name without extension. */
  filename: string;
  csv: () => string;
  json: () => string;
  disabled?: boolean;
}) {
  const { what, csv, json, disabled } = props;
  const filename = fileSafe(props.filename);
  return (
    <ButtonGroup size="small" variant="outlined" disabled={disabled}>
      <Button
        startIcon={<GetApp />}
        aria-label={`Export ${what} as CSV`}
        onClick={() =>
          downloadText(`${filename}.csv`, csv(), 'text/csv;charset=utf-8')
        }
      >
        CSV
      </Button>
      <Button
        aria-label={`Export ${what} as JSON`}
        onClick={() =>
          downloadText(`${filename}.json`, json(), 'application/json')
        }
      >
        JSON
      </Button>
    </ButtonGroup>
  );
}
