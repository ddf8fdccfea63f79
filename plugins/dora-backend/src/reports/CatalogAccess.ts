import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeEntityRef } from '../attribution/attribute';

/**
 * What the caller may see of the catalog. Catalog reads for a user go with
 * the user's credentials, so that read access follows catalog permissions. A
 * service (a CI token restricted to this plugin, say) is trusted like any
 * backend caller: the catalog is read as this plugin.
 */
export class CatalogAccess {
  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  private async onBehalfOf(credentials: BackstageCredentials) {
    const { auth } = this.deps;
    return {
      credentials: auth.isPrincipal(credentials, 'service')
        ? await auth.getOwnServiceCredentials()
        : credentials,
    };
  }

  /** The refs of `entityRefs` the caller may read, and how many were hidden. */
  async visible(entityRefs: string[], credentials: BackstageCredentials) {
    if (entityRefs.length === 0) return { visible: [], hidden: 0 };
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.name'] },
      await this.onBehalfOf(credentials),
    );
    const visible = entityRefs.filter((_, i) => items[i]);
    return { visible, hidden: entityRefs.length - visible.length };
  }

  /**
   * The normalized ref, or a 404 naming `field` when the entity does not
   * exist or the caller may not read it (the two look alike on purpose).
   */
  async readableRef(
    ref: string,
    credentials: BackstageCredentials,
    field = 'entityRef',
  ): Promise<string> {
    const normalized = normalizeEntityRef(ref);
    const entity = await this.deps.catalog.getEntityByRef(
      normalized,
      await this.onBehalfOf(credentials),
    );
    if (!entity) {
      throw new NotFoundError(
        `${field}: no entity ${normalized} that you may read`,
      );
    }
    return normalized;
  }
}
