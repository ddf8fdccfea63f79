import { Entity } from '@backstage/catalog-model';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';

/**
 * The entity of the surrounding entity page, or undefined outside one (the
 * golden-path report page mounts the panel with no entity context).
 *
 * `useAsyncEntity` throws when there is no entity context at all. It reads
 * the context before it throws, so catching keeps the hook order stable.
 */
export function useOptionalEntity(): Entity | undefined {
  try {
    return useAsyncEntity().entity;
  } catch {
    return undefined;
  }
}
