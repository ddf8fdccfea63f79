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

import { Entity } from '@backstage/catalog-model';
import {
  DORA_MATCH_ANNOTATIONS,
  SOURCE_TEMPLATE_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';

/**
 * Whether an entity can have DORA events matched to it: it carries one of the
 * repository or incident-service annotations. Events may also name an entity
 * directly; such entities show the tab once an annotation is added, which the
 * data-quality panel asks for.
 * @public
 */
export function isDoraAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return DORA_MATCH_ANNOTATIONS.some(a => Boolean(annotations[a]));
}

/** Whether the entity is a scaffolder template (for its golden-path card). @public */
export function isTemplate(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'template';
}

/** Whether the entity was made from a template. @public */
export function isFromTemplate(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION]);
}
