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
