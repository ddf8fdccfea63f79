import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';
import { Attribution } from '../store/types';
import { CatalogIndex } from './CatalogIndex';

/** `component:default/checkout` form, lower case, with defaults applied. */
export function normalizeEntityRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

function attribution(
  index: CatalogIndex,
  entityRef: string,
  matchedBy: string,
): Attribution {
  return { entityRef, matchedBy, ownerChain: index.ownerChain(entityRef) };
}

/**
 * The entities an event belongs to (spec: "Attribution"): the one it names,
 * else every entity whose annotation matches its repository or service. An
 * empty list means the event is kept unattributed.
 */
export function attributeEvent(
  index: CatalogIndex,
  event: {
    entityRef: string | null;
    repository?: string | null;
    service?: string | null;
  },
): Attribution[] {
  if (event.entityRef)
    return [attribution(index, event.entityRef, 'entityRef')];
  if (event.repository) {
    return index
      .byRepositoryName(event.repository)
      .map(e =>
        attribution(
          index,
          e.ref,
          e.repositories.find(
            r =>
              r.value === event.repository!.trim().toLocaleLowerCase('en-US'),
          )?.annotation ?? GITHUB_PROJECT_SLUG_ANNOTATION,
        ),
      );
  }
  if (event.service) {
    return index
      .byPagerDutyService(event.service)
      .map(e => attribution(index, e.ref, PAGERDUTY_SERVICE_ID_ANNOTATION));
  }
  return [];
}
