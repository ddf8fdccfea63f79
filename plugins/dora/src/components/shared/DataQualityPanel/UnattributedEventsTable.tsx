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

import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { UnattributedEvent, annotationForEvent } from './annotationHints';

const SHOWN = 10;

/** Unclaimed events by source and key, with the annotation that would claim them. */
export function UnattributedEventsTable(props: {
  events: UnattributedEvent[];
}) {
  const shown = props.events.slice(0, SHOWN);
  const hidden = props.events.length - shown.length;
  return (
    <>
      <Table size="small" aria-label="Unattributed events">
        <TableHead>
          <TableRow>
            <TableCell>Type</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>Repository / service</TableCell>
            <TableCell align="right">Events</TableCell>
            <TableCell>Annotation that would match</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(event => {
            const annotation = annotationForEvent(event);
            return (
              <TableRow
                key={`${event.eventType}|${event.source}|${event.matchKey}`}
              >
                <TableCell>{event.eventType}</TableCell>
                <TableCell>{event.source}</TableCell>
                <TableCell>{event.matchKey ?? '(none)'}</TableCell>
                <TableCell align="right">{event.count}</TableCell>
                <TableCell>
                  {annotation ? (
                    <code>{annotation}</code>
                  ) : (
                    'none: the sender must name an entityRef'
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {hidden > 0 && (
        <Typography variant="caption" color="textSecondary">
          and {hidden} more
        </Typography>
      )}
    </>
  );
}
