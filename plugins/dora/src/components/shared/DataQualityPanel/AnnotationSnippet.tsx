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

import { makeStyles } from '@material-ui/core/styles';
import { annotationYaml } from './annotationHints';

const useStyles = makeStyles(theme => ({
  snippet: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 1.5),
    margin: theme.spacing(1, 0),
    overflowX: 'auto',
    whiteSpace: 'pre',
  },
}));

/** Annotation lines as the YAML block to paste into catalog-info.yaml. */
export function AnnotationSnippet(props: { lines: string[] }) {
  const classes = useStyles();
  return (
    <pre className={classes.snippet} aria-label="catalog-info.yaml annotations">
      {annotationYaml(props.lines)}
    </pre>
  );
}
