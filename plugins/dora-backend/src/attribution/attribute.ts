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
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';
import { InputError } from '@backstage/errors';
import { CatalogIndex, IndexedEntity } from './CatalogIndex';

/** Where an event belongs: an entity, how it was matched, and its owners then. */
export type Attribution = {
  entityRef: string;
  matchedBy: string;
  /** The owner group first, then its ancestors; empty when unknown. */
  ownerChain: string[];
};

/** `component:default/checkout` form, lower case, with defaults applied. */
export function normalizeEntityRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

const catalogRules = makeValidator();

/**
 * Whether `ref` is an entity ref the catalog could hold: parsable, and kind,
 * namespace and name by the catalog model's rules (a name of letters, digits
 * and `-_.`, at most 63 characters), so no spaces or markup are stored or
 * echoed.
 */
export function isCatalogRef(ref: string): boolean {
  try {
    const { kind, namespace, name } = parseEntityRef(ref.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return (
      catalogRules.isValidKind(kind) &&
      catalogRules.isValidNamespace(namespace) &&
      catalogRules.isValidEntityName(name)
    );
  } catch {
    return false;
  }
}

/**
 * {@link normalizeEntityRef} for a ref a caller sent as `field`: a malformed
 * one (`:`, `component:`, `default/`, blank, a name with spaces or markup) is
 * a 400 naming the field, not the TypeError the catalog model's parser throws.
 */
export function normalizeRefParameter(ref: string, field: string): string {
  if (!isCatalogRef(ref)) {
    throw new InputError(
      `${field}: not an entity ref (kind:namespace/name, by the catalog rules)`,
    );
  }
  return normalizeEntityRef(ref);
}

function attribution(
  index: CatalogIndex,
  entityRef: string,
  matchedBy: string,
): Attribution {
  return { entityRef, matchedBy, ownerChain: index.ownerChain(entityRef) };
}

/**
 * Of the entities sharing a repository, those a deployment environment
 * belongs to: the entities that claim it with `dora-metrics/github-environment`,
 * else the entities that claim no environment (a plain monorepo counts for
 * each). Without an environment (a commit, an incident) nothing narrows.
 */
export function narrowByEnvironment(
  candidates: IndexedEntity[],
  environment: string | null | undefined,
): IndexedEntity[] {
  if (!candidates.some(e => e.deploymentEnvironments)) return candidates;
  if (!environment) return candidates;
  const env = environment.trim().toLocaleLowerCase('en-US');
  const claiming = candidates.filter(e =>
    e.deploymentEnvironments?.includes(env),
  );
  return claiming.length > 0
    ? claiming
    : candidates.filter(e => !e.deploymentEnvironments);
}

/**
 * The entities an event belongs to (spec: "Attribution"): the one it names,
 * else every entity whose annotation matches its repository (narrowed by the
 * deployment environment in a monorepo) or service. An empty list means the
 * event is kept unattributed.
 */
export function attributeEvent(
  index: CatalogIndex,
  event: {
    entityRef: string | null;
    repository?: string | null;
    environment?: string | null;
    service?: string | null;
  },
): Attribution[] {
  if (event.entityRef)
    return [attribution(index, event.entityRef, 'entityRef')];
  if (event.repository) {
    const repository = event.repository.trim().toLocaleLowerCase('en-US');
    return narrowByEnvironment(
      index.byRepositoryName(repository),
      event.environment,
    ).map(e =>
      attribution(
        index,
        e.ref,
        e.repositories.find(r => r.value === repository)?.annotation ??
          GITHUB_PROJECT_SLUG_ANNOTATION,
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
