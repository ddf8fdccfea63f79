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

import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { MissingAnnotationsHint } from './MissingAnnotationsHint';
import { AnnotationSnippet } from './AnnotationSnippet';
import { UnattributedEventsTable } from './UnattributedEventsTable';
import { annotationLine } from './annotationHints';
import { Finding } from './findings';

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function Body(props: { children: ReactNode }) {
  return <Typography variant="body2">{props.children}</Typography>;
}

/** Title, severity and explanation (with the fix) of one finding. */
function describe(finding: Finding): {
  severity: 'warning' | 'info';
  title: string;
  body: ReactNode;
} {
  switch (finding.kind) {
    case 'missing-annotations':
      return {
        severity: finding.noneAtAll ? 'warning' : 'info',
        title: finding.noneAtAll
          ? 'No DORA annotations on this entity'
          : 'No incident service annotation',
        body: <MissingAnnotationsHint {...finding} />,
      };
    case 'entities-without-annotations':
      return {
        severity: 'warning',
        title: `${plural(
          finding.entities.length,
          'entity has',
          'entities have',
        )} events but no DORA annotation`,
        body: (
          <>
            <Body>
              Their events name them directly; events reported by repository or
              service will not be matched until they carry:
            </Body>
            {finding.entities.map(e => (
              <div key={e.entityRef}>
                <Typography variant="subtitle2">{e.entityRef}</Typography>
                <AnnotationSnippet
                  lines={e.missing.map(n => annotationLine(n))}
                />
              </div>
            ))}
          </>
        ),
      };
    case 'unattributed-events':
      return {
        severity: 'warning',
        title: `${plural(
          finding.events.reduce((sum, e) => sum + e.count, 0),
          'event matches',
          'events match',
        )} no entity`,
        body: (
          <>
            <Body>
              They are kept and counted as soon as an entity carries the
              matching annotation (if one of these is this entity&apos;s, add
              the line shown to its catalog-info.yaml).
            </Body>
            <UnattributedEventsTable events={finding.events} />
          </>
        ),
      };
    case 'unknown-entities':
      return {
        severity: 'warning',
        title: 'Events name entities the catalog does not know',
        body: (
          <Body>
            {finding.entityRefs.join(', ')}: fix the entityRef the sender uses,
            or register the entity.
          </Body>
        ),
      };
    case 'clock-skew':
      return {
        severity: 'info',
        title: `${plural(finding.count, 'commit', 'commits')} committed after ${
          finding.count === 1 ? 'its' : 'their'
        } deployment finished`,
        body: (
          <Body>
            A negative lead time is impossible, so these commits are left out of
            lead time. Check the clocks of the machines that commit and deploy,
            and that committedAt carries the right UTC offset.
          </Body>
        ),
      };
    case 'unlinked-incidents':
      return {
        severity: 'info',
        title: `${plural(
          finding.count,
          'incident links',
          'incidents link',
        )} to no deployment`,
        body: (
          <Body>
            They count for time to restore service but not for change failure
            rate or failed deployment recovery time. Send causeDeploymentId or
            causeSha with the incident, or check that a successful production
            deployment of this entity preceded it.
          </Body>
        ),
      };
    case 'automated-changes':
      return {
        severity: 'info',
        title: `${plural(
          finding.count,
          'automated change',
          'automated changes',
        )} left out of lead time`,
        body: (
          <Body>
            Changes made by bots (dora.automatedAuthors, or sent with automated:
            true) ship and count for deployments, but are no lead-time or stage
            sample unless dora.leadTime.includeAutomated is true.
          </Body>
        ),
      };
    case 'unknown-commits':
      return {
        severity: 'info',
        title: `${plural(
          finding.count,
          'deployment shipped',
          'deployments shipped',
        )} commits that are not known`,
        body: (
          <Body>
            Without them there is no lead time for these deployments. List the
            commits on each deployment (<code>commits</code> in POST
            /api/dora/v1/deployments), or push commits with their parents to
            POST /api/dora/v1/changes so the history between deployments can be
            walked.
          </Body>
        ),
      };
    case 'stale-open-incidents':
      return {
        severity: 'info',
        title: `${plural(
          finding.incidents.length,
          'incident has',
          'incidents have',
        )} been open for 7 days or more`,
        body: (
          <>
            <Body>
              An open incident has no recovery time yet, and every deployment
              while it stays open counts as rework. Resolve it at the source or
              send its resolvedAt.
            </Body>
            <ul>
              {finding.incidents.map(i => (
                <li key={`${i.source}:${i.id}`}>
                  <Typography variant="body2">
                    {i.source}:{i.id} ({i.entityRef}), open since{' '}
                    {utc(i.startedAt)}
                  </Typography>
                </li>
              ))}
            </ul>
          </>
        ),
      };
    default:
      return { severity: 'info', title: 'Unknown finding', body: null };
  }
}

export function FindingView(props: { finding: Finding }) {
  const { severity, title, body } = describe(props.finding);
  return (
    <Alert
      severity={severity}
      data-testid={`dora-finding-${props.finding.kind}`}
      style={{ marginBottom: 8 }}
    >
      <AlertTitle>{title}</AlertTitle>
      {body}
    </Alert>
  );
}
