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
  annotationForEvent,
  collapseAlternatives,
  missingAnnotationNames,
} from './annotationHints';

describe('annotationHints', () => {
  it('asks for one repository annotation and the incident service', () => {
    expect(missingAnnotationNames({})).toEqual([
      'github.com/project-slug',
      'pagerduty.com/service-id',
    ]);
    expect(
      missingAnnotationNames({ 'gitlab.com/project-slug': 'acme/checkout' }),
    ).toEqual(['pagerduty.com/service-id']);
    expect(
      collapseAlternatives([
        'github.com/project-slug',
        'gitlab.com/project-slug',
        'pagerduty.com/service-id',
      ]),
    ).toEqual(['github.com/project-slug', 'pagerduty.com/service-id']);
  });

  it('names the annotation that would claim an unattributed event', () => {
    expect(
      annotationForEvent({
        eventType: 'deployment',
        source: 'gitlab-ci',
        matchKey: 'acme/checkout',
        count: 1,
      }),
    ).toBe('gitlab.com/project-slug: acme/checkout');
    expect(
      annotationForEvent({
        eventType: 'deployment',
        source: 'github-actions',
        matchKey: 'acme/checkout',
        count: 1,
      }),
    ).toBe('github.com/project-slug: acme/checkout');
    expect(
      annotationForEvent({
        eventType: 'incident',
        source: 'pagerduty',
        matchKey: 'PXYZ123',
        count: 1,
      }),
    ).toBe('pagerduty.com/service-id: PXYZ123');
    expect(
      annotationForEvent({
        eventType: 'incident',
        source: 'opsgenie',
        matchKey: null,
        count: 1,
      }),
    ).toBeUndefined();
  });
});
