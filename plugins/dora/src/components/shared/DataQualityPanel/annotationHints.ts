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
  DORA_MATCH_ANNOTATIONS,
  DataQualityReport,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';

export type UnattributedEvent = DataQualityReport['unattributedEvents'][number];

const PLACEHOLDERS: Record<string, string> = {
  [GITHUB_PROJECT_SLUG_ANNOTATION]: '<org>/<repo>',
  [GITLAB_PROJECT_SLUG_ANNOTATION]: '<group>/<project>',
  [PAGERDUTY_SERVICE_ID_ANNOTATION]: '<id>',
};

/** `name: <placeholder>`, or `name: value` when the value is known. */
export function annotationLine(name: string, value?: string): string {
  return `${name}: ${value ?? PLACEHOLDERS[name] ?? '<value>'}`;
}

/** Whether any annotation lets events be matched to the entity by key. */
export function hasMatchAnnotation(
  annotations: Record<string, string> | undefined,
): boolean {
  return DORA_MATCH_ANNOTATIONS.some(name => Boolean(annotations?.[name]));
}

/**
 * The annotation lines an entity lacks for events to be matched to it: a
 * repository (GitHub, or GitLab instead) for deployments and commits, and a
 * PagerDuty service for incidents.
 */
export function missingAnnotationNames(
  annotations: Record<string, string> | undefined,
): string[] {
  const present = annotations ?? {};
  const missing: string[] = [];
  if (
    !present[GITHUB_PROJECT_SLUG_ANNOTATION] &&
    !present[GITLAB_PROJECT_SLUG_ANNOTATION]
  ) {
    missing.push(GITHUB_PROJECT_SLUG_ANNOTATION);
  }
  if (!present[PAGERDUTY_SERVICE_ID_ANNOTATION]) {
    missing.push(PAGERDUTY_SERVICE_ID_ANNOTATION);
  }
  return missing;
}

/**
 * The backend lists every match annotation an entity lacks; GitHub and GitLab
 * are alternatives, so one repository line is enough to suggest.
 */
export function collapseAlternatives(missing: string[]): string[] {
  if (missing.includes(GITHUB_PROJECT_SLUG_ANNOTATION)) {
    return missing.filter(name => name !== GITLAB_PROJECT_SLUG_ANNOTATION);
  }
  return missing;
}

/** The YAML an owner pastes into catalog-info.yaml. */
export function annotationYaml(lines: string[]): string {
  return ['metadata:', '  annotations:', ...lines.map(l => `    ${l}`)].join(
    '\n',
  );
}

/**
 * The annotation that would claim an unattributed event: deployments match
 * by repository (GitLab sources by GitLab path), incidents by service id.
 * Undefined when the event carries no key to match by.
 */
export function annotationForEvent(
  event: UnattributedEvent,
): string | undefined {
  if (!event.matchKey) return undefined;
  if (event.eventType === 'incident') {
    return annotationLine(PAGERDUTY_SERVICE_ID_ANNOTATION, event.matchKey);
  }
  const name = event.source.toLocaleLowerCase('en-US').includes('gitlab')
    ? GITLAB_PROJECT_SLUG_ANNOTATION
    : GITHUB_PROJECT_SLUG_ANNOTATION;
  return annotationLine(name, event.matchKey);
}
