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
